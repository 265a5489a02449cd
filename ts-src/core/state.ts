/** The softphone's state before anything is known, and the bounded list of recorded errors. */
import type { HostKind } from "../host/cti-host";
import type { LoggedError, SoftphoneState } from "./model";

export const MAX_ERRORS = 20;

export function initialState(host: HostKind | "none"): SoftphoneState {
  return {
    host,
    setupProblems: [],
    settingsLoaded: false,
    phoneKind: null,
    registration: "unregistered",
    needsSignIn: false,
    agent: "offline",
    call: null,
    waitingCall: null,
    recentCalls: [],
    directory: { query: "", status: "idle", entries: [] },
    microphone: "unknown",
    outboxPending: 0,
    errors: []
  };
}

export function withError(errors: LoggedError[], error: LoggedError): LoggedError[] {
  return [...errors, error].slice(-MAX_ERRORS);
}
