/**
 * How core tells the agent and the diagnostics what went wrong: recorded errors, one notice at
 * a time, and host calls whose failure is a diagnostic rather than a crash.
 */
import type { CtiHost } from "../host/cti-host";
import type { Clock } from "./clock";
import { describeError } from "./errors";
import type { LoggedError } from "./model";
import { withError } from "./state";
import type { StateCell } from "./store";

export class Reporter {
  readonly #cell: StateCell;
  readonly #clock: Clock;
  readonly #host: CtiHost | null;

  constructor(cell: StateCell, clock: Clock, host: CtiHost | null) {
    this.#cell = cell;
    this.#clock = clock;
    this.#host = host;
  }

  error(source: LoggedError["source"], message: string): void {
    const errors = withError(this.#cell.getState().errors, {
      at: this.#clock.now(),
      source,
      message
    });
    this.#cell.set({ errors });
  }

  /** Shows `message` to the agent; with a source it is recorded in diagnostics too. */
  notice(message: string, source?: LoggedError["source"]): void {
    const state = this.#cell.getState();
    const errors = source
      ? withError(state.errors, { at: this.#clock.now(), source, message })
      : state.errors;
    this.#cell.set({ notice: message, errors });
  }

  /** Fire-and-forget host calls: failures are diagnostics, not crashes. */
  hostCall(what: string, run: (host: CtiHost) => Promise<unknown>): void {
    const host = this.#host;
    if (!host) return;
    run(host).catch((error: unknown) => this.error("host", `${what}: ${describeError(error)}`));
  }
}
