/**
 * Call center settings: the raw `/section/item` map from getCallCenterSettings turned into
 * typed Settings. Every bad or missing value becomes a SettingProblem naming the item, the
 * value and what is allowed, so the agent sees a setup message instead of a blank panel.
 */
import { isSupportedCountry, type CountryCode } from "./countries";
import type { CallCenterSettings } from "../host/cti-host";
import { parseCallFeatures, type CallFeatureSettings } from "./call-features-settings";
import { parseCallFlowSettings, type CallFlowSettings } from "./call-flow-settings";
import { readChannelCommands, type GuardedCommand } from "./channel-commands";
import type { SettingProblem } from "./model";

export type Provider = "demo" | "sip";
export type ScreenPopMode = "apex" | "layout" | "off";
export type NoMatchPop =
  | { kind: "newContact" }
  | { kind: "newLead" }
  | { kind: "search" }
  | { kind: "none" }
  | { kind: "flow"; flowName: string };
export type DialFormat = "e164" | "prefixes";
export type CredentialsSource = "prompt" | "salesforce";

export interface DialingPrefixes {
  outside: string;
  longDistance: string;
  international: string;
}

export interface SipSettings {
  webSocketUrl: string;
  sipDomain: string;
  iceServers: string[];
  credentials: CredentialsSource;
}

export interface Settings {
  provider: Provider;
  defaultCountry: CountryCode;
  screenPop: ScreenPopMode;
  noMatchPop: NoMatchPop;
  logCalls: boolean;
  /** null: after-call work lasts until the agent saves; 0: log at hang-up; N: save after N s. */
  wrapUpSeconds: number | null;
  dialFormat: DialFormat;
  prefixes: DialingPrefixes;
  /** Present exactly when provider is `sip`. */
  sip?: SipSettings;
  /**
   * How long a connected call is kept while the connection to the phone system is lost
   * (0 ends it at once), in seconds. Read from sipSettings; the demo phone simulates it too.
   */
  reconnectGraceSeconds: number;
  panel: { height: number; width: number };
  /** Consult, conference, voicemail drop and PBX feature codes (core/call-features-settings.ts). */
  features: CallFeatureSettings;
  /** Days a call log, recent call or open-call record may wait in the browser; then dropped. */
  retentionDays?: number;
  /** Presence reasons, dispositions, service codes (core/call-flow-settings.ts). */
  callFlow: CallFlowSettings;
  /** Message-channel commands other components may send; parseSettings always fills it. */
  channelCommands?: readonly GuardedCommand[];
}

export type SettingsResult =
  { ok: true; settings: Settings } | { ok: false; problems: SettingProblem[] };

export const ITEMS = {
  provider: "/softphoneSettings/provider",
  defaultCountry: "/softphoneSettings/defaultCountry",
  screenPop: "/softphoneSettings/screenPop",
  noMatchPop: "/softphoneSettings/noMatchPop",
  logCalls: "/softphoneSettings/logCalls",
  wrapUpSeconds: "/softphoneSettings/wrapUpSeconds",
  dialFormat: "/softphoneSettings/dialFormat",
  retentionDays: "/softphoneSettings/retentionDays",
  channelCommands: "/softphoneSettings/channelCommands",
  outsidePrefix: "/reqDialingOptions/reqOutsidePrefix",
  longDistPrefix: "/reqDialingOptions/reqLongDistPrefix",
  internationalPrefix: "/reqDialingOptions/reqInternationalPrefix",
  webSocketUrl: "/sipSettings/webSocketUrl",
  sipDomain: "/sipSettings/sipDomain",
  iceServers: "/sipSettings/iceServers",
  credentials: "/sipSettings/credentials",
  reconnectGraceSeconds: "/sipSettings/reconnectGraceSeconds",
  height: "/reqGeneralInfo/reqSoftphoneHeight",
  width: "/reqGeneralInfo/reqSoftphoneWidth"
} as const;

const MAX_SHOWN_VALUE = 100;
const MAX_WRAP_UP_SECONDS = 3600;
/** The SIP phone's own bound (phone/sip/config.ts) and default. */
export const MAX_RECONNECT_GRACE_SECONDS = 300;
export const DEFAULT_RECONNECT_GRACE_SECONDS = 30;
const FLOW_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_)){0,79}$/;
const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const PREFIX = /^[0-9*#]{0,6}$/;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
const SECRET_ITEM = /password|passwd|secret|token/i;
const TURN_NEEDS_CREDENTIALS =
  "stun: or stuns: URLs only: a turn:/turns: server needs a user name and credential, which call center items cannot hold safely (every agent reads them); remove it and use a PBX reachable without TURN (see docs/sip.md)";

/** Parses and validates the settings; never throws. */
export function parseSettings(raw: CallCenterSettings): SettingsResult {
  const reader = new Reader(raw);
  const provider = reader.choice(ITEMS.provider, ["demo", "sip"] as const, "demo");
  const country = reader.country(ITEMS.defaultCountry, "US");
  const screenPop = reader.choice(ITEMS.screenPop, ["apex", "layout", "off"] as const, "apex");
  const noMatchPop = reader.noMatchPop(ITEMS.noMatchPop);
  const logCalls = reader.choice(ITEMS.logCalls, ["true", "false"] as const, "true") === "true";
  const wrapUpSeconds = reader.wrapUp(ITEMS.wrapUpSeconds);
  const dialFormat = reader.choice(ITEMS.dialFormat, ["e164", "prefixes"] as const, "e164");
  const prefixes: DialingPrefixes = {
    outside: reader.prefix(ITEMS.outsidePrefix, "9"),
    longDistance: reader.prefix(ITEMS.longDistPrefix, "1"),
    international: reader.prefix(ITEMS.internationalPrefix, "011")
  };
  const panel = {
    height: reader.integer(ITEMS.height, 400, 240, 2560),
    width: reader.integer(ITEMS.width, 340, 200, 1920)
  };
  const retentionDays = reader.integer(ITEMS.retentionDays, 7, 1, 90);
  const sip = provider === "sip" ? reader.sip() : undefined;
  const features = parseCallFeatures(raw, (item, value, allowed) =>
    reader.problems.push({ item, value: shown(value), allowed })
  );
  const reconnectGraceSeconds = reader.integer(
    ITEMS.reconnectGraceSeconds,
    DEFAULT_RECONNECT_GRACE_SECONDS,
    0,
    MAX_RECONNECT_GRACE_SECONDS
  );
  const channelCommands = reader.channelCommands(ITEMS.channelCommands);
  reader.rejectSecrets();
  const callFlow = parseCallFlowSettings(raw);
  reader.problems.push(...callFlow.problems);
  if (reader.problems.length > 0) return { ok: false, problems: reader.problems };
  return {
    ok: true,
    settings: {
      provider,
      defaultCountry: country,
      screenPop,
      noMatchPop,
      logCalls,
      wrapUpSeconds,
      dialFormat,
      prefixes,
      sip,
      panel,
      features,
      retentionDays,
      reconnectGraceSeconds,
      callFlow: callFlow.settings,
      channelCommands
    }
  };
}

/** Shortens a value for a problem message so a huge item cannot flood the setup view. */
function shown(value: string): string {
  return value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE)}…` : value;
}

class Reader {
  readonly problems: SettingProblem[] = [];

  constructor(private readonly raw: CallCenterSettings) {}

  private value(item: string): string | undefined {
    const value = Object.prototype.hasOwnProperty.call(this.raw, item) ? this.raw[item] : undefined;
    return typeof value === "string" ? value.trim() : undefined;
  }

  private problem(item: string, value: string, allowed: string): void {
    this.problems.push({ item, value: shown(value), allowed });
  }

  choice<T extends string>(item: string, allowed: readonly T[], fallback: T): T {
    const value = this.value(item);
    if (value === undefined || value === "") return fallback;
    const found = allowed.find((option) => option.toLowerCase() === value.toLowerCase());
    if (found !== undefined) return found;
    this.problem(item, value, `one of ${allowed.join(", ")}`);
    return fallback;
  }

  country(item: string, fallback: CountryCode): CountryCode {
    const value = this.value(item);
    if (value === undefined || value === "") return fallback;
    const upper = value.toUpperCase();
    if (/^[A-Z]{2}$/.test(upper) && isSupportedCountry(upper)) return upper;
    this.problem(item, value, "an ISO 3166 alpha-2 country code such as US, GB or DE");
    return fallback;
  }

  noMatchPop(item: string): NoMatchPop {
    const value = this.value(item);
    if (value === undefined || value === "") return { kind: "newContact" };
    const simple = ["newContact", "newLead", "search", "none"] as const;
    const found = simple.find((option) => option.toLowerCase() === value.toLowerCase());
    if (found !== undefined) return { kind: found };
    if (value.toLowerCase().startsWith("flow:")) {
      const flowName = value.slice("flow:".length).trim();
      if (FLOW_NAME.test(flowName) && !flowName.endsWith("_")) return { kind: "flow", flowName };
    }
    this.problem(
      item,
      value,
      "newContact, newLead, search, none, or flow:<FlowApiName> (letters, digits and single underscores)"
    );
    return { kind: "newContact" };
  }

  wrapUp(item: string): number | null {
    const value = this.value(item);
    if (value === undefined || value === "") return null;
    if (/^\d{1,4}$/.test(value) && Number(value) <= MAX_WRAP_UP_SECONDS) return Number(value);
    this.problem(
      item,
      value,
      `empty (until the agent saves), 0 (log at hang-up) or whole seconds up to ${MAX_WRAP_UP_SECONDS}`
    );
    return null;
  }

  prefix(item: string, fallback: string): string {
    const value = this.value(item);
    if (value === undefined) return fallback;
    if (PREFIX.test(value)) return value;
    this.problem(item, value, "up to 6 digits (or * and #), or empty for none");
    return fallback;
  }

  integer(item: string, fallback: number, min: number, max: number): number {
    const value = this.value(item);
    if (value === undefined || value === "") return fallback;
    if (/^\d{1,5}$/.test(value) && Number(value) >= min && Number(value) <= max)
      return Number(value);
    this.problem(item, value, `a whole number from ${min} to ${max}`);
    return fallback;
  }

  channelCommands(item: string): readonly GuardedCommand[] {
    const read = readChannelCommands(this.value(item));
    if (read.ok) return read.commands;
    this.problem(item, this.value(item) ?? "", read.allowed);
    return [];
  }

  sip(): SipSettings {
    const webSocketUrl = this.webSocketUrl(ITEMS.webSocketUrl);
    const sipDomain = this.value(ITEMS.sipDomain) ?? "";
    if (!HOST_NAME.test(sipDomain)) {
      this.problem(
        ITEMS.sipDomain,
        sipDomain,
        "the SIP domain of the agents' addresses, e.g. pbx.example.com"
      );
    }
    const iceServers = this.iceServers(ITEMS.iceServers);
    const credentials = this.choice(ITEMS.credentials, ["prompt", "salesforce"] as const, "prompt");
    return { webSocketUrl, sipDomain, iceServers, credentials };
  }

  private webSocketUrl(item: string): string {
    const value = this.value(item) ?? "";
    const allowed = "a wss:// URL such as wss://pbx.example.com:8089/ws (ws:// only for localhost)";
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      this.problem(item, value, allowed);
      return value;
    }
    const secure = url.protocol === "wss:";
    const localPlain = url.protocol === "ws:" && LOOPBACK_HOSTS.has(url.hostname);
    if ((!secure && !localPlain) || url.username !== "" || url.password !== "") {
      this.problem(item, url.password !== "" ? "(contains a password)" : value, allowed);
    }
    return value;
  }

  private iceServers(item: string): string[] {
    const value = this.value(item) ?? "";
    if (value === "") return [];
    const servers = value
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    const bad = servers.filter((s) => !/^(stuns?|turns?):[^\s,]{1,250}$/i.test(s));
    if (bad.length > 0) {
      this.problem(item, value, "comma-separated stun:, stuns:, turn: or turns: URLs, or empty");
    } else if (servers.some((s) => /^turns?:/i.test(s))) {
      // Browsers refuse a TURN server without a user name and credential, and call center
      // items (every agent reads them) are no place for one: refuse it here, clearly.
      this.problem(item, value, TURN_NEEDS_CREDENTIALS);
    }
    return servers;
  }

  /** Call center items are readable by every agent: a password there is a leak, not a setting. */
  rejectSecrets(): void {
    for (const key of Object.keys(this.raw)) {
      const name = key.split("/").pop() ?? key;
      const value = this.raw[key];
      if (SECRET_ITEM.test(name) && typeof value === "string" && value.trim() !== "") {
        this.problem(
          key,
          "(hidden)",
          "no secrets in call center items (every agent can read them): remove it and use credentials=prompt or salesforce"
        );
      }
    }
  }
}
