/**
 * The container side of the workbench's Open CTI bridge: receives the softphone iframe's
 * calls, runs them on the fake Open CTI API over the in-memory org, and sends callback and
 * listener invocations back. Only messages from the softphone frame and the shell's own origin
 * are accepted, as Salesforce accepts only its own softphone frame.
 */
import {
  BRIDGE_TAG,
  METHODS,
  decodeArgs,
  parseBridgeMessage,
  type BridgeApi,
  type CallMessage,
  type FailureMessage,
  type InvokeMessage
} from "../bridge/protocol";

export interface BridgeCall {
  api: BridgeApi;
  method: string;
  args: unknown[];
}

export interface BridgeHostOptions {
  api: BridgeApi;
  /** The object playing `sforce.opencti` or `sforce.interaction`. */
  target: object;
  /** The softphone iframe's window (null while there is none). */
  frame: () => Window | null;
  /** The only origin accepted: the shell's own. */
  origin: string;
  onCall?: (call: BridgeCall) => void;
  onRejected?: (reason: string) => void;
}

type AnyFunction = (...args: unknown[]) => unknown;

/** Walks `hvs.completeWork`-style paths; only names from METHODS ever get here. */
function resolveMethod(target: object, path: string): AnyFunction | null {
  let owner: unknown = null;
  let value: unknown = target;
  for (const part of path.split(".")) {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return null;
    owner = value;
    value = (value as Record<string, unknown>)[part];
  }
  return typeof value === "function" ? (value as AnyFunction).bind(owner) : null;
}

/** Starts serving; returns a function that stops. */
export function serveBridge(win: Window, options: BridgeHostOptions): () => void {
  let currentSession: string | null = null;

  const post = (frame: Window, message: InvokeMessage | FailureMessage) =>
    frame.postMessage(message, options.origin);

  const handleCall = (frame: Window, message: CallMessage) => {
    const fail = (text: string) =>
      post(frame, {
        tag: BRIDGE_TAG,
        kind: "failure",
        session: message.session,
        method: message.method,
        message: text
      });
    if (message.api !== options.api) return fail(`this page serves the ${options.api} API`);
    if (!METHODS[options.api].includes(message.method))
      return fail(`${message.method} is not an Open CTI method`);
    const method = resolveMethod(options.target, message.method);
    if (!method) return fail(`${message.method} is not available in the workbench`);
    currentSession = message.session;
    const session = message.session;
    const args = decodeArgs(message.args, (token) => {
      return (...callbackArgs: unknown[]) => {
        // A reloaded page has a new session; its predecessor's listeners go quiet.
        if (session !== currentSession) return;
        const target = options.frame();
        if (!target) return;
        try {
          post(target, {
            tag: BRIDGE_TAG,
            kind: "invoke",
            session,
            fn: token.__workbenchFn,
            args: callbackArgs
          });
        } catch (e) {
          console.error(`workbench bridge: could not deliver ${message.method} result`, e);
        }
      };
    });
    options.onCall?.({ api: message.api, method: message.method, args });
    try {
      method(...args);
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
  };

  const onMessage = (event: MessageEvent) => {
    const frame = options.frame();
    const message = parseBridgeMessage(event.data);
    if (!message) return;
    if (!frame || event.source !== frame) {
      options.onRejected?.("a message from a window that is not the softphone frame");
      return;
    }
    if (event.origin !== options.origin) {
      options.onRejected?.(`a message from the origin ${event.origin}`);
      return;
    }
    if (message.kind === "call") handleCall(frame, message);
  };
  win.addEventListener("message", onMessage);
  return () => win.removeEventListener("message", onMessage);
}
