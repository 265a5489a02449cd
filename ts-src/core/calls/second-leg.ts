/**
 * The second call the agent places while on a customer call (a consultation, then perhaps a
 * conference party). It is tracked here, not in the call book: it belongs to the customer
 * call, whose Task notes it, and it never gets a Task of its own. The leg's phone events are
 * taken here before the call desk sees them.
 */
import type { Phone, PhoneCall, PhoneEvent } from "../../phone/phone";
import type { Clock } from "../clock";
import { describeError } from "../errors";
import type { SecondLegView } from "../model";
import type { Reporter } from "../reporter";
import type { StateCell } from "../store";
import type { CallBook } from "./call-book";

export interface SecondLegDeps {
  cell: StateCell;
  clock: Clock;
  book: CallBook;
  report: Reporter;
  phone(): Phone | null;
}

type CallEvent = Exclude<PhoneEvent, { type: "registration" }>;

export class SecondLeg {
  readonly #deps: SecondLegDeps;
  /** Called when the leg ends. */
  #onEnded: ((leg: SecondLegView) => void) | null = null;
  /** Calls that were the leg once (replaced by a PBX conference leg): their events are dropped. */
  readonly #former = new Set<string>();

  constructor(deps: SecondLegDeps) {
    this.#deps = deps;
  }

  view(): SecondLegView | null {
    return this.#deps.cell.getState().secondLeg ?? null;
  }

  onEnded(listener: (leg: SecondLegView) => void): void {
    this.#onEnded = listener;
  }

  /** Takes the leg's events (true) so the call desk never sees them as calls of their own. */
  onPhoneEvent(event: CallEvent): boolean {
    if (event.type !== "callUpdated" && event.type !== "callEnded") return false;
    if (this.#former.has(event.call.id)) {
      if (event.type === "callEnded") this.#former.delete(event.call.id);
      return true;
    }
    const leg = this.view();
    if (!leg || !this.#isLeg(leg, event.call)) return false;
    if (event.type === "callEnded") {
      this.#clear(leg);
      return true;
    }
    const call = event.call;
    const patch: Partial<SecondLegView> = { id: call.id };
    if (call.state === "connected" || call.state === "held") patch.state = call.state;
    if (call.state === "connected" && leg.connectedAt === undefined)
      patch.connectedAt = this.#deps.clock.now();
    this.update(patch);
    return true;
  }

  /** Dials the leg for `customerCallId`; false (with a notice) when the phone refused. */
  async dial(
    dialString: string,
    shown: { number: string; displayNumber: string; name?: string },
    customerCallId: string,
    conference: SecondLegView["conference"] = "none"
  ): Promise<boolean> {
    const { cell, clock, report } = this.#deps;
    const phone = this.#deps.phone();
    if (!phone) return false;
    const leg: SecondLegView = {
      id: null,
      customerCallId,
      number: shown.number,
      displayNumber: shown.displayNumber,
      state: "dialing",
      conference,
      startedAt: clock.now()
    };
    if (shown.name) leg.name = shown.name;
    cell.set({ secondLeg: leg });
    try {
      const id = await phone.dial(dialString);
      const now = this.view();
      if (now && now.id === null && now.startedAt === leg.startedAt) this.update({ id });
      return true;
    } catch (error) {
      if (this.view()?.startedAt === leg.startedAt) cell.set({ secondLeg: null });
      report.notice(`Could not call ${shown.displayNumber}: ${describeError(error)}`, "dial");
      return false;
    }
  }

  update(patch: Partial<SecondLegView>): void {
    const leg = this.view();
    if (leg) this.#deps.cell.set({ secondLeg: { ...leg, ...patch } });
  }

  /** Lets go of the leg without waiting for its end (it was handed to the PBX). */
  release(): void {
    const leg = this.view();
    if (leg?.id) this.#former.add(leg.id);
    this.#deps.cell.set({ secondLeg: null });
  }

  /** Adds a line to the customer call's Task notes. */
  note(customerCallId: string, line: string): void {
    const meta = this.#deps.book.metaOf(customerCallId);
    if (!meta || meta.extraNotes?.includes(line)) return;
    meta.extraNotes = [...(meta.extraNotes ?? []), line];
  }

  unnote(customerCallId: string, line: string): void {
    const meta = this.#deps.book.metaOf(customerCallId);
    if (meta?.extraNotes) meta.extraNotes = meta.extraNotes.filter((l) => l !== line);
  }

  /** Who the leg is with, as the agent sees it. */
  static party(leg: SecondLegView): string {
    return leg.name ? `${leg.name} (${leg.displayNumber})` : leg.displayNumber;
  }

  #isLeg(leg: SecondLegView, call: PhoneCall): boolean {
    if (leg.id !== null) return leg.id === call.id;
    // Reported before dial() resolved: an outbound call the desk does not know is the leg.
    return call.direction === "outbound" && this.#deps.book.find(call.id) === undefined;
  }

  #clear(leg: SecondLegView): void {
    this.#deps.cell.set({ secondLeg: null });
    this.#onEnded?.(leg);
  }
}
