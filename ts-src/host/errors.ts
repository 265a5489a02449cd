/**
 * The one error type every Open CTI call rejects with. It keeps Open CTI's code, description
 * and details (saveLog field errors) and names the method, so callers can react per code.
 */
import type { HostError, HostErrorCode } from "./cti-host";

export type OpenCtiErrorCode = HostErrorCode;

/** One entry of Open CTI's `errors` array (Lightning). */
export interface RawOpenCtiError {
  code: string;
  description: string;
  details?: unknown;
}

const KNOWN_CODES: readonly OpenCtiErrorCode[] = [
  "INVALID_PARAM",
  "GENERIC_ERROR",
  "SERVER_ERROR",
  "SOFTPHONE_CONTAINER_ERROR",
  "TIMEOUT",
  "NOT_AVAILABLE"
];

function toKnownCode(code: unknown): OpenCtiErrorCode {
  return KNOWN_CODES.includes(code as OpenCtiErrorCode)
    ? (code as OpenCtiErrorCode)
    : "GENERIC_ERROR";
}

export class OpenCtiError extends Error implements HostError {
  readonly code: OpenCtiErrorCode;
  readonly description: string;
  readonly details?: unknown;
  readonly method: string;
  /** Every error Open CTI reported for the call (the first one gives code and description). */
  readonly errors: readonly RawOpenCtiError[];

  constructor(
    method: string,
    code: OpenCtiErrorCode,
    description: string,
    details?: unknown,
    errors?: readonly RawOpenCtiError[]
  ) {
    super(`${method}: ${code}: ${description}`);
    this.name = "OpenCtiError";
    this.method = method;
    this.code = code;
    this.description = description;
    if (details !== undefined) this.details = details;
    this.errors = errors ?? [{ code, description, ...(details !== undefined ? { details } : {}) }];
  }

  /** From Lightning's `errors` array; unknown codes become GENERIC_ERROR. */
  static fromErrors(method: string, errors: unknown): OpenCtiError {
    const list = Array.isArray(errors) ? errors.filter(isRawError) : [];
    const first = list[0];
    if (!first)
      return new OpenCtiError(
        method,
        "GENERIC_ERROR",
        "The call failed without an error description."
      );
    return new OpenCtiError(
      method,
      toKnownCode(first.code),
      first.description,
      first.details,
      list
    );
  }

  /** From Classic's `error` string (Classic has no codes). */
  static fromMessage(
    method: string,
    message: unknown,
    code: OpenCtiErrorCode = "GENERIC_ERROR"
  ): OpenCtiError {
    const description =
      typeof message === "string" && message !== "" ? message : "The call failed.";
    return new OpenCtiError(method, code, description);
  }

  static invalidParam(method: string, description: string): OpenCtiError {
    return new OpenCtiError(method, "INVALID_PARAM", description);
  }

  static notAvailable(method: string, description: string): OpenCtiError {
    return new OpenCtiError(method, "NOT_AVAILABLE", description);
  }
}

function isRawError(value: unknown): value is RawOpenCtiError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { code?: unknown; description?: unknown };
  return typeof candidate.code === "string" && typeof candidate.description === "string";
}

export function isOpenCtiError(value: unknown): value is OpenCtiError {
  return value instanceof OpenCtiError;
}
