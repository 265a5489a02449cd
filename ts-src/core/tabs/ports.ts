/**
 * What the tab coordination needs from the browser, as small interfaces: the platform adapters
 * (ts-src/platform) implement them over navigator.locks, BroadcastChannel and the document;
 * tests implement them with fakes.
 */

/** A held lock: resolves `released` when the tab lost it (closed, or stolen by another tab). */
export interface HeldLock {
  /** Gives the lock up (only while idle: leadership never moves during a call). */
  release(): void;
  /** Settles when the lock is no longer held, for whatever reason. */
  readonly lost: Promise<void>;
}

export interface TabLocks {
  /**
   * Waits for the exclusive lock `name` (queued behind the current holder) and holds it until
   * `release()` or the tab closes. `steal` takes it from the holder at once; aborting `signal`
   * withdraws a request not granted yet (the promise rejects).
   */
  acquire(name: string, options?: { steal?: boolean; signal?: AbortSignal }): Promise<HeldLock>;
  /**
   * Takes the lock `name` only if no tab holds it or waits for it: resolves null at once
   * otherwise (a lone tab leads without waiting for the queue).
   */
  tryAcquire(name: string): Promise<HeldLock | null>;
}

/** A same-origin broadcast channel: every other tab gets each message (not the sender). */
export interface TabChannel {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): () => void;
  close(): void;
}

/** Whether the agent is looking at this tab. */
export interface TabAttention {
  visible(): boolean;
  focused(): boolean;
  onChange(listener: () => void): () => void;
}

export interface TabLogger {
  warn(message: string): void;
}
