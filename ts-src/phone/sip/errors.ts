/** Turns SIP response codes and browser errors into the Phone interface's typed errors. */
import { CallEndReason, PhoneError } from "../phone";

/** Registration failures that retrying cannot fix: the agent (or admin) must act. */
export function isPermanentRegistrationError(error: PhoneError): boolean {
  return error.code === "AUTH_FAILED" || error.code === "NOT_FOUND" || error.code === "CONFIG";
}

export function registrationError(statusCode: number, reasonPhrase = ""): PhoneError {
  const detail = `${statusCode}${reasonPhrase ? ` ${reasonPhrase}` : ""}`;
  if (statusCode === 401 || statusCode === 403 || statusCode === 407)
    return new PhoneError(
      "AUTH_FAILED",
      `The phone system refused the SIP user name or password (${detail}). Check them and sign in again.`
    );
  if (statusCode === 404 || statusCode === 604)
    return new PhoneError(
      "NOT_FOUND",
      `The phone system does not know this SIP user (${detail}). Check the user name and the SIP domain.`
    );
  if (statusCode === 408 || statusCode >= 500)
    return new PhoneError(
      "UNREACHABLE",
      `The phone system did not complete the registration (${detail}). Retrying.`
    );
  return new PhoneError("UNREACHABLE", `The phone system rejected the registration (${detail}).`);
}

export function unreachableError(webSocketUrl: string, cause?: unknown): PhoneError {
  const why = cause instanceof Error && cause.message ? ` (${cause.message})` : "";
  return new PhoneError(
    "UNREACHABLE",
    `Cannot reach the phone system at ${webSocketUrl}${why}. Check the network or the WebSocket URL; retrying.`
  );
}

/** Why an outbound call did not connect, from the final response to the INVITE. */
export function callFailure(
  statusCode: number,
  reasonPhrase = ""
): { reason: CallEndReason; error: PhoneError } {
  const detail = `${statusCode}${reasonPhrase ? ` ${reasonPhrase}` : ""}`;
  if (statusCode === 404 || statusCode === 604 || statusCode === 484)
    return {
      reason: "rejected",
      error: new PhoneError("NOT_FOUND", `Number not found (${detail}).`)
    };
  if (statusCode === 486 || statusCode === 600)
    return { reason: "rejected", error: new PhoneError("CALL_FAILED", `Busy (${detail}).`) };
  if (statusCode === 603 || statusCode === 480)
    return {
      reason: "rejected",
      error: new PhoneError("CALL_FAILED", `The call was declined (${detail}).`)
    };
  if (statusCode === 401 || statusCode === 403 || statusCode === 407)
    return {
      reason: "failed",
      error: new PhoneError("AUTH_FAILED", `The phone system refused the call (${detail}).`)
    };
  if (statusCode === 408 || statusCode >= 500)
    return {
      reason: "failed",
      error: new PhoneError("UNREACHABLE", `The call could not be completed (${detail}).`)
    };
  return {
    reason: "rejected",
    error: new PhoneError("CALL_FAILED", `The call failed (${detail}).`)
  };
}

/** getUserMedia and peer connection failures. */
export function mediaError(cause: unknown): PhoneError {
  if (cause instanceof PhoneError) return cause;
  const name =
    cause instanceof Error || (typeof cause === "object" && cause !== null && "name" in cause)
      ? String((cause as { name: unknown }).name)
      : "";
  if (name === "NotAllowedError" || name === "SecurityError" || name === "PermissionDeniedError")
    return new PhoneError(
      "MEDIA_DENIED",
      "Microphone access was denied. Allow the microphone for this site."
    );
  if (name === "NotFoundError" || name === "OverconstrainedError" || name === "NotReadableError")
    return new PhoneError(
      "MEDIA_DENIED",
      "No usable microphone was found. Connect one or pick another."
    );
  const message = cause instanceof Error && cause.message ? cause.message : String(cause);
  return new PhoneError("CALL_FAILED", `The call could not start: ${message}`);
}

/** A call that was not connected yet when the WebSocket dropped: it cannot be recovered. */
export function droppedCallError(): PhoneError {
  return new PhoneError(
    "UNREACHABLE",
    "The connection to the phone system was lost before the call was connected, so the call was ended."
  );
}

/** The grace period ran out before the signalling connection or the audio path came back. */
export function graceExpiredError(lost: "signalling" | "media", graceMs: number): PhoneError {
  const seconds = Math.round(graceMs / 1000);
  return new PhoneError(
    "UNREACHABLE",
    lost === "signalling"
      ? `The connection to the phone system was lost and did not come back within ${seconds} s, so the call was ended.`
      : `The call's audio was lost and did not come back within ${seconds} s, so the call was ended.`
  );
}

/** Call controls that need signalling while the call is being recovered. */
export function reconnectingError(): PhoneError {
  return new PhoneError(
    "INVALID_STATE",
    "The call is reconnecting to the phone system; try again in a moment."
  );
}
