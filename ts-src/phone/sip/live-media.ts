/**
 * The agent's devices applied to SIP calls: opening the microphone for a call (falling back to
 * the default when the remembered one is gone), swapping it in calls in progress without
 * renegotiation (RTCRtpSender.replaceTrack), and moving call audio to another output
 * (HTMLMediaElement.setSinkId).
 */
import type { AudioDevices } from "../devices";
import { PhoneError, type DeviceFallback } from "../phone";
import type { CallAudio, SipMedia } from "./media";
import type { SessionDescriptionHandler } from "./sip-lib";

export interface LiveCallMedia {
  sdh: SessionDescriptionHandler | undefined;
  audio: CallAudio;
  /** Re-applies mute / hold to the (new) microphone track. */
  applyTrackState(): void;
}

const MISSING_DEVICE = new Set(["NotFoundError", "OverconstrainedError", "NotReadableError"]);

export class LiveMedia {
  constructor(
    private readonly media: SipMedia,
    private readonly devices: AudioDevices,
    private readonly onFallback: (fallback: DeviceFallback) => void
  ) {}

  /**
   * The microphone for a call. A remembered microphone that no longer opens (unplugged while
   * the browser hid device ids) gives way to the default, and the agent is told.
   */
  async openMicrophone(requested?: MediaStreamConstraints): Promise<MediaStream> {
    await this.devices.ready();
    const constraints = this.media.constraints(requested);
    try {
      return await this.media.getUserMedia(constraints);
    } catch (cause) {
      const chosen = this.devices.effective("input");
      const name = (cause as { name?: unknown })?.name;
      if (!chosen || constraints.audio === false || !MISSING_DEVICE.has(String(name))) throw cause;
      const stream = await this.media.getUserMedia({
        audio: { ...this.devices.processing },
        video: false
      });
      const lostLabel = this.devices.labelOf(chosen) ?? "The chosen microphone";
      this.onFallback({
        role: "input",
        lostLabel,
        message: `${lostLabel} could not be opened; using the default microphone.`
      });
      return stream;
    }
  }

  /** Opens the microphone in effect and puts it on every live call. */
  async applyMicrophone(calls: LiveCallMedia[], { probe = false } = {}): Promise<void> {
    const live = calls.filter((c) => c.sdh);
    if (live.length === 0) {
      if (probe) (await this.openMicrophone()).getTracks().forEach((track) => track.stop());
      return;
    }
    for (const call of live) {
      await replaceMicrophone(call.sdh as SessionDescriptionHandler, await this.openMicrophone());
      call.applyTrackState();
    }
  }

  async applyOutput(calls: LiveCallMedia[]): Promise<void> {
    const output = this.devices.effective("output");
    await Promise.all(calls.map((call) => call.audio.setSink(output)));
  }
}

/** Swaps the microphone track of a live call without renegotiation (RTCRtpSender.replaceTrack). */
export async function replaceMicrophone(
  sdh: SessionDescriptionHandler,
  stream: MediaStream
): Promise<void> {
  const track = stream.getAudioTracks()[0];
  if (!track) throw new PhoneError("MEDIA_DENIED", "The chosen microphone gave no audio.");
  const pc = sdh.peerConnection;
  const sender =
    pc?.getSenders().find((s) => s.track?.kind === "audio") ??
    pc?.getTransceivers().find((t) => t.receiver.track?.kind === "audio")?.sender;
  if (!sender) {
    track.stop();
    return;
  }
  const local = sdh.localMediaStream;
  await sender.replaceTrack(track);
  for (const old of local.getAudioTracks()) {
    old.stop();
    local.removeTrack(old);
  }
  local.addTrack(track);
}
