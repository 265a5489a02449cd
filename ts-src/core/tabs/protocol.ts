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
import { DTMF_DIGITS } from "../dialing";
import { isRecord, isSalesforceId } from "../ids";
import {
  MAX_TEXT,
  fitsSize,
  id,
  onlyKeys,
  optional,
  relatedRecord,
  text,
  typedNumber,
  type Payload
} from "./checks";
import { PROCESSING_KEYS, isSoftphoneState } from "./state-check";

export { isSoftphoneState };
import {
  MAX_NOTES,
  NETWORK_SIMULATIONS,
  type SoftphoneActions,
  type SoftphoneState
} from "../model";

export const TABS_APP = "softphone-tabs";

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

/** Whether a forwarded action's arguments would pass the leader's validation. */
export function validActionArgs(name: ForwardedAction, args: unknown[]): boolean {
  return ACTION_ARGS[name](args);
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
