/**
 * The durable call-log outbox. A finished call is written to storage before saveLog is tried,
 * and leaves only after saveLog succeeded; failures are retried with capped back-off and on
 * the next load. Exactly once per call: entries are keyed by call id, a call id already
 * logged is never enqueued again, sends are leased so two instances never send one entry at
 * the same time, and an entry whose earlier attempt may have reached Salesforce is checked
 * with `findExisting` before it is sent again; a check that cannot answer is retried, never
 * the save. Each send has its own time-out, so one save that never settles holds no other.
 * When storage refuses a write (full, blocked) the entry is kept in memory, sent at once, and
 * `onVolatile` tells how many logs live only in this tab. Stored times are wall-clock (they are
 * shared by tabs and reloads): every wait read back is bounded, so a clock moved back does not
 * stall a lease or a retry.
 */
import type { LogFields } from "../../host/cti-host";
import type { Clock, TimerHandle } from "../clock";
import { describeError } from "../errors";
import { isRecord } from "../ids";
import { MemoryStorage, readJson, type KeyValueStorage } from "../storage";

export interface PendingWork {
  workId: string;
  disposition?: string;
  wasConnected: boolean;
}

export interface OutboxEntry {
  callId: string;
  entityApiName: string;
  fields: LogFields;
  createdAt: number;
  /** Attempts started so far (counted before each send, so a crash mid-send counts). */
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  /** Another instance is sending until then. */
  leaseUntil?: number;
  work?: PendingWork;
}

export interface OutboxDeps {
  storage: KeyValueStorage;
  clock: Clock;
  /** saveLog: resolves with the record Id. */
  send(entry: OutboxEntry): Promise<{ recordId: string }>;
  /** After an attempt that may have reached Salesforce: the Id already logged, if any. */
  findExisting?(entry: OutboxEntry): Promise<string | null>;
  /** refreshView, completeWork…: runs once per saved entry; its errors do not resend. */
  afterSaved?(entry: OutboxEntry, recordId: string): Promise<void>;
  onChange?(pending: number): void;
  onError?(entry: OutboxEntry, error: unknown): void;
  /** How many entries live only in memory (storage refused them); called on every change. */
  onVolatile?(inMemory: number): void;
  /** Entries older than this (ms since created) are dropped at start (shared-PC retention). */
  retentionMs?: number;
  /** An entry dropped for its age: never sent. */
  onExpired?(entry: OutboxEntry): void;
  /** The outbox's own limit for one send or check, independent of the host's (ms). */
  sendTimeoutMs?: number;
  random?: () => number;
}

/** A send or check that did not settle within the outbox's own time-out. */
export class SendTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${Math.round(ms / 1000)} s`);
    this.name = "SendTimeout";
  }
}

export const ENTRY_PREFIX = "softphone.outbox.";
export const LOGGED_KEY = "softphone.logged";
export const BASE_DELAY_MS = 2_000;
export const MAX_DELAY_MS = 300_000;
export const LEASE_MS = 30_000;
/** Below the lease, so no other instance sends an entry while this one may still be waiting. */
export const SEND_TIMEOUT_MS = 25_000;
const MAX_REMEMBERED = 500;

/** Back-off after `attempts` failures: doubling from 2 s, capped at 5 min, jittered down ≤ 50%. */
export function retryDelay(attempts: number, random: () => number): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 20);
  const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** exponent);
  return Math.round(delay * (1 - 0.5 * Math.min(Math.max(random(), 0), 1)));
}

export class Outbox {
  readonly #inFlight = new Set<string>();
  /** Entries (and the logged list) that storage refused: this tab only. */
  readonly #memory = new MemoryStorage();
  #timer: TimerHandle | undefined;
  #timerAt = Infinity;
  #flushing: Promise<void> | null = null;
  #rerun = false;
  #stopped = false;

  readonly #deps: OutboxDeps;

  constructor(deps: OutboxDeps) {
    this.#deps = deps;
  }

  /** Sends everything left over from earlier loads at once. */
  start(): Promise<void> {
    this.#stopped = false;
    const { retentionMs, onExpired } = this.#deps;
    for (const entry of this.entries()) {
      if (retentionMs !== undefined && entry.createdAt < this.#deps.clock.now() - retentionMs) {
        this.#remove(entry.callId);
        onExpired?.(entry);
        continue;
      }
      if (entry.nextAttemptAt > this.#deps.clock.now()) {
        this.#write({ ...entry, nextAttemptAt: this.#deps.clock.now() });
      }
    }
    this.#notify();
    return this.flush();
  }

  stop(): void {
    this.#stopped = true;
    this.#clearTimer();
  }

  pendingCount(): number {
    return this.entries().length;
  }

  /** Whether this call's log is waiting here or was already saved. */
  has(callId: string): boolean {
    return this.#read(callId) !== null || this.#wasLogged(callId);
  }

  /** Keeps a log to send at the next start or flush; false when the call is queued or logged. */
  keep(entry: OutboxEntry): boolean {
    if (this.has(entry.callId)) return false;
    this.#write(entry);
    this.#notify();
    return true;
  }

  /** Stores the log and tries to send it; false when this call was already logged or queued. */
  async enqueue(
    entry: Omit<OutboxEntry, "attempts" | "nextAttemptAt" | "createdAt">
  ): Promise<boolean> {
    if (this.has(entry.callId)) return false;
    const now = this.#deps.clock.now();
    this.#write({ ...entry, createdAt: now, attempts: 0, nextAttemptAt: now });
    this.#notify();
    await this.flush();
    return true;
  }

  /** Sends every due entry; concurrent calls share one pass. */
  flush(): Promise<void> {
    if (this.#flushing) {
      this.#rerun = true;
      return this.#flushing;
    }
    this.#flushing = (async () => {
      do {
        this.#rerun = false;
        for (const entry of this.entries()) {
          if (this.#stopped) break;
          if (this.#isDue(entry)) await this.#sendOne(entry.callId);
        }
      } while (this.#rerun && !this.#stopped);
    })().finally(() => {
      this.#flushing = null;
      this.#schedule();
    });
    return this.#flushing;
  }

  entries(): OutboxEntry[] {
    const byId = new Map<string, OutboxEntry>();
    for (const storage of [this.#deps.storage, this.#memory]) {
      for (const key of safeKeys(storage)) {
        if (!key.startsWith(ENTRY_PREFIX)) continue;
        const entry = parseEntry(readJson(storage, key));
        if (entry && ENTRY_PREFIX + entry.callId === key) byId.set(entry.callId, entry);
      }
    }
    return [...byId.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  /** How many entries live only in this tab's memory. */
  inMemoryCount(): number {
    return safeKeys(this.#memory).filter((key) => key.startsWith(ENTRY_PREFIX)).length;
  }

  #read(callId: string): OutboxEntry | null {
    return (
      parseEntry(readJson(this.#memory, ENTRY_PREFIX + callId)) ??
      parseEntry(readJson(this.#deps.storage, ENTRY_PREFIX + callId))
    );
  }

  /** When the wall clock moved back, stored times lie far ahead: bound them by their maximum. */
  #bounded(entry: OutboxEntry): OutboxEntry {
    const now = this.#deps.clock.now();
    const tooLate = entry.nextAttemptAt > now + MAX_DELAY_MS;
    const leaseTooLong = (entry.leaseUntil ?? 0) > now + LEASE_MS;
    if (!tooLate && !leaseTooLong) return entry;
    const fixed: OutboxEntry = { ...entry };
    if (tooLate) fixed.nextAttemptAt = now;
    if (leaseTooLong) fixed.leaseUntil = now + LEASE_MS;
    this.#write(fixed);
    return fixed;
  }

  #isDue(entry: OutboxEntry): boolean {
    const now = this.#deps.clock.now();
    return (
      entry.nextAttemptAt <= now &&
      (entry.leaseUntil ?? 0) <= now &&
      !this.#inFlight.has(entry.callId)
    );
  }

  /** `work` settled within the outbox's own time-out, or a SendTimeout. */
  #limited<T>(work: Promise<T>): Promise<T> {
    const ms = this.#deps.sendTimeoutMs ?? SEND_TIMEOUT_MS;
    return new Promise<T>((resolve, reject) => {
      const timer = this.#deps.clock.setTimeout(() => reject(new SendTimeout(ms)), ms);
      work.then(
        (value) => {
          this.#deps.clock.clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          this.#deps.clock.clearTimeout(timer);
          reject(error);
        }
      );
    });
  }

  async #sendOne(callId: string): Promise<void> {
    const stored = this.#read(callId);
    const current = stored && this.#bounded(stored);
    if (!current || this.#wasLogged(callId) || !this.#isDue(current)) return;
    this.#inFlight.add(callId);
    const now = this.#deps.clock.now();
    const entry: OutboxEntry = {
      ...current,
      attempts: current.attempts + 1,
      leaseUntil: now + LEASE_MS
    };
    this.#write(entry);
    try {
      let recordId: string | null = null;
      // A check that fails is "unknown": this attempt ends and the check is asked again later.
      if (current.attempts > 0 && this.#deps.findExisting) {
        recordId = await this.#limited(this.#deps.findExisting(entry));
      }
      if (recordId === null) recordId = (await this.#limited(this.#deps.send(entry))).recordId;
      this.#markLogged(callId);
      this.#remove(callId);
      this.#notify();
      if (this.#deps.afterSaved) {
        await this.#deps
          .afterSaved(entry, recordId)
          .catch((error: unknown) => this.#deps.onError?.(entry, error));
      }
    } catch (error) {
      const failed: OutboxEntry = {
        ...entry,
        leaseUntil: undefined,
        lastError: describeError(error),
        nextAttemptAt:
          this.#deps.clock.now() + retryDelay(entry.attempts, this.#deps.random ?? Math.random)
      };
      if (this.#read(callId) !== null) this.#write(failed);
      this.#deps.onError?.(failed, error);
    } finally {
      this.#inFlight.delete(callId);
    }
  }

  #schedule(): void {
    if (this.#stopped) return;
    const now = this.#deps.clock.now();
    let next = Infinity;
    for (const stored of this.entries()) {
      const entry = this.#bounded(stored);
      next = Math.min(next, Math.max(entry.nextAttemptAt, entry.leaseUntil ?? 0));
    }
    if (next === Infinity) {
      this.#clearTimer();
      return;
    }
    if (this.#timer !== undefined && this.#timerAt <= next) return;
    this.#clearTimer();
    this.#timerAt = next;
    this.#timer = this.#deps.clock.setTimeout(
      () => {
        this.#timer = undefined;
        this.#timerAt = Infinity;
        void this.flush();
      },
      Math.max(next - now, 0)
    );
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) this.#deps.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Infinity;
  }

  /** Durable storage first; memory for an entry storage refuses (and for one already there). */
  #write(entry: OutboxEntry): void {
    const key = ENTRY_PREFIX + entry.callId;
    const text = JSON.stringify(entry);
    if (this.#memory.getItem(key) === null && tryWrite(this.#deps.storage, key, text)) return;
    this.#memory.setItem(key, text);
  }

  #remove(callId: string): void {
    this.#memory.removeItem(ENTRY_PREFIX + callId);
    try {
      this.#deps.storage.removeItem(ENTRY_PREFIX + callId);
    } catch {
      // Blocked storage: `logged` below still stops a resend.
    }
  }

  #notify(): void {
    this.#deps.onChange?.(this.pendingCount());
    this.#deps.onVolatile?.(this.inMemoryCount());
  }

  #logged(): { id: string; at: number }[] {
    const lists = [readJson(this.#memory, LOGGED_KEY), readJson(this.#deps.storage, LOGGED_KEY)];
    return lists.flatMap((value) =>
      Array.isArray(value)
        ? value.filter(
            (item): item is { id: string; at: number } =>
              isRecord(item) && typeof item.id === "string" && typeof item.at === "number"
          )
        : []
    );
  }

  #wasLogged(callId: string): boolean {
    return this.#logged().some((item) => item.id === callId);
  }

  #markLogged(callId: string): void {
    const list = this.#logged().filter((item) => item.id !== callId);
    list.push({ id: callId, at: this.#deps.clock.now() });
    const text = JSON.stringify(list.slice(-MAX_REMEMBERED));
    if (tryWrite(this.#deps.storage, LOGGED_KEY, text)) this.#memory.removeItem(LOGGED_KEY);
    else this.#memory.setItem(LOGGED_KEY, text);
  }
}

function tryWrite(storage: KeyValueStorage, key: string, value: string): boolean {
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

function safeKeys(storage: KeyValueStorage): string[] {
  try {
    return storage.keys();
  } catch {
    return [];
  }
}

function isLogValue(value: unknown): value is string | number | boolean | null {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

/** Validates a stored entry; anything tampered or corrupt is ignored rather than sent. */
export function parseEntry(value: unknown): OutboxEntry | null {
  if (!isRecord(value)) return null;
  const {
    callId,
    entityApiName,
    fields,
    createdAt,
    attempts,
    nextAttemptAt,
    lastError,
    leaseUntil,
    work
  } = value;
  if (typeof callId !== "string" || callId === "" || callId.length > 200) return null;
  if (typeof entityApiName !== "string" || !/^[A-Za-z][A-Za-z0-9_]{0,80}$/.test(entityApiName))
    return null;
  if (!isRecord(fields) || !Object.values(fields).every(isLogValue)) return null;
  if (
    typeof createdAt !== "number" ||
    typeof attempts !== "number" ||
    typeof nextAttemptAt !== "number"
  ) {
    return null;
  }
  const entry: OutboxEntry = {
    callId,
    entityApiName,
    fields: fields as LogFields,
    createdAt,
    attempts,
    nextAttemptAt
  };
  if (typeof lastError === "string") entry.lastError = lastError;
  if (typeof leaseUntil === "number") entry.leaseUntil = leaseUntil;
  if (isRecord(work) && typeof work.workId === "string" && typeof work.wasConnected === "boolean") {
    entry.work = { workId: work.workId, wasConnected: work.wasConnected };
    if (typeof work.disposition === "string") entry.work.disposition = work.disposition;
  }
  return entry;
}
