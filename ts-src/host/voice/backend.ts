/**
 * The Salesforce side the connector page reaches: one allow-listed Apex entry point
 * (`SoftphoneVoiceController.invoke(action, payload)`, a Visualforce remote action) that the
 * caller lookup, the directory, the SIP account and the VoiceCall writer go through. Results
 * are JSON strings like the Open CTI runApex ones: `{"error": CODE, "message": …}` on failure.
 */
import type { HostError, HostErrorCode } from "../cti-host";

export type VoiceAction =
  | "findByPhone"
  | "searchDirectory"
  | "getSipAccount"
  | "findVoiceCall"
  | "createVoiceCall"
  | "finishVoiceCall";

export interface VoiceBackend {
  invoke(action: VoiceAction, payload: string): Promise<unknown>;
}

/** What the Voice host rejects with; shaped like every other host's errors for core. */
export class VoiceHostError extends Error implements HostError {
  constructor(
    readonly method: string,
    readonly code: HostErrorCode,
    readonly description: string,
    readonly details?: unknown
  ) {
    super(`${method}: ${code}: ${description}`);
    this.name = "VoiceHostError";
  }
}

/** Parses a JSON result; `null` when it is not a JSON object. */
export function resultObject(result: unknown): Record<string, unknown> | null {
  let value = result;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** The `{"error", "message"}` an Apex action answered with, as one readable line. */
export function resultError(object: Record<string, unknown>): string | null {
  if (object.error === undefined || object.error === null) return null;
  const code = String(object.error).slice(0, 80);
  const message = typeof object.message === "string" ? object.message.slice(0, 500) : "";
  return message ? `${code}: ${message}` : code;
}
