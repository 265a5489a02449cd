/**
 * TabLocks over navigator.locks: a granted lock is held until released or the tab closes
 * (the browser frees it then, and grants it to the next waiting tab).
 */
import type { HeldLock, TabLocks } from "../core/tabs/ports";

/** Null where the browser has no Web Locks (then the tab runs alone, as the leader). */
export function webLocks(locks: LockManager | undefined): TabLocks | null {
  if (!locks || typeof locks.request !== "function") return null;
  return {
    acquire: (name, options = {}) =>
      new Promise<HeldLock>((resolve, reject) => {
        let release!: () => void;
        const held = new Promise<void>((done) => (release = done));
        const request: LockOptions = { mode: "exclusive" };
        if (options.steal) request.steal = true;
        else if (options.signal) request.signal = options.signal;
        let granted = false;
        let markLost!: () => void;
        const lost = new Promise<void>((done) => (markLost = done));
        const done = locks.request(name, request, () => {
          granted = true;
          resolve({ release, lost });
          return held;
        });
        // Settles when the lock is released, stolen (AbortError) or never granted (aborted).
        done.then(markLost, (error: unknown) => {
          if (!granted) reject(error);
          markLost();
        });
      })
  };
}

/** Acts as the leader lock where Web Locks are missing: this tab simply keeps it. */
export function soleTabLocks(): TabLocks {
  return {
    acquire: async () => ({ release: () => undefined, lost: new Promise<void>(() => undefined) })
  };
}
