/**
 * The call lifecycle and the agent's call intents: calls arrive, ring, connect, wait, end and
 * go through after-call work into the log; the agent answers, declines, dials, holds, mutes,
 * sends digits and transfers. One call at a time is current; one more may wait.
 */
import type { CallEndCause, CallEndReason, Phone, PhoneCall, PhoneEvent } from "../../phone/phone";
import { idleAgentState } from "../agent";
import { planNumber, type ExtendedDialPlan } from "../numbers/extensions";
import { PostDial } from "../numbers/post-dial";
import type { CallLogger } from "../after-call/call-logger";
import type { Clock } from "../clock";
import { DTMF_DIGITS, planDial, type DialingRules, type DialPlan } from "../dialing";
import { describeError } from "../errors";
import type { CallView, Disposition } from "../model";
import type { NumbersGate } from "../numbers-first";
import type { Reporter } from "../reporter";
import type { Settings } from "../settings";
import type { StateCell } from "../store";
import type { CallBook } from "./call-book";
import {
  isInternalNumber,
  isLive,
  newCallView,
  recordFromPage,
  type Association
} from "./call-view";
import type { CallerId } from "./caller-id";
import { WrapUp } from "./wrap-up";

export interface CallDeskDeps {
  cell: StateCell;
  clock: Clock;
  book: CallBook;
  callerId: CallerId;
  logger: CallLogger;
  report: Reporter;
  /** Phone-number rules: a lazy chunk that a dial or an early call waits for. */
  numbers: NumbersGate;
  settings(): Settings | null;
  phone(): Phone | null;
}

type CallEvent = Exclude<PhoneEvent, { type: "registration" }>;

export class CallDesk {
  readonly #deps: CallDeskDeps;
  readonly #postDial: PostDial;
  readonly #wrapUp: WrapUp;

  constructor(deps: CallDeskDeps) {
    this.#deps = deps;
    this.#wrapUp = new WrapUp({ ...deps, onCleared: () => this.#afterCallCleared() });
    this.#postDial = new PostDial(deps.clock, (id, digits) => {
      const call = deps.book.current();
      if (call?.id === id && call.state === "connected")
        void this.#withPhone("send the extension", async (phone) => {
          await phone.sendDigits(id, digits);
          // Tell the agent: an auto-attendant may need the extension typed again.
          deps.report.notice(`Extension ${digits} sent.`);
        });
    });
  }

  onPhoneEvent(event: CallEvent): void {
    switch (event.type) {
      case "incoming":
        this.#onIncoming(event.call);
        return;
      case "callUpdated":
        this.#onCallUpdated(event.call);
        return;
      case "callEnded":
        this.#postDial.forget(event.call.id);
        this.#onCallEnded(
          event.call,
          event.reason,
          event.error ? describeError(event.error) : undefined,
          event.cause
        );
        return;
    }
  }

  // ---- intents ----

  /** `planned`: a dial string made elsewhere (a supervisor code), with the notes it starts with. */
  async placeCall(
    number: string,
    association: Association,
    planned?: { plan: Extract<DialPlan, { ok: true }>; notes: string[] }
  ): Promise<void> {
    const { cell, book, report, clock, callerId } = this.#deps;
    const numbers = this.#deps.numbers.current() ?? (await this.#deps.numbers.ready());
    const rules = this.#dialingRules();
    const phone = this.#deps.phone();
    if (!rules || !phone || cell.getState().registration !== "registered") {
      report.notice("The phone is not ready to place calls yet.", "dial");
      return;
    }
    const current = book.current();
    if (current || book.pendingOutbound()) {
      report.notice(
        current?.state === "wrapup"
          ? "Finish after-call work before placing another call."
          : "Hang up the current call before placing another.",
        "dial"
      );
      return;
    }
    const plan: ExtendedDialPlan =
      planned?.plan ??
      planNumber(number, rules, numbers, {
        allowServiceCodes: this.#deps.settings()?.callFlow.allowServiceCodes ?? false
      });
    if (!plan.ok) {
      report.notice(plan.message, "dial");
      return;
    }
    book.expectOutbound({
      number: plan.number,
      displayNumber: plan.displayNumber,
      internal: plan.extension,
      association,
      startedAt: clock.now(),
      ...(planned ? { extraNotes: planned.notes } : {})
    });
    cell.set({ notice: undefined, agent: "busy" });
    if (association.popRecordId) callerId.popRecord(association.popRecordId);
    try {
      const id = await phone.dial(plan.dialString);
      this.#postDial.expect(id, plan.postDialDigits);
      if (book.find(id)?.state === "connected") this.#postDial.connected(id);
      if (!book.find(id) && book.pendingOutbound()) {
        this.#adoptOutbound({
          id,
          direction: "outbound",
          remoteNumber: plan.dialString,
          state: "dialing",
          muted: false
        });
      }
    } catch (error) {
      book.expectOutbound(null);
      if (!book.current()) this.#afterCallCleared();
      report.notice(`Could not call ${plan.displayNumber}: ${describeError(error)}`, "dial");
    }
  }

  async answer(): Promise<void> {
    const { book } = this.#deps;
    const call = book.current();
    if (call && call.state === "ringing" && call.direction === "inbound") {
      await this.#withPhone("answer", (phone) => phone.answer(call.id));
      return;
    }
    const waiting = book.waiting();
    if (waiting) await this.#answerWaiting(waiting);
  }

  async decline(): Promise<void> {
    const { book } = this.#deps;
    const call = book.current();
    if (call && call.state === "ringing" && call.direction === "inbound") {
      await this.#withPhone("decline", (phone) => phone.decline(call.id));
      return;
    }
    const waiting = book.waiting();
    if (!waiting) return;
    if (waiting.state === "ringing")
      await this.#withPhone("decline", (phone) => phone.decline(waiting.id));
    else await this.#withPhone("hang up", (phone) => phone.hangup(waiting.id));
  }

  async hangup(): Promise<void> {
    const call = this.#liveCall();
    if (call) await this.#withPhone("hang up", (phone) => phone.hangup(call.id));
  }

  async hold(on: boolean): Promise<void> {
    const call = this.#liveCall();
    if (call && (call.state === "connected" || call.state === "held")) {
      await this.#withPhone(on ? "hold" : "resume", (phone) => phone.hold(call.id, on));
    }
  }

  async mute(on: boolean): Promise<void> {
    const call = this.#liveCall();
    if (call && call.state !== "ringing")
      await this.#withPhone(on ? "mute" : "unmute", (phone) => phone.mute(call.id, on));
  }

  async sendDigits(digits: string): Promise<void> {
    const call = this.#liveCall();
    if (!call || call.state !== "connected") return;
    if (!DTMF_DIGITS.test(digits)) {
      this.#deps.report.notice("Keypad digits are 0-9, *, # and A-D.", "dial");
      return;
    }
    await this.#withPhone("send digits", (phone) => phone.sendDigits(call.id, digits));
  }

  /** Blind transfer to a number or directory entry; the log notes where the call went. */
  async transfer(target: string): Promise<void> {
    const { book, report } = this.#deps;
    const numbers = this.#deps.numbers.current() ?? (await this.#deps.numbers.ready());
    const call = this.#liveCall();
    const rules = this.#dialingRules();
    if (!call || !rules || (call.state !== "connected" && call.state !== "held")) {
      report.notice("Only a connected call can be transferred.", "dial");
      return;
    }
    const plan = planDial(target, rules, numbers);
    if (!plan.ok) {
      report.notice(plan.message, "dial");
      return;
    }
    const meta = book.metaOf(call.id);
    if (meta) meta.transferredTo = plan.displayNumber;
    await this.#withPhone("transfer", async (phone) => {
      try {
        await phone.transfer(call.id, plan.dialString);
      } catch (error) {
        if (meta) meta.transferredTo = undefined;
        throw error;
      }
    });
  }

  setNotes(notes: string): void {
    this.#wrapUp.setNotes(notes);
  }

  setDisposition(disposition: Disposition): void {
    this.#wrapUp.setDisposition(disposition);
  }

  saveWrapUp(): Promise<void> {
    return this.#wrapUp.save();
  }

  extendWrapUp(): void {
    this.#wrapUp.extend();
  }

  dispose(): void {
    this.#deps.book.dispose();
  }

  // ---- lifecycle ----

  #onIncoming(call: PhoneCall): void {
    const { book, clock } = this.#deps;
    book.open(call.id, {
      relatedPinned: false,
      popped: false,
      internal: isInternalNumber(call.remoteNumber)
    });
    const view = newCallView(call, this.#country(), this.#deps.numbers.current(), clock.now());
    if (book.current()) {
      if (book.waiting()) {
        // Two calls already: a third caller is turned away (and logged as declined).
        book.turnAway(view);
        void this.#deps
          .phone()
          ?.decline(call.id)
          .catch(() => undefined);
        return;
      }
      book.show({ waitingCall: view });
      void this.#deps.callerId.numberWhenKnown(view);
      return;
    }
    this.#beginInbound(view);
  }

  #beginInbound(view: CallView): void {
    const { cell, report, callerId } = this.#deps;
    cell.set({ call: view, agent: "busy", notice: undefined });
    report.hostCall("setPanelVisible", (host) => host.setPanelVisible(true));
    void callerId.popWhenNumbersKnown(view);
  }

  #onCallUpdated(call: PhoneCall): void {
    const { book, clock } = this.#deps;
    let view = book.find(call.id);
    if (!view && call.direction === "outbound" && book.pendingOutbound() && !book.current()) {
      view = this.#adoptOutbound(call);
    }
    if (!view) return;
    const patch: Partial<CallView> = { muted: call.muted };
    if (call.state !== "ended") patch.state = call.state;
    if (call.state === "connected" && view.connectedAt === undefined)
      patch.connectedAt = clock.now();
    book.update(call.id, patch);
    if (call.state === "connected") this.#postDial.connected(call.id);
  }

  #adoptOutbound(call: PhoneCall): CallView {
    const { book, cell, clock, report, callerId } = this.#deps;
    const pending = book.pendingOutbound();
    book.expectOutbound(null);
    if (!pending) throw new Error("No outbound call is expected.");
    const { association } = pending;
    book.open(call.id, {
      relatedPinned: association.relatedTo !== undefined,
      popped: true,
      internal: pending.internal,
      ...(pending.extraNotes ? { extraNotes: [...pending.extraNotes] } : {})
    });
    const view = newCallView(call, this.#country(), this.#deps.numbers.current(), clock.now(), {
      number: pending.number,
      displayNumber: pending.displayNumber,
      startedAt: pending.startedAt
    });
    const relatedTo = association.relatedTo ?? recordFromPage(cell.getState().page);
    if (relatedTo) view.relatedTo = relatedTo;
    if (association.caller) {
      view.caller = association.caller;
      if (association.caller.name) view.callerName = association.caller.name;
    }
    cell.set({ call: view, agent: "busy" });
    report.hostCall("setPanelVisible", (host) => host.setPanelVisible(true));
    if (!association.caller && !pending.internal) void callerId.identifyCallee(view);
    return view;
  }

  #onCallEnded(call: PhoneCall, reason: CallEndReason, error?: string, cause?: CallEndCause): void {
    const { book, report, clock } = this.#deps;
    if (error) report.notice(`The call failed: ${error}`, "phone");
    const third = book.takeTurnedAway(call.id);
    if (third) {
      this.#logUnanswered(third, reason);
      return;
    }
    const waiting = book.waiting();
    if (waiting?.id === call.id) {
      book.show({ waitingCall: null });
      if (waiting.connectedAt === undefined) this.#logUnanswered(waiting, reason);
      else this.#wrapUp.finish({ ...waiting, state: "wrapup", endedAt: clock.now() }, false);
      return;
    }
    const current = book.current();
    if (!current || current.id !== call.id) return;
    if (current.direction === "inbound" && current.connectedAt === undefined) {
      book.show({ call: null });
      this.#logUnanswered(current, reason);
      this.#afterCallCleared();
      return;
    }
    this.#wrapUp.enter(current, reason, cause);
  }

  #logUnanswered(view: CallView, reason: CallEndReason): void {
    const { book, logger } = this.#deps;
    logger.logUnanswered(view, reason, book.metaOf(view.id)?.internal ?? false);
    book.forget(view.id);
  }

  /** The current call is gone: back to ready, or on to a call that was waiting. */
  #afterCallCleared(): void {
    const { book, cell } = this.#deps;
    const waiting = book.waiting();
    if (waiting && waiting.state === "ringing") {
      book.show({ waitingCall: null });
      this.#beginInbound(waiting);
      return;
    }
    if (waiting) {
      cell.set({ waitingCall: null, call: waiting, agent: "busy" });
      return;
    }
    cell.set({ agent: idleAgentState(cell.getState()) });
  }

  async #answerWaiting(waiting: CallView): Promise<void> {
    const { book, callerId } = this.#deps;
    const current = book.current();
    if (current && current.state === "wrapup") {
      // Saving after-call work promotes the waiting call; then it is answered like any other.
      this.#wrapUp.finish(current, true);
      const promoted = book.current();
      if (promoted?.id === waiting.id && promoted.state === "ringing") {
        await this.#withPhone("answer", (phone) => phone.answer(waiting.id));
      } else if (promoted?.id === waiting.id && promoted.state === "held") {
        await this.#withPhone("resume", (phone) => phone.hold(waiting.id, false));
      }
      return;
    }
    if (!current) return;
    if (waiting.state === "ringing") {
      await this.#withPhone("answer", async (phone) => {
        if (current.state === "connected") await phone.hold(current.id, true);
        await phone.answer(waiting.id);
      });
    } else {
      await this.#withPhone("swap calls", async (phone) => {
        if (current.state === "connected") await phone.hold(current.id, true);
        await phone.hold(waiting.id, false);
      });
    }
    // The answered call becomes the current one; the other waits on hold.
    const answered = book.waiting();
    if (!answered || answered.id !== waiting.id || !book.current()) return;
    book.swap();
    if (!book.metaOf(answered.id)?.popped) void callerId.popWhenNumbersKnown(answered);
  }

  /** Runs a phone operation on a call; failures become a notice, never a rejection. */
  async #withPhone(what: string, run: (phone: Phone) => Promise<void>): Promise<void> {
    const phone = this.#deps.phone();
    if (!phone) {
      this.#deps.report.notice("The phone is not started.", "phone");
      return;
    }
    try {
      await run(phone);
    } catch (error) {
      this.#deps.report.notice(`Could not ${what}: ${describeError(error)}`, "phone");
    }
  }

  #liveCall(): CallView | null {
    const call = this.#deps.book.current();
    return isLive(call) ? call : null;
  }

  #dialingRules(): DialingRules | null {
    const s = this.#deps.settings();
    return s
      ? { defaultCountry: s.defaultCountry, dialFormat: s.dialFormat, prefixes: s.prefixes }
      : null;
  }

  #country(): Settings["defaultCountry"] {
    return this.#deps.settings()?.defaultCountry ?? "US";
  }
}
