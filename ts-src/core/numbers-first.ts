/**
 * The gate in front of the lazy phone-number rules: the softphone starts loading them right
 * after notifyInitializationComplete, and a dial, a transfer or a call that arrives before
 * they are in waits for them (at most WAIT_MS). A load that fails or takes too long leaves
 * numbers as typed or signalled (raw digits), says so once, and is retried on the next need.
 */
import type { Clock } from "./clock";
import { describeError } from "./errors";
import type { LoadPhoneNumbers, PhoneNumbers } from "./phone-numbers";

export const WAIT_MS = 10_000;

export interface NumbersGateDeps {
  /** No loader: the rules are never there (a page without an entry file's loader). */
  load?: LoadPhoneNumbers;
  clock: Clock;
  /** Told once per failed load, with a message for the agent. */
  onProblem(message: string): void;
}

export class NumbersGate {
  readonly #deps: NumbersGateDeps;
  #numbers: PhoneNumbers | null = null;
  #loading: Promise<PhoneNumbers | null> | null = null;

  constructor(deps: NumbersGateDeps) {
    this.#deps = deps;
  }

  /** The rules when they have loaded, otherwise null (and nothing is started). */
  current(): PhoneNumbers | null {
    return this.#numbers;
  }

  /** Starts loading if nobody has yet. */
  preload(): void {
    void this.ready();
  }

  /** The rules, loading them if needed; null when they could not be had within WAIT_MS. */
  ready(): Promise<PhoneNumbers | null> {
    if (this.#numbers) return Promise.resolve(this.#numbers);
    const load = this.#deps.load;
    if (!load) return Promise.resolve(null);
    this.#loading ??= this.#load(load);
    return this.#loading;
  }

  async #load(load: LoadPhoneNumbers): Promise<PhoneNumbers | null> {
    const { clock, onProblem } = this.#deps;
    let timer: unknown;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = clock.setTimeout(() => resolve("timeout"), WAIT_MS);
    });
    const loading = load();
    try {
      const outcome = await Promise.race([loading, timeout]);
      if (outcome === "timeout") {
        // Keep the slow load: when it does arrive, later calls use it.
        loading.then((numbers) => (this.#numbers ??= numbers)).catch(() => undefined);
        onProblem(
          `Phone number rules are still loading after ${WAIT_MS / 1000} s: numbers are shown as signalled.`
        );
        return null;
      }
      this.#numbers = outcome;
      return outcome;
    } catch (error) {
      onProblem(
        `Could not load the phone number rules (${describeError(error)}): numbers are shown as signalled.`
      );
      return null;
    } finally {
      clock.clearTimeout(timer);
      // A failed or slow load is tried again on the next need.
      if (!this.#numbers) this.#loading = null;
    }
  }
}
