/**
 * After-call work of the current call: notes, disposition, the timed wrap-up and its extension,
 * and writing the log when the agent saves (or the time runs out).
 */
import type { CallEndCause, CallEndReason } from "../../phone/phone";
import { dispositionFor, transferNote, withNote } from "../after-call/call-log";
import type { CallLogger } from "../after-call/call-logger";
import type { Clock } from "../clock";
import { MAX_NOTES, type CallView, type Disposition } from "../model";
import type { Reporter } from "../reporter";
import type { Settings } from "../settings";
import type { CallBook } from "./call-book";
import {
  allowedDisposition,
  presetDisposition,
  saveBlocker,
  WRAP_UP_EXTENSION_MS
} from "./dispositions";

export interface WrapUpDeps {
  clock: Clock;
  book: CallBook;
  logger: CallLogger;
  report: Reporter;
  settings(): Settings | null;
  /** The current call's log is written: the desk moves on (ready, or a waiting call). */
  onCleared(): void;
}

export class WrapUp {
  readonly #deps: WrapUpDeps;

  constructor(deps: WrapUpDeps) {
    this.#deps = deps;
  }

  setNotes(notes: string): void {
    const call = this.#deps.book.current();
    if (call) this.#deps.book.update(call.id, { notes: notes.slice(0, MAX_NOTES) });
  }

  setDisposition(disposition: Disposition): void {
    const call = this.#deps.book.current();
    const allowed = allowedDisposition(this.#deps.settings()?.callFlow, disposition);
    if (call && allowed) this.#deps.book.update(call.id, { disposition: allowed });
  }

  async save(): Promise<void> {
    const call = this.#deps.book.current();
    if (!call || call.state !== "wrapup") return;
    const blocker = saveBlocker(call, this.#deps.settings()?.callFlow);
    if (blocker) this.#deps.report.notice(blocker);
    else this.finish(call, true);
  }

  /** Gives a timed after-call work more time (nothing to extend when it waits for the agent). */
  extend(): void {
    const { book } = this.#deps;
    const call = book.current();
    if (!call || call.state !== "wrapup" || call.wrapUpDeadline === undefined) return;
    const deadline = call.wrapUpDeadline + WRAP_UP_EXTENSION_MS;
    book.update(call.id, { wrapUpDeadline: deadline });
    book.startWrapTimer(call.id, Math.max(0, deadline - this.#deps.clock.now()), () =>
      this.#expired(call.id)
    );
  }

  #expired(id: string): void {
    const current = this.#deps.book.current();
    if (current?.id === id && current.state === "wrapup") this.finish(current, true);
  }

  enter(view: CallView, reason: CallEndReason, cause?: CallEndCause): void {
    const { book, clock } = this.#deps;
    const settings = this.#deps.settings();
    const ended: CallView = {
      ...view,
      state: "wrapup",
      endedAt: clock.now(),
      disposition: presetDisposition(settings?.callFlow, dispositionFor(view, reason, cause)),
      muted: false
    };
    const logAtOnce = book.metaOf(view.id)?.logAtOnce === true;
    if (!settings || !settings.logCalls || settings.wrapUpSeconds === 0 || logAtOnce) {
      book.show({ call: ended });
      this.finish(ended, true);
      return;
    }
    if (settings.wrapUpSeconds !== null && book.metaOf(view.id)) {
      const ms = settings.wrapUpSeconds * 1000;
      ended.wrapUpDeadline = clock.now() + ms;
      book.startWrapTimer(view.id, ms, () => this.#expired(view.id));
    }
    book.show({ call: ended });
  }

  /** Writes the log for an answered or outbound call and, when it is the current one, clears it. */
  finish(view: CallView, current: boolean): void {
    const { book, clock, logger } = this.#deps;
    if (!book.claimLog(view.id)) return;
    const meta = book.metaOf(view.id);
    const notes = withNote(view.notes, meta?.transferredTo && transferNote(meta.transferredTo));
    logger.logFinished(view, {
      endedAt: view.endedAt ?? clock.now(),
      disposition: meta?.disposition ?? dispositionFor(view),
      notes: withNote(notes, meta?.extraNotes?.join("\n")),
      internal: meta?.internal ?? false
    });
    if (current && book.current()?.id === view.id) {
      book.show({ call: null });
      this.#deps.onCleared();
    }
    book.forget(view.id);
  }
}
