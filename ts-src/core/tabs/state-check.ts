/**
 * The leader's state as a follower receives it: checked enough that rendering it can neither
 * crash nor inject markup.
 */
import { isRecord, isSalesforceId } from "../ids";
import { MAX_NOTES, type SoftphoneState } from "../model";
import { fitsSize, id, optional, relatedRecord, text, type Payload } from "./checks";

/** A state carries notes (up to 32,000 characters, twice: call and waiting call) and lists. */
const MAX_STATE_CHARS = 512_000;

export const PROCESSING_KEYS = ["echoCancellation", "noiseSuppression", "autoGainControl"];

function finite(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value);
}

/** A call's connection and quality: numbers the UI formats, and short plain text. */
function connectionOk(value: unknown): boolean {
  return (
    isRecord(value) &&
    value.state === "reconnecting" &&
    (value.lost === "signalling" || value.lost === "media") &&
    finite(value.graceEndsAt)
  );
}

function qualityOk(value: unknown): boolean {
  return (
    isRecord(value) &&
    ["mos", "mosMin", "mosAvg", "samples", "maxPacketLossPercent", "maxJitterMs"].every((k) =>
      finite(value[k])
    ) &&
    ["good", "fair", "poor"].includes(value.rating as string) &&
    (value.maxRoundTripMs === null || finite(value.maxRoundTripMs)) &&
    optional(value.reason, (v) => text(v, 255)) &&
    optional(value.worstReason, (v) => text(v, 255))
  );
}

function devicesOk(value: unknown): boolean {
  const list = (v: unknown) =>
    Array.isArray(v) &&
    v.length <= 64 &&
    v.every((d) => isRecord(d) && text(d.id, 256) && text(d.label, 255));
  const choice = (v: unknown) => v === null || text(v, 256);
  return (
    isRecord(value) &&
    list(value.inputs) &&
    list(value.outputs) &&
    isRecord(value.selected) &&
    choice(value.selected.input) &&
    choice(value.selected.output) &&
    choice(value.selected.ringer) &&
    typeof value.canSelectOutput === "boolean" &&
    isRecord(value.processing) &&
    PROCESSING_KEYS.every((k) => typeof (value.processing as Payload)[k] === "boolean")
  );
}

const AGENT = ["offline", "ready", "busy"];
const REGISTRATION = ["unregistered", "registering", "registered", "failed"];
const CALL_STATES = ["ringing", "dialing", "connected", "held", "wrapup", "ended"];
const MATCH = ["off", "pending", "none", "one", "several", "error"];

function callView(value: unknown): boolean {
  if (value === null) return true;
  if (!isRecord(value)) return false;
  return (
    id(value.id) &&
    (value.direction === "inbound" || value.direction === "outbound") &&
    text(value.displayNumber, 80) &&
    text(value.number, 80) &&
    optional(value.callerName, (v) => text(v, 255)) &&
    CALL_STATES.includes(value.state as string) &&
    typeof value.muted === "boolean" &&
    typeof value.startedAt === "number" &&
    optional(value.connectedAt, (v) => typeof v === "number") &&
    optional(value.endedAt, (v) => typeof v === "number") &&
    MATCH.includes(value.matchStatus as string) &&
    Array.isArray(value.matches) &&
    value.matches.every((m) => isRecord(m) && isSalesforceId(m.id) && text(m.name, 255)) &&
    optional(value.relatedTo, relatedRecord) &&
    optional(value.caller, relatedRecord) &&
    typeof value.notes === "string" &&
    value.notes.length <= MAX_NOTES &&
    optional(value.disposition, (v) => text(v, 40)) &&
    optional(value.wrapUpDeadline, (v) => typeof v === "number") &&
    optional(value.connection, connectionOk) &&
    optional(value.quality, qualityOk)
  );
}

export function isSoftphoneState(value: unknown): value is SoftphoneState {
  if (!isRecord(value) || !fitsSize(value, MAX_STATE_CHARS)) return false;
  return (
    ["lightning", "classic", "none"].includes(value.host as string) &&
    Array.isArray(value.setupProblems) &&
    typeof value.settingsLoaded === "boolean" &&
    (value.phoneKind === null || value.phoneKind === "demo" || value.phoneKind === "sip") &&
    REGISTRATION.includes(value.registration as string) &&
    typeof value.needsSignIn === "boolean" &&
    optional(value.signInError, (v) => text(v)) &&
    AGENT.includes(value.agent as string) &&
    callView(value.call) &&
    callView(value.waitingCall) &&
    Array.isArray(value.recentCalls) &&
    isRecord(value.directory) &&
    Array.isArray(value.directory.entries) &&
    ["granted", "denied", "prompt", "unknown"].includes(value.microphone as string) &&
    typeof value.outboxPending === "number" &&
    optional(value.notice, (v) => text(v)) &&
    Array.isArray(value.errors) &&
    optional(value.devices, devicesOk) &&
    optional(value.lastCallQuality, qualityOk) &&
    optional(
      value.ringer,
      (v) =>
        isRecord(v) &&
        ["audio", "notification", "silent"].includes(v.outcome as string) &&
        optional(v.detail, (d) => text(d))
    )
  );
}
