import { makeCall, baseState } from "./test-support/fake-store";
import { fakeAudioFactory } from "./test-support/fake-audio";
import { Ringtone, ringModeFor, SCHEDULE_AHEAD_SECONDS } from "./ringtone";

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

  it("rings quietly with 440 + 480 Hz, two seconds on and four off", () => {
    const { factory, contexts } = fakeAudioFactory();
    new Ringtone(factory).play("ring");
    const context = contexts[0]!;
    expect(context.resumed).toBe(1);
    expect(context.audibleAt(0.5)).toEqual([440, 480]);
    expect(context.audibleAt(1.9)).toEqual([440, 480]);
    expect(context.audibleAt(3)).toEqual([]);
    expect(context.audibleAt(6.5)).toEqual([440, 480]);
    const peak = Math.max(...context.gains.flatMap((g) => g.gain.events.map(([, v]) => v)));
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(0.2);
  });

  it("schedules a minute ahead on the audio clock, so a throttled tab keeps ringing", () => {
    const { factory, contexts } = fakeAudioFactory();
    new Ringtone(factory).play("ring");
    const context = contexts[0]!;
    expect(context.audibleAt(SCHEDULE_AHEAD_SECONDS - 5.5)).toEqual([440, 480]);
    const starts = context.oscillators
      .filter((o) => o.frequency.value === 440)
      .map((o) => o.startedAt!);
    expect(starts).toHaveLength(10);
    starts.forEach((start, i) => expect(start).toBeCloseTo(0.01 + 6 * i));
  });

  it("tops the schedule up and frees finished tones as time passes", () => {
    const { factory, contexts } = fakeAudioFactory();
    new Ringtone(factory).play("ring");
    const context = contexts[0]!;
    context.currentTime = 45;
    jest.advanceTimersByTime(20_000);
    expect(context.audibleAt(102.5)).toEqual([440, 480]);
    const finished = context.oscillators.filter((o) => o.stopAt! < 45);
    expect(finished.length).toBeGreaterThan(0);
    expect(finished.every((o) => o.connectedTo.length === 0)).toBe(true);
    expect(context.audibleAt(48.5)).toEqual([440, 480]);
  });

  it("stops at once, cancels what was scheduled and schedules nothing more", () => {
    const { factory, contexts } = fakeAudioFactory();
    const ringtone = new Ringtone(factory);
    ringtone.play("ring");
    const created = contexts[0]!.oscillators.length;
    ringtone.stop();
    const context = contexts[0]!;
    expect(context.scheduled()).toHaveLength(0);
    expect(context.oscillators.every((o) => o.stoppedNow)).toBe(true);
    jest.advanceTimersByTime(120_000);
    expect(context.oscillators).toHaveLength(created);
    expect(ringtone.mode).toBe("off");
  });

  it("plays a short, quieter double beep every eight seconds for a waiting call", () => {
    const { factory, contexts } = fakeAudioFactory();
    new Ringtone(factory).play("waiting");
    const context = contexts[0]!;
    expect(context.audibleAt(0.1)).toEqual([440]);
    expect(context.audibleAt(0.3)).toEqual([]);
    expect(context.audibleAt(0.5)).toEqual([440]);
    expect(context.audibleAt(1)).toEqual([]);
    expect(context.audibleAt(8.1)).toEqual([440]);
    for (const o of context.oscillators) expect(o.stopAt! - o.startedAt!).toBeLessThanOrEqual(0.5);
    const peak = Math.max(...context.gains.flatMap((g) => g.gain.events.map(([, v]) => v)));
    expect(peak).toBeLessThan(0.12);
  });

  it("switches from ring to waiting beep without overlapping", () => {
    const { factory, contexts } = fakeAudioFactory();
    const ringtone = new Ringtone(factory);
    ringtone.play("ring");
    ringtone.play("waiting");
    const context = contexts[0]!;
    expect(contexts).toHaveLength(1);
    expect(context.audibleAt(0.1)).toEqual([440]);
    expect(context.scheduled().every((o) => o.stopAt! - o.startedAt! < 1)).toBe(true);
  });

  it("ignores a repeated request for the same tone", () => {
    const { factory, contexts } = fakeAudioFactory();
    const ringtone = new Ringtone(factory);
    ringtone.play("ring");
    const created = contexts[0]!.oscillators.length;
    ringtone.play("ring");
    expect(contexts[0]!.oscillators).toHaveLength(created);
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
    expect(contexts[0]!.scheduled()).toHaveLength(0);
  });
});
