/**
 * The +sip.instance of this browser: stable across reloads so a re-registration replaces the
 * previous binding instead of piling up stale contacts that ring forever.
 */
import { PhoneError } from "../phone";
import type { InstanceIdStorage } from "./config";

export const INSTANCE_ID_KEY = "softphone.sip.instanceId";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string | null | undefined): value is string {
  return typeof value === "string" && UUID.test(value);
}

function newUuid(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function")
    return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function stableInstanceId(
  configured: string | undefined,
  storage: InstanceIdStorage | undefined,
  generate: () => string = newUuid
): string {
  if (configured !== undefined) {
    if (!isUuid(configured))
      throw new PhoneError(
        "CONFIG",
        `SIP instanceId must be a UUID, got ${JSON.stringify(configured)}`
      );
    return configured.toLowerCase();
  }
  let stored: string | null = null;
  try {
    stored = storage?.get(INSTANCE_ID_KEY) ?? null;
  } catch {
    stored = null; // storage blocked (privacy mode): fall back to a per-page id
  }
  if (isUuid(stored)) return stored.toLowerCase();
  const fresh = generate();
  try {
    storage?.set(INSTANCE_ID_KEY, fresh);
  } catch {
    // Not fatal: the id then lasts for this page only.
  }
  return fresh;
}
