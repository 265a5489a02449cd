/**
 * Runs inside the softphone iframe in place of Salesforce's `opencti_min.js` or
 * `interaction.js`: defines the same `window.sforce` API and forwards every call to the
 * parent shell, which answers through the callbacks. Like the real scripts, it talks only to
 * the direct parent, and only to the origin the page was given in `sfdcIframeOrigin`.
 */
import {
  BRIDGE_TAG,
  CALL_TYPE,
  METHODS,
  SCREENPOP_TYPE,
  encodeArgs,
  parseBridgeMessage,
  type AnyCallback,
  type BridgeApi,
  type CallMessage
} from "./protocol";

type Namespace = Record<string, unknown>;

/** Classic methods whose function argument is a listener (called many times). */
const CLASSIC_LISTENERS = new Set(["onFocus", "cti.onClickToDial", "entityFeed.onObjectUpdate"]);

export interface BridgeClient {
  /** Why calls cannot reach Salesforce, or null when they can. */
  readonly problem: string | null;
}

export function installBridgeClient(win: Window, api: BridgeApi): BridgeClient {
  const origin = new URLSearchParams(win.location.search).get("sfdcIframeOrigin");
  const parent = win.parent;
  let problem: string | null = null;
  if (parent === win) problem = "the page is not inside the Salesforce frame";
  else if (!origin) problem = "the page URL has no sfdcIframeOrigin parameter";

  const session = win.crypto.randomUUID();
  const callbacks = new Map<number, { fn: AnyCallback; once: boolean }>();
  let nextId = 1;

  win.addEventListener("message", (event: MessageEvent) => {
    if (event.source !== parent || event.origin !== origin) return;
    const message = parseBridgeMessage(event.data);
    if (!message || message.session !== session) return;
    if (message.kind === "failure") {
      console.error(`Open CTI (workbench): ${message.method} failed: ${message.message}`);
      return;
    }
    if (message.kind !== "invoke") return;
    const entry = callbacks.get(message.fn);
    if (!entry) return;
    if (entry.once) callbacks.delete(message.fn);
    entry.fn(...message.args);
  });

  const call = (method: string, args: unknown[]): void => {
    if (problem) {
      console.error(`Open CTI (workbench): ${method} cannot run: ${problem}`);
      return;
    }
    const listener = api === "classic" && CLASSIC_LISTENERS.has(method);
    const encoded = encodeArgs(args, (fn, key) => {
      const id = nextId++;
      // Lightning passes one-shot `callback`s and long-lived `listener`s by name.
      const once = api === "lightning" ? key === "callback" : !listener;
      callbacks.set(id, { fn, once });
      return id;
    });
    const message: CallMessage = {
      tag: BRIDGE_TAG,
      kind: "call",
      session,
      api,
      method,
      args: encoded
    };
    parent.postMessage(message, origin as string);
  };

  const root: Namespace = {};
  for (const path of METHODS[api]) {
    const parts = path.split(".");
    let ns = root;
    for (const part of parts.slice(0, -1)) ns = (ns[part] ??= {}) as Namespace;
    ns[parts[parts.length - 1]] = (...args: unknown[]) => call(path, args);
  }
  if (api === "lightning") {
    root.SCREENPOP_TYPE = SCREENPOP_TYPE;
    root.CALL_TYPE = CALL_TYPE;
  }

  const host = win as unknown as { sforce?: Namespace };
  host.sforce = host.sforce ?? {};
  host.sforce[api === "lightning" ? "opencti" : "interaction"] = root;
  return { problem };
}
