/**
 * Runs inside the softphone iframe in place of Salesforce's `opencti_min.js` or
 * `interaction.js`: defines the same `window.sforce` API and forwards every call to the
 * parent shell, which answers through the callbacks. Lightning's client side — argument checks
 * that throw, forwarded keys, subscriptions — is the library of host/fake/opencti-library.ts,
 * as Salesforce's own library has it. Like the real scripts, it initialises only with a
 * `sfdcIframeOrigin` it trusts (and, for Lightning, a `mode`), as the direct child of that
 * frame, and talks only to that origin.
 */
import { createOpenCtiLibrary } from "../../host/fake/opencti-library";
import { originProblem } from "./origin";
import {
  BRIDGE_TAG,
  METHODS,
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

/** Why the page cannot talk to the Salesforce frame, or null. */
function initProblem(win: Window, api: BridgeApi): string | null {
  const params = new URLSearchParams(win.location.search);
  if (win.parent === win) return "the page is not inside the Salesforce frame";
  if (api === "lightning" && !params.has("mode")) return "the page URL has no mode parameter";
  return originProblem(params.get("sfdcIframeOrigin"), win.location);
}

/**
 * `openctiWithout=hvs,subscribe` (from the shell's URL) leaves those parts out of the
 * stand-in, to try the softphone against an older or trimmed library (API 43 has no hvs,
 * subscribe, publish or unsubscribe).
 */
export const WITHOUT_PARAM = "openctiWithout";

function trim(library: Namespace, without: string | null): void {
  for (const path of (without ?? "").split(",").map((p) => p.trim())) {
    if (!/^[A-Za-z]+(\.[A-Za-z]+)?$/.test(path)) continue;
    const parts = path.split(".");
    const owner = parts.length === 2 ? library[parts[0] as string] : library;
    if (typeof owner === "object" && owner !== null)
      delete (owner as Namespace)[parts[parts.length - 1] as string];
  }
}

export function installBridgeClient(win: Window, api: BridgeApi): BridgeClient {
  const parent = win.parent;
  let problem = initProblem(win, api);
  let origin = new URLSearchParams(win.location.search).get("sfdcIframeOrigin") ?? "";

  const session = win.crypto.randomUUID();
  const callbacks = new Map<number, { fn: AnyCallback; once: boolean }>();
  let nextId = 1;

  win.addEventListener("message", (event: MessageEvent) => {
    if (problem || event.source !== parent || event.origin !== origin) return;
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

  const post = (method: string, args: unknown[], isListener: (key: string | null) => boolean) => {
    if (problem) throw new Error(`Open CTI is not initialized: ${problem}.`);
    const encoded = encodeArgs(args, (fn, key) => {
      const id = nextId++;
      callbacks.set(id, { fn, once: !isListener(key) });
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
    parent.postMessage(message, origin);
  };

  const host = win as unknown as { sforce?: Namespace };
  host.sforce = host.sforce ?? {};
  if (api === "lightning") {
    const library = createOpenCtiLibrary((method, args) =>
      post(method, [args], (key) => key === "listener")
    ) as unknown as Namespace;
    library.initialize = () => {
      problem = initProblem(win, api);
      origin = new URLSearchParams(win.location.search).get("sfdcIframeOrigin") ?? "";
      if (problem) throw `Failed to initialize Open CTI: ${problem}.`;
    };
    trim(library, new URLSearchParams(win.location.search).get(WITHOUT_PARAM));
    host.sforce.opencti = library;
  } else {
    const root: Namespace = {};
    for (const path of METHODS.classic) {
      const parts = path.split(".");
      let ns = root;
      for (const part of parts.slice(0, -1)) ns = (ns[part] ??= {}) as Namespace;
      const listener = CLASSIC_LISTENERS.has(path);
      ns[parts[parts.length - 1]] = (...args: unknown[]) => post(path, args, () => listener);
    }
    host.sforce.interaction = root;
  }
  // Salesforce's library throws at load when it cannot initialise; sforce.opencti still exists.
  if (problem && api === "lightning") throw `Failed to initialize Open CTI: ${problem}.`;
  if (problem) console.error(`Open CTI (workbench): interaction.js cannot run: ${problem}.`);
  return { problem };
}
