/**
 * VoiceCall records through the Telephony Integration REST API, which Apex calls for us
 * (SoftphoneVoiceCalls: an RS256 JWT signed with the contact center's certificate, a callout
 * through the Softphone_Telephony_API named credential). The connector creates the record
 * when a call starts; core's call-log outbox finishes it (see core-host.ts) and creates it
 * then if the start-time attempt never landed, so a call is never lost with its record.
 */
import { resultError, resultObject, VoiceHostError, type VoiceBackend } from "./backend";

export interface VoiceCallStart {
  /** Our call id (the SIP Call-ID): the VoiceCall's VendorCallKey. */
  vendorCallKey: string;
  direction: "inbound" | "outbound";
  from: string;
  to: string;
  /** ISO 8601. */
  startTime: string;
}

/** What the end of a call writes (built from core's call log, see core-host.ts). */
export interface VoiceCallFinish {
  vendorCallKey: string;
  callType: string;
  /** Where a start-time create never landed: enough to create the record now. */
  from: string;
  to: string;
  startTime?: string;
  endTime: string;
  durationSeconds: number;
  disposition: string;
  description: string;
  subject: string;
  /** Contact or Lead (WhoId of the Task core builds) and the record the call was about. */
  whoId?: string;
  whatId?: string;
}

export interface VoiceCallRecords {
  /** Resolves with the VoiceCall Id. */
  create(start: VoiceCallStart): Promise<string>;
  finish(finish: VoiceCallFinish): Promise<string>;
  /** The VoiceCall already finished for this key, if any (after an attempt that may have landed). */
  findFinished(vendorCallKey: string): Promise<string | null>;
}

const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

function voiceCallId(method: string, result: unknown): string {
  const object = resultObject(result);
  if (!object) throw new VoiceHostError(method, "SERVER_ERROR", "The answer was not JSON.");
  const error = resultError(object);
  if (error) throw new VoiceHostError(method, "SERVER_ERROR", error, object);
  const id = object.voiceCallId;
  if (typeof id !== "string" || !RECORD_ID.test(id))
    throw new VoiceHostError(method, "SERVER_ERROR", "The answer named no VoiceCall Id.");
  return id;
}

export function voiceCallRecords(backend: VoiceBackend): VoiceCallRecords {
  return {
    create: async (start) =>
      voiceCallId(
        "createVoiceCall",
        await backend.invoke("createVoiceCall", JSON.stringify(start))
      ),
    finish: async (finish) =>
      voiceCallId(
        "finishVoiceCall",
        await backend.invoke("finishVoiceCall", JSON.stringify(finish))
      ),
    findFinished: async (vendorCallKey) => {
      const object = resultObject(await backend.invoke("findVoiceCall", vendorCallKey));
      if (!object) throw new VoiceHostError("findVoiceCall", "SERVER_ERROR", "Not JSON.");
      const error = resultError(object);
      if (error) throw new VoiceHostError("findVoiceCall", "SERVER_ERROR", error, object);
      const id = object.voiceCallId;
      return typeof id === "string" && RECORD_ID.test(id) ? id : null;
    }
  };
}
