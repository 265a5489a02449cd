/**
 * Property-based tests of message validation on both channels: the Lightning message channel
 * (record pages ↔ softphone) and the cross-tab protocol (softphone tabs). Nothing throws or
 * pollutes prototypes, every valid command is understood exactly, and what is accepted is
 * stable when read again (a message forwarded between tabs reads the same).
 */
import fc from "fast-check";
import { readChannelMessage, type ChannelCommand } from "./channel";
import { FORWARDED_ACTIONS, TABS_APP, readTabMessage } from "./tabs/protocol";

const RUNS = 3000;
const phone = fc
  .array(fc.constantFrom(..."0123456789+*#().- ".split("")), { minLength: 1, maxLength: 40 })
  .map((cs) => cs.join(""))
  .filter((s) => s.trim() !== "");
const recordId = fc.stringMatching(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/);
const command: fc.Arbitrary<ChannelCommand> = fc.oneof(
  fc.record({ type: fc.constant("dial" as const), number: phone }),
  fc.record({ type: fc.constant("dial" as const), number: phone, recordId }),
  fc.constant({ type: "answer" as const }),
  fc.constant({ type: "hangup" as const }),
  fc.constant({ type: "requestState" as const }),
  fc.record({ type: fc.constantFrom("hold" as const, "mute" as const), on: fc.boolean() }),
  fc.record({
    type: fc.constant("sendDigits" as const),
    digits: fc.stringMatching(/^[0-9*#A-Da-d,]{1,32}$/)
  }),
  fc.record({ type: fc.constant("transfer" as const), target: phone }),
  fc.record({
    type: fc.constant("simulateIncoming" as const),
    number: phone,
    name: fc.string({ maxLength: 80 }).filter((n) => !/[\u0000-\u001f\u007f]/.test(n))
  })
);
const hostileKey = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty"
);

describe("channel and cross-tab message properties", () => {
  it("every valid record-page command is understood exactly", () => {
    fc.assert(
      fc.property(command, fc.string({ minLength: 1, maxLength: 80 }), (c, source) => {
        fc.pre(source !== "softphone");
        const { type, ...payload } = c;
        const message =
          Object.keys(payload).length > 0 ? { source, type, payload } : { source, type };
        const read = readChannelMessage(JSON.parse(JSON.stringify(message)));
        expect(read).toEqual({ kind: "command", command: c, source });
      }),
      { numRuns: RUNS }
    );
  });

  it("a valid command with any extra key, wrong type or oversized value is refused", () => {
    fc.assert(
      fc.property(
        command,
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.anything(),
        (c, key, v) => {
          const { type, ...payload } = c;
          fc.pre(
            !(key in payload) &&
              !["number", "recordId", "on", "digits", "target", "name"].includes(key)
          );
          const read = readChannelMessage({ source: "x", type, payload: { ...payload, [key]: v } });
          expect(read.kind).toBe("invalid");
        }
      ),
      { numRuns: RUNS }
    );
  });

  it("nothing throws or pollutes Object.prototype, whatever arrives (JSON with __proto__ too)", () => {
    const nasty = fc.oneof(
      fc.anything({ withObjectString: true, withNullPrototype: true }),
      fc
        .tuple(hostileKey, fc.jsonValue())
        .map(
          ([k, v]) =>
            JSON.parse(
              `{"source":"x","type":"dial","payload":{"${k}":${JSON.stringify(v)}}}`
            ) as unknown
        ),
      fc
        .tuple(hostileKey, fc.jsonValue())
        .map(
          ([k, v]) =>
            JSON.parse(
              `{"app":"${TABS_APP}","from":"t1","type":"state","${k}":${JSON.stringify(v)}}`
            ) as unknown
        )
    );
    fc.assert(
      fc.property(nasty, (message) => {
        expect(["own", "command", "invalid"]).toContain(readChannelMessage(message).kind);
        expect(["message", "invalid"]).toContain(readTabMessage(message).kind);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: RUNS }
    );
  });

  it("cross-tab: anything is classified without throwing; accepted messages read the same again", () => {
    const types = fc.constantFrom(
      "hello",
      "leader",
      "state",
      "action",
      "reply",
      "attention",
      "bye",
      "pop",
      "popAck",
      "popDone",
      "effect",
      "hostEvent",
      "signIn",
      "credentials"
    );
    const envelope = fc.record(
      {
        app: fc.oneof(fc.constant(TABS_APP), fc.string()),
        from: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_.:-]{1,64}$/), fc.anything()),
        to: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_.:-]{1,64}$/), fc.anything()),
        type: fc.oneof(types, fc.string()),
        id: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_.:-]{1,64}$/), fc.anything()),
        name: fc.oneof(fc.constantFrom(...FORWARDED_ACTIONS, "signIn"), fc.string()),
        args: fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.anything()),
        ok: fc.oneof(fc.boolean(), fc.anything()),
        visible: fc.boolean(),
        focused: fc.boolean(),
        since: fc.oneof(fc.integer(), fc.double()),
        state: fc.anything(),
        effect: fc.anything(),
        event: fc.anything(),
        request: fc.anything(),
        deadline: fc.oneof(fc.integer(), fc.anything())
      },
      { requiredKeys: [] }
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), envelope), (value) => {
        const read = readTabMessage(value);
        if (read.kind !== "message") {
          expect(read.reason.length).toBeGreaterThan(0);
          return;
        }
        const m = read.message;
        expect(m.app).toBe(TABS_APP);
        expect(m.from).toMatch(/^[A-Za-z0-9_.:-]{1,64}$/);
        if (m.type === "action") expect(FORWARDED_ACTIONS).toContain(m.name);
        // no message type may carry sign-in credentials between tabs
        expect(JSON.stringify(m)).not.toMatch(/"signIn"/);
        expect(readTabMessage(JSON.parse(JSON.stringify(m)))).toEqual(read);
      }),
      { numRuns: RUNS }
    );
  });

  it("cross-tab: a forwarded signIn (credentials) is always refused", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        (username, password) => {
          const read = readTabMessage({
            app: TABS_APP,
            from: "tab-1",
            type: "action",
            id: "a1",
            name: "signIn",
            args: [{ username, password }]
          });
          expect(read.kind).toBe("invalid");
        }
      ),
      { numRuns: 500 }
    );
  });
});
