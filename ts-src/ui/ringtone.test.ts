import { makeCall, baseState } from "./test-support/fake-store";
import { fakeAudioFactory } from "./test-support/fake-audio";
import { Ringtone, ringModeFor } from "./ringtone";

describe("ringModeFor", () => {
  it("rings for an inbound ringing call only", () => {
    expect(ringModeFor(baseState({ call: makeCall() }))).toBe("ring");
    expect(
      ringModeFor(baseState({ call: makeCall({ direction: "outbound", state: "dialing" }) }))
    ).toBe("off");
    expect(
      ringModeFor(baseState({ call: makeCall({ direction: "outbound", state: "ringing" }) }))
    ).toBe("off");
    for (const state of ["connected", "held", "wrapup", "ended"] as const) {
      expect(ringModeFor(baseState({ call: makeCall({ state }) }))).toBe("off");
    }
    expect(ringModeFor(baseState())).toBe("off");
  });

  it("beeps for a waiting call while on another", () => {
    const state = baseState({
      call: makeCall({ state: "connected" }),
      waitingCall: makeCall({ id: "w" })
    });
    expect(ringModeFor(state)).toBe("waiting");
  });
});

describe("Ringtone", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("plays the two-tone ring quietly and repeats it every six seconds", () => {
    const { factory, contexts } = fakeAudioFactory();
    const ringtone = new Ringtone(factory);
    ringtone.play("ring");
    const context = contexts[0]!;
    expect(context.resumed).toBe(1);
    expect(context.oscillators.map((o) => o.frequency.value)).toEqual([440, 480]);
    for (const o of context.oscillators) expect(o.stopAt! - o.startedAt!).toBeCloseTo(2);
    const peak = Math.max(...context.gains[0]!.gain.events.map(([, v]) => v));
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(0.2);
    jest.advanceTimersByTime(6000);
    expect(context.oscillators).toHaveLength(4);
    expect(context.sounding()).toHaveLength(2);
  });

  it("stops at once and schedules nothing more", () => {
    const { factory, contexts } = fakeAudioFactory();
    const ringtone = new Ringtone(factory);
    ringtone.play("ring");
    ringtone.stop();
    const context = contexts[0]!;
    expect(context.sounding()).toHaveLength(0);
    expect(context.oscillators.every((o) => o.stoppedNow)).toBe(true);
    jest.advanceTimersByTime(60_000);
    expect(context.oscillators).toHaveLength(2);
    expect(ringtone.mode).toBe("off");
  });

  it("plays a short, quieter double beep for a waiting call", () => {
    const { factory, contexts } = fakeAudioFactory();
    const ringtone = new Ringtone(factory);
    ringtone.play("waiting");
    const context = contexts[0]!;
    expect(context.oscillators.map((o) => o.frequency.value)).toEqual([440, 440]);
    for (const o of context.oscillators) expect(o.stopAt! - o.startedAt!).toBeLessThanOrEqual(0.5);
    const peak = Math.max(...context.gains.flatMap((g) => g.gain.events.map(([, v]) => v)));
    expect(peak).toBeLessThan(0.12);
    jest.advanceTimersByTime(8000);
    expect(context.oscillators).toHaveLength(4);
  });

  it("switches from ring to waiting beep without overlapping", () => {
    const { factory, contexts } = fakeAudioFactory();
    const ringtone = new Ringtone(factory);
    ringtone.play("ring");
    ringtone.play("waiting");
    const context = contexts[0]!;
    expect(contexts).toHaveLength(1);
    expect(context.sounding().map((o) => o.frequency.value)).toEqual([440, 440]);
  });

  it("ignores a repeated request for the same tone", () => {
    const { factory, contexts } = fakeAudioFactory();
    const ringtone = new Ringtone(factory);
    ringtone.play("ring");
    ringtone.play("ring");
    expect(contexts[0]!.oscillators).toHaveLength(2);
  });

  it("stays silent without Web Audio", () => {
    const ringtone = new Ringtone(() => null);
    expect(() => ringtone.play("ring")).not.toThrow();
    expect(() => ringtone.dispose()).not.toThrow();
  });

  it("creates no audio context until needed, and closes it on dispose", () => {
    const { factory, contexts } = fakeAudioFactory();
    const ringtone = new Ringtone(factory);
    ringtone.play("off");
    expect(contexts).toHaveLength(0);
    ringtone.unlock();
    expect(contexts).toHaveLength(1);
    expect(contexts[0]!.resumed).toBe(1);
    ringtone.play("ring");
    ringtone.dispose();
    expect(contexts[0]!.closed).toBe(true);
    expect(contexts[0]!.sounding()).toHaveLength(0);
  });
});
