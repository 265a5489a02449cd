/**
 * Turns one callback-style Open CTI call into a Promise: a bounded wait for the callback
 * (TIMEOUT), and bounded back-off retries while the softphone container is not ready yet.
 */
import { OpenCtiError } from "./errors";

export interface CallOptions {
  /** How long to wait for Open CTI's callback, in ms (default 10 000). */
  timeoutMs?: number;
  /** Retries after SOFTPHONE_CONTAINER_ERROR (default 4; 0 disables). */
  containerRetries?: number;
  /** First retry delay in ms, doubled each time (default 250). */
  retryBaseDelayMs?: number;
  /** Largest retry delay in ms (default 2 000). */
  retryMaxDelayMs?: number;
}

export type ResolvedCallOptions = Required<CallOptions>;

export const DEFAULT_CALL_OPTIONS: ResolvedCallOptions = {
  timeoutMs: 10_000,
  containerRetries: 4,
  retryBaseDelayMs: 250,
  retryMaxDelayMs: 2_000
};

export function resolveCallOptions(options: CallOptions | undefined): ResolvedCallOptions {
  const merged = { ...DEFAULT_CALL_OPTIONS, ...stripUndefined(options ?? {}) };
  for (const [key, value] of Object.entries(merged)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`Open CTI option ${key} must be a number ≥ 0, got ${String(value)}`);
    }
  }
  return merged;
}

function stripUndefined(options: CallOptions): CallOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: OpenCtiError };

export const success = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const failure = <T>(error: OpenCtiError): Outcome<T> => ({ ok: false, error });

/**
 * Calls `start` with a callback and settles with `interpret(response)`. A callback that comes
 * after the timeout is ignored. Salesforce's library checks its arguments synchronously and
 * throws (an Error or a bare string); such a throw rejects with the same typed error a failed
 * callback gives: INVALID_PARAM, never retried.
 */
export function invoke<T>(
  method: string,
  start: (callback: (response: unknown) => void) => void,
  interpret: (response: unknown) => Outcome<T>,
  options: ResolvedCallOptions
): Promise<T> {
  const attempt = (retriesLeft: number, delayMs: number): Promise<T> =>
    callOnce(method, start, interpret, options.timeoutMs).catch((error: unknown) => {
      if (
        !(error instanceof OpenCtiError) ||
        error.code !== "SOFTPHONE_CONTAINER_ERROR" ||
        retriesLeft <= 0
      ) {
        throw error;
      }
      return wait(delayMs).then(() =>
        attempt(retriesLeft - 1, Math.min(delayMs * 2, options.retryMaxDelayMs))
      );
    });
  return attempt(
    options.containerRetries,
    Math.min(options.retryBaseDelayMs, options.retryMaxDelayMs)
  );
}

function callOnce<T>(
  method: string,
  start: (callback: (response: unknown) => void) => void,
  interpret: (response: unknown) => Outcome<T>,
  timeoutMs: number
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      reject(
        new OpenCtiError(
          method,
          "TIMEOUT",
          `Salesforce did not answer ${method} within ${timeoutMs} ms.`
        )
      );
    }, timeoutMs);
    const callback = (response: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      let outcome: Outcome<T>;
      try {
        outcome = interpret(response);
      } catch (error) {
        outcome = failure(OpenCtiError.fromMessage(method, messageOf(error)));
      }
      if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    };
    try {
      start(callback);
    } catch (error) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(thrownByApi(method, error));
    }
  });
}

/** For the few calls Open CTI gives no callback (Classic notifyInitializationComplete, reloadFrame). */
export function invokeWithoutCallback(method: string, start: () => void): Promise<void> {
  try {
    start();
    return Promise.resolve();
  } catch (error) {
    return Promise.reject(thrownByApi(method, error));
  }
}

/** A synchronous throw of the Open CTI library: it refused the arguments. */
export function thrownByApi(method: string, error: unknown): OpenCtiError {
  return OpenCtiError.fromMessage(method, messageOf(error), "INVALID_PARAM");
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : "Unknown error";
}

/** Lone UTF-16 surrogates (a broken paste, a cut string) make encodeURIComponent throw. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** URL-encodes text, replacing lone surrogates with U+FFFD so a note can never block a log. */
function encode(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, "\uFFFD"));
}

/** Builds a query string with every key and value URL-encoded (runApex methodParams, Classic saveLog). */
export function toQueryString(
  params: Readonly<Record<string, string | number | boolean | null | undefined>>
): string {
  return Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${encode(key)}=${encode(value === null ? "" : String(value))}`)
    .join("&");
}

/** runApex results: objects and arrays encoded as JSON are parsed; anything else is returned as is. */
export function parseApexResult(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) return value;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return value;
  }
}

const APEX_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;

/** Checks `ClassName` or `ns.ClassName` and a method name against Apex identifier rules. */
export function apexNameProblem(apexClass: unknown, methodName: unknown): string | null {
  if (typeof apexClass !== "string" || apexClass === "") return "apexClass is required.";
  const parts = apexClass.split(".");
  if (parts.length > 2 || !parts.every((part) => APEX_NAME.test(part) && !part.endsWith("_"))) {
    return `apexClass "${apexClass}" is not a valid Apex class name (ClassName or namespace.ClassName).`;
  }
  if (typeof methodName !== "string" || methodName === "") return "methodName is required.";
  if (!APEX_NAME.test(methodName) || methodName.endsWith("_")) {
    return `methodName "${methodName}" is not a valid Apex method name.`;
  }
  return null;
}
