/**
 * Call quality for Salesforce: the phone's own quality samples (SipPhone takes one every 2 s
 * from getStats(), phone/sip/quality-monitor.ts) become the base's UPDATE_AUDIO_STATS, per
 * direction; when a sampled call ends, `isAudioStatsCompleted` asks the base to compute the
 * MOS it stores on the VoiceCall (it answers UPDATE_AUDIO_STATS_COMPLETED). The host never
 * reads an RTCPeerConnection itself: it listens to the Phone interface's events.
 */
import { AudioStats, AudioStatsElement, StatsInfo } from "@salesforce/scv-connector-base";
import type { CallQualitySample, CallStreamFigures, Phone, PhoneEvent } from "../../phone/phone";
import { publishEvent } from "./base";

const UPDATE_AUDIO_STATS = "UPDATE_AUDIO_STATS";

function statsInfo(figures: CallStreamFigures, roundTripMs: number | null): StatsInfo {
  // StatsInfo's declared constructor wants every number; unknown figures count as 0 there.
  return new StatsInfo({
    packetsCount: figures.packets,
    packetsLost: figures.packetsLost ?? 0,
    jitterBufferMillis: figures.jitterBufferMs ?? figures.jitterMs ?? 0,
    roundTripTimeMillis: roundTripMs ?? 0
  });
}

/** One sample as the base's AudioStats; null when the phone gave no per-direction figures. */
export function audioStatsFrom(callId: string, sample: CallQualitySample): AudioStats | null {
  const streams = sample.streams;
  if (!streams) return null;
  const element = new AudioStatsElement({
    inputChannelStats: statsInfo(streams.inbound, sample.roundTripMs),
    outputChannelStats: statsInfo(streams.outbound, sample.roundTripMs)
  });
  return new AudioStats({ callId, stats: [element] });
}

export class VoiceAudioStats {
  private readonly sampled = new Set<string>();
  private stop: (() => void) | null = null;
  private phone: Pick<Phone, "kind" | "on"> | null = null;

  /** The phone the store uses (the entry file hands it over when it creates it). */
  attach(phone: Pick<Phone, "kind" | "on">): void {
    this.stop?.();
    this.phone = phone;
    this.stop = phone.on((event) => this.onPhoneEvent(event));
  }

  /** True for phones that sample real audio (SipPhone); the demo phone has no network. */
  get measuring(): boolean {
    return this.phone?.kind === "sip";
  }

  dispose(): void {
    this.stop?.();
    this.stop = null;
  }

  private onPhoneEvent(event: PhoneEvent): void {
    if (event.type === "callQuality") {
      const stats = audioStatsFrom(event.callId, event.sample);
      if (!stats) return;
      this.sampled.add(event.callId);
      this.publish(stats);
    } else if (event.type === "callEnded" && this.sampled.delete(event.call.id)) {
      this.publish(
        new AudioStats({ callId: event.call.id, stats: [], isAudioStatsCompleted: true })
      );
    }
  }

  private publish(payload: AudioStats): void {
    publishEvent({ eventType: UPDATE_AUDIO_STATS, payload }).catch((error: unknown) =>
      console.error("Softphone connector: audio statistics were not published", error)
    );
  }
}
