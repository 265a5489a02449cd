import { dialable } from "../dialable";
import { readMessage, command } from "../envelope";

describe("dialable", () => {
  it.each([
    ["(415) 555-0142", { number: "(415) 555-0142" }],
    ["  +44 20 7946 0958 ", { number: "+44 20 7946 0958" }],
    ["415.555.0142", { number: "415.555.0142" }],
    ["415/555-0142", { number: "415 555-0142" }],
    ["415-555-0100 x214", { number: "415-555-0100", extension: "214" }],
    ["(415) 555-0100 ext. 7", { number: "(415) 555-0100", extension: "7" }],
    ["+1 415 555 0100;ext=99", { number: "+1 415 555 0100", extension: "99" }],
    ["4155550100#12", { number: "4155550100", extension: "12" }],
    ["1001", { number: "1001" }]
  ])("dials %j as %j", (stored, expected) => {
    expect(dialable(stored)).toEqual(expected);
  });

  it.each([
    ["letters", "call reception"],
    ["a vanity number", "1-800-FLOWERS"],
    ["markup", "<img src=x onerror=alert(1)>"],
    ["no digits", "() -"],
    ["blank", "   "],
    ["more than 40 characters", "1".repeat(41)],
    ["not a string", 4155550142],
    ["null", null]
  ])("refuses %s", (_name, stored) => {
    expect(dialable(stored)).toBeNull();
  });
});

describe("envelope", () => {
  it("reads a state event and keeps only the contract's fields", () => {
    const read = readMessage({
      source: "softphone",
      type: "state",
      payload: {
        agent: "busy",
        call: {
          id: "c1",
          direction: "inbound",
          number: "+14155550142",
          state: "ringing",
          muted: false,
          startedAt: 5,
          extra: "<b>not copied</b>"
        }
      }
    });
    expect(read).toEqual({
      kind: "state",
      agent: "busy",
      call: {
        id: "c1",
        direction: "inbound",
        number: "+14155550142",
        state: "ringing",
        muted: false,
        startedAt: 5,
        connectedAt: undefined,
        recordId: undefined
      }
    });
  });

  it("treats a missing call as no call", () => {
    expect(
      readMessage({ source: "softphone", type: "state", payload: { agent: "ready" } })
    ).toEqual({
      kind: "state",
      agent: "ready",
      call: null
    });
  });

  it("builds commands with and without payload", () => {
    expect(command("hangup")).toEqual({ source: "callPanel", type: "hangup" });
    expect(command("mute", { on: true })).toEqual({
      source: "callPanel",
      type: "mute",
      payload: { on: true }
    });
  });
});
