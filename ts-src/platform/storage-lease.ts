/**
 * TabLocks over localStorage, for browsers without Web Locks: without it every tab would lead,
 * register its own phone and log the others' calls. The holder writes `{holder, beat}` under
 * the lock's key and bumps `beat` every RENEW_MS; a waiting tab takes the lease when the key
 * is free, or when the record has not changed for EXPIRE_MS of its own monotonic clock
 * (performance.now). No wall-clock time is compared, so a clock moved back or forward can
 * neither stall a takeover nor end a live lease. localStorage has no compare-and-set: a tab
 * that claims writes, waits SETTLE_MS and reads back; the last writer wins and the others keep
 * waiting. A holder that reads another tab's record has lost the lease (a steal, or a takeover
 * after its timers were held back for EXPIRE_MS).
 */
import type { Clock, TimerHandle } from "../core/clock";
import type { KeyValueStorage } from "../core/storage";
import type { HeldLock, TabLocks } from "../core/tabs/ports";

export const LEASE_PREFIX = "softphone.lease:";
export const RENEW_MS = 2_000;
/** Five missed renewals: background tabs may run timers only once a second. */
export const EXPIRE_MS = 10_000;
export const SETTLE_MS = 200;

interface LeaseRecord {
  holder: string;
  beat: number;
}

export interface StorageLeaseDeps {
  storage: Pick<KeyValueStorage, "getItem" | "setItem" | "removeItem">;
  tabId: string;
  /** Monotonic time and timers (performance.now, window.setTimeout). */
  clock: Clock;
  /** Other tabs' writes (the window's "storage" event): a holder learns of a steal at once. */
  watch?(listener: (key: string | null) => void): () => void;
}

export function storageLease(deps: StorageLeaseDeps): TabLocks {
  const { storage, tabId, clock } = deps;
  const read = (key: string): LeaseRecord | null => {
    try {
      const raw = storage.getItem(key);
      if (raw === null) return null;
      const parsed = JSON.parse(raw) as Partial<LeaseRecord>;
      return typeof parsed.holder === "string" && typeof parsed.beat === "number"
        ? { holder: parsed.holder, beat: parsed.beat }
        : { holder: "", beat: -1 };
    } catch {
      // Unreadable: treated as held by nobody known; it expires like any silent record.
      return { holder: "", beat: -1 };
    }
  };
  const write = (key: string, beat: number): boolean => {
    try {
      storage.setItem(key, JSON.stringify({ holder: tabId, beat }));
      return true;
    } catch {
      return false;
    }
  };
  const sleep = (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms));

  /** Holds the lease from now: renews it until released or another tab's record appears. */
  const hold = (key: string): HeldLock => {
    let beat = 0;
    let timer: TimerHandle | null = null;
    let markLost!: () => void;
    const lost = new Promise<void>((resolve) => (markLost = resolve));
    let held = true;
    const unwatch = deps.watch?.((changed) => {
      if (held && (changed === key || changed === null) && read(key)?.holder !== tabId) end();
    });
    const end = () => {
      if (!held) return;
      held = false;
      if (timer !== null) clock.clearTimeout(timer);
      unwatch?.();
      markLost();
    };
    const renew = () => {
      timer = null;
      if (!held) return;
      const current = read(key);
      if (current && current.holder !== tabId) return end();
      write(key, ++beat);
      timer = clock.setTimeout(renew, RENEW_MS);
    };
    write(key, beat);
    timer = clock.setTimeout(renew, RENEW_MS);
    return {
      lost,
      release: () => {
        if (!held) return;
        if (read(key)?.holder === tabId) storage.removeItem(key);
        end();
      }
    };
  };

  /** Writes a claim, lets concurrent claims land, and holds the lease if ours is the last. */
  const claim = async (key: string): Promise<HeldLock | null> => {
    if (!write(key, 0)) return null;
    await sleep(SETTLE_MS);
    return read(key)?.holder === tabId ? hold(key) : null;
  };

  return {
    tryAcquire: async (name) => {
      const key = LEASE_PREFIX + name;
      return read(key) === null ? claim(key) : null;
    },
    acquire: async (name, options = {}) => {
      const key = LEASE_PREFIX + name;
      const { signal } = options;
      if (options.steal) return hold(key);
      const aborted = () => new DOMException("The lease request was aborted.", "AbortError");
      let seen = JSON.stringify(read(key));
      let since = clock.now();
      for (;;) {
        if (signal?.aborted) throw aborted();
        const record = read(key);
        const now = clock.now();
        const text = JSON.stringify(record);
        if (text !== seen) {
          seen = text;
          since = now;
        }
        if (record === null || now - since >= EXPIRE_MS) {
          const lock = await claim(key);
          if (signal?.aborted) {
            lock?.release();
            throw aborted();
          }
          if (lock) return lock;
          seen = JSON.stringify(read(key));
          since = clock.now();
          continue;
        }
        await sleep(RENEW_MS);
      }
    }
  };
}

/** performance.now and the window's timers: a clock that never moves back. */
export function monotonicClock(win: Window): Clock {
  return {
    now: () => win.performance.now(),
    setTimeout: (callback, ms) => win.setTimeout(callback, ms),
    clearTimeout: (handle) => win.clearTimeout(handle as number)
  };
}
