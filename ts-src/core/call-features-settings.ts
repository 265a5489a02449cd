/**
 * The call center's `callFeatures` section: the PBX conference to REFER both legs into, the
 * PBX feature codes offered as buttons during calls and on directory entries, and the
 * recorded messages an agent can drop into a call. Lists are `Name=value` pairs separated by
 * commas, the same grammar the validator (scripts/callcenter/rules-call-features.mjs) checks.
 */
import type { CallCenterSettings } from "../host/cti-host";

export const CALL_FEATURE_ITEMS = {
  conferenceUri: "/callFeatures/conferenceUri",
  featureCodes: "/callFeatures/featureCodes",
  supervisorCodes: "/callFeatures/supervisorCodes",
  voicemailMessages: "/callFeatures/voicemailMessages"
} as const;

/** A code sent during a call: DTMF digits, or a SIP URI the call is transferred to (REFER). */
export interface FeatureCode {
  name: string;
  kind: "digits" | "uri";
  value: string;
}

/** A supervisor code dialed for a directory entry: `{ext}` becomes the entry's digits. */
export interface SupervisorCode {
  name: string;
  template: string;
}

/** A recorded message: a static resource path (`/resource/...`) played into the call. */
export interface VoicemailMessage {
  name: string;
  path: string;
}

export interface CallFeatureSettings {
  /** null: conferences are mixed in the browser. */
  conferenceUri: string | null;
  featureCodes: FeatureCode[];
  supervisorCodes: SupervisorCode[];
  voicemailMessages: VoicemailMessage[];
}

export type ReportProblem = (item: string, value: string, allowed: string) => void;

export const MAX_FEATURE_ENTRIES = 12;
const NAME = /^[^=,\u0000-\u001f]{1,40}$/;
const DTMF = /^[0-9*#A-D]{1,32}$/;
const SIP_URI = /^sips?:[^\s,<>"{}]{1,250}$/i;
const RESOURCE_PATH = /^\/resource\/(?:\d+\/)?[A-Za-z][A-Za-z0-9_]*(?:\/[A-Za-z0-9_.-]+)*$/;
const EXT = "{ext}";

export const NO_CALL_FEATURES: CallFeatureSettings = {
  conferenceUri: null,
  featureCodes: [],
  supervisorCodes: [],
  voicemailMessages: []
};

function read(raw: CallCenterSettings, item: string): string {
  const value = Object.prototype.hasOwnProperty.call(raw, item) ? raw[item] : undefined;
  return typeof value === "string" ? value.trim() : "";
}

/** `Name=value, Name2=value2` → pairs; null when the text does not have that shape. */
export function readPairs(text: string): Array<{ name: string; value: string }> | null {
  if (text === "") return [];
  const pairs: Array<{ name: string; value: string }> = [];
  for (const part of text.split(",")) {
    const at = part.indexOf("=");
    if (at < 0) return null;
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (!NAME.test(name) || value === "") return null;
    if (pairs.some((p) => p.name.toLowerCase() === name.toLowerCase())) return null;
    pairs.push({ name, value });
  }
  return pairs.length > MAX_FEATURE_ENTRIES ? null : pairs;
}

function isSupervisorTemplate(value: string): boolean {
  if (value.split(EXT).length !== 2) return false;
  const sample = value.replace(EXT, "1");
  return DTMF.test(sample) || SIP_URI.test(sample);
}

/** Parses the section; every bad item is reported and left empty. Never throws. */
export function parseCallFeatures(
  raw: CallCenterSettings,
  report: ReportProblem
): CallFeatureSettings {
  const conference = read(raw, CALL_FEATURE_ITEMS.conferenceUri);
  let conferenceUri: string | null = null;
  if (conference !== "") {
    if (SIP_URI.test(conference) || /^[0-9*#]{1,32}$/.test(conference)) conferenceUri = conference;
    else
      report(
        CALL_FEATURE_ITEMS.conferenceUri,
        conference,
        "empty (mix conferences in the browser), a sip: URI or a number of the PBX conference room"
      );
  }
  const list = <T>(
    item: string,
    allowed: string,
    make: (name: string, value: string) => T | null
  ): T[] => {
    const text = read(raw, item);
    const pairs = readPairs(text);
    const made = pairs?.map((p) => make(p.name, p.value));
    if (!made || made.some((m) => m === null)) {
      report(item, text, allowed);
      return [];
    }
    return made as T[];
  };
  const listShape = `comma-separated Name=value pairs (at most ${MAX_FEATURE_ENTRIES}, names up to 40 characters, each once)`;
  const featureCodes = list(
    CALL_FEATURE_ITEMS.featureCodes,
    `${listShape}; values are DTMF digits (0-9 * # A-D) or a sip: URI, e.g. Pause recording=*1,Park=*70`,
    (name, value): FeatureCode | null => {
      if (DTMF.test(value)) return { name, kind: "digits", value };
      if (SIP_URI.test(value)) return { name, kind: "uri", value };
      return null;
    }
  );
  const supervisorCodes = list(
    CALL_FEATURE_ITEMS.supervisorCodes,
    `${listShape}; each value holds {ext} once, e.g. Listen=*81{ext},Whisper=*82{ext}`,
    (name, value): SupervisorCode | null =>
      isSupervisorTemplate(value) ? { name, template: value } : null
  );
  const voicemailMessages = list(
    CALL_FEATURE_ITEMS.voicemailMessages,
    `${listShape}; values are static resource paths, e.g. Callback=/resource/VoicemailCallback/callback.mp3`,
    (name, value): VoicemailMessage | null =>
      RESOURCE_PATH.test(value) && !value.includes("..") ? { name, path: value } : null
  );
  return { conferenceUri, featureCodes, supervisorCodes, voicemailMessages };
}

/** A supervisor code for an extension; null when the entry's number has no digits to put in. */
export function supervisorDialString(code: SupervisorCode, number: string): string | null {
  const digits = number.replace(/[^0-9]/g, "");
  if (digits === "" || digits.length > 15) return null;
  return code.template.replace(EXT, digits);
}
