/**
 * Messages between softphone tabs and their strict validation, in the style of the message
 * channel: exact keys, types and lengths; anything else is reported as invalid (the bus warns
 * once and drops it). No message type can carry a credential: sign-in never crosses tabs.
 */
import type {
  ChannelMessage,
  ClickToDialEvent,
  PageInfo,
  ScreenPopTarget,
  SearchAndScreenPopRequest,
  WorkItem
} from "../../host/cti-host";
import { isCallFeatureIntent } from "../calls/call-feature-intent";
import { DTMF_DIGITS, MAX_INPUT_LENGTH } from "../dialing";
import { isRecord, isSalesforceId } from "../ids";
import {
  MAX_NOTES,
  NETWORK_SIMULATIONS,
  type SoftphoneActions,
  type SoftphoneState
} from "../model";

export const TABS_APP = "softphone-tabs";
const MAX_TEXT = 2_000;
const MAX_PAYLOAD_CHARS = 64_000;
/** A state carries notes (up to 32,000 characters, twice: call and waiting call) and lists. */
const MAX_STATE_CHARS = 512_000;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The actions a follower may forward; signIn is absent on purpose (credentials stay local). */
export const FORWARDED_ACTIONS = [
  "setReady",
  "dial",
  "answer",
  "decline",
  "hangup",
  "hold",
  "mute",
  "sendDigits",
  "transfer",
  "chooseMatch",
  "setRelatedTo",
  "setNotes",
  "setDisposition",
  "saveWrapUp",
  "extendWrapUp",
  "searchDirectory",
  "dismissNotice",
  "simulateIncomingCall",
  "callFeature",
  "loadDevices",
  "selectDevice",
  "setAudioProcessing",
  "simulateNetwork",
  "confirmTransfer",
  "cancelTransfer"
] as const satisfies readonly (keyof SoftphoneActions)[];
export type ForwardedAction = (typeof FORWARDED_ACTIONS)[number];

export type PopRequest =
  | { op: "screenPop"; target: ScreenPopTarget }
  | { op: "searchAndScreenPop"; request: SearchAndScreenPopRequest }
  | { op: "showPanel" };

export type HostEffect =
  | { name: "label"; value: string }
  | { name: "icon"; value: string }
  | { name: "clickToDial"; on: boolean }
  | { name: "initialized" }
  | { name: "refresh" }
  | { name: "publish"; channel: string; message: ChannelMessage };

export type HostEvent =
  | { name: "clickToDial"; event: ClickToDialEvent }
  | { name: "navigation"; page: PageInfo }
  | { name: "workStart"; work: WorkItem }
  | { name: "channelMessage"; channel: string; message: ChannelMessage };

export type TabBody =
  /** A tab opened (or a follower lost track): the leader answers with state and effects. */
  | { type: "hello" }
  /** A tab took the lock. */
  | { type: "leader" }
  | { type: "state"; state: SoftphoneState }
  | { type: "action"; id: string; name: ForwardedAction; args: unknown[] }
  | { type: "reply"; id: string; ok: boolean; error?: string }
  | { type: "attention"; visible: boolean; focused: boolean; since: number }
  | { type: "bye" }
  | { type: "pop"; id: string; request: PopRequest; deadline: number }
  | { type: "popAck"; id: string }
  | { type: "popDone"; id: string; ok: boolean; result?: unknown; error?: string }
  | { type: "effect"; effect: HostEffect }
  | { type: "hostEvent"; event: HostEvent };

export type TabMessage = TabBody & { app: typeof TABS_APP; from: string; to?: string };

export type ReadTabMessage =
  { kind: "message"; message: TabMessage } | { kind: "invalid"; reason: string };

type Payload = Record<string, unknown>;

function onlyKeys(object: Payload, allowed: readonly string[]): string | null {
  const extra = Object.keys(object).find((key) => !allowed.includes(key));
  return extra === undefined ? null : `unexpected key "${extra.slice(0, 40)}"`;
}

function text(value: unknown, max = MAX_TEXT): value is string {
  return typeof value === "string" && value.length <= max && !CONTROL.test(value);
}

function id(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_.:-]{1,64}$/.test(value);
}

/**
 * What the agent typed as a number: short text. The leader's store checks it as it would in its
 * own tab (and shows every tab the same message for letters or a bad format).
 */
function typedNumber(value: unknown): value is string {
  return text(value, MAX_INPUT_LENGTH) && value.trim() !== "";
}

function optional(value: unknown, check: (v: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

function fitsSize(value: unknown, max = MAX_PAYLOAD_CHARS): boolean {
  try {
    return JSON.stringify(value).length <= max;
  } catch {
    return false;
  }
}

function relatedRecord(value: unknown): boolean {
  return (
    isRecord(value) &&
    onlyKeys(value, ["id", "name", "objectType"]) === null &&
    isSalesforceId(value.id) &&
    optional(value.name, (v) => text(v, 255)) &&
    optional(value.objectType, (v) => text(v, 80))
  );
}

/** Arguments per forwarded action: the same limits the store applies, checked before it runs. */
const ACTION_ARGS: Record<ForwardedAction, (args: unknown[]) => boolean> = {
  setReady: (a) =>
    (a.length === 1 || a.length === 2) &&
    typeof a[0] === "boolean" &&
    optional(a[1], (v) => text(v, 40)),
  dial: (a) =>
    (a.length === 1 || a.length === 2) &&
    typedNumber(a[0]) &&
    optional(a[1], (v) => isSalesforceId(v)),
  answer: (a) => a.length === 0,
  decline: (a) => a.length === 0,
  hangup: (a) => a.length === 0,
  hold: (a) => a.length === 1 && typeof a[0] === "boolean",
  mute: (a) => a.length === 1 && typeof a[0] === "boolean",
  sendDigits: (a) => a.length === 1 && typeof a[0] === "string" && DTMF_DIGITS.test(a[0]),
  transfer: (a) => a.length === 1 && typedNumber(a[0]),
  chooseMatch: (a) => a.length === 1 && isSalesforceId(a[0]),
  setRelatedTo: (a) => a.length === 1 && (a[0] === null || relatedRecord(a[0])),
  setNotes: (a) => a.length === 1 && typeof a[0] === "string" && a[0].length <= MAX_NOTES,
  setDisposition: (a) => a.length === 1 && text(a[0], 40),
  saveWrapUp: (a) => a.length === 0,
  extendWrapUp: (a) => a.length === 0,
  searchDirectory: (a) => a.length === 1 && text(a[0], 200),
  dismissNotice: (a) => a.length === 0,
  simulateIncomingCall: (a) =>
    (a.length === 1 || a.length === 2) && typedNumber(a[0]) && optional(a[1], (v) => text(v, 80)),
  callFeature: (a) => a.length === 1 && isCallFeatureIntent(a[0]),
  loadDevices: (a) => a.length === 0,
  selectDevice: (a) =>
    a.length === 2 &&
    ["input", "output", "ringer"].includes(a[0] as string) &&
    (a[1] === null || text(a[1], 256)),
  setAudioProcessing: (a) =>
    a.length === 1 &&
    isRecord(a[0]) &&
    onlyKeys(a[0], PROCESSING_KEYS) === null &&
    Object.values(a[0]).every((v) => typeof v === "boolean"),
  simulateNetwork: (a) =>
    a.length === 1 && (NETWORK_SIMULATIONS as readonly unknown[]).includes(a[0]),
  confirmTransfer: (a) => a.length === 0,
  cancelTransfer: (a) => a.length === 0
};

const PROCESSING_KEYS = ["echoCancellation", "noiseSuppression", "autoGainControl"];

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

/** Whether a forwarded action's arguments would pass the leader's validation. */
export function validActionArgs(name: ForwardedAction, args: unknown[]): boolean {
  return ACTION_ARGS[name](args);
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

/** The leader's state: checked enough that rendering it can neither crash nor inject markup. */
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

const SCREEN_POP_TYPES = ["sobject", "url", "objecthome", "list", "search", "newRecord", "flow"];

function popRequest(value: unknown): PopRequest | string {
  if (!isRecord(value)) return "pop request must be an object";
  if (value.op === "showPanel") return onlyKeys(value, ["op"]) ?? { op: "showPanel" };
  if (value.op === "screenPop") {
    const target = value.target;
    if (onlyKeys(value, ["op", "target"]) || !isRecord(target) || !fitsSize(target))
      return "screenPop needs a target";
    if (!SCREEN_POP_TYPES.includes(target.type as string)) return "unknown screen pop type";
    return { op: "screenPop", target: target as unknown as ScreenPopTarget };
  }
  if (value.op === "searchAndScreenPop") {
    const request = value.request;
    if (onlyKeys(value, ["op", "request"]) || !isRecord(request) || !fitsSize(request))
      return "searchAndScreenPop needs a request";
    if (
      !text(request.searchParams) ||
      !["inbound", "outbound", "internal"].includes(request.callType as string)
    )
      return "searchAndScreenPop request is malformed";
    return { op: "searchAndScreenPop", request: request as unknown as SearchAndScreenPopRequest };
  }
  return "unknown pop op";
}

function hostEffect(value: unknown): HostEffect | string {
  if (!isRecord(value)) return "effect must be an object";
  switch (value.name) {
    case "label":
    case "icon":
      return (
        onlyKeys(value, ["name", "value"]) ??
        (text(value.value, 255)
          ? { name: value.name, value: value.value }
          : "effect value must be short text")
      );
    case "clickToDial":
      return (
        onlyKeys(value, ["name", "on"]) ??
        (typeof value.on === "boolean"
          ? { name: "clickToDial", on: value.on }
          : "clickToDial needs on")
      );
    case "initialized":
    case "refresh":
      return onlyKeys(value, ["name"]) ?? { name: value.name };
    case "publish":
      return (
        onlyKeys(value, ["name", "channel", "message"]) ??
        (text(value.channel, 80) && isRecord(value.message) && fitsSize(value.message)
          ? { name: "publish", channel: value.channel, message: value.message }
          : "publish needs a channel and a message")
      );
    default:
      return "unknown effect";
  }
}

function optionalTexts(value: Payload, keys: readonly string[], max = MAX_TEXT): boolean {
  return keys.every((key) => optional(value[key], (v) => text(v, max)));
}

function hostEvent(value: unknown): HostEvent | string {
  if (!isRecord(value)) return "host event must be an object";
  switch (value.name) {
    case "clickToDial": {
      const event = value.event;
      const keys = [
        "number",
        "recordId",
        "recordName",
        "objectType",
        "contactId",
        "accountId",
        "personAccount"
      ];
      if (onlyKeys(value, ["name", "event"]) || !isRecord(event) || onlyKeys(event, keys))
        return "clickToDial event is malformed";
      if (!text(event.number, 80) || !optionalTexts(event, keys.slice(1, 6), 255))
        return "clickToDial event is malformed";
      if (!optional(event.personAccount, (v) => typeof v === "boolean"))
        return "clickToDial event is malformed";
      return { name: "clickToDial", event: event as unknown as ClickToDialEvent };
    }
    case "navigation": {
      const page = value.page;
      const keys = ["url", "recordId", "recordName", "objectType"];
      if (
        onlyKeys(value, ["name", "page"]) ||
        !isRecord(page) ||
        onlyKeys(page, keys) ||
        !optionalTexts(page, keys)
      )
        return "navigation page is malformed";
      return { name: "navigation", page: page as PageInfo };
    }
    case "workStart": {
      const work = value.work;
      if (
        onlyKeys(value, ["name", "work"]) ||
        !isRecord(work) ||
        onlyKeys(work, ["workId", "workTargetId", "to"])
      )
        return "work item is malformed";
      if (!text(work.workId, 255) || !optionalTexts(work, ["workTargetId", "to"], 255))
        return "work item is malformed";
      return { name: "workStart", work: work as unknown as WorkItem };
    }
    case "channelMessage":
      return (
        onlyKeys(value, ["name", "channel", "message"]) ??
        (text(value.channel, 80) && isRecord(value.message) && fitsSize(value.message)
          ? { name: "channelMessage", channel: value.channel, message: value.message }
          : "channel message is malformed")
      );
    default:
      return "unknown host event";
  }
}

const BODIES: Record<TabBody["type"], (p: Payload) => TabBody | string> = {
  hello: (p) => onlyKeys(p, []) ?? { type: "hello" },
  leader: (p) => onlyKeys(p, []) ?? { type: "leader" },
  bye: (p) => onlyKeys(p, []) ?? { type: "bye" },
  state: (p) =>
    onlyKeys(p, ["state"]) ??
    (isSoftphoneState(p.state) ? { type: "state", state: p.state } : "state is malformed"),
  action: (p) => {
    const extra = onlyKeys(p, ["id", "name", "args"]);
    if (extra) return extra;
    if (!id(p.id)) return "action needs an id";
    if (!(FORWARDED_ACTIONS as readonly unknown[]).includes(p.name))
      return `unknown action "${String(p.name).slice(0, 40)}"`;
    const name = p.name as ForwardedAction;
    if (!Array.isArray(p.args) || !ACTION_ARGS[name](p.args)) return `${name}: invalid arguments`;
    return { type: "action", id: p.id, name, args: p.args };
  },
  reply: (p) =>
    onlyKeys(p, ["id", "ok", "error"]) ??
    (id(p.id) && typeof p.ok === "boolean" && optional(p.error, (v) => text(v))
      ? {
          type: "reply",
          id: p.id,
          ok: p.ok,
          ...(p.error === undefined ? {} : { error: p.error as string })
        }
      : "reply is malformed"),
  attention: (p) =>
    onlyKeys(p, ["visible", "focused", "since"]) ??
    (typeof p.visible === "boolean" && typeof p.focused === "boolean" && typeof p.since === "number"
      ? { type: "attention", visible: p.visible, focused: p.focused, since: p.since }
      : "attention is malformed"),
  pop: (p) => {
    const extra = onlyKeys(p, ["id", "request", "deadline"]);
    if (extra) return extra;
    if (!id(p.id) || typeof p.deadline !== "number") return "pop is malformed";
    const request = popRequest(p.request);
    return typeof request === "string"
      ? request
      : { type: "pop", id: p.id, request, deadline: p.deadline };
  },
  popAck: (p) =>
    onlyKeys(p, ["id"]) ?? (id(p.id) ? { type: "popAck", id: p.id } : "popAck is malformed"),
  popDone: (p) => {
    const extra = onlyKeys(p, ["id", "ok", "result", "error"]);
    if (extra) return extra;
    if (
      !id(p.id) ||
      typeof p.ok !== "boolean" ||
      !optional(p.error, (v) => text(v)) ||
      !fitsSize(p.result ?? null)
    )
      return "popDone is malformed";
    const done: TabBody = { type: "popDone", id: p.id, ok: p.ok };
    if (p.result !== undefined) done.result = p.result;
    if (typeof p.error === "string") done.error = p.error;
    return done;
  },
  effect: (p) => {
    const extra = onlyKeys(p, ["effect"]);
    if (extra) return extra;
    const effect = hostEffect(p.effect);
    return typeof effect === "string" ? effect : { type: "effect", effect };
  },
  hostEvent: (p) => {
    const extra = onlyKeys(p, ["event"]);
    if (extra) return extra;
    const event = hostEvent(p.event);
    return typeof event === "string" ? event : { type: "hostEvent", event };
  }
};

export function readTabMessage(value: unknown): ReadTabMessage {
  if (!isRecord(value)) return { kind: "invalid", reason: "not an object" };
  const { app, from, to, type, ...body } = value;
  if (app !== TABS_APP) return { kind: "invalid", reason: "not a softphone tab message" };
  if (!id(from)) return { kind: "invalid", reason: "from must be a tab id" };
  if (!optional(to, id)) return { kind: "invalid", reason: "to must be a tab id" };
  if (typeof type !== "string" || !Object.prototype.hasOwnProperty.call(BODIES, type))
    return { kind: "invalid", reason: `unknown type "${String(type).slice(0, 40)}"` };
  const read = BODIES[type as TabBody["type"]](body);
  if (typeof read === "string") return { kind: "invalid", reason: `${type}: ${read}` };
  const message = { ...read, app: TABS_APP, from } as TabMessage;
  if (typeof to === "string") message.to = to;
  return { kind: "message", message };
}
