/**
 * The wire format between the workbench's stand-in Open CTI scripts (inside the softphone
 * iframe) and the shell that plays the Salesforce container. Functions cannot cross
 * postMessage, so callbacks and listeners travel as numbered tokens and the shell calls them
 * back by number.
 */

import { CLASSIC_METHODS } from "../../host/classic/methods";
import { LIGHTNING_METHODS } from "../../host/lightning/methods";

export const BRIDGE_TAG = "workbench-opencti-bridge/1";

export type BridgeApi = "lightning" | "classic";

/** Every method of both APIs: the host's lists (their one home). */
export { LIGHTNING_METHODS, CLASSIC_METHODS };

export const METHODS: Record<BridgeApi, readonly string[]> = {
  lightning: LIGHTNING_METHODS,
  classic: CLASSIC_METHODS
};

/** The constants `opencti_min.js` defines next to its methods (shared with the host code). */
export { CALL_TYPE, SCREENPOP_TYPE } from "../../host/lightning/types";

/** Callbacks and listeners of both Open CTI APIs, as the bridge handles them. */
export type AnyCallback = (...args: unknown[]) => unknown;

/** A function argument replaced by a number the other side can call back. */
export interface FunctionToken {
  readonly __workbenchFn: number;
}

export interface CallMessage {
  tag: typeof BRIDGE_TAG;
  kind: "call";
  /** Random per page load, so callbacks of a reloaded page never reach its successor. */
  session: string;
  api: BridgeApi;
  method: string;
  args: unknown[];
}
export interface InvokeMessage {
  tag: typeof BRIDGE_TAG;
  kind: "invoke";
  session: string;
  fn: number;
  args: unknown[];
}
export interface FailureMessage {
  tag: typeof BRIDGE_TAG;
  kind: "failure";
  session: string;
  method: string;
  message: string;
}
export type BridgeMessage = CallMessage | InvokeMessage | FailureMessage;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function isFunctionToken(v: unknown): v is FunctionToken {
  return isRecord(v) && Number.isInteger(v.__workbenchFn) && Object.keys(v).length === 1;
}

/** Checks the envelope only; the receiver checks the method name against METHODS. */
export function parseBridgeMessage(data: unknown): BridgeMessage | null {
  if (!isRecord(data) || data.tag !== BRIDGE_TAG || typeof data.session !== "string") return null;
  if (data.kind === "call") {
    if ((data.api !== "lightning" && data.api !== "classic") || typeof data.method !== "string")
      return null;
    if (!Array.isArray(data.args)) return null;
    return data as unknown as CallMessage;
  }
  if (data.kind === "invoke") {
    if (!Number.isInteger(data.fn) || !Array.isArray(data.args)) return null;
    return data as unknown as InvokeMessage;
  }
  if (data.kind === "failure") {
    if (typeof data.method !== "string" || typeof data.message !== "string") return null;
    return data as unknown as FailureMessage;
  }
  return null;
}

/**
 * Replaces functions in the arguments (top level and one level into object arguments, which
 * is where both Open CTI APIs take callbacks and listeners) with tokens.
 */
export function encodeArgs(
  args: unknown[],
  register: (fn: AnyCallback, key: string | null) => number
): unknown[] {
  return args.map((arg) => {
    if (typeof arg === "function") return { __workbenchFn: register(arg as AnyCallback, null) };
    if (!isRecord(arg)) return arg;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(arg))
      out[k] = typeof v === "function" ? { __workbenchFn: register(v as AnyCallback, k) } : v;
    return out;
  });
}

/** The reverse of encodeArgs: tokens become functions that call back over the bridge. */
export function decodeArgs(
  args: unknown[],
  revive: (token: FunctionToken) => AnyCallback
): unknown[] {
  const decodeValue = (v: unknown): unknown => (isFunctionToken(v) ? revive(v) : v);
  return args.map((arg) => {
    if (isFunctionToken(arg)) return revive(arg);
    if (!isRecord(arg)) return arg;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(arg)) out[k] = decodeValue(v);
    return out;
  });
}
