/**
 * The softphone's state and the agent's intents: the contract between core (which owns the
 * state) and ui (which renders it and calls actions). The same contract lets a follower tab
 * mirror a leader's state and forward actions to it.
 */
import type { PageInfo, HostKind } from "../host/cti-host";
import type {
  AudioDeviceRole,
  AudioDeviceState,
  AudioProcessing,
  CallDirection,
  PhoneKind,
  QualityRating,
  RegistrationState,
  RingerOutcome,
  SipCredentials
} from "../phone/phone";

export type AgentState = "offline" | "ready" | "busy";

/** The channel's call states, plus `wrapup` for after-call work. */
export type CallState = "ringing" | "dialing" | "connected" | "held" | "wrapup" | "ended";

export const DISPOSITIONS = [
  "Connected",
  "Left voicemail",
  "No answer",
  "Busy",
  "Wrong number",
  /** Set by the softphone when the grace period of a lost connection ran out (calls/call-health.ts). */
  "Dropped: connection lost",
  "Dropped: audio lost"
] as const;
/** The defaults above, or the call center's `dispositions` list. */
export type Disposition = string;

/** What a Task's Description holds, and so what the agent can type as notes. */
export const MAX_NOTES = 32_000;

/** A record found for a number by the caller lookup (Crm.findCaller). */
export interface RecordMatch {
  id: string;
  name: string;
  objectType: string;
  phone?: string;
  accountId?: string;
  accountName?: string;
}

/** The record a call is logged against (WhoId for 003/00Q, WhatId otherwise). */
export interface RelatedRecord {
  id: string;
  name?: string;
  objectType?: string;
}

/** A call being recovered after its connection (or only its audio path) was lost. */
export interface CallConnectionView {
  state: "reconnecting";
  lost: "signalling" | "media";
  /** Epoch ms when the phone gives up and ends the call. */
  graceEndsAt: number;
}

/** A call's audio quality so far: the latest reading and the call's worst and average. */
export interface CallQualityView {
  /** Latest MOS estimate, 1.0–4.5. */
  mos: number;
  rating: QualityRating;
  /** Plain language for the latest reading when not good: "network: packet loss 6 %". */
  reason?: string;
  mosMin: number;
  mosAvg: number;
  samples: number;
  /** The most frequent reason over the call. */
  worstReason?: string;
  /** The worst figures seen over the call. */
  maxPacketLossPercent: number;
  maxJitterMs: number;
  /** null while no round trip was measured. */
  maxRoundTripMs: number | null;
}

export type MatchStatus = "off" | "pending" | "none" | "one" | "several" | "error";

export interface CallView {
  id: string;
  direction: CallDirection;
  /** What the agent sees: formatted for display. */
  displayNumber: string;
  /** As signalled or dialed (E.164 where known). */
  number: string;
  callerName?: string;
  state: CallState;
  muted: boolean;
  startedAt: number;
  connectedAt?: number;
  endedAt?: number;
  matchStatus: MatchStatus;
  matches: RecordMatch[];
  relatedTo?: RelatedRecord;
  /** The person on the phone when known (a matched or clicked Contact/Lead): the Task's WhoId. */
  caller?: RelatedRecord;
  notes: string;
  disposition?: Disposition;
  /** When after-call work saves by itself (wrapUpSeconds = N). */
  wrapUpDeadline?: number;
  /** Present while the call is being recovered (the UI shows "Reconnecting… (n s)"). */
  connection?: CallConnectionView;
  /** Present once the phone measured the call's audio (SIP phone, simulated by the demo phone). */
  quality?: CallQualityView;
}

export interface RecentCall {
  id: string;
  direction: CallDirection;
  number: string;
  displayNumber: string;
  name?: string;
  at: number;
  durationSeconds: number;
  missed: boolean;
  /** The record the call was about, so calling back associates it again. */
  recordId?: string;
}

export interface DirectoryEntry {
  name: string;
  number: string;
  kind: "user" | "directory";
  description?: string;
}

export interface SettingProblem {
  /** e.g. `/softphoneSettings/provider` */
  item: string;
  value: string;
  allowed: string;
}

export interface LoggedError {
  at: number;
  source: "settings" | "phone" | "host" | "log" | "channel" | "dial";
  message: string;
}

export type MicrophoneState = "granted" | "denied" | "prompt" | "unknown";

export interface SoftphoneState {
  host: HostKind | "none";
  /** Settings problems block start-up and are shown as a setup message. */
  setupProblems: SettingProblem[];
  settingsLoaded: boolean;
  phoneKind: PhoneKind | null;
  registration: RegistrationState;
  /** The SIP phone with `credentials=prompt` waits for the agent to sign in. */
  needsSignIn: boolean;
  signInError?: string;
  agent: AgentState;
  call: CallView | null;
  /** A second inbound call while on a call (call waiting). */
  waitingCall: CallView | null;
  recentCalls: RecentCall[];
  directory: { query: string; status: "idle" | "loading" | "error"; entries: DirectoryEntry[] };
  page?: PageInfo;
  microphone: MicrophoneState;
  outboxPending: number;
  /** A transient message for the agent (e.g. an invalid number). */
  notice?: string;
  errors: LoggedError[];
  /** notifyInitializationComplete has been sent: the softphone is usable. */
  initialized?: boolean;
  /** Whether the Softphone__c message channel is subscribed (false in Classic). */
  channelAvailable?: boolean;
  /** The agent chose "not ready" in this browser session. */
  notReady?: boolean;
  /** The admin-defined reason chosen with "not ready" (call center `notReadyReasons`). */
  notReadyReason?: string;
  /** Epoch ms when the agent entered the current presence (ready / not ready), for time in state. */
  presenceSince?: number;
  /** What the call center offers: not-ready reasons, dispositions, a required disposition. */
  callFlow?: { notReadyReasons: string[]; dispositions: string[]; dispositionRequired: boolean };
  /** What the phone can do: simulated incoming calls (demo phone only). */
  canSimulateIncoming?: boolean;
  /** False when browser storage is blocked and unsent call logs live only in memory. */
  storageDurable?: boolean;
  /** Parts of the page's Open CTI library that are missing (an older library): skipped. */
  unavailableFeatures?: string[];
  /** The consultation or conference party the agent called for the current customer call. */
  secondLeg?: SecondLegView | null;
  /** A recorded message playing into a call (voicemail drop). */
  voicemailDrop?: { callId: string; message: string } | null;
  /** What the call center and the phone offer: consult, conference, messages, feature codes. */
  callFeatures?: CallFeaturesOffer;
  /** The agent's audio devices and choices, once the phone listed them. */
  devices?: AudioDeviceState;
  /** How the last incoming call was announced (audio, a notification, or not at all). */
  ringer?: { outcome: RingerOutcome; detail?: string };
  /** Quality of the last call that was measured, for diagnostics. */
  lastCallQuality?: CallQualityView;
  /** Whether the phone can simulate network trouble (the demo phone). */
  canSimulateNetwork?: boolean;
  /** Another component asked to transfer the call to a number outside the directory. */
  pendingTransfer?: { target: string };
}

/** What the demo phone can simulate for the call's network (workbench controls, tests). */
export const NETWORK_SIMULATIONS = [
  "connectionLoss",
  "reconnect",
  "qualityDip",
  "qualityGood"
] as const;
export type NetworkSimulation = (typeof NETWORK_SIMULATIONS)[number];

/**
 * A second call the agent placed while on a customer call: first a consultation (the customer
 * waits on hold), then perhaps a conference of three. It belongs to the customer call: its
 * Task notes it; the leg has no Task of its own.
 */
export interface SecondLegView {
  /** null until the phone reports the call. */
  id: string | null;
  customerCallId: string;
  number: string;
  displayNumber: string;
  name?: string;
  state: "dialing" | "connected" | "held";
  /** local: mixed in the browser; pbx: both parties REFERred into the PBX conference. */
  conference: "none" | "local" | "pbx";
  startedAt: number;
  connectedAt?: number;
}

export interface CallFeaturesOffer {
  consult: boolean;
  conference: boolean;
  /** Each code's name and what it sends (digits or a URI), for the button's tooltip. */
  featureCodes: Array<{ name: string; sends: string }>;
  supervisorCodes: string[];
  voicemailMessages: string[];
}

/** The agent's call-flow intents beyond the basic controls (core/calls/call-features.ts). */
export type CallFeatureIntent =
  | { type: "consult"; target: string; name?: string }
  | { type: "completeTransfer" }
  | { type: "swapLegs" }
  | { type: "cancelConsult" }
  | { type: "conference" }
  /** Hangs up one party of a conference (or the consultation) and keeps the other. */
  | { type: "dropParty"; party: "customer" | "other" }
  | { type: "dropVoicemail"; message: string }
  | { type: "featureCode"; name: string }
  | { type: "supervisor"; name: string; number: string; entryName?: string };

export interface SoftphoneActions {
  signIn(credentials: SipCredentials): Promise<void>;
  /** `reason`: one of the call center's not-ready reasons (ignored when ready). */
  setReady(ready: boolean, reason?: string): Promise<void>;
  dial(number: string, recordId?: string): Promise<void>;
  answer(): Promise<void>;
  decline(): Promise<void>;
  hangup(): Promise<void>;
  hold(on: boolean): Promise<void>;
  mute(on: boolean): Promise<void>;
  sendDigits(digits: string): Promise<void>;
  transfer(target: string): Promise<void>;
  /** Pops and relates the chosen record when the lookup found several. */
  chooseMatch(recordId: string): Promise<void>;
  setRelatedTo(record: RelatedRecord | null): void;
  setNotes(notes: string): void;
  setDisposition(disposition: Disposition): void;
  /** Ends after-call work: writes the call log. */
  saveWrapUp(): Promise<void>;
  /** Adds time to a timed after-call work (wrapUpSeconds = N). */
  extendWrapUp(): Promise<void>;
  searchDirectory(query: string): Promise<void>;
  dismissNotice(): void;
  /** Demo phone only: an incoming call from `number`. */
  simulateIncomingCall(number: string, name?: string): Promise<void>;
  /** Consult, transfer, conference, voicemail drop, PBX feature codes. */
  callFeature(intent: CallFeatureIntent): Promise<void>;
  /** Reads the device list again (the devices menu opens). */
  loadDevices(): Promise<void>;
  /** Chooses a microphone, speaker or ringer output (null: the system default). */
  selectDevice(role: AudioDeviceRole, deviceId: string | null): Promise<void>;
  /** Echo cancellation, noise suppression, auto gain. */
  setAudioProcessing(processing: Partial<AudioProcessing>): Promise<void>;
  /** Demo phone only: network trouble on the current call. */
  simulateNetwork(what: NetworkSimulation): Promise<void>;
  /** Runs the transfer another component asked for (see `pendingTransfer`). */
  confirmTransfer?(): Promise<void>;
  /** Drops the transfer another component asked for. */
  cancelTransfer?(): void;
}

export interface SoftphoneStore {
  getState(): SoftphoneState;
  subscribe(listener: (state: SoftphoneState) => void): () => void;
  readonly actions: SoftphoneActions;
}
