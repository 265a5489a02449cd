/**
 * Three-way conference from a consultation: the phone mixes the customer and the other party
 * in the browser (each hears the agent and the other), or — when `conferenceUri` names a PBX
 * conference — both are REFERred into it and the agent joins it. Either party can be dropped
 * while the other stays. The customer call's Task notes the conference.
 */
import type { Phone } from "../../phone/phone";
import { formatNumber } from "../dialing";
import type { NumbersGate } from "../numbers-first";
import { describeError } from "../errors";
import type { Reporter } from "../reporter";
import type { Settings } from "../settings";
import type { Consult } from "./consult";
import { SecondLeg } from "./second-leg";

export interface ConferenceDeps {
  leg: SecondLeg;
  consult: Consult;
  report: Reporter;
  phone(): Phone | null;
  settings(): Settings | null;
  numbers: NumbersGate;
}

export const conferenceNote = (party: string) => `Conference with ${party} (3-way).`;
export const pbxConferenceNote = (party: string, room: string) =>
  `Joined with ${party} into the PBX conference ${room}.`;

export class Conference {
  readonly #deps: ConferenceDeps;

  constructor(deps: ConferenceDeps) {
    this.#deps = deps;
  }

  /** Whether a conference can be offered with this phone and these settings. */
  static available(phone: Phone | null, settings: Settings | null): boolean {
    if (!phone) return false;
    return settings?.features.conferenceUri ? true : typeof phone.conference === "function";
  }

  async start(): Promise<void> {
    const { leg, consult, report } = this.#deps;
    const phone = this.#deps.phone();
    const view = leg.view();
    const customer = consult.customer();
    if (!phone || !view || view.id === null || !customer || view.connectedAt === undefined) {
      report.notice("Call the other party and wait until they answer to start a conference.");
      return;
    }
    if (view.conference !== "none") return;
    const room = this.#deps.settings()?.features.conferenceUri ?? null;
    const party = SecondLeg.party(view);
    if (room) {
      await this.#intoPbx(phone, room, customer.id, view.id, party);
      return;
    }
    if (!phone.conference) {
      report.notice("This phone cannot hold a conference.", "phone");
      return;
    }
    try {
      await phone.conference([customer.id, view.id]);
    } catch (error) {
      report.notice(`Could not start the conference: ${describeError(error)}`, "phone");
      return;
    }
    leg.update({ conference: "local" });
    leg.note(customer.id, conferenceNote(party));
  }

  /** Hangs up one party; the other stays on the line with the agent. */
  async drop(party: "customer" | "other"): Promise<void> {
    const { leg, consult, report } = this.#deps;
    const phone = this.#deps.phone();
    const view = leg.view();
    if (!phone || !view) return;
    if (party === "other") {
      if (view.conference === "none") {
        await consult.cancel();
        return;
      }
      try {
        if (view.id !== null) await phone.hangup(view.id);
      } catch (error) {
        report.notice(`Could not drop ${SecondLeg.party(view)}: ${describeError(error)}`, "phone");
      }
      return;
    }
    const customer = consult.customer();
    if (!customer || view.conference === "pbx") return;
    try {
      await phone.hangup(customer.id);
      // The customer's Task is written as usual; the leg stays, now a plain call.
      leg.update({ conference: "none" });
    } catch (error) {
      report.notice(`Could not drop the caller: ${describeError(error)}`, "phone");
    }
  }

  async #intoPbx(
    phone: Phone,
    room: string,
    customerId: string,
    legId: string,
    party: string
  ): Promise<void> {
    const { leg, report } = this.#deps;
    const note = pbxConferenceNote(party, room);
    leg.note(customerId, note);
    try {
      await phone.transfer(customerId, room);
      await phone.transfer(legId, room);
    } catch (error) {
      leg.unnote(customerId, note);
      report.notice(
        `Could not move the calls into the conference: ${describeError(error)}`,
        "phone"
      );
      return;
    }
    leg.release();
    const country = this.#deps.settings()?.defaultCountry ?? "US";
    // The agent joins the room; this leg, like the others, belongs to the customer call.
    await leg.dial(
      room,
      {
        number: room,
        displayNumber: formatNumber(room, country, this.#deps.numbers.current()),
        name: "Conference"
      },
      customerId,
      "pbx"
    );
  }
}
