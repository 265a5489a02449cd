/**
 * Writing a call's log: the Task for every finished call (built by ./call-log.ts), the agent's
 * recent calls, the Sales Engagement work item it completes, and the
 * outbox that saves it — including calls a vanished page left open.
 */
import type { CtiHost } from "../../host/cti-host";
import type { CallEndReason } from "../../phone/phone";
import type { Clock } from "../clock";
import { readLoggedCall, readSavedCallLog, type Crm } from "../crm";
import { describeError } from "../errors";
import type { CallView } from "../model";
import type { Reporter } from "../reporter";
import type { Settings } from "../settings";
import type { KeyValueStorage } from "../storage";
import type { StateCell } from "../store";
import { DECLINED_NOTE, MISSED_NOTE, taskFieldsFor, type CallOutcome } from "./call-log";
import { recoverOrphanedCalls } from "./journal";
import { Outbox, type OutboxEntry } from "./outbox";
import { loadRecentCalls, MAX_RECENT_CALLS, recentFromCall, saveRecentCalls } from "./recent-calls";
import { WorkItems } from "./work-items";

export interface CallLoggerDeps {
  cell: StateCell;
  clock: Clock;
  host: CtiHost | null;
  crm: Crm | null;
  report: Reporter;
  /** Durable storage: the outbox, recent calls and the open-call journal. */
  storage: KeyValueStorage;
  random?: () => number;
}

export const DEFAULT_RETENTION_DAYS = 7;

/** How long anything of the agent's may stay in the browser. */
export function retentionMs(settings: Settings | null): number {
  return (settings?.retentionDays ?? DEFAULT_RETENTION_DAYS) * 86_400_000;
}

/** Shown while a log lives only in this tab's memory because storage refused it. */
export const IN_MEMORY_NOTICE = "Call log kept in this tab only — don't close it until it is saved";

export class CallLogger {
  readonly #workItems = new WorkItems();
  #outbox: Outbox | null = null;
  #settings: Settings | null = null;

  readonly #deps: CallLoggerDeps;

  constructor(deps: CallLoggerDeps) {
    this.#deps = deps;
  }

  /** A Sales Engagement work item the agent started: the next matching call completes it. */
  rememberWork(...args: Parameters<WorkItems["remember"]>): void {
    this.#workItems.remember(...args);
  }

  /**
   * Logs what a page closed mid-call left in the journal (not `tabId`'s own), then starts
   * saving: leftovers from earlier loads are sent at once.
   */
  start(settings: Settings, host: CtiHost, tabId: string): void {
    const { storage, clock, cell, report } = this.#deps;
    this.#settings = settings;
    const outbox = new Outbox({
      storage,
      clock,
      random: this.#deps.random,
      send: (entry) => this.#send(host, entry),
      findExisting: this.#deps.crm ? (entry) => this.#findLogged(entry.callId) : undefined,
      onVolatile: (inMemory) => this.#onVolatile(inMemory),
      retentionMs: retentionMs(settings),
      onExpired: (entry) =>
        report.error(
          "log",
          `Call log for ${entry.callId} dropped unsent: older than ${settings.retentionDays ?? DEFAULT_RETENTION_DAYS} days (call center item retentionDays).`
        ),
      afterSaved: (entry, recordId) => this.#afterSaved(host, entry, recordId),
      onChange: (pending) => {
        if (pending !== cell.getState().outboxPending) cell.set({ outboxPending: pending });
      },
      onError: (entry, error) =>
        report.error("log", `Call log for ${entry.callId} not saved yet: ${describeError(error)}`)
    });
    try {
      const queued = recoverOrphanedCalls({
        storage,
        clock,
        tabId,
        outbox,
        logCalls: settings.logCalls
      });
      if (queued.length > 0)
        cell.set({ recentCalls: loadRecentCalls(storage, clock.now() - retentionMs(settings)) });
    } catch (error) {
      report.error("log", `Could not recover calls left open: ${describeError(error)}`);
    }
    this.#outbox = outbox;
    void outbox.start();
  }

  stop(): void {
    this.#outbox?.stop();
  }

  /** An answered or outbound call whose after-call work is done. */
  logFinished(view: CallView, outcome: CallOutcome): void {
    this.#write(view, outcome, false);
  }

  /** An inbound call nobody answered: missed, declined or turned away. */
  logUnanswered(view: CallView, reason: CallEndReason, internal: boolean): void {
    this.#write(
      view,
      {
        endedAt: this.#deps.clock.now(),
        disposition: "No answer",
        notes: reason === "declined" ? DECLINED_NOTE : MISSED_NOTE,
        internal
      },
      true
    );
  }

  #write(view: CallView, outcome: CallOutcome, missed: boolean): void {
    const { cell, storage, host, report } = this.#deps;
    const recent = recentFromCall(view, outcome.endedAt, missed);
    const recentCalls = [
      recent,
      ...cell.getState().recentCalls.filter((c) => c.id !== view.id)
    ].slice(0, MAX_RECENT_CALLS);
    saveRecentCalls(storage, recentCalls);
    cell.set({ recentCalls });

    const recordIds = [view.caller?.id, view.relatedTo?.id].filter(
      (id): id is string => id !== undefined
    );
    const work = this.#workItems.take(recordIds, view.startedAt, view.number);
    const wasConnected = view.connectedAt !== undefined;
    if (!this.#settings?.logCalls || !this.#outbox || !host) {
      if (work && host) {
        host
          .completeWork(work.workId, { disposition: outcome.disposition, wasConnected })
          .catch((error: unknown) => report.error("host", `completeWork: ${describeError(error)}`));
      }
      return;
    }
    this.#outbox
      .enqueue({
        callId: view.id,
        entityApiName: "Task",
        fields: taskFieldsFor(view, outcome),
        work: work
          ? { workId: work.workId, disposition: outcome.disposition, wasConnected }
          : undefined
      })
      .catch((error: unknown) =>
        report.notice(`Call log for ${view.id} could not be kept: ${describeError(error)}`, "log")
      );
  }

  /**
   * Through the Crm's locked check-and-insert where the host has one (Open CTI: Apex), so a
   * retry of a save that lands late finds its Task; otherwise through saveLog.
   */
  async #send(host: CtiHost, entry: OutboxEntry): Promise<{ recordId: string }> {
    const crm = this.#deps.crm;
    if (!crm?.saveCallLog || entry.entityApiName !== "Task") {
      return host.saveLog(entry.entityApiName, entry.fields);
    }
    const result = readSavedCallLog(await crm.saveCallLog(entry.callId, entry.fields));
    if (!result.ok) throw new Error(result.message);
    return { recordId: result.value };
  }

  /** The agent is told while any log lives only in memory; diagnostics say storage is not durable. */
  #onVolatile(inMemory: number): void {
    const { cell, report } = this.#deps;
    const state = cell.getState();
    if (inMemory > 0) {
      if (state.storageDurable !== false) {
        cell.set({ storageDurable: false });
        report.error("log", "Browser storage refused a call log: it is kept in memory only.");
      }
      if (state.notice !== IN_MEMORY_NOTICE) report.notice(IN_MEMORY_NOTICE);
    } else if (state.notice === IN_MEMORY_NOTICE) {
      cell.set({ notice: undefined });
    }
  }

  /** The Task of an earlier attempt, or null; throws when Salesforce cannot tell (unknown). */
  async #findLogged(callId: string): Promise<string | null> {
    const crm = this.#deps.crm;
    if (!crm) return null;
    const result = readLoggedCall(await crm.findLoggedCall(callId));
    if (!result.ok) throw new Error(result.message);
    return result.value;
  }

  async #afterSaved(host: CtiHost, entry: OutboxEntry, recordId: string): Promise<void> {
    await host
      .refreshView()
      .catch((error: unknown) =>
        this.#deps.report.error("host", `refreshView: ${describeError(error)}`)
      );
    if (entry.work) {
      await host.completeWork(entry.work.workId, {
        disposition: entry.work.disposition,
        taskId: recordId,
        wasConnected: entry.work.wasConnected
      });
    }
  }
}
