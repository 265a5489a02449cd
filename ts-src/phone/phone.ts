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

/**
 * What a `failed` end (reason) means in detail, when the phone knows. `connectionLost`: the
 * signalling connection did not come back within the grace period; `mediaLost`: the audio path
 * failed and ICE restarts did not bring it back within the grace period.
 */
export type CallEndCause = "connectionLost" | "mediaLost";

/**
 * A call that is being recovered. Absent on PhoneCall while everything is fine. The call stays
 * in its state (connected / held) and is kept until `graceEndsAt`; then it ends with reason
 * `failed` and a CallEndCause, unless it recovered first (the next callUpdated has no
 * `connection`).
 */
export interface CallConnection {
  readonly state: "reconnecting";
  /** `signalling`: the WebSocket (or the whole network) is gone; `media`: only the audio path. */
  readonly lost: "signalling" | "media";
  /** Epoch milliseconds when the loss was noticed. */
  readonly since: number;
  /** Epoch milliseconds when the phone gives up and ends the call. */
  readonly graceEndsAt: number;
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
  /** Present while the call is being recovered after a connection or media loss. */
  readonly connection?: CallConnection;
}

/** `good` MOS ≥ 4.0, `fair` ≥ 3.6, `poor` below (the usual E-model bands for telephony). */
export type QualityRating = "good" | "fair" | "poor";

/** One reading of a call's audio, taken every 2 s from WebRTC's getStats() (SipPhone). */
export interface CallQualitySample {
  /** Epoch milliseconds. */
  readonly at: number;
  /** Estimated mean opinion score, 1.0–4.5 (simplified ITU-T G.107 E-model, phone/quality.ts). */
  readonly mos: number;
  readonly rating: QualityRating;
  /** Packets lost over the last interval, in percent (the worse direction when the far end reports it). */
  readonly packetLossPercent: number;
  /** Interarrival jitter in milliseconds (the worse direction when known). */
  readonly jitterMs: number;
  /** Round-trip time in milliseconds; null until the first measurement. */
  readonly roundTripMs: number | null;
  /** Audio bit rates over the last interval, kbit/s. */
  readonly bitrateKbps: { readonly send: number; readonly receive: number };
  /** Negotiated audio codec, lower case (`opus`, `pcmu`, `pcma`, `g722`); null when unknown. */
  readonly codec: string | null;
  /** Plain-language cause when not good, e.g. "network: packet loss 6 %"; absent when good. */
  readonly reason?: string;
  /**
   * Per direction over the interval, for hosts that report raw figures (Salesforce Voice's
   * UPDATE_AUDIO_STATS): what we received, and what we sent as the far end reports it.
   */
  readonly streams?: {
    readonly inbound: CallStreamFigures;
    readonly outbound: CallStreamFigures;
  };
}

export interface CallStreamFigures {
  readonly packets: number;
  /** null when unknown (the far end has sent no receiver report yet). */
  readonly packetsLost: number | null;
  readonly jitterMs: number | null;
  /** Average jitter buffer delay, inbound only; null when unknown. */
  readonly jitterBufferMs: number | null;
}

/** Quality over a whole call so far: what the Task and diagnostics show. */
export interface CallQualitySummary {
  readonly samples: number;
  readonly mosMin: number;
  readonly mosAvg: number;
  /** The most frequent plain-language reason over the call, when there was one. */
  readonly worstReason?: string;
  readonly last: CallQualitySample;
}

/** A selectable audio device: a microphone, or an output for the call audio or the ringer. */
export type AudioDeviceRole = "input" | "output" | "ringer";

export interface AudioDevice {
  /** `MediaDeviceInfo.deviceId`; never the empty string. */
  readonly id: string;
  /** The browser's label; empty labels (no microphone permission yet) become "Microphone 1" etc. */
  readonly label: string;
  readonly kind: "audioinput" | "audiooutput";
}

/** Echo cancellation, noise suppression and automatic gain: on by default. */
export interface AudioProcessing {
  readonly echoCancellation: boolean;
  readonly noiseSuppression: boolean;
  readonly autoGainControl: boolean;
}

/** The devices there are and the ones chosen; `null` means the system default. */
export interface AudioDeviceState {
  readonly inputs: readonly AudioDevice[];
  readonly outputs: readonly AudioDevice[];
  readonly selected: {
    readonly input: string | null;
    readonly output: string | null;
    readonly ringer: string | null;
  };
  /** Whether outputs can be chosen at all (HTMLMediaElement.setSinkId; not in Firefox < 116 or Safari). */
  readonly canSelectOutput: boolean;
  readonly processing: AudioProcessing;
}

/** A chosen device went away (unplugged): the phone fell back to the system default. */
export interface DeviceFallback {
  readonly role: AudioDeviceRole;
  /** Label of the device that went away. */
  readonly lostLabel: string;
  /** Ready to show: "Headset was disconnected; using the default microphone." */
  readonly message: string;
}

/** How an incoming call is being announced (say which in diagnostics). */
export type RingerOutcome = "audio" | "notification" | "silent";

/**
 * Rings for incoming calls (platform/ringer.ts implements it in the browser). Phones that are
 * given one start it on `incoming` and stop it when the call is answered, declined or ends.
 */
export interface PhoneRinger {
  /** Resolves with how the agent is alerted; `detail` says why audio could not start. */
  start(request: {
    callId: string;
    caller: string;
    /** Another call is in progress: a short call-waiting tone instead of the full ring. */
    waiting: boolean;
    /** Output device for the ring; null = system default. */
    sinkId: string | null;
  }): Promise<{ outcome: RingerOutcome; detail?: string }>;
  stop(callId: string): void;
}

export type PhoneEvent =
  | { type: "registration"; state: RegistrationState; error?: PhoneError }
  | { type: "incoming"; call: PhoneCall }
  | { type: "callUpdated"; call: PhoneCall }
  | {
      type: "callEnded";
      call: PhoneCall;
      reason: CallEndReason;
      error?: PhoneError;
      /** Set when the reason alone does not say why (e.g. the grace period ran out). */
      cause?: CallEndCause;
      /** Quality over the call, when at least one sample was taken. */
      quality?: CallQualitySummary;
    }
  /** Every 2 s during a connected SIP call. */
  | { type: "callQuality"; callId: string; sample: CallQualitySample; summary: CallQualitySummary }
  /** The device list or a choice changed (hot-plug, selectDevice, a fallback). */
  | { type: "devices"; devices: AudioDeviceState; fallback?: DeviceFallback }
  /** How the ringer announced an incoming call. */
  | { type: "ringer"; callId: string; outcome: RingerOutcome; detail?: string };

/**
 * Whether new inbound calls reach the agent. `refuse`: every new call is turned away at once
 * (SIP answers the INVITE with `statusCode`, 486 Busy Here by default) and no `incoming` event
 * is emitted; calls already in progress are untouched.
 */
export type InboundPolicy =
  { readonly mode: "accept" } | { readonly mode: "refuse"; readonly statusCode?: number };

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

  // ---- optional: phones that have them (SipPhone and DemoPhone do) ----

  /** The calls currently known (a host reattaching after its UI reloaded). */
  listCalls?(): PhoneCall[];
  /** The audio devices and the choices (which are remembered per browser). */
  listDevices?(): Promise<AudioDeviceState>;
  /**
   * Chooses a device for a role (`null`: the system default); applies to calls in progress
   * without dropping audio. Rejects with MEDIA_DENIED when a microphone cannot be opened (the
   * previous one stays in use) and INVALID_STATE for an unknown output.
   */
  selectDevice?(role: AudioDeviceRole, deviceId: string | null): Promise<void>;
  /** Switches echo cancellation / noise suppression / auto gain; applies to live calls too. */
  setAudioProcessing?(processing: Partial<AudioProcessing>): Promise<void>;
  /** Quality over a live call so far; undefined before the first sample or for unknown calls. */
  callQuality?(callId: string): CallQualitySummary | undefined;
  /**
   * Joins calls into a conference the phone mixes: every party hears the agent and the
   * others; held calls are resumed. A call that ends leaves the mix; the others keep talking.
   */
  conference?(callIds: readonly string[]): Promise<void>;
  /**
   * Plays a recorded message (a URL, relative to the page) into a call in place of the
   * microphone; resolves when it has played to the end. CALL_FAILED when it cannot be loaded.
   */
  playMessage?(callId: string, url: string): Promise<void>;
  /** Refuses or accepts new inbound calls (the agent's not-ready presence). */
  setInboundPolicy?(policy: InboundPolicy): void;
}
