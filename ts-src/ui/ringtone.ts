/**
 * The ring tone, synthesised with Web Audio oscillators (no audio files): a quiet two-tone ring
 * (440 + 480 Hz, 2 s on, 4 s off) while an inbound call rings, a short double beep every few
 * seconds for a waiting call, silence in every other state.
 *
 * Tones are scheduled a minute ahead on the audio clock, which browsers do not throttle, so the
 * ring keeps its rhythm in a background tab where JavaScript timers may fire once a minute.
 */
import type { SoftphoneState } from "../core/model";

/** The parts of AudioContext the ring tone uses; tests inject a fake. */
export interface AudioContextLike {
  readonly currentTime: number;
  readonly destination: AudioNodeLike;
  readonly state: string;
  createOscillator(): OscillatorLike;
  createGain(): GainLike;
  resume(): Promise<void>;
  close(): Promise<void>;
}
export interface AudioNodeLike {
  connect(destination: AudioNodeLike): unknown;
  disconnect(): void;
}
export interface AudioParamLike {
  value: number;
  setValueAtTime(value: number, time: number): unknown;
  linearRampToValueAtTime(value: number, time: number): unknown;
}
export interface OscillatorLike extends AudioNodeLike {
  type: string;
  readonly frequency: AudioParamLike;
  start(when?: number): void;
  stop(when?: number): void;
}
export interface GainLike extends AudioNodeLike {
  readonly gain: AudioParamLike;
}

export type RingMode = "off" | "ring" | "waiting";
export type AudioContextFactory = () => AudioContextLike | null;

/** What should sound for this state. */
export function ringModeFor(state: Pick<SoftphoneState, "call" | "waitingCall">): RingMode {
  if (state.call?.direction === "inbound" && state.call.state === "ringing") return "ring";
  if (state.waitingCall && state.waitingCall.state === "ringing") return "waiting";
  return "off";
}

interface Pattern {
  frequencies: number[];
  /** [start, duration] of each tone within one cycle, in seconds. */
  tones: Array<[number, number]>;
  cycleMs: number;
  volume: number;
}

const PATTERNS: Record<Exclude<RingMode, "off">, Pattern> = {
  ring: { frequencies: [440, 480], tones: [[0, 2]], cycleMs: 6000, volume: 0.12 },
  waiting: {
    frequencies: [440],
    tones: [
      [0, 0.2],
      [0.4, 0.2]
    ],
    cycleMs: 8000,
    volume: 0.06
  }
};

/** Fade in and out over a few milliseconds so tones start and stop without clicks. */
const FADE_SECONDS = 0.02;
/** How far ahead tones are scheduled, and how often the schedule is topped up. */
export const SCHEDULE_AHEAD_SECONDS = 60;
const TOP_UP_MS = 20_000;

export function browserAudioContext(): AudioContextLike | null {
  const w = globalThis as unknown as {
    AudioContext?: new () => AudioContextLike;
    webkitAudioContext?: new () => AudioContextLike;
  };
  const Ctor = w.AudioContext ?? w.webkitAudioContext;
  if (!Ctor) return null;
  try {
    return new Ctor();
  } catch {
    return null;
  }
}

export class Ringtone {
  private context: AudioContextLike | null = null;
  private current: RingMode = "off";
  private timer: ReturnType<typeof setInterval> | undefined;
  private scheduled: Array<{ end: number; gain: GainLike; oscillators: OscillatorLike[] }> = [];
  /** Audio-clock time up to which cycles are scheduled. */
  private scheduledUntil = 0;

  constructor(private readonly createContext: AudioContextFactory = browserAudioContext) {}

  get mode(): RingMode {
    return this.current;
  }

  /**
   * Browsers keep audio suspended until the user interacts with the page; calling this from a
   * click or key press lets a later ring be heard.
   */
  unlock(): void {
    const context = this.ensureContext();
    if (context && context.state === "suspended") context.resume().catch(() => undefined);
  }

  play(mode: RingMode): void {
    if (mode === this.current) return;
    this.silence();
    this.current = mode;
    if (mode === "off") return;
    const context = this.ensureContext();
    if (!context) return;
    if (context.state === "suspended") context.resume().catch(() => undefined);
    const pattern = PATTERNS[mode];
    this.scheduledUntil = context.currentTime + 0.01;
    this.topUp(context, pattern);
    this.timer = setInterval(() => this.topUp(context, pattern), TOP_UP_MS);
  }

  stop(): void {
    this.play("off");
  }

  dispose(): void {
    this.stop();
    const context = this.context;
    this.context = null;
    if (context) context.close().catch(() => undefined);
  }

  private ensureContext(): AudioContextLike | null {
    if (!this.context) this.context = this.createContext();
    return this.context;
  }

  /** Schedules whole cycles up to the horizon and frees the nodes of tones already over. */
  private topUp(context: AudioContextLike, pattern: Pattern): void {
    const now = context.currentTime;
    this.release((tone) => tone.end < now);
    const cycleSeconds = pattern.cycleMs / 1000;
    while (this.scheduledUntil < now + SCHEDULE_AHEAD_SECONDS) {
      this.scheduleCycle(context, pattern, this.scheduledUntil);
      this.scheduledUntil += cycleSeconds;
    }
  }

  private scheduleCycle(context: AudioContextLike, pattern: Pattern, start: number): void {
    for (const [offset, duration] of pattern.tones) {
      const gain = context.createGain();
      const t0 = start + offset;
      const t1 = t0 + duration;
      gain.gain.setValueAtTime(0, t0);
      gain.gain.linearRampToValueAtTime(pattern.volume, t0 + FADE_SECONDS);
      gain.gain.setValueAtTime(pattern.volume, t1 - FADE_SECONDS);
      gain.gain.linearRampToValueAtTime(0, t1);
      gain.connect(context.destination);
      const oscillators = pattern.frequencies.map((frequency) => {
        const oscillator = context.createOscillator();
        oscillator.type = "sine";
        oscillator.frequency.value = frequency;
        oscillator.connect(gain);
        oscillator.start(t0);
        oscillator.stop(t1);
        return oscillator;
      });
      this.scheduled.push({ end: t1, gain, oscillators });
    }
  }

  private silence(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.release(() => true);
  }

  /** Stops (at once) and disconnects the scheduled tones that `which` selects. */
  private release(which: (tone: { end: number }) => boolean): void {
    const keep: typeof this.scheduled = [];
    for (const tone of this.scheduled) {
      if (!which(tone)) {
        keep.push(tone);
        continue;
      }
      for (const oscillator of tone.oscillators) {
        try {
          oscillator.stop();
        } catch {
          // Already stopped by its schedule.
        }
        oscillator.disconnect();
      }
      tone.gain.disconnect();
    }
    this.scheduled = keep;
  }
}
