/**
 * Turns the softphone's calls into the base library's PhoneCall objects. The base checks every
 * payload with `instanceof`, so these are built from its own classes; the buttons Salesforce
 * offers for a call follow what our phones can really do (see capabilities.ts).
 */
import {
  CallInfo,
  Constants,
  Contact,
  PhoneCall,
  PhoneCallAttributes
} from "@salesforce/scv-connector-base";
import type { CallView } from "../../core/model";
import { PHONE_NUMBER_CONTACT } from "./base";

/** The base's call states: dialing rings, held is connected, after-call work has ended. */
export type WireCallState = "ringing" | "connected" | "ended";

export function wireState(view: CallView): WireCallState {
  switch (view.state) {
    case "ringing":
    case "dialing":
      return "ringing";
    case "connected":
    case "held":
      return "connected";
    default:
      return "ended";
  }
}

export interface PhoneCallExtras {
  /** The VoiceCall record once the Telephony Integration API created it. */
  voiceCallId?: string;
  /** Overrides the state derived from the view (e.g. `ended` in a HANGUP payload). */
  state?: WireCallState;
  reason?: string;
}

export function callInfoFor(view: CallView): CallInfo {
  const at = view.connectedAt ?? view.startedAt;
  return new CallInfo({
    isOnHold: view.state === "held",
    isMuted: view.muted,
    isRecordingPaused: false,
    callStateTimestamp: new Date(at),
    isSoftphoneCall: true,
    // No recording, merge, swap or consult call: Salesforce must not offer them.
    recordEnabled: false,
    showRecordButton: false,
    addCallerEnabled: false,
    showAddCallerButton: false,
    swapEnabled: false,
    showSwapButton: false,
    conferenceEnabled: false,
    showMergeButton: false,
    showAddBlindTransferButton: true,
    isReplayable: true
  });
}

export function toPhoneCall(view: CallView, extras: PhoneCallExtras = {}): PhoneCall {
  const recordId = view.caller?.id ?? view.relatedTo?.id;
  const contact = new Contact({
    phoneNumber: view.number,
    type: PHONE_NUMBER_CONTACT,
    ...(view.callerName ? { name: view.callerName } : {}),
    ...(recordId ? { recordId } : {})
  });
  const state = extras.state ?? wireState(view);
  return new PhoneCall({
    callId: view.id,
    callType:
      view.direction === "inbound" ? Constants.CALL_TYPE.INBOUND : Constants.CALL_TYPE.OUTBOUND,
    phoneNumber: view.number,
    contact,
    state,
    callInfo: callInfoFor(view),
    callAttributes: new PhoneCallAttributes({
      participantType: Constants.PARTICIPANT_TYPE.INITIAL_CALLER,
      isOnHold: view.state === "held",
      ...(extras.voiceCallId ? { voiceCallId: extras.voiceCallId } : {})
    }),
    ...(extras.reason ? { reason: extras.reason } : {})
  });
}
