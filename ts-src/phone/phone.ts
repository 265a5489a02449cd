/**
 * The one interface the softphone uses to talk to a phone system. DemoPhone simulates calls;
 * SipPhone (lazy chunk) places real ones. Core code depends on this file only.
 */

export type PhoneKind = "demo" | "sip";
export type CallDirection = "inbound" | "outbound";
/** `dialing`: outbound, not yet answered (ringback); `ringing`: inbound, not yet answered. */
export type PhoneCallState = "ringing" | "dialing" | "connected" | "held" | "ended";
export type RegistrationState = "unregistered" | "registering" | "registered" | "failed";
export type CallEndReason =
  | "local" /* the agent hung up */
  | "remote" /* the other side hung up */
  | "declined" /* the agent declined an inbound call */
  | "missed" /* the caller gave up before an answer */
  | "rejected" /* the callee refused, was busy or unreachable */
  | "transferred"
  | "failed";

export type PhoneErrorCode =
  | "AUTH_FAILED"
  | "NOT_FOUND"
  | "UNREACHABLE"
  | "MEDIA_DENIED"
  | "INVALID_STATE"
  | "CALL_FAILED"
  | "CONFIG";

export class PhoneError extends Error {
  constructor(
    readonly code: PhoneErrorCode,
    message: string
  ) {
    super(message);
    this.name = "PhoneError";
  }
}

export interface PhoneCall {
  /** Stable id: the SIP Call-ID for SipPhone. */
  readonly id: string;
  readonly direction: CallDirection;
  /** The other party's number as signalled (user part of the SIP URI). */
  readonly remoteNumber: string;
  readonly remoteName?: string;
  readonly state: PhoneCallState;
  readonly muted: boolean;
}

export type PhoneEvent =
  | { type: "registration"; state: RegistrationState; error?: PhoneError }
  | { type: "incoming"; call: PhoneCall }
  | { type: "callUpdated"; call: PhoneCall }
  | { type: "callEnded"; call: PhoneCall; reason: CallEndReason; error?: PhoneError };

export interface SipCredentials {
  username: string;
  password: string;
  displayName?: string;
  authorizationUser?: string;
}

export interface Phone {
  readonly kind: PhoneKind;
  /** Starts the phone; SipPhone needs credentials. Resolves once registered. */
  register(credentials?: SipCredentials): Promise<void>;
  unregister(): Promise<void>;
  /** Places a call to an already formatted dial string; resolves with the call id. */
  dial(target: string): Promise<string>;
  answer(callId: string): Promise<void>;
  decline(callId: string): Promise<void>;
  hangup(callId: string): Promise<void>;
  hold(callId: string, on: boolean): Promise<void>;
  mute(callId: string, on: boolean): Promise<void>;
  sendDigits(callId: string, digits: string): Promise<void>;
  /** Blind transfer. */
  transfer(callId: string, target: string): Promise<void>;
  /** Attended transfer: `consultCallId` is an established call to the transfer target. */
  attendedTransfer?(callId: string, consultCallId: string): Promise<void>;
  on(listener: (event: PhoneEvent) => void): () => void;
  dispose(): Promise<void>;
}
