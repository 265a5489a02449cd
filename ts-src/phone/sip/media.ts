/**
 * Local microphone and remote audio for SipPhone: device choice shared by all calls, and one
 * <audio> element per call playing the far end.
 */
import type { SipMediaOptions } from "./config";

type SinkableAudio = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

export class MediaDevicesState {
  inputDeviceId: string | null = null;
  outputDeviceId: string | null = null;

  constructor(private readonly options: SipMediaOptions = {}) {}

  /** Audio-only constraints honouring the chosen microphone (`exact`, so a wrong id fails loudly). */
  constraints(requested?: MediaStreamConstraints): MediaStreamConstraints {
    if (requested && requested.audio === false && !requested.video)
      return { audio: false, video: false };
    const audio: MediaTrackConstraints | boolean = this.inputDeviceId
      ? { deviceId: { exact: this.inputDeviceId } }
      : true;
    return { audio, video: false };
  }

  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
    if (this.options.getUserMedia) return this.options.getUserMedia(constraints);
    if (typeof navigator === "undefined" || !navigator.mediaDevices?.getUserMedia)
      return Promise.reject(
        Object.assign(new Error("This page cannot use the microphone (it needs HTTPS)."), {
          name: "SecurityError"
        })
      );
    return navigator.mediaDevices.getUserMedia(constraints);
  }

  createAudioElement(): HTMLAudioElement {
    if (this.options.createAudioElement) return this.options.createAudioElement();
    const element = document.createElement("audio");
    element.autoplay = true;
    element.hidden = true;
    element.dataset.softphoneAudio = "remote";
    document.body.appendChild(element);
    return element;
  }
}

export class CallAudio {
  private element?: SinkableAudio;

  constructor(private readonly devices: MediaDevicesState) {}

  get audioElement(): HTMLAudioElement | undefined {
    return this.element;
  }

  attach(stream: MediaStream): void {
    if (!this.element) {
      this.element = this.devices.createAudioElement() as SinkableAudio;
      void this.setSink(this.devices.outputDeviceId);
    }
    if (this.element.srcObject !== stream) this.element.srcObject = stream;
    // Autoplay may be blocked until the agent interacts with the page; answering is such an interaction.
    this.element.play?.()?.catch(() => undefined);
  }

  async setSink(deviceId: string | null): Promise<void> {
    const element = this.element;
    if (!element || typeof element.setSinkId !== "function") return;
    await element.setSinkId(deviceId ?? "");
  }

  detach(): void {
    const element = this.element;
    this.element = undefined;
    if (!element) return;
    element.pause?.();
    element.srcObject = null;
    element.remove?.();
  }
}
