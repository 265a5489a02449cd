/**
 * Voicemail drop: a recorded message the admin provides (a static resource named in the call
 * center) is played into the call in place of the agent's voice; when it has played, the call
 * ends by itself and is logged at once with the disposition "Voicemail left".
 */
import type { Phone } from "../../phone/phone";
import { describeError } from "../errors";
import type { Reporter } from "../reporter";
import type { Settings } from "../settings";
import type { StateCell } from "../store";
import type { CallBook } from "./call-book";

export const VOICEMAIL_LEFT = "Voicemail left";
export const voicemailNote = (message: string) => `Voicemail dropped: ${message}.`;

export interface VoicemailDropDeps {
  cell: StateCell;
  book: CallBook;
  report: Reporter;
  phone(): Phone | null;
  settings(): Settings | null;
}

export class VoicemailDrop {
  readonly #deps: VoicemailDropDeps;

  constructor(deps: VoicemailDropDeps) {
    this.#deps = deps;
  }

  static available(phone: Phone | null, settings: Settings | null): boolean {
    return (
      typeof phone?.playMessage === "function" &&
      (settings?.features.voicemailMessages.length ?? 0) > 0
    );
  }

  async drop(name: string): Promise<void> {
    const { cell, book, report } = this.#deps;
    const phone = this.#deps.phone();
    const message = this.#deps.settings()?.features.voicemailMessages.find((m) => m.name === name);
    const call = book.current();
    if (!message) {
      report.notice(`There is no recorded message called "${name.slice(0, 40)}".`);
      return;
    }
    if (!phone?.playMessage || !call || call.state !== "connected") {
      report.notice("A recorded message can be dropped only into a connected call.");
      return;
    }
    if (cell.getState().voicemailDrop) return;
    const meta = book.metaOf(call.id);
    if (!meta) return;
    cell.set({ voicemailDrop: { callId: call.id, message: message.name } });
    try {
      await phone.playMessage(call.id, message.path);
    } catch (error) {
      cell.set({ voicemailDrop: null });
      report.notice(`Could not play "${message.name}": ${describeError(error)}`, "phone");
      return;
    }
    meta.disposition = VOICEMAIL_LEFT;
    meta.logAtOnce = true;
    meta.extraNotes = [...(meta.extraNotes ?? []), voicemailNote(message.name)];
    cell.set({ voicemailDrop: null });
    if (book.current()?.id !== call.id || book.current()?.state !== "connected") return;
    try {
      await phone.hangup(call.id);
    } catch (error) {
      report.notice(
        `The message played but the call did not end: ${describeError(error)}`,
        "phone"
      );
    }
  }
}
