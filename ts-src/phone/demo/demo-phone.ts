/**
 * DemoPhone: a Phone that simulates calls so every softphone feature can be tried without a
 * phone system. Outbound calls ring, then connect; inbound calls come from simulateIncoming
 * and turn into missed calls when the caller gives up. Devices, call quality and a lost
 * connection (with its grace period) are simulated too, through the same optional Phone
 * methods and events as the SIP phone. Timing runs on an injected scheduler.
 */
import {
  AudioDevices,
  type DeviceChange,
  type MediaDevicesLike,
  type PreferenceStorage
} from "../devices";
import {
  PhoneError,
  type AudioDeviceRole,
  type AudioDeviceState,
  type AudioProcessing,
  type CallConnection,
  type CallEndCause,
  type CallEndReason,
  type CallQualitySummary,
  type DeviceFallback,
  type InboundPolicy,
  type Phone,
  type PhoneCall,
  type PhoneCallState,
  type PhoneEvent,
  type PhoneRinger,
  type RegistrationState
} from "../phone";
import { QualityTracker, qualitySample, type NetworkFigures } from "../quality";
import { SimulatedMediaDevices } from "./simulated-devices";

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
  /** Devices to list; default a simulated set (SimulatedMediaDevices) that can be unplugged. */
  mediaDevices?: MediaDevicesLike;
  /** Where device choices are remembered; default: for this phone's lifetime only. */
  storage?: PreferenceStorage;
  ringer?: PhoneRinger;
  /** How long a simulated connection loss keeps calls before ending them (s); default 30. */
  reconnectGraceSeconds?: number;
  /** Epoch milliseconds for connection deadlines and quality samples; default Date.now. */
  now?: () => number;
  /** How long a dropped voicemail message "plays" (ms); default 3000. */
  messageMs?: number;
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
  connection?: CallConnection;
  graceTimer?: unknown;
  quality?: QualityTracker;
  ringing?: boolean;
  /** Joined in the simulated conference. */
  conferenced?: boolean;
  /** A recorded message is playing into the call. */
  playing?: { url: string; timer: unknown; reject: (error: PhoneError) => void };
}

export const DEFAULT_ANSWER_DELAY_MS = 2_500;
export const DEFAULT_NO_ANSWER_TIMEOUT_MS = 30_000;
export const DEFAULT_CALLER_GIVE_UP_MS = 30_000;
export const DEFAULT_MESSAGE_MS = 3_000;
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

type TimingOptions = Required<
  Pick<
    DemoPhoneOptions,
    | "answerDelayMs"
    | "noAnswerTimeoutMs"
    | "callerGiveUpMs"
    | "outcomeFor"
    | "newId"
    | "now"
    | "messageMs"
  >
>;

export class DemoPhone implements Phone {
  readonly kind = "demo" as const;
  /** The simulated devices (unplug / plugIn), when no real ones were given. */
  readonly simulatedDevices?: SimulatedMediaDevices;
  private registration: RegistrationState = "unregistered";
  private inboundPolicy: InboundPolicy = { mode: "accept" };
  private readonly calls = new Map<string, DemoCall>();
  private readonly listeners = new Set<(event: PhoneEvent) => void>();
  private readonly scheduler: DemoScheduler;
  private readonly options: TimingOptions;
  private readonly devices: AudioDevices;
  private readonly ringer?: PhoneRinger;
  private readonly graceMs: number;
  /** A simulated connection loss is in progress. */
  private disconnected = false;

  constructor(options: DemoPhoneOptions = {}) {
    this.scheduler = options.scheduler ?? defaultScheduler;
    this.options = {
      answerDelayMs: options.answerDelayMs ?? DEFAULT_ANSWER_DELAY_MS,
      noAnswerTimeoutMs: options.noAnswerTimeoutMs ?? DEFAULT_NO_ANSWER_TIMEOUT_MS,
      callerGiveUpMs: options.callerGiveUpMs ?? DEFAULT_CALLER_GIVE_UP_MS,
      outcomeFor: options.outcomeFor ?? defaultOutcome,
      newId: options.newId ?? defaultId,
      now: options.now ?? Date.now,
      messageMs: options.messageMs ?? DEFAULT_MESSAGE_MS
    };
    if (!options.mediaDevices) this.simulatedDevices = new SimulatedMediaDevices();
    this.devices = new AudioDevices(
      options.mediaDevices ?? this.simulatedDevices,
      options.storage,
      options.mediaDevices ? undefined : true
    );
    this.devices.watch((change) => this.onDeviceChange(change));
    this.ringer = options.ringer;
    this.graceMs = Math.max(0, options.reconnectGraceSeconds ?? 30) * 1000;
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
    this.disconnected = false;
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
  setInboundPolicy(policy: InboundPolicy): void {
    this.inboundPolicy = policy;
  }

  async simulateIncoming(number: string, name?: string): Promise<string> {
    this.requireRegistered();
    if (this.inboundPolicy.mode === "refuse") {
      const code = this.inboundPolicy.statusCode ?? 486;
      throw new PhoneError(
        "CALL_FAILED",
        `You are not ready: the call was refused (${code}) and never rang.`
      );
    }
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
    this.ring(call);
    return call.id;
  }

  /**
   * The connection to the (imaginary) phone system drops: connected calls show as
   * reconnecting and end after the grace period unless simulateReconnect() comes first;
   * calls not yet connected end at once. The same events as SipPhone's.
   */
  simulateConnectionLoss(): void {
    this.requireRegistered();
    this.disconnected = true;
    const error = new PhoneError(
      "UNREACHABLE",
      "Cannot reach the demo phone system (simulated); retrying."
    );
    this.emit({ type: "registration", state: "registering", error });
    this.registration = "registering";
    const since = this.options.now();
    for (const call of [...this.calls.values()]) {
      if ((call.state !== "connected" && call.state !== "held") || this.graceMs === 0) {
        this.end(call, "failed", {
          error: new PhoneError(
            "UNREACHABLE",
            "The connection was lost before the call was connected."
          ),
          cause: "connectionLost"
        });
        continue;
      }
      call.connection = {
        state: "reconnecting",
        lost: "signalling",
        since,
        graceEndsAt: since + this.graceMs
      };
      call.graceTimer = this.scheduler.setTimeout(() => {
        call.graceTimer = undefined;
        const seconds = Math.round(this.graceMs / 1000);
        this.end(call, "failed", {
          error: new PhoneError(
            "UNREACHABLE",
            `The connection to the phone system was lost and did not come back within ${seconds} s, so the call was ended.`
          ),
          cause: "connectionLost"
        });
      }, this.graceMs);
      this.emit({ type: "callUpdated", call: this.snapshot(call) });
    }
  }

  /** The connection is back: registered again, and every call still waiting recovers. */
  simulateReconnect(): void {
    if (!this.disconnected) return;
    this.disconnected = false;
    this.setRegistration("registered");
    for (const call of this.calls.values()) {
      if (!call.connection) continue;
      if (call.graceTimer !== undefined) this.scheduler.clearTimeout(call.graceTimer);
      call.graceTimer = undefined;
      call.connection = undefined;
      this.emit({ type: "callUpdated", call: this.snapshot(call) });
    }
  }

  /** One quality sample for a connected call, from made-up network figures. */
  simulateQuality(callId: string, figures: NetworkFigures): void {
    const call = this.find(callId);
    this.requireState(call, ["connected", "held"], "measure");
    const sample = qualitySample({
      ...figures,
      at: this.options.now(),
      roundTripKnown: true,
      bitrateKbps: { send: 40, receive: 40 },
      codec: "opus"
    });
    call.quality ??= new QualityTracker();
    const summary = call.quality.add(sample);
    this.emit({ type: "callQuality", callId, sample, summary });
  }

  callQuality(callId: string): CallQualitySummary | undefined {
    return this.calls.get(callId)?.quality?.summary();
  }

  listCalls(): PhoneCall[] {
    return [...this.calls.values()].map((call) => this.snapshot(call));
  }

  async listDevices(): Promise<AudioDeviceState> {
    await this.devices.ready();
    return this.devices.state();
  }

  async selectDevice(role: AudioDeviceRole, deviceId: string | null): Promise<void> {
    try {
      await this.devices.choose(role, deviceId);
    } catch (cause) {
      throw new PhoneError("INVALID_STATE", cause instanceof Error ? cause.message : String(cause));
    }
    this.emitDevices();
  }

  async setAudioProcessing(processing: Partial<AudioProcessing>): Promise<void> {
    this.devices.setProcessing(processing);
    this.emitDevices();
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
    this.stopRinging(call);
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
    this.requireSignalling(call);
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
    this.requireSignalling(call);
    if (!DIGITS.test(digits))
      throw new PhoneError("INVALID_STATE", "Digits must be 0-9, *, #, A-D or ,.");
    call.digits += digits;
  }

  async transfer(callId: string, target: string): Promise<void> {
    const call = this.find(callId);
    this.requireState(call, ["connected", "held"], "transfer");
    this.requireSignalling(call);
    if (target.trim() === "") throw new PhoneError("CALL_FAILED", "A transfer needs a target.");
    this.end(call, "transferred");
  }

  /** Attended transfer: the two parties are connected to each other and both calls end here. */
  async attendedTransfer(callId: string, consultCallId: string): Promise<void> {
    const call = this.find(callId);
    const consult = this.find(consultCallId);
    if (call === consult) throw new PhoneError("INVALID_STATE", "Transfer a call to another call.");
    this.requireState(call, ["connected", "held"], "transfer");
    this.requireState(consult, ["connected", "held"], "transfer to");
    this.requireSignalling(call);
    this.end(call, "transferred");
    this.end(consult, "transferred");
  }

  /** A simulated conference: the calls are resumed and marked as mixed together. */
  async conference(callIds: readonly string[]): Promise<void> {
    const calls = callIds.map((id) => this.find(id));
    if (calls.length < 2) throw new PhoneError("INVALID_STATE", "A conference needs two calls.");
    for (const call of calls) this.requireState(call, ["connected", "held"], "conference");
    for (const call of calls) {
      call.conferenced = true;
      this.setState(call, "connected");
    }
  }

  /** The calls in the simulated conference (demo display and tests). */
  conferencedCalls(): string[] {
    return [...this.calls.values()].filter((c) => c.conferenced).map((c) => c.id);
  }

  /** "Plays" a recorded message for messageMs; rejects if the call ends first. */
  async playMessage(callId: string, url: string): Promise<void> {
    const call = this.find(callId);
    this.requireState(call, ["connected"], "play a message into");
    if (call.playing) throw new PhoneError("INVALID_STATE", "A message is already playing.");
    if (url.trim() === "") throw new PhoneError("CALL_FAILED", "The message has no address.");
    await new Promise<void>((resolve, reject) => {
      const timer = this.scheduler.setTimeout(() => {
        call.playing = undefined;
        resolve();
      }, this.options.messageMs);
      call.playing = { url, timer, reject };
    });
  }

  /** The message playing into a call, if any (demo display and tests). */
  playingMessage(callId: string): string | undefined {
    return this.calls.get(callId)?.playing?.url;
  }

  async dispose(): Promise<void> {
    await this.unregister();
    this.devices.dispose();
    this.listeners.clear();
  }

  private requireRegistered(): void {
    if (this.disconnected)
      throw new PhoneError(
        "UNREACHABLE",
        "The demo phone system is unreachable (a simulated connection loss)."
      );
    if (this.registration !== "registered") {
      throw new PhoneError("INVALID_STATE", "The demo phone is not started.");
    }
  }

  private find(callId: string): DemoCall {
    const call = this.calls.get(callId);
    if (!call) throw new PhoneError("NOT_FOUND", "There is no such call.");
    return call;
  }

  private requireSignalling(call: DemoCall): void {
    if (call.connection)
      throw new PhoneError(
        "INVALID_STATE",
        "The call is reconnecting to the phone system; try again in a moment."
      );
  }

  private ring(call: DemoCall): void {
    if (!this.ringer) return;
    call.ringing = true;
    const waiting = [...this.calls.values()].some((c) => c !== call);
    this.ringer
      .start({
        callId: call.id,
        caller: call.remoteName ?? call.remoteNumber,
        waiting,
        sinkId: this.devices.effective("ringer")
      })
      .then(({ outcome, detail }) => {
        if (!call.ringing) return;
        this.emit(
          detail
            ? { type: "ringer", callId: call.id, outcome, detail }
            : { type: "ringer", callId: call.id, outcome }
        );
      })
      .catch(() => undefined);
  }

  private stopRinging(call: DemoCall): void {
    if (!call.ringing) return;
    call.ringing = false;
    this.ringer?.stop(call.id);
  }

  private onDeviceChange(change: DeviceChange): void {
    if (change.fallbacks.length === 0) this.emitDevices();
    for (const fallback of change.fallbacks) this.emitDevices(fallback);
  }

  private emitDevices(fallback?: DeviceFallback): void {
    const devices = this.devices.state();
    this.emit(fallback ? { type: "devices", devices, fallback } : { type: "devices", devices });
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

  private end(
    call: DemoCall,
    reason: CallEndReason,
    why: { error?: PhoneError; cause?: CallEndCause } = {}
  ): void {
    if (call.state === "ended") return;
    this.clearTimer(call);
    this.stopRinging(call);
    if (call.graceTimer !== undefined) this.scheduler.clearTimeout(call.graceTimer);
    call.graceTimer = undefined;
    call.connection = undefined;
    call.state = "ended";
    if (call.playing) {
      this.scheduler.clearTimeout(call.playing.timer);
      call.playing.reject(
        new PhoneError("NOT_FOUND", "The call ended before the message finished.")
      );
      call.playing = undefined;
    }
    this.calls.delete(call.id);
    this.leaveConference();
    const event: PhoneEvent & { type: "callEnded" } = {
      type: "callEnded",
      call: this.snapshot(call),
      reason
    };
    if (why.error) event.error = why.error;
    if (why.cause) event.cause = why.cause;
    const quality = call.quality?.summary();
    if (quality) event.quality = quality;
    this.emit(event);
  }

  /** One call left: it is no longer in a conference. */
  private leaveConference(): void {
    const left = [...this.calls.values()].filter((c) => c.conferenced);
    if (left.length === 1) left[0].conferenced = false;
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
    if (call.connection) view.connection = call.connection;
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
