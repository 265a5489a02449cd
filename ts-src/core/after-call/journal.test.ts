import type { CallView, SoftphoneState } from "../model";
import { initialState } from "../state";
import { MemoryStorage } from "../storage";
import { FakeClock } from "../testing/fake-clock";
import {
  CallJournal,
  HEARTBEAT_MS,
  JOURNAL_PREFIX,
  recoverOrphanedCalls,
  type RecoveryOptions
} from "./journal";
import { ENTRY_PREFIX, LOGGED_KEY, Outbox, parseEntry } from "./outbox";
import { RECENT_KEY } from "./recent-calls";

const CALL: CallView = {
  id: "call-1",
  direction: "inbound",
  displayNumber: "(415) 555-0100",
  number: "+14155550100",
  callerName: "Ada Lovelace",
  state: "connected",
  muted: false,
  startedAt: Date.UTC(2026, 0, 15, 15, 0, 0),
  connectedAt: Date.UTC(2026, 0, 15, 15, 0, 5),
  matchStatus: "one",
  matches: [{ id: "003000000000001AAA", name: "Ada Lovelace", objectType: "Contact" }],
  caller: { id: "003000000000001AAA", name: "Ada Lovelace", objectType: "Contact" },
  notes: "Invoice question"
};

function withCall(call: CallView | null): SoftphoneState {
  return { ...initialState("lightning"), call };
}

describe("CallJournal", () => {
  it("keeps open calls while they last, refreshes them, and forgets them when done", async () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock(CALL.connectedAt as number);
    const journal = new CallJournal(storage, clock, "tabA");
    journal.track(withCall(CALL));
    const first = JSON.parse(storage.getItem(JOURNAL_PREFIX + CALL.id) as string);
    expect(first).toMatchObject({ tab: "tabA", call: { id: CALL.id, notes: "Invoice question" } });
    await clock.advance(HEARTBEAT_MS * 2);
    const later = JSON.parse(storage.getItem(JOURNAL_PREFIX + CALL.id) as string);
    expect(later.seenAt - first.seenAt).toBe(HEARTBEAT_MS * 2);
    journal.track(withCall({ ...CALL, state: "wrapup", notes: "Call back Friday" }));
    expect(storage.getItem(JOURNAL_PREFIX + CALL.id)).toContain("Call back Friday");
    journal.track(withCall(null));
    expect(storage.getItem(JOURNAL_PREFIX + CALL.id)).toBeNull();
    expect(clock.pending()).toBe(0);
  });
});

describe("recoverOrphanedCalls", () => {
  /** Recovery into an outbox over the same storage, not started (as at start-up). */
  function recover(options: Omit<RecoveryOptions, "outbox">): string[] {
    const outbox = new Outbox({
      storage: options.storage,
      clock: options.clock,
      send: async () => ({ recordId: "00T000000000001AAA" })
    });
    return recoverOrphanedCalls({ ...options, outbox });
  }

  function orphan(storage: MemoryStorage, call: CallView = CALL, tab = "dead", seenAt = 0): void {
    const at = seenAt || (call.connectedAt ?? call.startedAt) + 60_000;
    storage.setItem(JOURNAL_PREFIX + call.id, JSON.stringify({ tab, call, seenAt: at }));
  }

  it("queues a Task for a dead leader's call, once, and adds it to recent calls", () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock();
    orphan(storage);
    const options = { storage, clock, tabId: "tabB", logCalls: true };
    expect(recover(options)).toEqual([CALL.id]);
    const entry = parseEntry(JSON.parse(storage.getItem(ENTRY_PREFIX + CALL.id) as string));
    expect(entry?.fields).toMatchObject({
      CallObject: CALL.id,
      CallType: "Inbound",
      CallDisposition: "Connected",
      CallDurationInSeconds: 60,
      WhoId: CALL.caller?.id
    });
    expect(String(entry?.fields.Description)).toMatch(/^Invoice question\n.*tab .*closed/);
    expect(storage.getItem(JOURNAL_PREFIX + CALL.id)).toBeNull();
    expect(JSON.parse(storage.getItem(RECENT_KEY) as string)[0]).toMatchObject({ id: CALL.id });
    // The record comes back (a recovery that stopped half-way): still one entry.
    orphan(storage);
    expect(recover(options)).toEqual([]);
    expect(storage.keys().filter((k) => k.startsWith(ENTRY_PREFIX))).toHaveLength(1);
    expect(storage.getItem(JOURNAL_PREFIX + CALL.id)).toBeNull();
  });

  it("skips calls already logged, its own calls, and logs nothing when logging is off", () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock();
    storage.setItem(LOGGED_KEY, JSON.stringify([{ id: CALL.id, at: 1 }]));
    orphan(storage);
    orphan(storage, { ...CALL, id: "mine" }, "tabB");
    orphan(storage, { ...CALL, id: "other" });
    expect(recover({ storage, clock, tabId: "tabB", logCalls: false })).toEqual([]);
    expect(storage.getItem(JOURNAL_PREFIX + "mine")).not.toBeNull();
    expect(storage.getItem(JOURNAL_PREFIX + "other")).toBeNull();
    orphan(storage);
    expect(recover({ storage, clock, tabId: "tabB", logCalls: true })).toEqual([]);
  });

  it("logs a call that rang when its tab closed as missed", () => {
    const storage = new MemoryStorage();
    const ringing: CallView = { ...CALL, state: "ringing", connectedAt: undefined, notes: "" };
    delete ringing.connectedAt;
    orphan(storage, ringing);
    recover({ storage, clock: new FakeClock(), tabId: "t", logCalls: true });
    const entry = JSON.parse(storage.getItem(ENTRY_PREFIX + CALL.id) as string);
    expect(entry.fields).toMatchObject({ CallDisposition: "No answer", CallDurationInSeconds: 0 });
    expect(entry.fields.Description).toMatch(/^Missed call/);
    expect(JSON.parse(storage.getItem(RECENT_KEY) as string)[0]).toMatchObject({ missed: true });
  });

  it("drops tampered or corrupt records without queuing anything", () => {
    const storage = new MemoryStorage();
    storage.setItem(JOURNAL_PREFIX + "x", "{not json");
    storage.setItem(
      JOURNAL_PREFIX + "y",
      JSON.stringify({ tab: "t", seenAt: 1, call: { ...CALL, id: "y", state: "<script>" } })
    );
    storage.setItem(JOURNAL_PREFIX + "z", JSON.stringify({ tab: "t", seenAt: 1, call: CALL }));
    expect(recover({ storage, clock: new FakeClock(), tabId: "me", logCalls: true })).toEqual([]);
    expect(storage.keys()).toEqual([]);
  });
});
