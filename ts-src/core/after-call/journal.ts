/**
 * The open-call journal: while the leader has a call (ringing, live or in after-call work) it
 * keeps a copy in shared storage, refreshed on every change and by a heartbeat. A leader tab
 * that closes mid-call leaves the copy behind; the next leader turns it into a call-log outbox
 * entry before its own outbox starts, so the call is logged exactly once (the outbox skips a
 * call id already queued or logged).
 */
import { isInternalNumber } from "../calls/call-view";
import type { Clock, TimerHandle } from "../clock";
import { isRecord } from "../ids";
import type { CallView, SoftphoneState } from "../model";
import { initialState } from "../state";
import { readJson, type KeyValueStorage } from "../storage";
import { isSoftphoneState } from "../tabs/protocol";
import {
  CLOSED_TAB_MISSED_NOTE,
  CLOSED_TAB_NOTE,
  dispositionFor,
  taskFieldsFor,
  withNote
} from "./call-log";
import type { Outbox, OutboxEntry } from "./outbox";
import { loadRecentCalls, MAX_RECENT_CALLS, recentFromCall, saveRecentCalls } from "./recent-calls";

export const JOURNAL_PREFIX = "softphone.tabs.call.";
export const HEARTBEAT_MS = 5_000;

export interface JournalRecord {
  /** The leader tab that owned the call. */
  tab: string;
  call: CallView;
  /** Last time the owner was known alive with this call: the end time if it vanished. */
  seenAt: number;
}

function readRecord(storage: KeyValueStorage, key: string): JournalRecord | null {
  const value = readJson(storage, key);
  if (!isRecord(value) || typeof value.tab !== "string" || typeof value.seenAt !== "number")
    return null;
  // The call is validated like a mirrored state's call: storage is shared and may be tampered.
  const probe = { ...EMPTY_STATE, call: value.call };
  if (!isSoftphoneState(probe) || value.call === null) return null;
  const call = value.call as CallView;
  return JOURNAL_PREFIX + call.id === key ? { tab: value.tab, call, seenAt: value.seenAt } : null;
}

/** A state with nothing but the call, to validate a journal entry with the tab protocol. */
const EMPTY_STATE: SoftphoneState = initialState("none");

/** Keeps the leader's open calls in storage; one instance per leadership. */
export class CallJournal {
  #tracked = new Map<string, CallView>();
  #heartbeat: TimerHandle | undefined;

  readonly #storage: KeyValueStorage;
  readonly #clock: Clock;
  readonly #tabId: string;

  constructor(storage: KeyValueStorage, clock: Clock, tabId: string) {
    this.#storage = storage;
    this.#clock = clock;
    this.#tabId = tabId;
  }

  /** Call with every state of the leader's store. */
  track(state: SoftphoneState): void {
    const open = new Map<string, CallView>();
    for (const call of [state.call, state.waitingCall]) {
      if (call && call.state !== "ended") open.set(call.id, call);
    }
    for (const id of this.#tracked.keys()) {
      if (!open.has(id)) this.#remove(id);
    }
    for (const [id, call] of open) {
      if (this.#tracked.get(id) !== call) this.#write(call);
    }
    this.#tracked = open;
    if (open.size > 0 && this.#heartbeat === undefined) this.#beat();
    if (open.size === 0) this.#stopHeartbeat();
  }

  stop(): void {
    this.#stopHeartbeat();
  }

  #beat(): void {
    this.#heartbeat = this.#clock.setTimeout(() => {
      this.#heartbeat = undefined;
      for (const call of this.#tracked.values()) this.#write(call);
      if (this.#tracked.size > 0) this.#beat();
    }, HEARTBEAT_MS);
  }

  #stopHeartbeat(): void {
    if (this.#heartbeat !== undefined) this.#clock.clearTimeout(this.#heartbeat);
    this.#heartbeat = undefined;
  }

  #write(call: CallView): void {
    const record: JournalRecord = { tab: this.#tabId, call, seenAt: this.#clock.now() };
    try {
      this.#storage.setItem(JOURNAL_PREFIX + call.id, JSON.stringify(record));
    } catch {
      // Storage full or blocked: the call is still logged normally unless this tab closes.
    }
  }

  #remove(id: string): void {
    try {
      this.#storage.removeItem(JOURNAL_PREFIX + id);
    } catch {
      // Nothing to do: a stale record is skipped at recovery once its call is logged.
    }
  }
}

export interface RecoveryOptions {
  /** Where the journal and the recent calls are kept. */
  storage: KeyValueStorage;
  /** Not started yet: recovered logs are sent when it starts. */
  outbox: Pick<Outbox, "keep">;
  clock: Clock;
  /** This tab: its own records are not orphans. */
  tabId: string;
  /** Whether call logging is on (call center setting logCalls). */
  logCalls: boolean;
}

/** The Task a vanished leader would have written, ended when it was last seen. */
export function orphanEntry(record: JournalRecord, now: number): OutboxEntry {
  const { call } = record;
  const endedAt = Math.max(record.seenAt, call.connectedAt ?? record.seenAt);
  const answered = call.connectedAt !== undefined;
  const fields = taskFieldsFor(call, {
    endedAt,
    disposition: dispositionFor(call),
    notes: withNote(call.notes, answered ? CLOSED_TAB_NOTE : CLOSED_TAB_MISSED_NOTE),
    internal: isInternalNumber(call.number)
  });
  return {
    callId: call.id,
    entityApiName: "Task",
    fields,
    createdAt: now,
    attempts: 0,
    nextAttemptAt: now
  };
}

/**
 * Turns the journal records of vanished leaders into outbox entries (and recent calls), then
 * removes the records. Runs only in the tab holding the leader lock, before its outbox starts.
 * Returns the call ids queued.
 */
export function recoverOrphanedCalls(options: RecoveryOptions): string[] {
  const { storage, clock, tabId } = options;
  const queued: string[] = [];
  const recent = loadRecentCalls(storage);
  let recentChanged = false;
  for (const key of storage.keys()) {
    if (!key.startsWith(JOURNAL_PREFIX)) continue;
    const record = readRecord(storage, key);
    if (record && record.tab === tabId) continue;
    if (record && options.logCalls && options.outbox.keep(orphanEntry(record, clock.now()))) {
      queued.push(record.call.id);
    }
    if (record && !recent.some((c) => c.id === record.call.id)) {
      const missed = record.call.connectedAt === undefined && record.call.direction === "inbound";
      recent.unshift(recentFromCall(record.call, record.seenAt, missed));
      recentChanged = true;
    }
    storage.removeItem(key);
  }
  if (recentChanged) {
    saveRecentCalls(storage, recent.sort((a, b) => b.at - a.at).slice(0, MAX_RECENT_CALLS));
  }
  return queued;
}
