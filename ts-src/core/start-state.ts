/**
 * The softphone's state before start-up, and the small start-up rules around it (presence read
 * again once storage is scoped; the phone-number rules loaded once "ready").
 */
import { loadRecentCalls } from "./after-call/recent-calls";
import type { Clock } from "./clock";
import type { SoftphoneState } from "./model";
import type { NumbersGate } from "./numbers-first";
import { readPresence } from "./presence";
import { initialState, withError } from "./state";
import type { KeyValueStorage } from "./storage";
import type { StateCell } from "./store";

/** The agent's presence as this browser session kept it (read again once storage is scoped). */
export function presenceState(
  session: KeyValueStorage | undefined,
  now: number
): Pick<SoftphoneState, "notReady" | "presenceSince" | "notReadyReason"> {
  const presence = readPresence(session);
  return {
    notReady: presence.notReady,
    presenceSince: presence.since ?? now,
    ...(presence.reason !== undefined ? { notReadyReason: presence.reason } : {})
  };
}

/** What the first state needs from the softphone's dependencies. */
export interface FirstStateDeps {
  host: { kind: SoftphoneState["host"] } | null;
  storageDurable?: boolean;
  unavailableFeatures?: readonly string[];
}

/** The state before start-up: presence and recent calls as stored, storage problems noted. */
export function firstState(
  deps: FirstStateDeps,
  clock: Clock,
  storage: KeyValueStorage,
  session: KeyValueStorage | undefined
): SoftphoneState {
  const state: SoftphoneState = {
    ...initialState(deps.host ? deps.host.kind : "none"),
    ...presenceState(session, clock.now()),
    recentCalls: loadRecentCalls(storage),
    storageDurable: deps.storageDurable ?? true
  };
  if (deps.unavailableFeatures?.length) state.unavailableFeatures = [...deps.unavailableFeatures];
  if (deps.storageDurable === false) {
    state.errors = withError(state.errors, {
      at: clock.now(),
      source: "log",
      message: "Browser storage is blocked: unsent call logs are lost if this page closes."
    });
  }
  return state;
}

/** "Ready" first, then the phone-number rules: loading them never delays start-up. */
export function preloadWhenInitialized(cell: StateCell, numbers: NumbersGate): () => void {
  let stop: (() => void) | null = null;
  const check = (state: SoftphoneState): void => {
    if (!state.initialized || !stop) return;
    stop();
    numbers.preload();
  };
  stop = cell.subscribe(check);
  check(cell.getState());
  return () => stop?.();
}
