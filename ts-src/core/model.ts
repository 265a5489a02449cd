/**
 * The softphone's state and the agent's intents: the contract between core (which owns the
 * state) and ui (which renders it and calls actions). The same contract lets a follower tab
 * mirror a leader's state and forward actions to it.
 */
import type { PageInfo, HostKind } from "../host/cti-host";
import type { CallDirection, PhoneKind, RegistrationState, SipCredentials } from "../phone/phone";

export type AgentState = "offline" | "ready" | "busy";

/** The channel's call states, plus `wrapup` for after-call work. */
export type CallState = "ringing" | "dialing" | "connected" | "held" | "wrapup" | "ended";

export const DISPOSITIONS = [
  "Connected",
  "Left voicemail",
  "No answer",
  "Busy",
  "Wrong number"
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

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
  /** What the phone can do: simulated incoming calls (demo phone only). */
  canSimulateIncoming?: boolean;
  /** False when browser storage is blocked and unsent call logs live only in memory. */
  storageDurable?: boolean;
  /** Parts of the page's Open CTI library that are missing (an older library): skipped. */
  unavailableFeatures?: string[];
  /** Another component asked to transfer the call to a number outside the directory. */
  pendingTransfer?: { target: string };
}

export interface SoftphoneActions {
  signIn(credentials: SipCredentials): Promise<void>;
  setReady(ready: boolean): Promise<void>;
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
  searchDirectory(query: string): Promise<void>;
  dismissNotice(): void;
  /** Demo phone only: an incoming call from `number`. */
  simulateIncomingCall(number: string, name?: string): Promise<void>;
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
