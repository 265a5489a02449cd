import type { Clock } from "../core/clock";
import { MemoryStorage } from "../core/storage";
import { FakeClock } from "../core/testing/fake-clock";
import type { HeldLock } from "../core/tabs/ports";
import { EXPIRE_MS, LEASE_PREFIX, RENEW_MS, SETTLE_MS, storageLease } from "./storage-lease";

const NAME = "softphone.leader";
const KEY = LEASE_PREFIX + NAME;

/** Tabs over one storage and one time line; a crashed tab's timers never fire again. */
function world() {
  const clock = new FakeClock();
  const storage = new MemoryStorage();
  const watchers = new Set<{ tab: string; listener: (key: string | null) => void }>();
  const tab = (tabId: string) => {
    let alive = true;
    const own: Clock = {
      now: () => clock.now(),
      setTimeout: (callback, ms) => clock.setTimeout(() => alive && callback(), ms),
      clearTimeout: (handle) => clock.clearTimeout(handle)
    };
    // Writes reach the other tabs' "storage" listeners, as in a browser.
    const shared = {
      getItem: (key: string) => storage.getItem(key),
      setItem: (key: string, value: string) => {
        storage.setItem(key, value);
        for (const w of watchers) if (w.tab !== tabId) w.listener(key);
      },
      removeItem: (key: string) => {
        storage.removeItem(key);
        for (const w of watchers) if (w.tab !== tabId) w.listener(key);
      }
    };
    const locks = storageLease({
      storage: shared,
      tabId,
      clock: own,
      watch: (listener) => {
        const entry = { tab: tabId, listener };
        watchers.add(entry);
        return () => watchers.delete(entry);
      }
    });
    return { locks, crash: () => (alive = false) };
  };
  return { clock, storage, tab };
}

function track(lock: HeldLock) {
  const state = { lost: false };
  void lock.lost.then(() => (state.lost = true));
  return state;
}

describe("storageLease (no Web Locks)", () => {
  it("a lone tab takes the free lease; another tab finds it held", async () => {
    const w = world();
    const a = w.tab("a");
    const b = w.tab("b");
    const first = a.locks.tryAcquire(NAME);
    await w.clock.advance(SETTLE_MS);
    const lock = await first;
    expect(lock).not.toBeNull();
    expect(JSON.parse(w.storage.getItem(KEY) ?? "{}")).toMatchObject({ holder: "a" });
    await expect(b.locks.tryAcquire(NAME)).resolves.toBeNull();
    // Renewed while held: the record keeps changing, so waiting tabs never see it expire.
    const before = w.storage.getItem(KEY);
    await w.clock.advance(RENEW_MS);
    expect(w.storage.getItem(KEY)).not.toBe(before);
  });

  it("a waiting tab gets the lease when the holder releases it", async () => {
    const w = world();
    const a = w.tab("a");
    const b = w.tab("b");
    const held = a.locks.tryAcquire(NAME);
    await w.clock.advance(SETTLE_MS);
    const lock = (await held) as HeldLock;
    let granted: HeldLock | null = null;
    void b.locks.acquire(NAME).then((l) => (granted = l));
    await w.clock.advance(EXPIRE_MS * 3);
    expect(granted).toBeNull();
    lock.release();
    expect(w.storage.getItem(KEY)).toBeNull();
    await w.clock.advance(RENEW_MS + SETTLE_MS);
    expect(granted).not.toBeNull();
    expect(JSON.parse(w.storage.getItem(KEY) ?? "{}")).toMatchObject({ holder: "b" });
  });

  it("a holder that crashed is replaced once its record stays unchanged for EXPIRE_MS", async () => {
    const w = world();
    const a = w.tab("a");
    const b = w.tab("b");
    const held = a.locks.tryAcquire(NAME);
    await w.clock.advance(SETTLE_MS);
    await held;
    let granted: HeldLock | null = null;
    void b.locks.acquire(NAME).then((l) => (granted = l));
    a.crash();
    await w.clock.advance(EXPIRE_MS - RENEW_MS);
    expect(granted).toBeNull();
    await w.clock.advance(2 * RENEW_MS + SETTLE_MS);
    expect(granted).not.toBeNull();
  });

  it("never reads the wall clock: moving it back an hour neither stalls nor ends a lease", async () => {
    const w = world();
    const now = jest.spyOn(Date, "now").mockReturnValue(Date.UTC(2026, 0, 15, 15));
    try {
      const a = w.tab("a");
      const b = w.tab("b");
      const held = a.locks.tryAcquire(NAME);
      await w.clock.advance(SETTLE_MS);
      const lock = track((await held) as HeldLock);
      let granted: HeldLock | null = null;
      void b.locks.acquire(NAME).then((l) => (granted = l));
      now.mockReturnValue(Date.UTC(2026, 0, 15, 14));
      await w.clock.advance(EXPIRE_MS * 2);
      expect(lock.lost).toBe(false);
      expect(granted).toBeNull();
      a.crash();
      await w.clock.advance(EXPIRE_MS + RENEW_MS + SETTLE_MS);
      expect(granted).not.toBeNull();
      expect(now).not.toHaveBeenCalled();
    } finally {
      now.mockRestore();
    }
  });

  it("a steal takes the lease at once; the holder learns it from the storage event", async () => {
    const w = world();
    const a = w.tab("a");
    const b = w.tab("b");
    const held = a.locks.tryAcquire(NAME);
    await w.clock.advance(SETTLE_MS);
    const lock = track((await held) as HeldLock);
    const thief = await b.locks.acquire(NAME, { steal: true });
    expect(lock.lost).toBe(true);
    expect(JSON.parse(w.storage.getItem(KEY) ?? "{}")).toMatchObject({ holder: "b" });
    // The old holder's release must not free the thief's lease.
    await w.clock.advance(RENEW_MS);
    expect(JSON.parse(w.storage.getItem(KEY) ?? "{}")).toMatchObject({ holder: "b" });
    thief.release();
  });

  it("a holder that misses the event still finds the other tab's record when it renews", async () => {
    const w = world();
    const a = w.tab("a");
    const held = a.locks.tryAcquire(NAME);
    await w.clock.advance(SETTLE_MS);
    const lock = track((await held) as HeldLock);
    w.storage.setItem(KEY, JSON.stringify({ holder: "b", beat: 0 }));
    expect(lock.lost).toBe(false);
    await w.clock.advance(RENEW_MS);
    expect(lock.lost).toBe(true);
  });

  it("two tabs claiming a free lease together: exactly one holds it", async () => {
    const w = world();
    const a = w.tab("a");
    const b = w.tab("b");
    const both = Promise.all([a.locks.tryAcquire(NAME), b.locks.tryAcquire(NAME)]);
    await w.clock.advance(SETTLE_MS);
    const [la, lb] = await both;
    expect([la, lb].filter((l) => l !== null)).toHaveLength(1);
  });

  it("an aborted wait rejects and never takes the lease later", async () => {
    const w = world();
    const a = w.tab("a");
    const b = w.tab("b");
    const held = a.locks.tryAcquire(NAME);
    await w.clock.advance(SETTLE_MS);
    const lock = (await held) as HeldLock;
    const controller = new AbortController();
    const waiting = b.locks.acquire(NAME, { signal: controller.signal });
    const outcome = waiting.then(
      () => "granted",
      (e: Error) => e.name
    );
    controller.abort();
    lock.release();
    await w.clock.advance(RENEW_MS + SETTLE_MS);
    await expect(outcome).resolves.toBe("AbortError");
    expect(w.storage.getItem(KEY)).toBeNull();
  });
});
