/** The colleagues and directory numbers an agent can transfer to, searched by name or number. */
import { readDirectory, type Crm } from "./crm";
import { describeError } from "./errors";
import type { Reporter } from "./reporter";
import type { StateCell } from "./store";

const MAX_QUERY = 80;

export class Directory {
  #sequence = 0;

  readonly #cell: StateCell;
  readonly #crm: Crm | null;
  readonly #report: Reporter;

  constructor(cell: StateCell, crm: Crm | null, report: Reporter) {
    this.#cell = cell;
    this.#crm = crm;
    this.#report = report;
  }

  /** Searches; an answer to an older search than the latest is dropped. */
  async search(query: string): Promise<void> {
    const cell = this.#cell;
    const crm = this.#crm;
    const term = query.trim().slice(0, MAX_QUERY);
    const sequence = ++this.#sequence;
    if (!crm || term === "") {
      cell.set({ directory: { query: term, status: "idle", entries: [] } });
      return;
    }
    cell.set({
      directory: { query: term, status: "loading", entries: cell.getState().directory.entries }
    });
    let result;
    try {
      result = readDirectory(await crm.searchDirectory(term));
    } catch (error) {
      result = {
        ok: false as const,
        message: `The directory search failed: ${describeError(error)}`
      };
    }
    if (sequence !== this.#sequence) return;
    if (result.ok) cell.set({ directory: { query: term, status: "idle", entries: result.value } });
    else {
      cell.set({ directory: { query: term, status: "error", entries: [] } });
      this.#report.error("host", result.message);
    }
  }
}
