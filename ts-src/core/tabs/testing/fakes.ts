/**
 * Fakes of the browser's tab machinery for unit tests: a lock manager and a broadcast hub
 * shared by several "tabs" in one test, with tab closing as the browser does it (held locks
 * released, pending requests dropped, channel closed).
 */
import type { HeldLock, TabAttention, TabChannel, TabLocks } from "../ports";

interface Grant {
  tab: string;
  name: string;
  /** Frees the lock and tells the holder; the next request in the queue gets it. */
  lose(): void;
  /** Tells the holder only (the lock is being stolen). */
  notify(): void;
  released: boolean;
}

interface Request {
  tab: string;
  name: string;
  grant(): void;
  drop(reason: Error): void;
}

export class FakeLockHub {
  private readonly holders = new Map<string, Grant>();
  private readonly queue: Request[] = [];
  /** Tabs that asked for a lock only if free, in order. */
  readonly tryRequests: string[] = [];

  /** Tabs queued (not holding) for `name`. */
  waiting(name: string): string[] {
    return this.queue.filter((r) => r.name === name).map((r) => r.tab);
  }

  forTab(tab: string): TabLocks {
    return {
      acquire: (name, options = {}) =>
        new Promise<HeldLock>((resolve, reject) => {
          const request: Request = {
            tab,
            name,
            grant: () => resolve(this.grantTo(tab, name)),
            drop: reject
          };
          if (options.signal?.aborted) {
            reject(new Error("AbortError"));
            return;
          }
          options.signal?.addEventListener("abort", () => {
            const index = this.queue.indexOf(request);
            if (index >= 0) {
              this.queue.splice(index, 1);
              reject(new Error("AbortError"));
            }
          });
          if (options.steal) {
            const current = this.holders.get(name);
            this.holders.delete(name);
            current?.notify();
            request.grant();
            return;
          }
          this.queue.push(request);
          this.pump(name);
        }),
      tryAcquire: async (name) => {
        this.tryRequests.push(tab);
        if (this.holders.has(name) || this.queue.some((r) => r.name === name)) return null;
        return this.grantTo(tab, name);
      }
    };
  }

  holder(name: string): string | null {
    return this.holders.get(name)?.tab ?? null;
  }

  /** The browser closed the tab: its locks go, its pending requests vanish. */
  closeTab(tab: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].tab === tab) this.queue.splice(i, 1);
    }
    for (const grant of [...this.holders.values()]) if (grant.tab === tab) grant.lose();
  }

  private grantTo(tab: string, name: string): HeldLock {
    let lost!: () => void;
    const lostPromise = new Promise<void>((resolve) => (lost = resolve));
    const grant: Grant = {
      tab,
      name,
      released: false,
      notify: () => {
        grant.released = true;
        lost();
      },
      lose: () => {
        if (grant.released) return;
        grant.released = true;
        if (this.holders.get(name) === grant) this.holders.delete(name);
        lost();
        this.pump(name);
      }
    };
    this.holders.set(name, grant);
    return { release: () => grant.lose(), lost: lostPromise };
  }

  private pump(name: string): void {
    if (this.holders.has(name)) return;
    const index = this.queue.findIndex((r) => r.name === name);
    if (index < 0) return;
    const [next] = this.queue.splice(index, 1);
    // Reserve the lock now; the holder learns it asynchronously, as with navigator.locks.
    const none = () => undefined;
    this.holders.set(name, { tab: next.tab, name, released: false, lose: none, notify: none });
    queueMicrotask(() => {
      this.holders.delete(name);
      next.grant();
    });
  }
}

export class FakeBroadcastHub {
  /** Every message posted, as sent (after structured cloning). */
  readonly posted: unknown[] = [];
  private readonly channels = new Map<string, Set<(message: unknown) => void>>();
  private readonly open = new Set<string>();

  channel(tab: string): TabChannel {
    const listeners = new Set<(message: unknown) => void>();
    this.channels.set(tab, listeners);
    this.open.add(tab);
    let open = true;
    return {
      post: (message) => {
        if (!open || !this.open.has(tab)) throw new Error("InvalidStateError: channel closed");
        this.broadcast(tab, message);
      },
      onMessage: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close: () => {
        open = false;
        this.channels.delete(tab);
      }
    };
  }

  /** A message from a tab outside the project (or a hostile script of the same origin). */
  inject(message: unknown): void {
    this.broadcast("stranger", message);
  }

  closeTab(tab: string): void {
    this.channels.delete(tab);
    this.open.delete(tab);
  }

  private broadcast(from: string, message: unknown): void {
    const copy = structuredClone(message);
    this.posted.push(copy);
    for (const [tab, listeners] of this.channels) {
      if (tab === from) continue;
      for (const listener of [...listeners]) {
        setImmediate(() => {
          if (this.channels.get(tab) === listeners) listener(structuredClone(copy));
        });
      }
    }
  }
}

export class FakeAttention implements TabAttention {
  private readonly listeners = new Set<() => void>();

  constructor(
    private isVisible = false,
    private isFocused = false
  ) {}

  visible(): boolean {
    return this.isVisible;
  }

  focused(): boolean {
    return this.isFocused;
  }

  set(visible: boolean, focused: boolean): void {
    this.isVisible = visible;
    this.isFocused = focused;
    for (const listener of [...this.listeners]) listener();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
