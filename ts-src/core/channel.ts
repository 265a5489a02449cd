/**
 * The `Softphone__c` Lightning message channel: commands from record pages in, `state` out.
 * Every inbound message is validated strictly (envelope and payload keys, types, lengths);
 * anything else earns one console warning and is dropped, never thrown.
 */
import type { ChannelMessage, CtiHost, Unsubscribe } from "../host/cti-host";
import type { CallDirection } from "../phone/phone";
import { DTMF_DIGITS, MAX_INPUT_LENGTH } from "./dialing";
import { hostErrorCode } from "./errors";
import { isRecord, isSalesforceId } from "./ids";
import {
  NETWORK_SIMULATIONS,
  type AgentState,
  type CallState,
  type NetworkSimulation,
  type SoftphoneState
} from "./model";

export const CHANNEL_NAME = "Softphone__c";
export const OWN_SOURCE = "softphone";
const MAX_SOURCE_LENGTH = 80;
const MAX_NAME_LENGTH = 80;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export type ChannelCommand =
  | { type: "dial"; number: string; recordId?: string }
  | { type: "answer" }
  | { type: "hangup" }
  | { type: "hold"; on: boolean }
  | { type: "mute"; on: boolean }
  | { type: "sendDigits"; digits: string }
  | { type: "transfer"; target: string }
  | { type: "requestState" }
  | { type: "simulateIncoming"; number: string; name?: string }
  /** Demo phone only: network trouble on the current call (workbench controls). */
  | { type: "simulateNetwork"; what: NetworkSimulation };

export interface ChannelCall {
  id: string;
  direction: CallDirection;
  number: string;
  state: CallState;
  muted: boolean;
  startedAt: number;
  connectedAt?: number;
  recordId?: string;
}

export interface ChannelState {
  agent: AgentState;
  call: ChannelCall | null;
  /** Present while the agent chose "not ready": the reason (when any) and since when. */
  notReady?: { reason?: string; since?: number };
}

function withPresence(out: ChannelState, state: SoftphoneState): ChannelState {
  if (!state.notReady) return out;
  const notReady: NonNullable<ChannelState["notReady"]> = {};
  if (state.notReadyReason !== undefined) notReady.reason = state.notReadyReason;
  if (state.presenceSince !== undefined) notReady.since = state.presenceSince;
  return { ...out, notReady };
}

/** What the message channel publishes: no names, notes or matches, just the call's shape. */
export function channelState(state: SoftphoneState): ChannelState {
  const call = state.call;
  if (!call) return withPresence({ agent: state.agent, call: null }, state);
  const out: ChannelState["call"] = {
    id: call.id,
    direction: call.direction,
    number: call.number,
    state: call.state,
    muted: call.muted,
    startedAt: call.startedAt
  };
  if (call.connectedAt !== undefined) out.connectedAt = call.connectedAt;
  const recordId = call.relatedTo?.id ?? call.caller?.id;
  if (recordId !== undefined) out.recordId = recordId;
  return withPresence({ agent: state.agent, call: out }, state);
}

export type ReadMessage =
  | { kind: "own" }
  | { kind: "command"; command: ChannelCommand; source: string }
  | { kind: "invalid"; reason: string };

type Payload = Record<string, unknown>;

function onlyKeys(object: Payload, allowed: readonly string[]): string | null {
  const extra = Object.keys(object).find((key) => !allowed.includes(key));
  return extra === undefined ? null : `unexpected key "${extra.slice(0, 40)}"`;
}

/** Digits, + * #, and the separators people write numbers with: nothing that could be markup. */
const PHONE_TEXT = /^[0-9+*#().\-\s]+$/;

function phoneText(value: unknown): value is string {
  return (
    typeof value === "string" &&
    value.trim() !== "" &&
    value.length <= MAX_INPUT_LENGTH &&
    PHONE_TEXT.test(value) &&
    !CONTROL_CHARACTERS.test(value)
  );
}

const PAYLOADS: Record<ChannelCommand["type"], (payload: Payload) => ChannelCommand | string> = {
  dial: (p) => {
    const extra = onlyKeys(p, ["number", "recordId"]);
    if (extra) return extra;
    if (!phoneText(p.number))
      return `dial needs a phone number of at most ${MAX_INPUT_LENGTH} characters`;
    if (p.recordId === undefined) return { type: "dial", number: p.number };
    if (!isSalesforceId(p.recordId)) return "dial recordId must be a 15 or 18 character record Id";
    return { type: "dial", number: p.number, recordId: p.recordId };
  },
  answer: (p) => onlyKeys(p, []) ?? { type: "answer" },
  hangup: (p) => onlyKeys(p, []) ?? { type: "hangup" },
  requestState: (p) => onlyKeys(p, []) ?? { type: "requestState" },
  hold: (p) =>
    onlyKeys(p, ["on"]) ??
    (typeof p.on === "boolean" ? { type: "hold", on: p.on } : "hold needs on: true|false"),
  mute: (p) =>
    onlyKeys(p, ["on"]) ??
    (typeof p.on === "boolean" ? { type: "mute", on: p.on } : "mute needs on: true|false"),
  sendDigits: (p) =>
    onlyKeys(p, ["digits"]) ??
    (typeof p.digits === "string" && DTMF_DIGITS.test(p.digits)
      ? { type: "sendDigits", digits: p.digits }
      : "sendDigits needs 1–32 of 0-9 * # A-D ,"),
  transfer: (p) =>
    onlyKeys(p, ["target"]) ??
    (phoneText(p.target)
      ? { type: "transfer", target: p.target }
      : "transfer needs a target number"),
  simulateNetwork: (p) =>
    onlyKeys(p, ["what"]) ??
    ((NETWORK_SIMULATIONS as readonly unknown[]).includes(p.what)
      ? { type: "simulateNetwork", what: p.what as NetworkSimulation }
      : `simulateNetwork needs what: one of ${NETWORK_SIMULATIONS.join(", ")}`),
  simulateIncoming: (p) => {
    const extra = onlyKeys(p, ["number", "name"]);
    if (extra) return extra;
    if (!phoneText(p.number))
      return `simulateIncoming needs a phone number of at most ${MAX_INPUT_LENGTH} characters`;
    if (p.name === undefined) return { type: "simulateIncoming", number: p.number };
    if (
      typeof p.name !== "string" ||
      p.name.length > MAX_NAME_LENGTH ||
      CONTROL_CHARACTERS.test(p.name)
    ) {
      return `simulateIncoming name must be text of at most ${MAX_NAME_LENGTH} characters`;
    }
    return { type: "simulateIncoming", number: p.number, name: p.name };
  }
};

export function readChannelMessage(message: unknown): ReadMessage {
  if (!isRecord(message)) return { kind: "invalid", reason: "not an object" };
  const extra = onlyKeys(message, ["source", "type", "payload"]);
  if (extra) return { kind: "invalid", reason: extra };
  const { source, type, payload } = message;
  if (typeof source !== "string" || source === "" || source.length > MAX_SOURCE_LENGTH) {
    return { kind: "invalid", reason: "source must be a short string" };
  }
  if (source === OWN_SOURCE) return { kind: "own" };
  if (typeof type !== "string" || !Object.prototype.hasOwnProperty.call(PAYLOADS, type)) {
    return { kind: "invalid", reason: `unknown type "${String(type).slice(0, 40)}"` };
  }
  if (payload !== undefined && !isRecord(payload))
    return { kind: "invalid", reason: "payload must be an object" };
  const read = PAYLOADS[type as ChannelCommand["type"]](payload ?? {});
  return typeof read === "string"
    ? { kind: "invalid", reason: read }
    : { kind: "command", command: read, source };
}

export interface ChannelLogger {
  warn(message: string): void;
}

/** Subscribes once, publishes `state` whenever it changes, hands valid commands on. */
export class SoftphoneChannel {
  #unsubscribe: Unsubscribe | null = null;
  #lastPublished: string | null = null;
  #latest: ChannelState | null = null;
  #available = false;

  readonly #host: CtiHost;
  readonly #logger: ChannelLogger;
  readonly #onCommand: (command: ChannelCommand) => void;
  readonly #onError: (message: string) => void;
  readonly #admits: (command: ChannelCommand) => boolean;

  /** `admits` refuses commands the call center does not allow (see channel-guard.ts). */
  constructor(
    host: CtiHost,
    logger: ChannelLogger,
    onCommand: (command: ChannelCommand) => void,
    onError: (message: string) => void,
    admits: (command: ChannelCommand) => boolean = () => true
  ) {
    this.#host = host;
    this.#logger = logger;
    this.#onCommand = onCommand;
    this.#onError = onError;
    this.#admits = admits;
  }

  /** False where the host has no message service (Classic). */
  async start(): Promise<boolean> {
    try {
      this.#unsubscribe = await this.#host.subscribe(CHANNEL_NAME, (message) =>
        this.#receive(message)
      );
      this.#available = true;
    } catch (error) {
      this.#available = false;
      // Classic has no message service: expected, shown as "unavailable", not as an error.
      if (hostErrorCode(error) !== "NOT_AVAILABLE") {
        this.#onError(
          `Message channel unavailable: ${error instanceof Error ? error.message : String(error)}`
        );
      }
    }
    if (this.#available && this.#latest) this.publish(this.#latest, true);
    return this.#available;
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#available = false;
  }

  /** Publishes when the state differs from the last one published (or always, when forced). */
  publish(state: ChannelState, force = false): void {
    this.#latest = state;
    if (!this.#available) return;
    const serialised = JSON.stringify(state);
    if (!force && serialised === this.#lastPublished) return;
    this.#lastPublished = serialised;
    const message: ChannelMessage = { source: OWN_SOURCE, type: "state", payload: state };
    this.#host.publish(CHANNEL_NAME, message).catch((error: unknown) => {
      this.#lastPublished = null;
      this.#onError(
        `Could not publish state: ${error instanceof Error ? error.message : String(error)}`
      );
    });
  }

  #receive(message: unknown): void {
    try {
      const read = readChannelMessage(message);
      if (read.kind === "own") return;
      if (read.kind === "invalid") {
        this.#logger.warn(`Softphone__c: ignored a message: ${read.reason}`);
        return;
      }
      if (!this.#admits(read.command)) return;
      if (read.command.type === "requestState") {
        if (this.#latest) this.publish(this.#latest, true);
        return;
      }
      this.#onCommand(read.command);
    } catch (error) {
      this.#logger.warn(
        `Softphone__c: ignored a message: ${error instanceof Error ? error.message : String(error)}`
      );
    }
  }
}
