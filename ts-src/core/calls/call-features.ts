/**
 * The agent's call-flow features behind one action (`callFeature`): consult and attended
 * transfer, conference, voicemail drop and PBX feature codes. Builds the parts, routes the
 * second leg's phone events, says what is on offer, and validates intents from other tabs.
 */
import type { Phone, PhoneEvent } from "../../phone/phone";
import type { Clock } from "../clock";
import type { DialingRules } from "../dialing";
import { FeatureCodes } from "../feature-codes";
import type { CallFeatureIntent, CallFeaturesOffer } from "../model";
import type { Reporter } from "../reporter";
import type { Settings } from "../settings";
import type { StateCell } from "../store";
import type { CallBook } from "./call-book";
import type { CallDesk } from "./call-desk";
import type { NumbersGate } from "../numbers-first";
import { Conference } from "./conference";
import { Consult } from "./consult";
import { SecondLeg } from "./second-leg";
import { VoicemailDrop } from "./voicemail-drop";

export interface CallFeaturesDeps {
  cell: StateCell;
  clock: Clock;
  book: CallBook;
  desk: CallDesk;
  report: Reporter;
  phone(): Phone | null;
  settings(): Settings | null;
  numbers: NumbersGate;
}

type CallEvent = Exclude<PhoneEvent, { type: "registration" }>;

export class CallFeatures {
  readonly #deps: CallFeaturesDeps;
  readonly #leg: SecondLeg;
  readonly #consult: Consult;
  readonly #conference: Conference;
  readonly #voicemail: VoicemailDrop;
  readonly #codes: FeatureCodes;

  constructor(deps: CallFeaturesDeps) {
    this.#deps = deps;
    const { cell, clock, book, report, phone, settings, numbers } = deps;
    const dialingRules = (): DialingRules | null => {
      const s = settings();
      return s
        ? { defaultCountry: s.defaultCountry, dialFormat: s.dialFormat, prefixes: s.prefixes }
        : null;
    };
    this.#leg = new SecondLeg({ cell, clock, book, report, phone });
    this.#consult = new Consult({ book, leg: this.#leg, report, phone, dialingRules, numbers });
    this.#conference = new Conference({
      leg: this.#leg,
      consult: this.#consult,
      report,
      phone,
      settings,
      numbers
    });
    this.#voicemail = new VoicemailDrop({ cell, book, report, phone, settings });
    this.#codes = new FeatureCodes({ book, report, phone, settings });
    this.#leg.onEnded((leg) => {
      if (leg.state === "dialing" && leg.conference === "none")
        report.notice(`${SecondLeg.party(leg)} did not answer.`);
      else this.#consult.onLegEnded(leg);
    });
  }

  /** True when the event was the second leg's (the call desk must not see it). */
  onPhoneEvent(event: CallEvent): boolean {
    return this.#leg.onPhoneEvent(event);
  }

  /** Publishes what the phone and the call center offer; called once the phone is up. */
  publishOffer(): void {
    this.#deps.cell.set({ callFeatures: this.offer() });
  }

  offer(): CallFeaturesOffer {
    const phone = this.#deps.phone();
    const settings = this.#deps.settings();
    const features = settings?.features;
    return {
      consult: typeof phone?.attendedTransfer === "function",
      conference: Conference.available(phone, settings),
      featureCodes: features?.featureCodes.map((c) => ({ name: c.name, sends: c.value })) ?? [],
      supervisorCodes: features?.supervisorCodes.map((c) => c.name) ?? [],
      voicemailMessages: VoicemailDrop.available(phone, settings)
        ? (features?.voicemailMessages.map((m) => m.name) ?? [])
        : []
    };
  }

  async run(intent: CallFeatureIntent): Promise<void> {
    switch (intent.type) {
      case "consult":
        return this.#consult.start(intent.target, intent.name);
      case "completeTransfer":
        return this.#consult.complete();
      case "swapLegs":
        return this.#consult.swap();
      case "cancelConsult":
        return this.#consult.cancel();
      case "conference":
        return this.#conference.start();
      case "dropParty":
        return this.#conference.drop(intent.party);
      case "dropVoicemail":
        return this.#voicemail.drop(intent.message);
      case "featureCode":
        return this.#codes.run(intent.name);
      case "supervisor": {
        const dial = this.#codes.supervisorDial(intent.name, intent.number, intent.entryName);
        if (!dial) return;
        return this.#deps.desk.placeCall(
          dial.dialString,
          {},
          {
            plan: {
              ok: true,
              dialString: dial.dialString,
              number: dial.dialString,
              displayNumber: dial.displayNumber,
              extension: true
            },
            notes: dial.notes
          }
        );
      }
    }
  }
}
