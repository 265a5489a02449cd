/**
 * Call center items for the call flow: not-ready reasons and the SIP code that refuses calls
 * while not ready, the disposition list and whether one is required, service codes in dial
 * strings. Parsed apart from settings.ts (which calls it) so each feature keeps its own rules.
 */
import type { CallCenterSettings } from "../host/cti-host";
import type { SettingProblem } from "./model";

export const CALL_FLOW_ITEMS = {
  notReadyReasons: "/softphoneSettings/notReadyReasons",
  notReadyResponseCode: "/softphoneSettings/notReadyResponseCode",
  dispositions: "/softphoneSettings/dispositions",
  dispositionRequired: "/softphoneSettings/dispositionRequired",
  allowServiceCodes: "/softphoneSettings/allowServiceCodes"
} as const;

export const DEFAULT_DISPOSITIONS: readonly string[] = [
  "Connected",
  "Left voicemail",
  "No answer",
  "Busy",
  "Wrong number"
];
/** 486 Busy Here: the caller's PBX tries the next agent or voicemail. */
export const DEFAULT_NOT_READY_CODE = 486;
/** Codes a PBX treats as "this agent cannot take it now" (RFC 3261 §21.4, §21.6). */
export const NOT_READY_CODES: readonly number[] = [480, 486, 603];

const MAX_LIST = 20;
const MAX_LABEL = 40;
/** A label is plain text: no commas (the separator) and no control characters. */
const LABEL = /^[^\u0000-\u001f\u007f,]{1,40}$/;

export interface CallFlowSettings {
  notReadyReasons: string[];
  notReadyResponseCode: number;
  dispositions: string[];
  dispositionRequired: boolean;
  allowServiceCodes: boolean;
}

export const DEFAULT_CALL_FLOW: CallFlowSettings = {
  notReadyReasons: [],
  notReadyResponseCode: DEFAULT_NOT_READY_CODE,
  dispositions: [...DEFAULT_DISPOSITIONS],
  dispositionRequired: false,
  allowServiceCodes: false
};

function read(raw: CallCenterSettings, item: string): string {
  const value = Object.prototype.hasOwnProperty.call(raw, item) ? raw[item] : undefined;
  return typeof value === "string" ? value.trim() : "";
}

function shown(value: string): string {
  return value.length > 100 ? `${value.slice(0, 100)}…` : value;
}

/** A comma-separated list of short labels; duplicates (any letter case) are dropped. */
export function parseLabelList(value: string): string[] | null {
  const labels = value
    .split(",")
    .map((label) => label.trim())
    .filter((label) => label !== "");
  if (labels.length > MAX_LIST || labels.some((label) => !LABEL.test(label))) return null;
  const seen = new Set<string>();
  return labels.filter((label) => {
    const key = label.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads the call-flow items; bad values become problems naming the item. */
export function parseCallFlowSettings(raw: CallCenterSettings): {
  settings: CallFlowSettings;
  problems: SettingProblem[];
} {
  const problems: SettingProblem[] = [];
  const settings: CallFlowSettings = { ...DEFAULT_CALL_FLOW };
  const listAllowed = `comma-separated labels (up to ${MAX_LIST}, each up to ${MAX_LABEL} characters)`;

  const reasons = read(raw, CALL_FLOW_ITEMS.notReadyReasons);
  if (reasons !== "") {
    const parsed = parseLabelList(reasons);
    if (parsed) settings.notReadyReasons = parsed;
    else
      problems.push({
        item: CALL_FLOW_ITEMS.notReadyReasons,
        value: shown(reasons),
        allowed: listAllowed
      });
  }

  const code = read(raw, CALL_FLOW_ITEMS.notReadyResponseCode);
  if (code !== "") {
    if (/^\d{3}$/.test(code) && NOT_READY_CODES.includes(Number(code))) {
      settings.notReadyResponseCode = Number(code);
    } else {
      problems.push({
        item: CALL_FLOW_ITEMS.notReadyResponseCode,
        value: shown(code),
        allowed: `one of ${NOT_READY_CODES.join(", ")} (empty: ${DEFAULT_NOT_READY_CODE})`
      });
    }
  }

  const dispositions = read(raw, CALL_FLOW_ITEMS.dispositions);
  if (dispositions !== "") {
    const parsed = parseLabelList(dispositions);
    if (parsed && parsed.length > 0) settings.dispositions = parsed;
    else
      problems.push({
        item: CALL_FLOW_ITEMS.dispositions,
        value: shown(dispositions),
        allowed: listAllowed
      });
  }

  settings.dispositionRequired = flag(raw, CALL_FLOW_ITEMS.dispositionRequired, problems);
  settings.allowServiceCodes = flag(raw, CALL_FLOW_ITEMS.allowServiceCodes, problems);
  return { settings, problems };
}

function flag(raw: CallCenterSettings, item: string, problems: SettingProblem[]): boolean {
  const value = read(raw, item).toLowerCase();
  if (value === "" || value === "false") return false;
  if (value === "true") return true;
  problems.push({ item, value: shown(read(raw, item)), allowed: "true or false (empty: false)" });
  return false;
}
