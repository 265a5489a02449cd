/**
 * The message channel's two ends: what core publishes is what the record-page panel's reader
 * (lwc/softphoneCallPanel/envelope.js) accepts, and what the panel sends is what core reads.
 */
import fc from "fast-check";
import {
  command,
  readMessage
} from "../../force-app/main/default/lwc/softphoneCallPanel/envelope.js";
import { channelState, OWN_SOURCE, readChannelMessage } from "./channel";
import type { CallState, CallView, SoftphoneState } from "./model";
import { initialState } from "./state";
import { boot } from "./testing/harness";
import { settle } from "./testing/fake-clock";
import { host } from "./testing/softphone-fixtures";

/** The envelope SoftphoneChannel publishes. */
const published = (state: SoftphoneState) => ({
  source: OWN_SOURCE,
  type: "state",
  payload: channelState(state)
});

const CALL_STATES: CallState[] = ["ringing", "dialing", "connected", "held", "wrapup", "ended"];

const callView: fc.Arbitrary<CallView> = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 200 }),
    direction: fc.constantFrom("inbound" as const, "outbound" as const),
    displayNumber: fc.string({ maxLength: 64 }),
    number: fc.string({ maxLength: 64 }),
    callerName: fc.string({ maxLength: 255 }),
    state: fc.constantFrom(...CALL_STATES),
    muted: fc.boolean(),
    startedAt: fc.nat(),
    connectedAt: fc.nat(),
    matchStatus: fc.constant("off" as const),
    matches: fc.constant([]),
    relatedTo: fc.record({ id: fc.constantFrom("500000000000001AAA", "001000000000001") }),
    caller: fc.record({ id: fc.constant("003000000000001AAA") }),
    notes: fc.string({ maxLength: 50 })
  },
  {
    requiredKeys: [
      "id",
      "direction",
      "displayNumber",
      "number",
      "state",
      "muted",
      "startedAt",
      "matchStatus",
      "matches",
      "notes"
    ]
  }
);

describe("channel contract with the record-page panel", () => {
  it("every state core can publish is read by the panel as the same call", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("offline" as const, "ready" as const, "busy" as const),
        fc.option(callView, { nil: null }),
        (agent, call) => {
          const state: SoftphoneState = { ...initialState("lightning"), agent, call };
          const read = readMessage(published(state));
          if (read.kind !== "state")
            throw new Error(`the panel refused it: ${JSON.stringify(read)}`);
          const sent = channelState(state);
          expect(read.agent).toBe(sent.agent);
          if (sent.call === null) expect(read.call).toBeNull();
          else
            expect(read.call).toEqual({
              connectedAt: undefined,
              recordId: undefined,
              ...sent.call
            });
        }
      )
    );
  });

  it("reads every message a real call publishes", async () => {
    const t = await boot(host());
    await t.store.actions.simulateIncomingCall("+14155550100");
    await settle();
    await t.store.actions.answer();
    await t.store.actions.hold(true);
    await t.store.actions.mute(true);
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await settle();
    const reads = t.host.published.map((message) => readMessage(message));
    expect(reads.length).toBeGreaterThan(5);
    expect(reads.every((read) => read.kind === "state")).toBe(true);
    const states = reads.map((read) =>
      read.kind === "state" ? ((read.call as { state?: string } | null)?.state ?? null) : "?"
    );
    expect(states).toEqual(
      expect.arrayContaining(["ringing", "connected", "held", "wrapup", null])
    );
  });

  it.each([
    ["requestState", undefined],
    ["dial", { number: "+14155550100", recordId: "003000000000001AAA" }],
    ["answer", undefined],
    ["hangup", undefined],
    ["mute", { on: true }],
    ["hold", { on: false }]
  ])("core obeys the panel's %s command", (type, payload) => {
    const read = readChannelMessage(command(type, payload));
    expect(read).toMatchObject({ kind: "command", command: { type, ...(payload ?? {}) } });
  });
});
