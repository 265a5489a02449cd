/**
 * PBX feature codes as actions: the call center names them (`Pause recording=*1`, `Park=*70`,
 * supervisor `Listen=*81{ext}`). During a call a code sends its digits (DTMF) or transfers the
 * call to its SIP URI; a supervisor code dials its digits for a directory entry. Each use is
 * written into the Task's notes.
 */
import type { Phone } from "../phone/phone";
import type { CallBook } from "./calls/call-book";
import { supervisorDialString, type FeatureCode } from "./call-features-settings";
import { describeError } from "./errors";
import type { Reporter } from "./reporter";
import type { Settings } from "./settings";

export const featureNote = (code: FeatureCode) => `PBX action: ${code.name} (${code.value}).`;
export const supervisorNote = (name: string, who: string) => `Supervisor ${name}: ${who}.`;

export interface SupervisorDial {
  dialString: string;
  displayNumber: string;
  notes: string[];
}

export interface FeatureCodesDeps {
  book: CallBook;
  report: Reporter;
  phone(): Phone | null;
  settings(): Settings | null;
}

export class FeatureCodes {
  readonly #deps: FeatureCodesDeps;

  constructor(deps: FeatureCodesDeps) {
    this.#deps = deps;
  }

  /** Runs a code on the current call; the Task notes it once the phone took it. */
  async run(name: string): Promise<void> {
    const { book, report } = this.#deps;
    const code = this.#deps.settings()?.features.featureCodes.find((c) => c.name === name);
    const phone = this.#deps.phone();
    const call = book.current();
    if (!code) {
      report.notice(`There is no PBX action called "${name.slice(0, 40)}".`);
      return;
    }
    if (!phone || !call || call.state !== "connected") {
      report.notice(`${code.name} needs a connected call.`);
      return;
    }
    const meta = book.metaOf(call.id);
    try {
      if (code.kind === "digits") await phone.sendDigits(call.id, code.value);
      else {
        if (meta) meta.transferredTo = code.name;
        await phone.transfer(call.id, code.value);
      }
    } catch (error) {
      if (meta && code.kind === "uri") meta.transferredTo = undefined;
      report.notice(`Could not run ${code.name}: ${describeError(error)}`, "phone");
      return;
    }
    if (meta) meta.extraNotes = [...(meta.extraNotes ?? []), featureNote(code)];
  }

  /** What to dial for a supervisor code on a directory entry; null (with a notice) when not. */
  supervisorDial(name: string, number: string, entryName?: string): SupervisorDial | null {
    const { report } = this.#deps;
    const code = this.#deps.settings()?.features.supervisorCodes.find((c) => c.name === name);
    if (!code) {
      report.notice(`There is no supervisor action called "${name.slice(0, 40)}".`);
      return null;
    }
    const dialString = supervisorDialString(code, number);
    if (!dialString) {
      report.notice(`${code.name} needs an extension with digits.`);
      return null;
    }
    const who = entryName ? `${entryName} (${number})` : number;
    return {
      dialString,
      displayNumber: `${code.name} ${who}`.slice(0, 80),
      notes: [supervisorNote(code.name, who)]
    };
  }
}
