/**
 * Local microphone and remote audio for SipPhone: getUserMedia with the agent's device choice
 * and audio processing switches, and one <audio> element per call playing the far end on the
 * chosen output.
 */
import type { AudioDevices } from "../devices";
import type { SipMediaOptions } from "./config";

type SinkableAudio = HTMLAudioElement & {
  setSinkId?: (id: string) => Promise<void>;
  sinkId?: string;
};

export class SipMedia {
  constructor(
    readonly devices: AudioDevices,
    private readonly options: SipMediaOptions = {}
  ) {}

  /** Audio-only constraints: the microphone in effect (`exact`, so a wrong id fails loudly). */
  constraints(requested?: MediaStreamConstraints): MediaStreamConstraints {
    if (requested && requested.audio === false && !requested.video)
      return { audio: false, video: false };
    return { audio: this.devices.audioConstraints(), video: false };
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

  constructor(private readonly media: SipMedia) {}

  get audioElement(): HTMLAudioElement | undefined {
    return this.element;
  }

  attach(stream: MediaStream): void {
    if (!this.element) {
      this.element = this.media.createAudioElement() as SinkableAudio;
      void this.setSink(this.media.devices.effective("output")).catch(() => undefined);
    }
    if (this.element.srcObject !== stream) this.element.srcObject = stream;
    // Autoplay may be blocked until the agent interacts with the page; answering is such an interaction.
    this.element.play?.()?.catch(() => undefined);
  }

  /** Plays the call on `deviceId` (null: the default); a no-op where setSinkId is missing. */
  async setSink(deviceId: string | null): Promise<void> {
    const element = this.element;
    if (!element || typeof element.setSinkId !== "function") return;
    if ((element.sinkId ?? "") === (deviceId ?? "")) return;
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
