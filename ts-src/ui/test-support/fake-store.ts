/**
 * A SoftphoneStore for component tests: state is set directly by the test, and every action
 * call is recorded (name and arguments) instead of doing anything.
 */
import type { CallView, SoftphoneActions, SoftphoneState, SoftphoneStore } from "../../core/model";

export type ActionName = keyof SoftphoneActions;

export interface RecordedCall {
  name: ActionName;
  args: unknown[];
}

export interface FakeStore extends SoftphoneStore {
  readonly calls: RecordedCall[];
  /** Merges `patch` into the state and notifies subscribers (wrap in `act` in tests). */
  setState(patch: Partial<SoftphoneState>): void;
  /** The argument lists of every call to `name`, in order. */
  callsTo(name: ActionName): unknown[][];
  /** The next call to `name` rejects (or throws, for synchronous actions) with `error`. */
  failNext(name: ActionName, error: Error): void;
  /** How many listeners are subscribed right now. */
  listenerCount(): number;
}

export function baseState(overrides: Partial<SoftphoneState> = {}): SoftphoneState {
  return {
    host: "lightning",
    setupProblems: [],
    settingsLoaded: true,
    phoneKind: "demo",
    registration: "registered",
    needsSignIn: false,
    agent: "ready",
    call: null,
    waitingCall: null,
    recentCalls: [],
    directory: { query: "", status: "idle", entries: [] },
    microphone: "granted",
    outboxPending: 0,
    errors: [],
    ...overrides
  };
}

export function makeCall(overrides: Partial<CallView> = {}): CallView {
  return {
    id: "call-1",
    direction: "inbound",
    displayNumber: "(415) 555-0123",
    number: "+14155550123",
    state: "ringing",
    muted: false,
    startedAt: 1_700_000_000_000,
    matchStatus: "none",
    matches: [],
    notes: "",
    ...overrides
  };
}

const SYNC_ACTIONS: ReadonlySet<ActionName> = new Set([
  "setRelatedTo",
  "setNotes",
  "setDisposition",
  "dismissNotice",
  "cancelTransfer"
]);

const ACTION_NAMES: readonly ActionName[] = [
  "signIn",
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
];

export function createFakeStore(initial: Partial<SoftphoneState> = {}): FakeStore {
  let state = baseState(initial);
  const listeners = new Set<(s: SoftphoneState) => void>();
  const calls: RecordedCall[] = [];
  const failures = new Map<ActionName, Error>();

  const actions = {} as Record<ActionName, (...args: unknown[]) => unknown>;
  for (const name of ACTION_NAMES) {
    actions[name] = (...args: unknown[]) => {
      calls.push({ name, args });
      const failure = failures.get(name);
      failures.delete(name);
      if (SYNC_ACTIONS.has(name)) {
        if (failure) throw failure;
        return undefined;
      }
      return failure ? Promise.reject(failure) : Promise.resolve();
    };
  }

  return {
    calls,
    actions: actions as unknown as SoftphoneActions,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setState(patch) {
      state = { ...state, ...patch };
      for (const listener of [...listeners]) listener(state);
    },
    callsTo: (name) => calls.filter((c) => c.name === name).map((c) => c.args),
    failNext: (name, error) => failures.set(name, error),
    listenerCount: () => listeners.size
  };
}
