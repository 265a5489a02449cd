import { initialState } from "../state";
import { FORWARDED_ACTIONS, readTabMessage, TABS_APP } from "./protocol";

const msg = (body: Record<string, unknown>): Record<string, unknown> => ({
  app: TABS_APP,
  from: "tab1",
  ...body
});
const reason = (value: unknown) => {
  const read = readTabMessage(value);
  return read.kind === "invalid" ? read.reason : null;
};

describe("readTabMessage", () => {
  it("accepts each well-formed message and keeps only known keys", () => {
    const valid = [
      msg({ type: "hello" }),
      msg({ type: "leader", to: "tab2" }),
      msg({ type: "state", state: initialState("classic") }),
      msg({
        type: "action",
        id: "tab1.a1",
        name: "dial",
        args: ["+1 415 555 0100", "003000000000001AAA"]
      }),
      msg({ type: "action", id: "tab1.a2", name: "setRelatedTo", args: [null] }),
      msg({ type: "action", id: "tab1.a3", name: "setDisposition", args: ["Busy"] }),
      msg({ type: "reply", id: "tab1.a1", ok: false, error: "No phone\nyet" }),
      msg({ type: "attention", visible: true, focused: false, since: 5 }),
      msg({
        type: "pop",
        id: "p1",
        deadline: 9,
        request: { op: "screenPop", target: { type: "sobject", recordId: "003000000000001AAA" } }
      }),
      msg({ type: "popDone", id: "p1", ok: true, result: { a: 1 } }),
      msg({ type: "effect", effect: { name: "label", value: "Incoming: Ada" } }),
      msg({
        type: "effect",
        effect: { name: "publish", channel: "Softphone__c", message: { source: "softphone" } }
      }),
      msg({
        type: "hostEvent",
        event: { name: "clickToDial", event: { number: "4155550100", personAccount: true } }
      }),
      msg({
        type: "hostEvent",
        event: { name: "navigation", page: { recordId: "003000000000001AAA" } }
      }),
      msg({ type: "hostEvent", event: { name: "workStart", work: { workId: "0Z1" } } })
    ];
    for (const value of valid) expect([reason(value), value.type]).toEqual([null, value.type]);
  });

  it.each([
    ["not an object", "state"],
    ["not a softphone tab message", { from: "t", type: "hello" }],
    ["from must be a tab id", { app: TABS_APP, from: "<b>", type: "hello" }],
    ['unknown type "boom"', msg({ type: "boom" })],
    ['hello: unexpected key "x"', msg({ type: "hello", x: 1 })],
    [
      "state: state is malformed",
      msg({ type: "state", state: { ...initialState("lightning"), agent: "god" } })
    ],
    [
      "state: state is malformed",
      msg({ type: "state", state: { ...initialState("lightning"), call: { id: "<x>" } } })
    ],
    [
      'action: unknown action "signIn"',
      msg({ type: "action", id: "a", name: "signIn", args: [{ username: "u", password: "p" }] })
    ],
    [
      "action: dial: invalid arguments",
      msg({ type: "action", id: "a", name: "dial", args: ["\u0000"] })
    ],
    [
      "action: dial: invalid arguments",
      msg({ type: "action", id: "a", name: "dial", args: ["123", "not-an-id"] })
    ],
    [
      "action: hold: invalid arguments",
      msg({ type: "action", id: "a", name: "hold", args: ["yes"] })
    ],
    [
      "action: setNotes: invalid arguments",
      msg({ type: "action", id: "a", name: "setNotes", args: ["x".repeat(32_001)] })
    ],
    [
      "action: setDisposition: invalid arguments",
      msg({ type: "action", id: "a", name: "setDisposition", args: ["x".repeat(41)] })
    ],
    [
      "action: answer: invalid arguments",
      msg({ type: "action", id: "a", name: "answer", args: [1] })
    ],
    [
      "pop: unknown screen pop type",
      msg({
        type: "pop",
        id: "p",
        deadline: 1,
        request: { op: "screenPop", target: { type: "javascript" } }
      })
    ],
    ["effect: unknown effect", msg({ type: "effect", effect: { name: "eval" } })],
    [
      "hostEvent: clickToDial event is malformed",
      msg({
        type: "hostEvent",
        event: { name: "clickToDial", event: { number: "1", password: "x" } }
      })
    ],
    ["reply: reply is malformed", msg({ type: "reply", id: "a", ok: "yes" })]
  ])("rejects %s", (expected, value) => {
    expect(reason(value)).toBe(expected);
  });

  it("carries a state with the longest notes a call can have", () => {
    const call = {
      id: "c1",
      direction: "inbound",
      displayNumber: "(415) 555-0100",
      number: "+14155550100",
      state: "wrapup",
      muted: false,
      startedAt: 1,
      matchStatus: "none",
      matches: [],
      notes: "n".repeat(32_000)
    };
    const state = { ...initialState("lightning"), call, waitingCall: { ...call, id: "c2" } };
    expect(reason(msg({ type: "state", state }))).toBeNull();
  });

  it("has no way to forward a sign-in", () => {
    expect(FORWARDED_ACTIONS).not.toContain("signIn");
  });
});
