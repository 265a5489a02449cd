/**
 * Who may drive the phone: the message channel is open to every Lightning component in the org,
 * so only the commands the call center lists run. `answer` (opens the agent's microphone) and
 * `transfer` (moves a live customer) are off unless listed, and a listed `transfer` to a number
 * outside the directory waits for the agent to confirm it in the softphone.
 */
import type { ChannelCommand } from "./channel";
import type { GuardedCommand } from "./channel-commands";
import { readDirectory, type Crm } from "./crm";
import type { StateCell } from "./store";

/** Digits (and * #) only, without a leading + or international 00, for comparing numbers. */
function comparable(number: string): string {
  return number.replace(/[^0-9*#]/g, "").replace(/^00/, "");
}

/** True when the answer's entries hold `number` (compared by digits, ignoring punctuation). */
function directoryHolds(answer: unknown, number: string): boolean {
  const read = readDirectory(answer);
  if (!read.ok) return false;
  const wanted = comparable(number);
  return wanted !== "" && read.value.some((entry) => comparable(entry.number) === wanted);
}

export interface ChannelGuardDeps {
  cell: StateCell;
  crm: Crm | null;
  /** The commands the call center allows; read when a command arrives. */
  allowed: () => readonly GuardedCommand[];
  logger: { warn(message: string): void };
  notice: (message: string) => void;
  run: (command: ChannelCommand) => Promise<void>;
}

export class ChannelGuard {
  readonly #warned = new Set<string>();
  #pending: Extract<ChannelCommand, { type: "transfer" }> | null = null;
  readonly #deps: ChannelGuardDeps;

  constructor(deps: ChannelGuardDeps) {
    this.#deps = deps;
  }

  /** False (with a warning and a notice) for a command the call center does not list. */
  admits(command: ChannelCommand): boolean {
    // The simulations only work with the demo phone: no real call, no microphone.
    if (command.type === "simulateIncoming" || command.type === "simulateNetwork") return true;
    if (this.#deps.allowed().includes(command.type)) return true;
    this.#refuse(command.type);
    return false;
  }

  /** Runs an admitted command; holds a transfer outside the directory for the agent. */
  async receive(command: ChannelCommand): Promise<void> {
    const deps = this.#deps;
    if (!this.admits(command)) return;
    if (command.type === "transfer" && !(await this.#inDirectory(command.target))) {
      this.#pending = command;
      deps.cell.set({ pendingTransfer: { target: command.target } });
      return;
    }
    await deps.run(command);
  }

  /** The agent agreed: the held transfer runs now. */
  async confirm(): Promise<void> {
    const command = this.#pending;
    this.#clear();
    if (command) await this.#deps.run(command);
  }

  /** The agent refused: the held transfer is dropped. */
  cancel(): void {
    this.#clear();
  }

  #clear(): void {
    this.#pending = null;
    if (this.#deps.cell.getState().pendingTransfer !== undefined)
      this.#deps.cell.set({ pendingTransfer: undefined });
  }

  #refuse(type: string): void {
    // One warning per command name: a component that retries must not flood the console.
    if (!this.#warned.has(type)) {
      this.#warned.add(type);
      this.#deps.logger.warn(
        `Softphone__c: refused "${type}": not in the call center's channelCommands list`
      );
    }
    this.#deps.notice(
      `Another component on this page asked the softphone to ${type}; your call center does not allow that.`
    );
  }

  /** A failed or unavailable search counts as "outside": the agent decides. */
  async #inDirectory(target: string): Promise<boolean> {
    const crm = this.#deps.crm;
    if (!crm) return false;
    try {
      return directoryHolds(await crm.searchDirectory(target), target);
    } catch {
      return false;
    }
  }
}
