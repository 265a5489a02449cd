import { PhoneError } from "../phone";
import {
  callFailure,
  isPermanentRegistrationError,
  mediaError,
  registrationError,
  unreachableError
} from "./errors";

describe("registrationError", () => {
  it.each([401, 403, 407])("%i is AUTH_FAILED and permanent", (code) => {
    const e = registrationError(code, "Forbidden");
    expect(e).toBeInstanceOf(PhoneError);
    expect(e.code).toBe("AUTH_FAILED");
    expect(e.message).toMatch(/user name or password/);
    expect(e.message).toContain(`${code} Forbidden`);
    expect(isPermanentRegistrationError(e)).toBe(true);
  });

  it("404 is NOT_FOUND and permanent", () => {
    const e = registrationError(404, "Not Found");
    expect(e.code).toBe("NOT_FOUND");
    expect(isPermanentRegistrationError(e)).toBe(true);
  });

  it.each([408, 500, 503])("%i is UNREACHABLE and retried", (code) => {
    const e = registrationError(code);
    expect(e.code).toBe("UNREACHABLE");
    expect(isPermanentRegistrationError(e)).toBe(false);
  });
});

describe("unreachableError", () => {
  it("names the URL and the cause", () => {
    const e = unreachableError("wss://pbx.example.com/ws", new Error("WebSocket closed"));
    expect(e.code).toBe("UNREACHABLE");
    expect(e.message).toContain("wss://pbx.example.com/ws");
    expect(e.message).toContain("WebSocket closed");
  });
});

describe("callFailure", () => {
  it.each([
    [486, "rejected", "CALL_FAILED", /Busy/],
    [600, "rejected", "CALL_FAILED", /Busy/],
    [603, "rejected", "CALL_FAILED", /declined/],
    [404, "rejected", "NOT_FOUND", /not found/],
    [484, "rejected", "NOT_FOUND", /not found/],
    [503, "failed", "UNREACHABLE", /could not be completed/],
    [403, "failed", "AUTH_FAILED", /refused/],
    [488, "rejected", "CALL_FAILED", /failed/]
  ])("%i → %s / %s", (code, reason, errorCode, message) => {
    const f = callFailure(code as number);
    expect(f.reason).toBe(reason);
    expect(f.error.code).toBe(errorCode);
    expect(f.error.message).toMatch(message as RegExp);
  });
});

describe("mediaError", () => {
  it("maps permission and device errors to MEDIA_DENIED", () => {
    expect(mediaError(Object.assign(new Error("x"), { name: "NotAllowedError" })).code).toBe(
      "MEDIA_DENIED"
    );
    expect(mediaError({ name: "NotFoundError" }).code).toBe("MEDIA_DENIED");
  });
  it("keeps PhoneErrors and wraps anything else as CALL_FAILED", () => {
    const original = new PhoneError("INVALID_STATE", "x");
    expect(mediaError(original)).toBe(original);
    expect(mediaError(new Error("boom")).code).toBe("CALL_FAILED");
    expect(mediaError("weird").message).toContain("weird");
  });
});
