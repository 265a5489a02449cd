/**
 * TabLocks over navigator.locks: a granted lock is held until released or the tab closes
 * (the browser frees it then, and grants it to the next waiting tab).
 */
import type { HeldLock, TabLocks } from "../core/tabs/ports";

/** Null where the browser has no Web Locks (start-tabs then falls back to a storage lease). */
export function webLocks(locks: LockManager | undefined): TabLocks | null {
  if (!locks || typeof locks.request !== "function") return null;
  const request = (name: string, options: LockOptions) =>
    new Promise<HeldLock | null>((resolve, reject) => {
      let release!: () => void;
      const held = new Promise<void>((done) => (release = done));
      let granted = false;
      let markLost!: () => void;
      const lost = new Promise<void>((done) => (markLost = done));
      const done = locks.request(name, { mode: "exclusive", ...options }, (lock) => {
        // ifAvailable: null when another tab holds the lock; the callback must end at once.
        if (!lock) {
          resolve(null);
          return undefined;
        }
        granted = true;
        resolve({ release, lost });
        return held;
      });
      // Settles when the lock is released, stolen (AbortError) or never granted (aborted).
      done.then(markLost, (error: unknown) => {
        if (!granted) reject(error);
        markLost();
      });
    });
  return {
    acquire: async (name, options = {}) => {
      const lock = await request(
        name,
        options.steal ? { steal: true } : options.signal ? { signal: options.signal } : {}
      );
      if (!lock) throw new Error("Web Locks granted no lock");
      return lock;
    },
    tryAcquire: (name) => request(name, { ifAvailable: true })
  };
}

/** Acts as the leader lock where no coordination exists at all: this tab simply keeps it. */
export function soleTabLocks(): TabLocks {
  const keep = async (): Promise<HeldLock> => ({
    release: () => undefined,
    lost: new Promise<void>(() => undefined)
  });
  return { acquire: keep, tryAcquire: keep };
}
