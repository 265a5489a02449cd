/** Small pure helpers around SoftphoneState: the initial state, projections and limits. */
import type { HostKind } from "../host/cti-host";
import type { ChannelState } from "./channel";
import type { CallView, LoggedError, RecentCall, SoftphoneState } from "./model";
import { isRecord, readJson, type KeyValueStorage } from "./storage";

export const MAX_ERRORS = 20;
export const MAX_RECENT_CALLS = 20;
export const RECENT_KEY = "softphone.recent";

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

/** What the message channel publishes: no names, notes or matches, just the call's shape. */
export function channelState(state: SoftphoneState): ChannelState {
  const call = state.call;
  if (!call) return { agent: state.agent, call: null };
  const out: ChannelState["call"] = {
    id: call.id,
    direction: call.direction,
    number: call.number,
    state: call.state,
    muted: call.muted,
    startedAt: call.startedAt
  };
  if (call.connectedAt !== undefined) out.connectedAt = call.connectedAt;
  const recordId = call.relatedTo?.id ?? call.caller?.id;
  if (recordId !== undefined) out.recordId = recordId;
  return { agent: state.agent, call: out };
}

export function recentFromCall(call: CallView, endedAt: number, missed: boolean): RecentCall {
  const recent: RecentCall = {
    id: call.id,
    direction: call.direction,
    number: call.number,
    displayNumber: call.displayNumber,
    at: call.startedAt,
    durationSeconds:
      call.connectedAt === undefined
        ? 0
        : Math.max(0, Math.round((endedAt - call.connectedAt) / 1000)),
    missed
  };
  const name = call.caller?.name ?? call.callerName;
  if (name !== undefined) recent.name = name;
  const recordId = call.caller?.id ?? call.relatedTo?.id;
  if (recordId !== undefined) recent.recordId = recordId;
  return recent;
}

function short(value: unknown, max: number): value is string {
  return typeof value === "string" && value.length <= max;
}

export function loadRecentCalls(storage: KeyValueStorage): RecentCall[] {
  const value = readJson(storage, RECENT_KEY);
  if (!Array.isArray(value)) return [];
  const out: RecentCall[] = [];
  for (const item of value.slice(0, MAX_RECENT_CALLS)) {
    if (!isRecord(item)) continue;
    const { id, direction, number, displayNumber, at, durationSeconds, missed, name, recordId } =
      item;
    if (!short(id, 200) || !short(number, 64) || !short(displayNumber, 64)) continue;
    if (direction !== "inbound" && direction !== "outbound") continue;
    if (
      typeof at !== "number" ||
      typeof durationSeconds !== "number" ||
      typeof missed !== "boolean"
    )
      continue;
    const recent: RecentCall = {
      id,
      direction,
      number,
      displayNumber,
      at,
      durationSeconds,
      missed
    };
    if (short(name, 255)) recent.name = name;
    if (short(recordId, 18)) recent.recordId = recordId;
    out.push(recent);
  }
  return out;
}

export function saveRecentCalls(storage: KeyValueStorage, calls: RecentCall[]): void {
  try {
    storage.setItem(RECENT_KEY, JSON.stringify(calls.slice(0, MAX_RECENT_CALLS)));
  } catch {
    // Storage full or blocked: recent calls are a convenience, the call log is in the outbox.
  }
}
