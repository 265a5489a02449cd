import {
  BRIDGE_TAG,
  decodeArgs,
  encodeArgs,
  isFunctionToken,
  parseBridgeMessage
} from "./protocol";

describe("bridge protocol", () => {
  it("replaces top-level and first-level functions with tokens and back", () => {
    const callback = jest.fn();
    const listener = jest.fn();
    const registered: Array<[string | null, number]> = [];
    let next = 1;
    const encoded = encodeArgs(
      [{ callback, listener, value: { a: 1 } }, "x", callback],
      (fn, key) => {
        registered.push([key, next]);
        return next++;
      }
    );
    expect(encoded).toEqual([
      { callback: { __workbenchFn: 1 }, listener: { __workbenchFn: 2 }, value: { a: 1 } },
      "x",
      { __workbenchFn: 3 }
    ]);
    expect(registered).toEqual([
      ["callback", 1],
      ["listener", 2],
      [null, 3]
    ]);
    const calls: number[] = [];
    const decoded = decodeArgs(encoded, (token) => () => calls.push(token.__workbenchFn)) as [
      Record<string, () => void>,
      string,
      () => void
    ];
    decoded[0].listener();
    decoded[2]();
    expect(calls).toEqual([2, 3]);
    expect(decoded[0].value).toEqual({ a: 1 });
  });

  it("accepts only well-formed envelopes", () => {
    const call = {
      tag: BRIDGE_TAG,
      kind: "call",
      session: "s",
      api: "lightning",
      method: "saveLog",
      args: []
    };
    expect(parseBridgeMessage(call)).toEqual(call);
    for (const bad of [
      null,
      "text",
      [],
      { ...call, tag: "other" },
      { ...call, session: 1 },
      { ...call, api: "voice" },
      { ...call, args: {} },
      { ...call, kind: "invoke" },
      { tag: BRIDGE_TAG, kind: "failure", session: "s", method: 1, message: "x" },
      { tag: BRIDGE_TAG, kind: "other", session: "s" }
    ])
      expect(parseBridgeMessage(bad)).toBeNull();
    expect(isFunctionToken({ __workbenchFn: 2, extra: true })).toBe(false);
    expect(isFunctionToken({ __workbenchFn: 1.5 })).toBe(false);
  });
});
