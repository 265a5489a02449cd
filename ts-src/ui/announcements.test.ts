import { announce } from "./announcements";
import { baseState, makeCall } from "./test-support/fake-store";

const texts = (prev: Parameters<typeof announce>[0], next: Parameters<typeof announce>[1]) =>
  announce(prev, next).map((a) => `${a.urgent ? "!" : ""}${a.text}`);

describe("announce", () => {
  const idle = baseState();
  const ringing = baseState({ call: makeCall({ callerName: "Ada" }) });
  const connected = baseState({ call: makeCall({ callerName: "Ada", state: "connected" }) });

  it("announces an incoming call urgently, with name and number", () => {
    expect(texts(idle, ringing)).toEqual(["!Incoming call from Ada, (415) 555-0123."]);
  });

  it("falls back to the number, then to 'an unknown number'", () => {
    expect(texts(idle, baseState({ call: makeCall() }))).toEqual([
      "!Incoming call from (415) 555-0123."
    ]);
    expect(texts(idle, baseState({ call: makeCall({ displayNumber: "", number: "" }) }))).toEqual([
      "!Incoming call from an unknown number."
    ]);
  });

  it("follows an outbound call", () => {
    const dialing = baseState({ call: makeCall({ direction: "outbound", state: "dialing" }) });
    expect(texts(idle, dialing)).toEqual(["Calling (415) 555-0123."]);
    expect(
      texts(dialing, baseState({ call: makeCall({ direction: "outbound", state: "connected" }) }))
    ).toEqual(["Connected to (415) 555-0123."]);
  });

  it("announces hold, resume, mute and unmute", () => {
    const held = baseState({ call: makeCall({ callerName: "Ada", state: "held" }) });
    const muted = baseState({
      call: makeCall({ callerName: "Ada", state: "connected", muted: true })
    });
    expect(texts(connected, held)).toEqual(["Call on hold."]);
    expect(texts(held, connected)).toEqual(["Call resumed."]);
    expect(texts(connected, muted)).toEqual(["Microphone muted."]);
    expect(texts(muted, connected)).toEqual(["Microphone on."]);
  });

  it("announces the end of a call and of after-call work", () => {
    const wrapup = baseState({ call: makeCall({ state: "wrapup" }) });
    expect(texts(connected, wrapup)).toEqual([
      "Call ended. After-call work: choose a disposition and save."
    ]);
    expect(texts(wrapup, idle)).toEqual(["Call logged. Ready for the next call."]);
    expect(texts(connected, idle)).toEqual(["Call ended."]);
    expect(texts(connected, baseState({ call: makeCall({ state: "ended" }) }))).toEqual([
      "Call ended."
    ]);
  });

  it("announces a waiting call once", () => {
    const waiting = baseState({
      ...connected,
      waitingCall: makeCall({ id: "w", callerName: "Bob" })
    });
    expect(texts(connected, waiting)).toEqual(["!Call waiting from Bob, (415) 555-0123."]);
    expect(texts(waiting, { ...waiting })).toEqual([]);
  });

  it("says nothing when nothing the agent cares about changed", () => {
    expect(texts(connected, { ...connected, notice: "x" } as typeof connected)).toEqual([]);
    expect(texts(null, idle)).toEqual([]);
  });

  it("asks the agent to sign in", () => {
    expect(texts(idle, baseState({ needsSignIn: true }))).toEqual([
      "Sign in to your phone account to take calls."
    ]);
  });
});
