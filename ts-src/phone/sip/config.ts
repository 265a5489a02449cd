/**
 * SipPhone configuration: what the call center's sipSettings provide, checked before any
 * connection is attempted so a bad value gives one clear CONFIG error instead of a hang.
 */
import type { MediaDevicesLike } from "../devices";
import { PhoneError, type PhoneRinger } from "../phone";

/** Key/value storage for the stable +sip.instance id (never for credentials). */
export interface InstanceIdStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** Browser media, injectable so tests and hosts can substitute devices or elements. */
export interface SipMediaOptions {
  getUserMedia?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  /** Creates the element that plays a call's remote audio; removed when the call ends. */
  createAudioElement?: () => HTMLAudioElement;
  /** Device list and hot-plug events; default `navigator.mediaDevices`. */
  mediaDevices?: MediaDevicesLike;
}

/** Where `online` / `offline` events come from; default `window`. */
export interface NetworkEvents {
  addEventListener(type: "online" | "offline", listener: () => void): void;
  removeEventListener(type: "online" | "offline", listener: () => void): void;
}

export interface SipPhoneConfig {
  /** `wss://pbx.example.com:8089/ws`; `ws://` only for localhost / 127.0.0.1 / [::1]. */
  webSocketUrl: string;
  /** Domain of the agents' addresses of record (sip:user@sipDomain). */
  sipDomain: string;
  /** `stun:` / `turn:` / `turns:` URLs; empty means host candidates only. */
  iceServers: string[];
  /** A UUID; when absent one is read from (or written to) `storage`, else generated. */
  instanceId?: string;
  storage?: InstanceIdStorage;
  media?: SipMediaOptions;
  /** Registration lifetime asked of the registrar, in seconds. */
  registerExpires?: number;
  /** Caps on the reconnect back-off, in milliseconds. */
  reconnect?: { baseMs?: number; maxMs?: number };
  /** How long ICE gathering may take before the offer/answer is sent anyway. */
  iceGatheringTimeoutMs?: number;
  /**
   * How long a connected call is kept while the WebSocket (or its audio path) is lost, in
   * seconds: 0–300, default 30. 0 ends calls at once when the connection drops.
   */
  reconnectGraceSeconds?: number;
  /** How often a connected call's quality is sampled (getStats), ms; default 2000. */
  qualityIntervalMs?: number;
  /** Rings for incoming calls (platform/ringer.ts); none: the phone stays silent. */
  ringer?: PhoneRinger;
  network?: NetworkEvents;
}

export interface ValidSipConfig {
  webSocketUrl: string;
  sipDomain: string;
  iceServers: RTCIceServer[];
  registerExpires: number;
  reconnectBaseMs: number;
  reconnectMaxMs: number;
  iceGatheringTimeoutMs: number;
  reconnectGraceMs: number;
  qualityIntervalMs: number;
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
// A DNS name or an IPv4 literal; SIP domains never carry ports or paths.
const DOMAIN =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const ICE_URL = /^(stun|stuns|turn|turns):[^\s,]+$/i;

function configError(item: string, value: unknown, allowed: string): PhoneError {
  const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  return new PhoneError("CONFIG", `SIP setting ${item} is ${shown}; ${allowed}`);
}

export function validateWebSocketUrl(value: unknown): string {
  const allowed =
    "expected a wss:// URL such as wss://pbx.example.com:8089/ws (ws:// only for localhost)";
  if (typeof value !== "string" || value.trim() === "")
    throw configError("webSocketUrl", value, allowed);
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw configError("webSocketUrl", value, allowed);
  }
  if (url.username || url.password)
    throw configError("webSocketUrl", value, "it must not carry credentials");
  if (url.protocol === "wss:") return url.toString();
  if (url.protocol === "ws:" && LOCAL_HOSTS.has(url.hostname)) return url.toString();
  throw configError("webSocketUrl", value, allowed);
}

export function validateSipDomain(value: unknown): string {
  if (typeof value !== "string" || !DOMAIN.test(value.trim()))
    throw configError("sipDomain", value, "expected a domain name such as pbx.example.com");
  return value.trim().toLowerCase();
}

export function parseIceServers(value: unknown): RTCIceServer[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw configError("iceServers", value, "expected a list of stun:/turn: URLs");
  return value
    .map((entry) => (typeof entry === "string" ? entry.trim() : entry))
    .filter((entry) => entry !== "")
    .map((entry) => {
      if (typeof entry !== "string" || !ICE_URL.test(entry))
        throw configError(
          "iceServers",
          entry,
          "each entry must be a stun:, stuns:, turn: or turns: URL"
        );
      return { urls: entry };
    });
}

function positiveInt(
  item: string,
  value: unknown,
  fallback: number,
  min: number,
  max: number
): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max)
    throw configError(item, value, `expected a whole number from ${min} to ${max}`);
  return value;
}

export function validateSipConfig(config: SipPhoneConfig): ValidSipConfig {
  if (!config || typeof config !== "object")
    throw new PhoneError("CONFIG", "SIP settings are missing");
  const reconnectBaseMs = positiveInt(
    "reconnect.baseMs",
    config.reconnect?.baseMs,
    1000,
    10,
    60_000
  );
  const reconnectMaxMs = positiveInt(
    "reconnect.maxMs",
    config.reconnect?.maxMs,
    30_000,
    10,
    600_000
  );
  if (reconnectMaxMs < reconnectBaseMs)
    throw configError("reconnect.maxMs", reconnectMaxMs, "it must not be below reconnect.baseMs");
  return {
    webSocketUrl: validateWebSocketUrl(config.webSocketUrl),
    sipDomain: validateSipDomain(config.sipDomain),
    iceServers: parseIceServers(config.iceServers),
    registerExpires: positiveInt("registerExpires", config.registerExpires, 600, 60, 86_400),
    reconnectBaseMs,
    reconnectMaxMs,
    iceGatheringTimeoutMs: positiveInt(
      "iceGatheringTimeoutMs",
      config.iceGatheringTimeoutMs,
      2000,
      100,
      30_000
    ),
    reconnectGraceMs:
      positiveInt("reconnectGraceSeconds", config.reconnectGraceSeconds, 30, 0, 300) * 1000,
    qualityIntervalMs: positiveInt("qualityIntervalMs", config.qualityIntervalMs, 2000, 250, 60_000)
  };
}
