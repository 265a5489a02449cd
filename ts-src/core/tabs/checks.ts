/**
 * The small checks every tab message is built from: exact keys, bounded text without control
 * characters, ids, optional fields, payload size.
 */
import { MAX_INPUT_LENGTH } from "../dialing";
import { isRecord, isSalesforceId } from "../ids";

export const MAX_TEXT = 2_000;
export const MAX_PAYLOAD_CHARS = 64_000;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export type Payload = Record<string, unknown>;

export function onlyKeys(object: Payload, allowed: readonly string[]): string | null {
  const extra = Object.keys(object).find((key) => !allowed.includes(key));
  return extra === undefined ? null : `unexpected key "${extra.slice(0, 40)}"`;
}

export function text(value: unknown, max = MAX_TEXT): value is string {
  return typeof value === "string" && value.length <= max && !CONTROL.test(value);
}

export function id(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_.:-]{1,64}$/.test(value);
}

/**
 * What the agent typed as a number: short text. The leader's store checks it as it would in its
 * own tab (and shows every tab the same message for letters or a bad format).
 */
export function typedNumber(value: unknown): value is string {
  return text(value, MAX_INPUT_LENGTH) && value.trim() !== "";
}

export function optional(value: unknown, check: (v: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

export function fitsSize(value: unknown, max = MAX_PAYLOAD_CHARS): boolean {
  try {
    return JSON.stringify(value).length <= max;
  } catch {
    return false;
  }
}

export function relatedRecord(value: unknown): boolean {
  return (
    isRecord(value) &&
    onlyKeys(value, ["id", "name", "objectType"]) === null &&
    isSalesforceId(value.id) &&
    optional(value.name, (v) => text(v, 255)) &&
    optional(value.objectType, (v) => text(v, 80))
  );
}

/** Arguments per forwarded action: the same limits the store applies, checked before it runs. */
