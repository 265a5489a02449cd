/**
 * A call's audio figures from WebRTC getStats(): what we receive (inbound-rtp), what the far
 * end says it receives (remote-inbound-rtp, from its RTCP receiver reports), the round trip of
 * the selected ICE candidate pair, and the codec. Two readings make one quality sample.
 */
import type { CallQualitySample } from "../phone";
import { qualitySample, silentSample } from "../quality";

/** Cumulative counters of one getStats() reading. */
export interface StatsReading {
  /** ms, from the stats timestamps. */
  at: number;
  packetsReceived: number;
  packetsLost: number;
  bytesReceived: number;
  bytesSent: number;
  /** Seconds, as WebRTC reports them. */
  jitter: number;
  packetsSent: number;
  /** Jitter buffer: total delay (s) and samples emitted, for the average delay. */
  jitterBufferDelay: number;
  jitterBufferEmitted: number;
  /** Cumulative packets lost as the far end reports them (RTCP). */
  remotePacketsLost?: number;
  remoteFractionLost?: number;
  remoteJitter?: number;
  roundTripTime?: number;
  codec: string | null;
}

type Stat = Record<string, unknown> & { type: string; id: string };

const num = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;

/** Reads the audio figures out of a stats report (a Map-like of stats objects). */
export function readStats(report: { forEach(cb: (stat: Stat) => void): void }): StatsReading {
  const byId = new Map<string, Stat>();
  const stats: Stat[] = [];
  report.forEach((stat) => {
    byId.set(stat.id, stat);
    stats.push(stat);
  });
  const audio = (s: Stat) => s.kind === "audio" || s.mediaType === "audio";
  const reading: StatsReading = {
    at: 0,
    packetsReceived: 0,
    packetsLost: 0,
    bytesReceived: 0,
    bytesSent: 0,
    jitter: 0,
    packetsSent: 0,
    jitterBufferDelay: 0,
    jitterBufferEmitted: 0,
    codec: null
  };
  let codecId: string | undefined;
  let pairRtt: number | undefined;
  for (const s of stats) {
    if (s.type === "inbound-rtp" && audio(s)) {
      reading.packetsReceived += num(s.packetsReceived) ?? 0;
      reading.packetsLost += Math.max(0, num(s.packetsLost) ?? 0);
      reading.bytesReceived += num(s.bytesReceived) ?? 0;
      reading.jitter = Math.max(reading.jitter, num(s.jitter) ?? 0);
      reading.jitterBufferDelay += num(s.jitterBufferDelay) ?? 0;
      reading.jitterBufferEmitted += num(s.jitterBufferEmittedCount) ?? 0;
      reading.at = Math.max(reading.at, num(s.timestamp) ?? 0);
      codecId ??= typeof s.codecId === "string" ? s.codecId : undefined;
    } else if (s.type === "outbound-rtp" && audio(s)) {
      reading.bytesSent += num(s.bytesSent) ?? 0;
      reading.packetsSent += num(s.packetsSent) ?? 0;
      reading.at = Math.max(reading.at, num(s.timestamp) ?? 0);
      codecId ??= typeof s.codecId === "string" ? s.codecId : undefined;
    } else if (s.type === "remote-inbound-rtp" && audio(s)) {
      const lost = num(s.fractionLost);
      if (lost !== undefined) reading.remoteFractionLost = lost;
      const remoteLost = num(s.packetsLost);
      if (remoteLost !== undefined) reading.remotePacketsLost = Math.max(0, remoteLost);
      const jitter = num(s.jitter);
      if (jitter !== undefined) reading.remoteJitter = jitter;
      const rtt = num(s.roundTripTime);
      if (rtt !== undefined) reading.roundTripTime ??= rtt;
    } else if (s.type === "transport" && typeof s.selectedCandidatePairId === "string") {
      pairRtt = num(byId.get(s.selectedCandidatePairId)?.currentRoundTripTime) ?? pairRtt;
    } else if (s.type === "candidate-pair" && s.nominated === true && s.state === "succeeded") {
      pairRtt ??= num(s.currentRoundTripTime);
    }
  }
  // The ICE pair's round trip is measured every few hundred ms; RTCP's only every few seconds.
  if (pairRtt !== undefined) reading.roundTripTime = pairRtt;
  const mime = codecId ? byId.get(codecId)?.mimeType : undefined;
  if (typeof mime === "string") reading.codec = mime.split("/").pop()?.toLowerCase() || null;
  return reading;
}

/**
 * One sample from two consecutive readings. Loss and jitter are the worse of the two
 * directions when the far end reports its side.
 */
export function sampleBetween(
  previous: StatsReading,
  current: StatsReading,
  now: number
): CallQualitySample {
  const base = previous;
  const streams = streamFigures(previous, current);
  const received = Math.max(0, current.packetsReceived - base.packetsReceived);
  const lost = Math.max(0, current.packetsLost - base.packetsLost);
  const ms = current.at - base.at;
  const kbps = (bytes: number) => (ms > 0 ? (Math.max(0, bytes) * 8) / ms : 0);
  const bitrateKbps = {
    send: kbps(current.bytesSent - base.bytesSent),
    receive: kbps(current.bytesReceived - base.bytesReceived)
  };
  const rttMs = current.roundTripTime !== undefined ? current.roundTripTime * 1000 : undefined;
  if (received === 0)
    return {
      ...silentSample(
        now,
        bitrateKbps,
        current.codec,
        rttMs === undefined ? null : Math.round(rttMs)
      ),
      streams
    };
  const inboundLoss = received + lost > 0 ? (lost / (received + lost)) * 100 : 0;
  const remoteLoss = (current.remoteFractionLost ?? 0) * 100;
  const sample = qualitySample({
    at: now,
    packetLossPercent: Math.max(inboundLoss, remoteLoss),
    jitterMs: Math.max(current.jitter, current.remoteJitter ?? 0) * 1000,
    roundTripMs: rttMs ?? 0,
    roundTripKnown: rttMs !== undefined,
    bitrateKbps,
    codec: current.codec
  });
  return { ...sample, streams };
}

function streamFigures(previous: StatsReading, current: StatsReading) {
  const delay = current.jitterBufferDelay - previous.jitterBufferDelay;
  const emitted = current.jitterBufferEmitted - previous.jitterBufferEmitted;
  const remoteLost =
    current.remotePacketsLost !== undefined && previous.remotePacketsLost !== undefined
      ? Math.max(0, current.remotePacketsLost - previous.remotePacketsLost)
      : null;
  const ms = (seconds: number | undefined) =>
    seconds === undefined ? null : Math.round(seconds * 10_000) / 10;
  return {
    inbound: {
      packets: Math.max(0, current.packetsReceived - previous.packetsReceived),
      packetsLost: Math.max(0, current.packetsLost - previous.packetsLost),
      jitterMs: ms(current.jitter),
      jitterBufferMs: emitted > 0 ? Math.round((delay / emitted) * 10_000) / 10 : null
    },
    outbound: {
      packets: Math.max(0, current.packetsSent - previous.packetsSent),
      packetsLost: remoteLost,
      jitterMs: ms(current.remoteJitter),
      jitterBufferMs: null
    }
  };
}
