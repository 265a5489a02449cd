/**
 * Samples the quality of every connected call on one timer (every 2 s by default) while there
 * is one, and keeps each call's min / average MOS. Held calls are skipped: nothing is meant
 * to arrive while the far end is on hold.
 */
import type { CallQualitySample, CallQualitySummary } from "../phone";
import { QualityTracker } from "../quality";
import { readStats, sampleBetween, type StatsReading } from "./call-stats";

export interface MonitoredCall {
  id: string;
  pc: RTCPeerConnection | undefined;
  held: boolean;
}

interface Track {
  previous?: StatsReading;
  tracker: QualityTracker;
}

export class QualityMonitor {
  private readonly tracks = new Map<string, Track>();
  private timer?: ReturnType<typeof setInterval>;
  private busy = false;

  constructor(
    private readonly intervalMs: number,
    private readonly liveCalls: () => MonitoredCall[],
    private readonly onSample: (
      callId: string,
      sample: CallQualitySample,
      summary: CallQualitySummary
    ) => void
  ) {}

  /** Starts the timer if it is not running (a call was connected). */
  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
  }

  summary(callId: string): CallQualitySummary | undefined {
    return this.tracks.get(callId)?.tracker.summary();
  }

  /** Forgets a call; returns its summary for the callEnded event. */
  end(callId: string): CallQualitySummary | undefined {
    const summary = this.summary(callId);
    this.tracks.delete(callId);
    return summary;
  }

  /** After a hold: the next sample starts from a fresh reading. */
  reset(callId: string): void {
    const track = this.tracks.get(callId);
    if (track) track.previous = undefined;
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.tracks.clear();
  }

  private async tick(): Promise<void> {
    if (this.busy) return;
    const calls = this.liveCalls();
    if (calls.length === 0) {
      if (this.timer !== undefined) clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    this.busy = true;
    try {
      for (const call of calls) {
        if (!call.pc || call.pc.connectionState === "closed") continue;
        let track = this.tracks.get(call.id);
        if (!track) {
          track = { tracker: new QualityTracker() };
          this.tracks.set(call.id, track);
        }
        if (call.held) {
          track.previous = undefined;
          continue;
        }
        let reading: StatsReading;
        try {
          reading = readStats(await call.pc.getStats());
        } catch {
          continue;
        }
        const previous = track.previous;
        track.previous = reading;
        // The first reading is the baseline: a sample covers one interval between two.
        if (!previous) continue;
        const sample = sampleBetween(previous, reading, Date.now());
        if (!this.tracks.has(call.id)) continue;
        this.onSample(call.id, sample, track.tracker.add(sample));
      }
    } finally {
      this.busy = false;
    }
  }
}
