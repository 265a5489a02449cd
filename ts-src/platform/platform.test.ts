/** @jest-environment jsdom */
import { documentAttention } from "./attention";
import { broadcastChannel } from "./broadcast-channel";
import { newTabId, onPageHide, warnBeforeUnload } from "./page-lifecycle";
import { webLocks } from "./web-locks";

/** The part of LockManager.request the adapter uses, with steal and abort. */
class FakeLockManager {
  private holder: { release(): void; reject(error: Error): void } | null = null;
  private waiting: Array<() => void> = [];

  request(
    name: string,
    options: LockOptions,
    callback: (lock: Lock | null) => Promise<void> | undefined
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        const entry = {
          release: () => {
            if (this.holder === entry) this.holder = null;
            resolve();
            this.waiting.shift()?.();
          },
          reject: (error: Error) => reject(error)
        };
        this.holder = entry;
        void Promise.resolve(callback({ name, mode: "exclusive" })).then(() => entry.release());
      };
      if (options.ifAvailable && this.holder) {
        void Promise.resolve(callback(null)).then(() => resolve());
        return;
      }
      if (options.steal) {
        const old = this.holder;
        this.holder = null;
        old?.reject(new DOMException("stolen", "AbortError"));
        grant();
        return;
      }
      if (!this.holder) {
        grant();
        return;
      }
      this.waiting.push(grant);
      options.signal?.addEventListener("abort", () => {
        this.waiting = this.waiting.filter((g) => g !== grant);
        reject(new DOMException("aborted", "AbortError"));
      });
    });
  }
}

describe("webLocks", () => {
  it("holds, hands over on release, lets a waiting request be withdrawn, and reports a steal", async () => {
    const locks = webLocks(new FakeLockManager() as unknown as LockManager);
    if (!locks) throw new Error("no locks");
    const first = await locks.acquire("l");
    let secondGranted = false;
    const second = locks.acquire("l").then((lock) => {
      secondGranted = true;
      return lock;
    });
    const controller = new AbortController();
    const third = locks.acquire("l", { signal: controller.signal });
    controller.abort();
    await expect(third).rejects.toThrow("aborted");
    await Promise.resolve();
    expect(secondGranted).toBe(false);
    first.release();
    await first.lost;
    const held = await second;
    const thief = await locks.acquire("l", { steal: true });
    await expect(held.lost).resolves.toBeUndefined();
    thief.release();
    expect(webLocks(undefined)).toBeNull();
  });

  it("tryAcquire takes a free lock at once and answers null while another tab holds it", async () => {
    const locks = webLocks(new FakeLockManager() as unknown as LockManager);
    if (!locks) throw new Error("no locks");
    const first = await locks.tryAcquire("l");
    expect(first).not.toBeNull();
    await expect(locks.tryAcquire("l")).resolves.toBeNull();
    first?.release();
    await first?.lost;
    const again = await locks.tryAcquire("l");
    expect(again).not.toBeNull();
    again?.release();
  });
});

describe("broadcastChannel", () => {
  it("delivers to other channels of the same name, not to the sender", async () => {
    const received: unknown[] = [];
    const made: Array<{ listeners: Set<(e: MessageEvent) => void> }> = [];
    const create = () => {
      const self = {
        listeners: new Set<(e: MessageEvent) => void>(),
        postMessage: (data: unknown) => {
          for (const other of made)
            if (other !== self) for (const l of other.listeners) l({ data } as MessageEvent);
        },
        addEventListener: (_: string, l: (e: MessageEvent) => void) => self.listeners.add(l),
        removeEventListener: (_: string, l: (e: MessageEvent) => void) => self.listeners.delete(l),
        close: () => undefined
      };
      made.push(self);
      return self as unknown as BroadcastChannel;
    };
    const a = broadcastChannel("x", create);
    const b = broadcastChannel("x", create);
    const stop = b?.onMessage((m) => received.push(m));
    a?.onMessage(() => received.push("echo"));
    a?.post({ hi: 1 });
    stop?.();
    a?.post({ hi: 2 });
    expect(received).toEqual([{ hi: 1 }]);
    expect(
      broadcastChannel("x", () => {
        throw new Error("unsupported");
      })
    ).toBeNull();
  });
});

describe("page lifecycle", () => {
  it("asks to confirm leaving only while told to", () => {
    let warn = false;
    const stop = warnBeforeUnload(window, () => warn);
    const quiet = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(quiet);
    expect(quiet.defaultPrevented).toBe(false);
    warn = true;
    const asked = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(asked);
    expect(asked.defaultPrevented).toBe(true);
    stop();
  });

  it("runs the pagehide clean-up once and makes distinct tab ids", () => {
    const leave = jest.fn();
    onPageHide(window, leave);
    window.dispatchEvent(new Event("pagehide"));
    window.dispatchEvent(new Event("pagehide"));
    expect(leave).toHaveBeenCalledTimes(1);
    expect(newTabId()).not.toBe(newTabId());
    expect(newTabId()).toMatch(/^t[a-z0-9]{1,40}$/);
  });

  it("reports visibility and focus changes", () => {
    const attention = documentAttention(document, window);
    const changed = jest.fn();
    const stop = attention.onChange(changed);
    window.dispatchEvent(new Event("focus"));
    document.dispatchEvent(new Event("visibilitychange"));
    document.body.dispatchEvent(new Event("pointerdown", { bubbles: true }));
    expect(changed).toHaveBeenCalledTimes(3);
    expect(attention.visible()).toBe(document.visibilityState === "visible");
    expect(typeof attention.focused()).toBe("boolean");
    stop();
    window.dispatchEvent(new Event("blur"));
    document.body.dispatchEvent(new Event("keydown", { bubbles: true }));
    expect(changed).toHaveBeenCalledTimes(3);
  });
});
