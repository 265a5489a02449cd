/**
 * One record per call: its view (in the state, where the UI and the channel read it) and what
 * only core needs to know about it (meta). The book is the sole owner of both, and of which
 * role a call plays: the current call, the call waiting, a third caller being turned away, or
 * an outbound call dialed but not yet reported by the phone.
 */
import type { Clock, TimerHandle } from "../clock";
import type { CallView } from "../model";
import type { StateCell } from "../store";
import type { Association } from "./call-view";

export interface CallMeta {
  /** The agent (or an explicit association) chose relatedTo: navigation no longer changes it. */
  relatedPinned: boolean;
  popped: boolean;
  internal: boolean;
  transferredTo?: string;
  /** Lines the call features add to the Task's notes (consult, conference, voicemail, codes). */
  extraNotes?: string[];
  /** Overrides the disposition (a voicemail drop: "Voicemail left"). */
  disposition?: string;
  /** Logged at hang-up, without after-call work (a voicemail drop). */
  logAtOnce?: boolean;
  wrapTimer?: TimerHandle;
  /** Its log is written: nothing may log it again. */
  finished: boolean;
}

/** A call the agent dialed that the phone has not reported yet. */
export interface PendingOutbound {
  number: string;
  displayNumber: string;
  internal: boolean;
  association: Association;
  startedAt: number;
  /** Notes the call starts with (a supervisor code names whom it listens to). */
  extraNotes?: string[];
}

export class CallBook {
  readonly #meta = new Map<string, CallMeta>();
  /** Calls turned away while two were in progress, kept only until their end is logged. */
  readonly #turnedAway = new Map<string, CallView>();
  #pending: PendingOutbound | null = null;

  readonly #cell: StateCell;
  readonly #clock: Clock;

  constructor(cell: StateCell, clock: Clock) {
    this.#cell = cell;
    this.#clock = clock;
  }

  current(): CallView | null {
    return this.#cell.getState().call;
  }

  waiting(): CallView | null {
    return this.#cell.getState().waitingCall;
  }

  /** The current or the waiting call with this id. */
  find(id: string): CallView | undefined {
    const { call, waitingCall } = this.#cell.getState();
    if (call?.id === id) return call;
    if (waitingCall?.id === id) return waitingCall;
    return undefined;
  }

  metaOf(id: string): CallMeta | undefined {
    return this.#meta.get(id);
  }

  /** Starts keeping a call's meta; its view is shown with `show`. */
  open(id: string, meta: Omit<CallMeta, "finished">): CallMeta {
    const record: CallMeta = { ...meta, finished: false };
    this.#meta.set(id, record);
    return record;
  }

  /** Puts views in the current and waiting places (null empties a place). */
  show(places: { call?: CallView | null; waitingCall?: CallView | null }): void {
    this.#cell.set(places);
  }

  update(id: string, patch: Partial<CallView>): void {
    const { call, waitingCall } = this.#cell.getState();
    if (call?.id === id) this.#cell.set({ call: { ...call, ...patch } });
    else if (waitingCall?.id === id) this.#cell.set({ waitingCall: { ...waitingCall, ...patch } });
  }

  /** The current call waits on hold and the waiting one becomes current. */
  swap(): void {
    const { call, waitingCall } = this.#cell.getState();
    if (call && waitingCall) this.#cell.set({ call: waitingCall, waitingCall: call });
  }

  turnAway(view: CallView): void {
    this.#turnedAway.set(view.id, view);
  }

  takeTurnedAway(id: string): CallView | undefined {
    const view = this.#turnedAway.get(id);
    this.#turnedAway.delete(id);
    return view;
  }

  pendingOutbound(): PendingOutbound | null {
    return this.#pending;
  }

  expectOutbound(pending: PendingOutbound | null): void {
    this.#pending = pending;
  }

  /** Runs `run` after `ms` unless the call's log is written first. */
  startWrapTimer(id: string, ms: number, run: () => void): void {
    const meta = this.#meta.get(id);
    if (!meta) return;
    this.#clearWrapTimer(meta);
    meta.wrapTimer = this.#clock.setTimeout(() => {
      meta.wrapTimer = undefined;
      run();
    }, ms);
  }

  /** The call's log is written: stop its timer and forget its meta. */
  forget(id: string): void {
    const meta = this.#meta.get(id);
    if (meta) this.#clearWrapTimer(meta);
    this.#meta.delete(id);
  }

  /** Claims the right to log a call once; false when it was logged already. */
  claimLog(id: string): boolean {
    const meta = this.#meta.get(id);
    if (meta?.finished) return false;
    if (meta) {
      meta.finished = true;
      this.#clearWrapTimer(meta);
    }
    return true;
  }

  dispose(): void {
    for (const meta of this.#meta.values()) this.#clearWrapTimer(meta);
  }

  #clearWrapTimer(meta: CallMeta): void {
    if (meta.wrapTimer !== undefined) this.#clock.clearTimeout(meta.wrapTimer);
    meta.wrapTimer = undefined;
  }
}
