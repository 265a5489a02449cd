/**
 * Attended (consult) transfer: the customer waits on hold while the agent calls the target;
 * then the agent completes the transfer (REFER with Replaces), swaps between the two, or
 * cancels and goes back to the customer. Blind transfer stays in the call desk.
 */
import type { Phone } from "../../phone/phone";
import { planDial, type DialingRules } from "../dialing";
import { describeError } from "../errors";
import type { CallView, SecondLegView } from "../model";
import type { NumbersGate } from "../numbers-first";
import type { Reporter } from "../reporter";
import type { CallBook } from "./call-book";
import { SecondLeg } from "./second-leg";

export interface ConsultDeps {
  book: CallBook;
  leg: SecondLeg;
  report: Reporter;
  phone(): Phone | null;
  dialingRules(): DialingRules | null;
  numbers: NumbersGate;
}

export const consultNote = (party: string) => `Consulted ${party}.`;
export const attendedTransferNote = (party: string) =>
  `Transferred to ${party} after a consultation (attended transfer).`;

export class Consult {
  readonly #deps: ConsultDeps;
  /** The agent is ending the leg (transfer or cancel): its end is not the target hanging up. */
  #completing = false;

  constructor(deps: ConsultDeps) {
    this.#deps = deps;
  }

  /** The customer call a second leg may be placed for: connected or held, and no leg yet. */
  customer(): CallView | null {
    const call = this.#deps.book.current();
    if (!call || (call.state !== "connected" && call.state !== "held")) return null;
    return call;
  }

  async start(target: string, name?: string): Promise<void> {
    const { leg, report } = this.#deps;
    const customer = this.customer();
    const rules = this.#deps.dialingRules();
    const phone = this.#deps.phone();
    if (!customer || !rules || !phone) {
      report.notice("A consultation needs a connected call.", "dial");
      return;
    }
    if (leg.view()) {
      report.notice("Finish the consultation in progress first.", "dial");
      return;
    }
    const numbers = this.#deps.numbers.current() ?? (await this.#deps.numbers.ready());
    const plan = planDial(target, rules, numbers);
    if (!plan.ok) {
      report.notice(plan.message, "dial");
      return;
    }
    if (customer.state === "connected") {
      try {
        await phone.hold(customer.id, true);
      } catch (error) {
        report.notice(`Could not hold the call to consult: ${describeError(error)}`, "phone");
        return;
      }
    }
    const shown = { number: plan.number, displayNumber: plan.displayNumber, name };
    const placed = await leg.dial(plan.dialString, shown, customer.id);
    if (!placed) await this.#resume(phone, customer.id);
  }

  /** Connects the customer to the target (REFER with Replaces) and leaves both calls. */
  async complete(): Promise<void> {
    const { leg, report } = this.#deps;
    const phone = this.#deps.phone();
    const view = leg.view();
    const customer = this.customer();
    if (!phone || !view || view.id === null || !customer || view.conference !== "none") {
      report.notice("There is no consultation to complete.", "dial");
      return;
    }
    if (!phone.attendedTransfer) {
      report.notice("This phone cannot complete an attended transfer.", "phone");
      return;
    }
    const note = attendedTransferNote(SecondLeg.party(view));
    leg.note(customer.id, note);
    this.#completing = true;
    try {
      await phone.attendedTransfer(customer.id, view.id);
    } catch (error) {
      leg.unnote(customer.id, note);
      report.notice(`Could not complete the transfer: ${describeError(error)}`, "phone");
    } finally {
      this.#completing = false;
    }
  }

  /** The target hung up during the consultation: noted, and the agent told the caller waits. */
  onLegEnded(view: SecondLegView): void {
    const { book, leg, report } = this.#deps;
    if (this.#completing || view.conference !== "none" || view.connectedAt === undefined) return;
    const customer = book.find(view.customerCallId);
    if (!customer || (customer.state !== "connected" && customer.state !== "held")) return;
    leg.note(customer.id, consultNote(SecondLeg.party(view)));
    if (customer.state === "held")
      report.notice(`${SecondLeg.party(view)} hung up; the caller is on hold.`);
  }

  /** Talks to the one on hold and holds the other. */
  async swap(): Promise<void> {
    const { leg, report } = this.#deps;
    const phone = this.#deps.phone();
    const view = leg.view();
    const customer = this.customer();
    if (!phone || !view || view.id === null || !customer || view.conference !== "none") return;
    const legId = view.id;
    try {
      if (customer.state === "held") {
        if (view.state === "connected") await phone.hold(legId, true);
        await phone.hold(customer.id, false);
      } else {
        await phone.hold(customer.id, true);
        if (view.state === "held") await phone.hold(legId, false);
      }
    } catch (error) {
      report.notice(`Could not swap calls: ${describeError(error)}`, "phone");
    }
  }

  /** Hangs up on the target and goes back to the customer. */
  async cancel(): Promise<void> {
    const { leg, report } = this.#deps;
    const phone = this.#deps.phone();
    const view = leg.view();
    if (!phone || !view) return;
    const customer = this.customer();
    if (view.connectedAt !== undefined && customer)
      leg.note(customer.id, consultNote(SecondLeg.party(view)));
    this.#completing = true;
    try {
      if (view.id !== null) await phone.hangup(view.id);
    } catch (error) {
      report.notice(`Could not end the consultation: ${describeError(error)}`, "phone");
      return;
    } finally {
      this.#completing = false;
    }
    if (customer?.state === "held") await this.#resume(phone, customer.id);
  }

  async #resume(phone: Phone, callId: string): Promise<void> {
    try {
      await phone.hold(callId, false);
    } catch (error) {
      this.#deps.report.notice(`Could not resume the call: ${describeError(error)}`, "phone");
    }
  }
}
