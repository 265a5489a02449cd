/**
 * The state cell: the one place SoftphoneState lives. `set()` merges a patch and notifies the
 * subscribers, nothing else; everything that follows the state (the UI, the open-call journal,
 * the message channel, click-to-dial, the utility item) subscribes.
 */
import type { SoftphoneState } from "./model";
import { describeError } from "./errors";

export type StateListener = (state: SoftphoneState) => void;

export interface StoreLogger {
  warn(message: string): void;
}

export class StateCell {
  #state: SoftphoneState;
  readonly #listeners = new Set<StateListener>();
  #disposed = false;

  readonly #logger: StoreLogger;

  constructor(initial: SoftphoneState, logger: StoreLogger) {
    this.#logger = logger;
    this.#state = initial;
  }

  getState(): SoftphoneState {
    return this.#state;
  }

  subscribe(listener: StateListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  set(patch: Partial<SoftphoneState>): void {
    if (this.#disposed) return;
    this.#state = { ...this.#state, ...patch };
    for (const listener of [...this.#listeners]) {
      try {
        // The latest state, not this patch's: a listener may have set another one meanwhile.
        listener(this.#state);
      } catch (error) {
        this.#logger.warn(`Softphone state listener failed: ${describeError(error)}`);
      }
    }
  }

  /** No more changes and no more notifications. */
  dispose(): void {
    this.#disposed = true;
    this.#listeners.clear();
  }
}
