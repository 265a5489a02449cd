/** A recording AudioContext for ring tone tests: which tones started, and which are still on. */
import type { AudioContextLike, AudioParamLike, GainLike, OscillatorLike } from "../ringtone";

class FakeParam implements AudioParamLike {
  value = 0;
  readonly events: Array<[string, number, number]> = [];
  setValueAtTime(value: number, time: number) {
    this.events.push(["set", value, time]);
  }
  linearRampToValueAtTime(value: number, time: number) {
    this.events.push(["ramp", value, time]);
  }
}

class FakeNode {
  connectedTo: unknown[] = [];
  connect(destination: unknown) {
    this.connectedTo.push(destination);
    return destination;
  }
  disconnect() {
    this.connectedTo = [];
  }
}

export class FakeOscillator extends FakeNode implements OscillatorLike {
  type = "sine";
  readonly frequency = new FakeParam();
  startedAt: number | undefined;
  /** The scheduled stop; `stoppedNow` once stopped early by the ring tone. */
  stopAt: number | undefined;
  stoppedNow = false;
  start(when = 0) {
    this.startedAt = when;
  }
  stop(when?: number) {
    if (when === undefined) this.stoppedNow = true;
    else this.stopAt = when;
  }
}

export class FakeGain extends FakeNode implements GainLike {
  readonly gain = new FakeParam();
}

export class FakeAudioContext implements AudioContextLike {
  currentTime = 0;
  readonly destination = new FakeNode();
  state = "suspended";
  readonly oscillators: FakeOscillator[] = [];
  readonly gains: FakeGain[] = [];
  resumed = 0;
  closed = false;
  createOscillator() {
    const o = new FakeOscillator();
    this.oscillators.push(o);
    return o;
  }
  createGain() {
    const g = new FakeGain();
    this.gains.push(g);
    return g;
  }
  resume() {
    this.resumed++;
    this.state = "running";
    return Promise.resolve();
  }
  close() {
    this.closed = true;
    this.state = "closed";
    return Promise.resolve();
  }
  /** Oscillators still connected and not stopped early: audible now or scheduled to be. */
  scheduled(): FakeOscillator[] {
    return this.oscillators.filter((o) => o.connectedTo.length > 0 && !o.stoppedNow);
  }
  /** The frequencies sounding at audio time `time`. */
  audibleAt(time: number): number[] {
    return this.scheduled()
      .filter((o) => (o.startedAt ?? Infinity) <= time && time < (o.stopAt ?? Infinity))
      .map((o) => o.frequency.value);
  }
}

/** A factory that records every context it makes. */
export function fakeAudioFactory() {
  const contexts: FakeAudioContext[] = [];
  const factory = () => {
    const context = new FakeAudioContext();
    contexts.push(context);
    return context;
  };
  return { factory, contexts };
}
