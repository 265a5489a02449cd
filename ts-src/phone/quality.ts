/**
 * Call quality from network figures: the simplified ITU-T G.107 E-model that Salesforce Voice
 * uses too, the rating bands, the plain-language reason, and the per-call summary. Pure; the
 * SIP phone feeds it from getStats() (sip/call-stats.ts), the demo phone from simulations.
 */
import type { CallQualitySample, CallQualitySummary, QualityRating } from "./phone";

export interface NetworkFigures {
  /** Round-trip time, ms (0 when not measured yet). */
  roundTripMs: number;
  jitterMs: number;
  /** Percent of packets lost, 0–100. */
  packetLossPercent: number;
}

/**
 * Transmission rating R: effective latency = RTT + 2·jitter + 10 ms (codec delay); R starts
 * at 93.2, loses latency/40 below 160 ms and (latency − 120)/10 above, then 2.5 per percent
 * of packet loss.
 */
export function rFactor({ roundTripMs, jitterMs, packetLossPercent }: NetworkFigures): number {
  const latency = Math.max(0, roundTripMs) + 2 * Math.max(0, jitterMs) + 10;
  const r = latency < 160 ? 93.2 - latency / 40 : 93.2 - (latency - 120) / 10;
  return r - 2.5 * Math.min(100, Math.max(0, packetLossPercent));
}

/** MOS = 1 + 0.035·R + 7·10⁻⁶·R·(R − 60)·(100 − R), 1.0 at R ≤ 0 and 4.5 at R ≥ 100. */
export function mosFromR(r: number): number {
  if (!Number.isFinite(r) || r <= 0) return 1;
  if (r >= 100) return 4.5;
  return 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
}

/** MOS estimate rounded to two decimals. */
export function estimateMos(figures: NetworkFigures): number {
  return Math.round(mosFromR(rFactor(figures)) * 100) / 100;
}

export function ratingOf(mos: number): QualityRating {
  return mos >= 4 ? "good" : mos >= 3.6 ? "fair" : "poor";
}

/** Where a figure starts to be worth naming to an agent. */
const LOSS_PERCENT = 1;
const JITTER_MS = 30;
const ROUND_TRIP_MS = 300;

/**
 * Plain language for a rating below good, naming the figures that hurt, biggest impairment
 * first: "network: packet loss 6 %", "network: jitter 45 ms, delay 420 ms".
 */
export function qualityReason(figures: NetworkFigures, rating: QualityRating): string | undefined {
  if (rating === "good") return undefined;
  const named: Array<[number, string]> = [];
  if (figures.packetLossPercent >= LOSS_PERCENT)
    named.push([
      2.5 * figures.packetLossPercent,
      `packet loss ${formatPercent(figures.packetLossPercent)} %`
    ]);
  if (figures.jitterMs >= JITTER_MS)
    named.push([figures.jitterMs / 20, `jitter ${Math.round(figures.jitterMs)} ms`]);
  if (figures.roundTripMs >= ROUND_TRIP_MS)
    named.push([figures.roundTripMs / 10, `delay ${Math.round(figures.roundTripMs)} ms`]);
  if (named.length === 0) return "network: poor audio quality";
  return `network: ${named
    .sort((a, b) => b[0] - a[0])
    .map(([, text]) => text)
    .join(", ")}`;
}

function formatPercent(value: number): string {
  return value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}

/** A sample from figures measured over one interval. */
export function qualitySample(
  figures: NetworkFigures & {
    at: number;
    roundTripKnown: boolean;
    bitrateKbps: { send: number; receive: number };
    codec: string | null;
  }
): CallQualitySample {
  const mos = estimateMos(figures);
  const rating = ratingOf(mos);
  const reason = qualityReason(figures, rating);
  const sample: CallQualitySample = {
    at: figures.at,
    mos,
    rating,
    packetLossPercent: Math.round(figures.packetLossPercent * 10) / 10,
    jitterMs: Math.round(figures.jitterMs * 10) / 10,
    roundTripMs: figures.roundTripKnown ? Math.round(figures.roundTripMs) : null,
    bitrateKbps: {
      send: Math.round(figures.bitrateKbps.send * 10) / 10,
      receive: Math.round(figures.bitrateKbps.receive * 10) / 10
    },
    codec: figures.codec
  };
  return reason ? { ...sample, reason } : sample;
}

/** A sample for an interval in which no audio arrived at all (and the call was not held). */
export function silentSample(
  at: number,
  bitrateKbps: { send: number; receive: number },
  codec: string | null,
  roundTripMs: number | null
): CallQualitySample {
  return {
    at,
    mos: 1,
    rating: "poor",
    packetLossPercent: 100,
    jitterMs: 0,
    roundTripMs,
    bitrateKbps,
    codec,
    reason: "network: no audio from the other side"
  };
}

/** Min / average MOS and the most frequent reason over a call. */
export class QualityTracker {
  private count = 0;
  private sum = 0;
  private min = Infinity;
  private last?: CallQualitySample;
  private readonly reasons = new Map<string, number>();

  add(sample: CallQualitySample): CallQualitySummary {
    this.count += 1;
    this.sum += sample.mos;
    this.min = Math.min(this.min, sample.mos);
    this.last = sample;
    if (sample.reason) this.reasons.set(sample.reason, (this.reasons.get(sample.reason) ?? 0) + 1);
    return this.summary() as CallQualitySummary;
  }

  summary(): CallQualitySummary | undefined {
    if (!this.last) return undefined;
    let worstReason: string | undefined;
    let most = 0;
    for (const [reason, n] of this.reasons)
      if (n > most) {
        most = n;
        worstReason = reason;
      }
    const summary: CallQualitySummary = {
      samples: this.count,
      mosMin: this.min,
      mosAvg: Math.round((this.sum / this.count) * 100) / 100,
      last: this.last
    };
    return worstReason ? { ...summary, worstReason } : summary;
  }
}

/** One line for a Task description or a copy-report: "MOS min 3.4 / avg 4.1 (network: packet loss 6 %)". */
export function describeQuality(summary: CallQualitySummary): string {
  const base = `MOS min ${summary.mosMin.toFixed(1)} / avg ${summary.mosAvg.toFixed(1)} over ${summary.samples} samples`;
  return summary.worstReason ? `${base} (${summary.worstReason})` : base;
}
