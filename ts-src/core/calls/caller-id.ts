/**
 * Who is on the line and which record a call is about: the inbound screen pop and its
 * matches, naming the person dialed from the keypad, following the agent's navigation, and
 * the agent's own choice of match or related record.
 */
import type { CtiHost, PageInfo } from "../../host/cti-host";
import { readCallerMatches, type Crm } from "../crm";
import { formatNumber, normaliseNumber } from "../dialing";
import { describeError } from "../errors";
import { isSalesforceId, isWhoId } from "../ids";
import type { CallView, RelatedRecord } from "../model";
import type { NumbersGate } from "../numbers-first";
import type { Reporter } from "../reporter";
import type { Settings } from "../settings";
import type { StateCell } from "../store";
import type { CallBook } from "./call-book";
import { isOnRecord, recordFromMatch, recordFromPage } from "./call-view";
import { popInbound } from "./screen-pop";

export interface CallerIdDeps {
  cell: StateCell;
  book: CallBook;
  host: CtiHost | null;
  crm: Crm | null;
  report: Reporter;
  numbers: NumbersGate;
  settings(): Settings | null;
}

export class CallerId {
  readonly #deps: CallerIdDeps;

  constructor(deps: CallerIdDeps) {
    this.#deps = deps;
  }

  /** Whether the agent is looking at this record now. */
  isOnRecord(recordId: string): boolean {
    return isOnRecord(this.#deps.cell.getState().page, recordId);
  }

  /** Opens a record unless the agent is already on it (and unless pops are off). */
  popRecord(recordId: string): void {
    if (this.#deps.settings()?.screenPop === "off" || this.isOnRecord(recordId)) return;
    this.#deps.report.hostCall("screenPop", (host) =>
      host.screenPop({ type: "sobject", recordId })
    );
  }

  /**
   * The pop for an inbound call once its number can be read: the lookup wants E.164, so a
   * call that rang before the phone-number rules loaded is parsed when they arrive.
   */
  async popWhenNumbersKnown(view: CallView): Promise<void> {
    const current = await this.numberWhenKnown(view);
    if (current) await this.popFor(current);
  }

  /**
   * A call seen before the phone-number rules loaded: its number parsed once they arrive
   * (unchanged if they never do). The call as it is then; undefined when it is gone.
   */
  async numberWhenKnown(view: CallView): Promise<CallView | undefined> {
    const { book, numbers: gate, settings } = this.#deps;
    if (gate.current()) return view;
    const numbers = await gate.ready();
    const found = book.find(view.id);
    if (!found || !numbers) return found;
    const country = settings()?.defaultCountry ?? "US";
    book.update(view.id, {
      number: normaliseNumber(found.number, country, numbers),
      displayNumber: formatNumber(found.number, country, numbers)
    });
    return book.find(view.id) ?? found;
  }

  /** The screen pop for an inbound call, once: its matches name the caller. */
  async popFor(view: CallView): Promise<void> {
    const { book, host, crm, settings: currentSettings, report } = this.#deps;
    const meta = book.metaOf(view.id);
    const settings = currentSettings();
    if (!meta || meta.popped || !host || !settings) return;
    meta.popped = true;
    if (settings.screenPop === "off") return;
    book.update(view.id, { matchStatus: "pending" });
    const outcome = await popInbound(
      host,
      crm,
      settings.screenPop,
      settings.noMatchPop,
      { number: view.number, displayNumber: view.displayNumber },
      (recordId) => this.isOnRecord(recordId)
    ).catch((error: unknown) => ({
      matchStatus: "error" as const,
      matches: [],
      error: describeError(error)
    }));
    const patch: Partial<CallView> = { matchStatus: outcome.matchStatus, matches: outcome.matches };
    if (outcome.matchStatus === "one") {
      const match = outcome.matches[0];
      const record = recordFromMatch(match);
      if (isWhoId(match.id)) patch.caller = record;
      if (!meta.relatedPinned) patch.relatedTo = record;
      patch.callerName = match.name;
    }
    book.update(view.id, patch);
    if (outcome.error) report.error("host", `Screen pop: ${outcome.error}`);
  }

  /**
   * Names the person dialed from the keypad (one match of our lookup, never a pop), so the
   * agent sees who answers and the Task gets its WhoId.
   */
  async identifyCallee(view: CallView): Promise<void> {
    const { book, crm, settings } = this.#deps;
    if (!crm || settings()?.screenPop !== "apex") return;
    let matches;
    try {
      const result = readCallerMatches(await crm.findCaller(view.number));
      if (!result.ok) return;
      matches = result.value;
    } catch {
      return;
    }
    const current = book.find(view.id);
    if (matches.length !== 1 || !current || current.caller) return;
    const match = matches[0];
    const record = recordFromMatch(match);
    const patch: Partial<CallView> = { callerName: match.name };
    if (isWhoId(match.id)) patch.caller = record;
    else if (!current.relatedTo) patch.relatedTo = record;
    book.update(view.id, patch);
  }

  /** The agent opened a record: the current call is about it, unless they chose otherwise. */
  onNavigation(page: PageInfo): void {
    const { cell, book } = this.#deps;
    cell.set({ page });
    const call = book.current();
    if (!call || !isSalesforceId(page.recordId)) return;
    const meta = book.metaOf(call.id);
    if (!meta || meta.relatedPinned) return;
    book.update(call.id, { relatedTo: recordFromPage(page) });
  }

  /** Pops and relates the chosen record when the lookup found several. */
  chooseMatch(recordId: string): void {
    const { book, report } = this.#deps;
    const call = book.current();
    const match = call?.matches.find((m) => m.id === recordId);
    if (!call || !match) return;
    const record: RelatedRecord = recordFromMatch(match);
    const patch: Partial<CallView> = {
      matchStatus: "one",
      relatedTo: record,
      callerName: match.name
    };
    if (isWhoId(match.id)) patch.caller = record;
    book.update(call.id, patch);
    const meta = book.metaOf(call.id);
    if (meta) meta.relatedPinned = true;
    if (!this.isOnRecord(match.id)) {
      report.hostCall("screenPop", (host) =>
        host.screenPop({ type: "sobject", recordId: match.id })
      );
    }
  }

  setRelatedTo(record: RelatedRecord | null): void {
    const { book, report } = this.#deps;
    const call = book.current();
    if (!call) return;
    if (record !== null && !isSalesforceId(record.id)) {
      report.notice("That is not a Salesforce record Id.");
      return;
    }
    const meta = book.metaOf(call.id);
    if (meta) meta.relatedPinned = true;
    // A person the agent chose in "Related to" is who they say is on the line: the WhoId.
    const patch: Partial<CallView> = { relatedTo: record ?? undefined };
    if (record && isWhoId(record.id)) patch.caller = record;
    book.update(call.id, patch);
  }
}
