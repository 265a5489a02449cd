/**
 * The agent's presence: Ready, or Not ready with an admin-defined reason. The choice is kept
 * in session storage (it survives reloads of this browser session) and turned into the
 * phone's inbound policy, so a not-ready agent's phone refuses new calls (SIP: 486 Busy Here
 * or the configured code) instead of ringing.
 */
import type { InboundPolicy, Phone } from "../phone/phone";
import type { CallFlowSettings } from "./call-flow-settings";
import type { SoftphoneState } from "./model";
import type { KeyValueStorage } from "./storage";
import type { StateCell } from "./store";

/** "1" while not ready (kept from the first version, so older pages agree). */
export const NOT_READY_KEY = "softphone.notReady";
/** `{reason?, since}` of the current presence. */
export const PRESENCE_KEY = "softphone.presence";

export interface StoredPresence {
  notReady: boolean;
  reason?: string;
  /** Epoch ms when the agent entered this presence. */
  since?: number;
}

export function readPresence(session: KeyValueStorage | undefined): StoredPresence {
  try {
    const notReady = session?.getItem(NOT_READY_KEY) === "1";
    const raw = session?.getItem(PRESENCE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    const presence: StoredPresence = { notReady };
    if (parsed && typeof parsed === "object") {
      const { reason, since } = parsed as Record<string, unknown>;
      if (notReady && typeof reason === "string" && reason.length <= 40) presence.reason = reason;
      if (typeof since === "number" && Number.isFinite(since)) presence.since = since;
    }
    return presence;
  } catch {
    return { notReady: false };
  }
}

export function writePresence(
  session: KeyValueStorage | undefined,
  presence: StoredPresence
): void {
  try {
    if (presence.notReady) session?.setItem(NOT_READY_KEY, "1");
    else session?.removeItem(NOT_READY_KEY);
    session?.setItem(
      PRESENCE_KEY,
      JSON.stringify({ reason: presence.reason, since: presence.since })
    );
  } catch {
    // The choice still applies to this page when session storage is unavailable.
  }
}

/**
 * The reason to keep for a not-ready choice: one of the admin's reasons (matched in any
 * letter case), or none when the admin defined none. Unknown reasons are refused (null).
 */
export function chooseReason(
  reasons: readonly string[],
  reason: string | undefined
): string | undefined | null {
  if (reason === undefined || reason.trim() === "") return undefined;
  const found = reasons.find((r) => r.toLowerCase() === reason.trim().toLowerCase());
  return found ?? null;
}

export function inboundPolicyFor(
  state: Pick<SoftphoneState, "notReady">,
  settings: Pick<CallFlowSettings, "notReadyResponseCode"> | undefined
): InboundPolicy {
  return state.notReady
    ? { mode: "refuse", statusCode: settings?.notReadyResponseCode ?? 486 }
    : { mode: "accept" };
}

/** Keeps the phone's inbound policy in line with the agent's presence. */
export function followInboundPolicy(
  cell: StateCell,
  phone: Phone,
  settings: CallFlowSettings | undefined
): () => void {
  let last: string | null = null;
  const apply = (state: SoftphoneState): void => {
    const policy = inboundPolicyFor(state, settings);
    const key = JSON.stringify(policy);
    if (key === last) return;
    last = key;
    phone.setInboundPolicy?.(policy);
  };
  apply(cell.getState());
  return cell.subscribe(apply);
}
