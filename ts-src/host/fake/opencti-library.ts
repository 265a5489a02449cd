/**
 * The client side of Salesforce's `opencti_min.js` as our stand-ins play it (facts:
 * OPENCTI-LIBRARY.md beside the project, learned from public copies; none of its code). What
 * the library itself does, and only that: the synchronous argument checks that throw, the keys
 * it forwards to the container, and its listener and message-channel subscription semantics.
 * Value checks (sizes, pop types, Task fields) are the container's and stay there.
 *
 * `send(method, args)` hands a checked call to the container: `args` holds only the forwarded
 * keys, with `callback` / `listener` as functions the container calls.
 */
import {
  CALL_TYPE,
  SCREENPOP_TYPE,
  type LmsSubscription,
  type OpenCtiLightningApi,
  type SubscribeResponse
} from "../lightning/types";

export type ContainerSend = (method: string, args: Record<string, unknown>) => void;

type Fn = (...args: unknown[]) => unknown;

/** The keys each method forwards (all others are dropped), besides callback and listener. */
export const FORWARDED_KEYS: Readonly<Record<string, readonly string[]>> = {
  disableClickToDial: [],
  enableClickToDial: [],
  getAppViewInfo: [],
  getCallCenterSettings: [],
  getSoftphoneLayout: [],
  isSoftphonePanelVisible: [],
  notifyInitializationComplete: [],
  onClickToDial: [],
  onNavigationChange: [],
  refreshView: [],
  runApex: ["apexClass", "methodName", "methodParams"],
  saveLog: ["value"],
  // A top-level defaultFieldValues is dropped: it belongs inside params.
  screenPop: ["type", "params"],
  searchAndScreenPop: [
    "searchParams",
    "callType",
    "queryParams",
    "defaultFieldValues",
    "deferred",
    "params"
  ],
  setSoftphoneItemIcon: ["key"],
  setSoftphoneItemLabel: ["label"],
  setSoftphonePanelHeight: ["heightPX"],
  setSoftphonePanelIcon: ["key"],
  setSoftphonePanelLabel: ["label"],
  setSoftphonePanelVisibility: ["visible"],
  setSoftphonePanelWidth: ["widthPX"],
  subscribe: ["channelName"],
  publish: ["channelName", "message"],
  unsubscribe: [],
  "hvs.onWorkStart": [],
  "hvs.completeWork": ["workId", "attributes"]
};

/** Methods that may be called with no argument at all (and the one the library never checks). */
const NO_ARGUMENT_ALLOWED = new Set(["enableClickToDial", "disableClickToDial", "refreshView"]);
const UNCHECKED = new Set(["notifyInitializationComplete"]);
const CALLBACK_REQUIRED = new Set([
  "getAppViewInfo",
  "getCallCenterSettings",
  "getSoftphoneLayout",
  "isSoftphonePanelVisible"
]);
const LISTENER_METHODS = new Set([
  "onClickToDial",
  "onNavigationChange",
  "subscribe",
  "hvs.onWorkStart"
]);

/** What the library throws on misuse, synchronously (a TypeError naming the method). */
export class OpenCtiUsageError extends TypeError {
  override name = "OpenCtiUsageError";
  constructor(method: string, problem: string) {
    super(`sforce.opencti.${method}: ${problem}`);
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function isSerialisableObject(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  try {
    return typeof JSON.stringify(value) === "string";
  } catch {
    return false;
  }
}

/** Checks the one argument; returns it (or {} for an allowed empty call). */
function checkArgument(method: string, args: readonly unknown[]): Record<string, unknown> {
  if (UNCHECKED.has(method)) return isPlainObject(args[0]) ? args[0] : {};
  if (args.length === 0 || (args.length === 1 && args[0] === undefined)) {
    if (NO_ARGUMENT_ALLOWED.has(method)) return {};
    throw new OpenCtiUsageError(method, "takes one object argument.");
  }
  if (args.length > 1) throw new OpenCtiUsageError(method, "takes exactly one argument.");
  const arg = args[0];
  if (!isPlainObject(arg) || Object.keys(arg).length === 0)
    throw new OpenCtiUsageError(method, "takes one non-empty object argument.");
  if (CALLBACK_REQUIRED.has(method) && typeof arg.callback !== "function")
    throw new OpenCtiUsageError(method, "needs a callback function.");
  if (LISTENER_METHODS.has(method) && typeof arg.listener !== "function")
    throw new OpenCtiUsageError(method, "needs a listener function.");
  if (arg.callback !== undefined && typeof arg.callback !== "function")
    throw new OpenCtiUsageError(method, "callback must be a function.");
  return arg;
}

function forwarded(method: string, arg: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FORWARDED_KEYS[method] ?? [])
    if (Object.prototype.hasOwnProperty.call(arg, key) && arg[key] !== undefined)
      out[key] = arg[key];
  if (typeof arg.callback === "function") out.callback = arg.callback;
  return out;
}

interface ChannelListeners {
  /** Subscriptions handed out for this channel, each with its listener. */
  readonly entries: Map<object, Fn>;
}

/**
 * Builds `sforce.opencti` over a container. Listeners (onClickToDial, onNavigationChange,
 * hvs.onWorkStart) are forwarded on every call and never de-duplicated; message-channel
 * listeners are kept here, one per subscription, behind one dispatcher per channel.
 */
export function createOpenCtiLibrary(send: ContainerSend): OpenCtiLightningApi & {
  initialize?: () => void;
} {
  const channels = new Map<string, ChannelListeners>();
  const subscriptions = new WeakMap<object, string>();

  const channelFor = (channelName: string): ChannelListeners => {
    let channel = channels.get(channelName);
    if (!channel) {
      channel = { entries: new Map() };
      channels.set(channelName, channel);
    }
    return channel;
  };

  const dispatcherFor = (channelName: string) => (message: unknown) => {
    for (const listener of [...(channels.get(channelName)?.entries.values() ?? [])]) {
      try {
        listener(message);
      } catch (error) {
        console.error(`sforce.opencti: a ${channelName} listener failed`, error);
      }
    }
  };

  const plain =
    (method: string) =>
    (...args: unknown[]): void => {
      const arg = checkArgument(method, args);
      if (method === "saveLog" && !isPlainObject(arg.value))
        throw new OpenCtiUsageError(method, "value must be an object.");
      const out = forwarded(method, arg);
      if (LISTENER_METHODS.has(method)) out.listener = arg.listener;
      send(method, out);
    };

  const subscribe = (...args: unknown[]): void => {
    const arg = checkArgument("subscribe", args);
    const channelName = arg.channelName;
    if (typeof channelName !== "string" || channelName === "")
      throw new OpenCtiUsageError("subscribe", "channelName must be a non-empty string.");
    const listener = arg.listener as Fn;
    const callback = typeof arg.callback === "function" ? (arg.callback as Fn) : undefined;
    // The subscription is the library's own frozen object; unsubscribe matches it by identity.
    const subscription: LmsSubscription = Object.freeze({ channelName });
    subscriptions.set(subscription as object, channelName);
    channelFor(channelName).entries.set(subscription as object, listener);
    send("subscribe", {
      channelName,
      listener: dispatcherFor(channelName),
      callback: (response: unknown) => {
        if (!isPlainObject(response) || response.success !== true) {
          channels.get(channelName)?.entries.delete(subscription as object);
          subscriptions.delete(subscription as object);
          callback?.(response);
          return;
        }
        const returnValue = isPlainObject(response.returnValue)
          ? { ...response.returnValue, subscription }
          : { subscription };
        callback?.({ ...response, returnValue, subscription } as SubscribeResponse);
      }
    });
  };

  const unsubscribe = (...args: unknown[]): void => {
    const arg = checkArgument("unsubscribe", args);
    const subscription = arg.subscription;
    if (!isPlainObject(subscription))
      throw new OpenCtiUsageError("unsubscribe", "subscription must be an object.");
    const channelName = subscriptions.get(subscription);
    const channel = channelName === undefined ? undefined : channels.get(channelName);
    // An unknown subscription, or one whose channel keeps other listeners: nothing is sent and
    // the callback never runs.
    if (!channel || channelName === undefined || !channel.entries.delete(subscription)) return;
    subscriptions.delete(subscription);
    if (channel.entries.size > 0) return;
    channels.delete(channelName);
    send("unsubscribe", forwardedUnsubscribe(channelName, arg.callback));
  };

  const publish = (...args: unknown[]): void => {
    const arg = checkArgument("publish", args);
    if (typeof arg.channelName !== "string" || arg.channelName === "")
      throw new OpenCtiUsageError("publish", "channelName must be a non-empty string.");
    if (!isSerialisableObject(arg.message))
      throw new OpenCtiUsageError("publish", "message must be a JSON-serialisable object.");
    send("publish", forwarded("publish", arg));
  };

  const api = {
    CALL_TYPE,
    SCREENPOP_TYPE,
    subscribe,
    unsubscribe,
    publish,
    hvs: {
      onWorkStart: plain("hvs.onWorkStart"),
      completeWork: plain("hvs.completeWork")
    }
  } as Record<string, unknown>;
  for (const method of Object.keys(FORWARDED_KEYS))
    if (!method.includes(".") && !(method in api)) api[method] = plain(method);
  return api as unknown as OpenCtiLightningApi;
}

function forwardedUnsubscribe(eventName: string, callback: unknown): Record<string, unknown> {
  return typeof callback === "function" ? { eventName, callback } : { eventName };
}
