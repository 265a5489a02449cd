/**
 * DemoPhone: a Phone that simulates calls so every softphone feature can be tried without a
 * phone system. Outbound calls ring, then connect; inbound calls come from simulateIncoming
 * and turn into missed calls when the caller gives up. Timing runs on an injected scheduler.
 */
import {
  PhoneError,
  type CallEndReason,
  type Phone,
  type PhoneCall,
  type PhoneCallState,
  type PhoneEvent,
  type RegistrationState
} from "../phone";

/** The timers DemoPhone needs; structurally the same as core's Clock. */
export interface DemoScheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** How a simulated callee responds to an outbound call. */
export type DemoOutcome = "answer" | "busy" | "noAnswer";

export interface DemoPhoneOptions {
  scheduler?: DemoScheduler;
  /** Ringback before the callee answers (ms). */
  answerDelayMs?: number;
  /** An unanswered outbound call gives up after this (ms). */
  noAnswerTimeoutMs?: number;
  /** An inbound caller gives up (missed call) after this (ms). */
  callerGiveUpMs?: number;
  /** Decides each outbound call's outcome; by default numbers ending in 0000 are busy. */
  outcomeFor?: (target: string) => DemoOutcome;
  newId?: () => string;
}

interface DemoCall {
  id: string;
  direction: "inbound" | "outbound";
  remoteNumber: string;
  remoteName?: string;
  state: PhoneCallState;
  muted: boolean;
  digits: string;
  timer?: unknown;
}

export const DEFAULT_ANSWER_DELAY_MS = 2_500;
export const DEFAULT_NO_ANSWER_TIMEOUT_MS = 30_000;
export const DEFAULT_CALLER_GIVE_UP_MS = 30_000;
const MAX_TARGET_LENGTH = 64;
const DIGITS = /^[0-9*#A-Da-d,]{1,32}$/;

const defaultScheduler: DemoScheduler = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>)
};

function defaultOutcome(target: string): DemoOutcome {
  return /0000$/.test(target) ? "busy" : "answer";
}

let sequence = 0;
function defaultId(): string {
  sequence += 1;
  const random = Math.random().toString(36).slice(2, 10);
  return `demo-${Date.now().toString(36)}-${sequence}-${random}`;
}

export class DemoPhone implements Phone {
  readonly kind = "demo" as const;
  private registration: RegistrationState = "unregistered";
  private readonly calls = new Map<string, DemoCall>();
  private readonly listeners = new Set<(event: PhoneEvent) => void>();
  private readonly scheduler: DemoScheduler;
  private readonly options: Required<Omit<DemoPhoneOptions, "scheduler">>;

  constructor(options: DemoPhoneOptions = {}) {
    this.scheduler = options.scheduler ?? defaultScheduler;
    this.options = {
      answerDelayMs: options.answerDelayMs ?? DEFAULT_ANSWER_DELAY_MS,
      noAnswerTimeoutMs: options.noAnswerTimeoutMs ?? DEFAULT_NO_ANSWER_TIMEOUT_MS,
      callerGiveUpMs: options.callerGiveUpMs ?? DEFAULT_CALLER_GIVE_UP_MS,
      outcomeFor: options.outcomeFor ?? defaultOutcome,
      newId: options.newId ?? defaultId
    };
  }

  on(listener: (event: PhoneEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async register(): Promise<void> {
    if (this.registration === "registered") return;
    this.setRegistration("registering");
    this.setRegistration("registered");
  }

  async unregister(): Promise<void> {
    for (const call of [...this.calls.values()]) this.end(call, "local");
    if (this.registration !== "unregistered") this.setRegistration("unregistered");
  }

  async dial(target: string): Promise<string> {
    this.requireRegistered();
    const trimmed = target.trim();
    if (trimmed === "" || trimmed.length > MAX_TARGET_LENGTH || /[\u0000-\u001f]/.test(trimmed)) {
      throw new PhoneError(
        "CALL_FAILED",
        "The demo phone cannot dial an empty or malformed number."
      );
    }
    const call: DemoCall = {
      id: this.options.newId(),
      direction: "outbound",
      remoteNumber: trimmed,
      state: "dialing",
      muted: false,
      digits: ""
    };
    this.calls.set(call.id, call);
    this.emit({ type: "callUpdated", call: this.snapshot(call) });
    const outcome = this.options.outcomeFor(trimmed);
    if (outcome === "answer") {
      call.timer = this.scheduler.setTimeout(
        () => this.setState(call, "connected"),
        this.options.answerDelayMs
      );
    } else if (outcome === "busy") {
      call.timer = this.scheduler.setTimeout(
        () => this.end(call, "rejected"),
        this.options.answerDelayMs
      );
    } else {
      call.timer = this.scheduler.setTimeout(
        () => this.end(call, "rejected"),
        this.options.noAnswerTimeoutMs
      );
    }
    return call.id;
  }

  /** An inbound call from `number` (the "Simulate incoming call" action); resolves with its id. */
  async simulateIncoming(number: string, name?: string): Promise<string> {
    this.requireRegistered();
    const trimmed = number.trim();
    if (trimmed === "" || trimmed.length > MAX_TARGET_LENGTH) {
      throw new PhoneError("CALL_FAILED", "A simulated caller needs a number.");
    }
    const call: DemoCall = {
      id: this.options.newId(),
      direction: "inbound",
      remoteNumber: trimmed,
      state: "ringing",
      muted: false,
      digits: ""
    };
    if (name !== undefined && name.trim() !== "") call.remoteName = name.trim();
    this.calls.set(call.id, call);
    call.timer = this.scheduler.setTimeout(
      () => this.end(call, "missed"),
      this.options.callerGiveUpMs
    );
    this.emit({ type: "incoming", call: this.snapshot(call) });
    return call.id;
  }

  /** The other party hangs up (demo control and tests). */
  async simulateRemoteHangup(callId: string): Promise<void> {
    const call = this.find(callId);
    this.end(call, call.state === "ringing" ? "missed" : "remote");
  }

  /** DTMF digits sent on a call so far (demo display and tests). */
  sentDigits(callId: string): string {
    return this.find(callId).digits;
  }

  async answer(callId: string): Promise<void> {
    const call = this.find(callId);
    this.requireState(call, ["ringing"], "answer");
    this.clearTimer(call);
    this.setState(call, "connected");
  }

  async decline(callId: string): Promise<void> {
    const call = this.find(callId);
    this.requireState(call, ["ringing"], "decline");
    this.end(call, "declined");
  }

  async hangup(callId: string): Promise<void> {
    const call = this.find(callId);
    if (call.state === "ringing") {
      this.end(call, "declined");
      return;
    }
    this.end(call, "local");
  }

  async hold(callId: string, on: boolean): Promise<void> {
    const call = this.find(callId);
    this.requireState(call, ["connected", "held"], on ? "hold" : "resume");
    this.setState(call, on ? "held" : "connected");
  }

  async mute(callId: string, on: boolean): Promise<void> {
    const call = this.find(callId);
    this.requireState(call, ["dialing", "connected", "held"], on ? "mute" : "unmute");
    if (call.muted === on) return;
    call.muted = on;
    this.emit({ type: "callUpdated", call: this.snapshot(call) });
  }

  async sendDigits(callId: string, digits: string): Promise<void> {
    const call = this.find(callId);
    this.requireState(call, ["connected"], "send digits on");
    if (!DIGITS.test(digits))
      throw new PhoneError("INVALID_STATE", "Digits must be 0-9, *, #, A-D or ,.");
    call.digits += digits;
  }

  async transfer(callId: string, target: string): Promise<void> {
    const call = this.find(callId);
    this.requireState(call, ["connected", "held"], "transfer");
    if (target.trim() === "") throw new PhoneError("CALL_FAILED", "A transfer needs a target.");
    this.end(call, "transferred");
  }

  async dispose(): Promise<void> {
    await this.unregister();
    this.listeners.clear();
  }

  private requireRegistered(): void {
    if (this.registration !== "registered") {
      throw new PhoneError("INVALID_STATE", "The demo phone is not started.");
    }
  }

  private find(callId: string): DemoCall {
    const call = this.calls.get(callId);
    if (!call) throw new PhoneError("NOT_FOUND", "There is no such call.");
    return call;
  }

  private requireState(call: DemoCall, allowed: PhoneCallState[], verb: string): void {
    if (!allowed.includes(call.state)) {
      throw new PhoneError("INVALID_STATE", `Cannot ${verb} a call that is ${call.state}.`);
    }
  }

  private setState(call: DemoCall, state: PhoneCallState): void {
    if (call.state === state || call.state === "ended") return;
    call.state = state;
    this.emit({ type: "callUpdated", call: this.snapshot(call) });
  }

  private end(call: DemoCall, reason: CallEndReason): void {
    if (call.state === "ended") return;
    this.clearTimer(call);
    call.state = "ended";
    this.calls.delete(call.id);
    this.emit({ type: "callEnded", call: this.snapshot(call), reason });
  }

  private clearTimer(call: DemoCall): void {
    if (call.timer !== undefined) this.scheduler.clearTimeout(call.timer);
    call.timer = undefined;
  }

  private setRegistration(state: RegistrationState): void {
    this.registration = state;
    this.emit({ type: "registration", state });
  }

  private snapshot(call: DemoCall): PhoneCall {
    const view: { -readonly [K in keyof PhoneCall]: PhoneCall[K] } = {
      id: call.id,
      direction: call.direction,
      remoteNumber: call.remoteNumber,
      state: call.state,
      muted: call.muted
    };
    if (call.remoteName !== undefined) view.remoteName = call.remoteName;
    return view;
  }

  private emit(event: PhoneEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A faulty listener must not stop the phone or the other listeners.
      }
    }
  }
}

export function createDemoPhone(options?: DemoPhoneOptions): DemoPhone {
  return new DemoPhone(options);
}
