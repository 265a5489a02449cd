/**
 * An in-memory stand-in for the connector page's Apex (SoftphoneVoiceController.invoke) with
 * the same answers: JSON strings, `{"error", "message"}` on failure. VoiceCall records live
 * in a map keyed by VendorCallKey, created once per key like the Apex class does. Failures
 * can be queued per action to play a bad certificate, a failed callout or a 4xx from the
 * Telephony Integration API. Used by the contract suite and the workbench Voice shell.
 */
import type { DirectoryEntry, RecordMatch } from "../../../core/model";
import type { SipCredentials } from "../../../phone/phone";
import type { VoiceAction, VoiceBackend } from "../backend";
import type { VoiceCallFinish, VoiceCallStart } from "../voice-calls";

export interface FakeVoiceCall {
  voiceCallId: string;
  vendorCallKey: string;
  callType: string;
  from: string;
  to: string;
  startTime?: string;
  endTime?: string;
  durationSeconds?: number;
  disposition?: string;
  description?: string;
  relatedRecordId?: string;
  whoId?: string;
  /** Times the Telephony Integration API was asked to create or update this record. */
  writes: number;
}

/** `transport`: the remote call itself fails (network, session); `answer`: Apex answers an error. */
export type FakeFailure =
  { kind: "transport"; message: string } | { kind: "answer"; error: string; message: string };

/** The error codes SoftphoneVoiceCalls answers with (see the Apex class). */
export const VOICE_ERRORS = {
  notConfigured: "NOT_CONFIGURED",
  certificate: "CERTIFICATE",
  callout: "CALLOUT_FAILED",
  api: "API_ERROR",
  input: "INVALID_INPUT"
} as const;

export class FakeVoiceApex implements VoiceBackend {
  readonly calls = new Map<string, FakeVoiceCall>();
  readonly requests: { action: VoiceAction; payload: string }[] = [];
  matches = new Map<string, RecordMatch[]>();
  directory: DirectoryEntry[] = [];
  sipAccount: SipCredentials | null = null;
  private readonly failures = new Map<VoiceAction, FakeFailure[]>();
  private sequence = 0;

  /** The next `times` calls of `action` fail this way. */
  failNext(action: VoiceAction, failure: FakeFailure, times = 1): void {
    const queue = this.failures.get(action) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.failures.set(action, queue);
  }

  async invoke(action: VoiceAction, payload: string): Promise<unknown> {
    this.requests.push({ action, payload });
    const failure = this.failures.get(action)?.shift();
    if (failure?.kind === "transport") throw new Error(failure.message);
    if (failure) return JSON.stringify({ error: failure.error, message: failure.message });
    switch (action) {
      case "findByPhone":
        return JSON.stringify({ matches: this.matches.get(payload) ?? [] });
      case "searchDirectory": {
        const term = payload.toLowerCase();
        const entries = this.directory.filter(
          (e) => e.name.toLowerCase().includes(term) || e.number.includes(term)
        );
        return JSON.stringify({ entries });
      }
      case "getSipAccount":
        return JSON.stringify(this.sipAccount ?? { error: "NOT_PROVISIONED" });
      case "findVoiceCall": {
        const call = this.calls.get(payload);
        return JSON.stringify({ voiceCallId: call?.endTime ? call.voiceCallId : null });
      }
      case "createVoiceCall":
        return this.create(JSON.parse(payload) as VoiceCallStart);
      case "finishVoiceCall":
        return this.finish(JSON.parse(payload) as VoiceCallFinish);
    }
  }

  private newId(): string {
    this.sequence += 1;
    return `0LQ${String(this.sequence).padStart(12, "0")}`;
  }

  private create(start: VoiceCallStart): string {
    if (!start.vendorCallKey || !start.from || !start.to)
      return JSON.stringify({ error: VOICE_ERRORS.input, message: "vendorCallKey, from and to" });
    let call = this.calls.get(start.vendorCallKey);
    if (!call) {
      call = {
        voiceCallId: this.newId(),
        vendorCallKey: start.vendorCallKey,
        callType: start.direction === "inbound" ? "Inbound" : "Outbound",
        from: start.from,
        to: start.to,
        startTime: start.startTime,
        writes: 1
      };
      this.calls.set(call.vendorCallKey, call);
    }
    return JSON.stringify({ voiceCallId: call.voiceCallId });
  }

  private finish(finish: VoiceCallFinish): string {
    if (!finish.vendorCallKey)
      return JSON.stringify({ error: VOICE_ERRORS.input, message: "vendorCallKey" });
    let call = this.calls.get(finish.vendorCallKey);
    if (!call) {
      call = {
        voiceCallId: this.newId(),
        vendorCallKey: finish.vendorCallKey,
        callType: finish.callType,
        from: finish.from || "unknown",
        to: finish.to || "unknown",
        startTime: finish.startTime,
        writes: 0
      };
      this.calls.set(call.vendorCallKey, call);
    }
    Object.assign(call, {
      endTime: finish.endTime,
      durationSeconds: finish.durationSeconds,
      disposition: finish.disposition,
      description: finish.description,
      relatedRecordId: finish.whatId ?? finish.whoId,
      whoId: finish.whoId,
      writes: call.writes + 1
    });
    return JSON.stringify({ voiceCallId: call.voiceCallId });
  }
}
