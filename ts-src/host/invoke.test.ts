import { isHostError } from "./cti-host";
import { OpenCtiError, isOpenCtiError } from "./errors";
import {
  DEFAULT_CALL_OPTIONS,
  apexNameProblem,
  failure,
  invoke,
  invokeWithoutCallback,
  parseApexResult,
  resolveCallOptions,
  success,
  toQueryString
} from "./invoke";

const options = resolveCallOptions({
  timeoutMs: 1000,
  containerRetries: 3,
  retryBaseDelayMs: 100,
  retryMaxDelayMs: 250
});
const interpretOk = (response: unknown) => success(response);

describe("invoke", () => {
  afterEach(() => jest.useRealTimers());

  it("resolves with the interpreted callback response", async () => {
    await expect(invoke("m", (cb) => cb("hello"), interpretOk, options)).resolves.toBe("hello");
  });

  it("rejects with TIMEOUT when the callback never comes, and ignores a late callback", async () => {
    jest.useFakeTimers();
    let late: ((response: unknown) => void) | undefined;
    const promise = invoke("getCallCenterSettings", (cb) => (late = cb), interpretOk, options);
    const settled = promise.catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(999);
    let done = false;
    void settled.then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    const error = await settled;
    expect(error).toBeInstanceOf(OpenCtiError);
    expect(error).toMatchObject({ code: "TIMEOUT", method: "getCallCenterSettings" });
    expect(() => late?.("too late")).not.toThrow();
  });

  it("uses a 10 second timeout by default", async () => {
    jest.useFakeTimers();
    expect(DEFAULT_CALL_OPTIONS.timeoutMs).toBe(10_000);
    const settled = invoke("m", () => undefined, interpretOk, resolveCallOptions({})).catch(
      (e: unknown) => e
    );
    await jest.advanceTimersByTimeAsync(9_999);
    await jest.advanceTimersByTimeAsync(1);
    await expect(settled).resolves.toMatchObject({ code: "TIMEOUT" });
  });

  it("retries SOFTPHONE_CONTAINER_ERROR with doubling, capped delays and then succeeds", async () => {
    jest.useFakeTimers();
    const attempts: number[] = [];
    const start = (cb: (response: unknown) => void) => {
      attempts.push(Date.now());
      cb(attempts.length < 4 ? "not ready" : "ready");
    };
    const interpret = (response: unknown) =>
      response === "ready"
        ? success(response)
        : failure<string>(new OpenCtiError("m", "SOFTPHONE_CONTAINER_ERROR", "not initialised"));
    const promise = invoke("m", start, interpret, options);
    await jest.advanceTimersByTimeAsync(1000);
    await expect(promise).resolves.toBe("ready");
    const gaps = attempts.slice(1).map((at, index) => at - (attempts[index] ?? 0));
    expect(gaps).toEqual([100, 200, 250]);
  });

  it("gives up after the configured retries with the container error", async () => {
    jest.useFakeTimers();
    let calls = 0;
    const promise = invoke(
      "m",
      (cb) => {
        calls++;
        cb(null);
      },
      () => failure(new OpenCtiError("m", "SOFTPHONE_CONTAINER_ERROR", "not ready")),
      options
    ).catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(5000);
    await expect(promise).resolves.toMatchObject({ code: "SOFTPHONE_CONTAINER_ERROR" });
    expect(calls).toBe(4);
  });

  it("does not retry other errors", async () => {
    let calls = 0;
    const error = await invoke(
      "m",
      (cb) => {
        calls++;
        cb(null);
      },
      () => failure(new OpenCtiError("m", "SERVER_ERROR", "boom")),
      options
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SERVER_ERROR" });
    expect(calls).toBe(1);
  });

  it("turns a synchronous throw into INVALID_PARAM and a throwing interpreter into GENERIC_ERROR", async () => {
    await expect(
      invoke(
        "m",
        () => {
          throw new Error("sforce exploded");
        },
        interpretOk,
        options
      )
    ).rejects.toMatchObject({ code: "INVALID_PARAM", description: "sforce exploded" });
    // Salesforce's library may throw a bare string: the same typed error.
    await expect(
      invoke(
        "m",
        () => {
          throw "Failed to initialize Open CTI";
        },
        interpretOk,
        { ...options, containerRetries: 3 }
      )
    ).rejects.toMatchObject({
      code: "INVALID_PARAM",
      description: "Failed to initialize Open CTI"
    });
    await expect(
      invoke(
        "m",
        (cb) => cb(1),
        () => {
          throw new Error("bad shape");
        },
        options
      )
    ).rejects.toMatchObject({ code: "GENERIC_ERROR", description: "bad shape" });
  });

  it("invokeWithoutCallback resolves after the call and rejects when it throws", async () => {
    const calls: string[] = [];
    await invokeWithoutCallback("x", () => calls.push("x"));
    expect(calls).toEqual(["x"]);
    await expect(
      invokeWithoutCallback("y", () => {
        throw new Error("nope");
      })
    ).rejects.toMatchObject({ code: "INVALID_PARAM", method: "y" });
  });

  it("refuses negative or non-numeric options", () => {
    expect(() => resolveCallOptions({ timeoutMs: -1 })).toThrow(RangeError);
    expect(() => resolveCallOptions({ containerRetries: Number.NaN })).toThrow(RangeError);
    expect(resolveCallOptions({ timeoutMs: undefined })).toEqual(DEFAULT_CALL_OPTIONS);
  });
});

describe("toQueryString", () => {
  it("encodes every key and value", () => {
    expect(
      toQueryString({
        phone: "+1 (212) 555-5555",
        "a&b": "x=y",
        empty: null,
        skipped: undefined,
        n: 5
      })
    ).toBe("phone=%2B1%20(212)%20555-5555&a%26b=x%3Dy&empty=&n=5");
    expect(
      new URLSearchParams(toQueryString({ phone: "+1 212", note: "a+b&c" })).get("phone")
    ).toBe("+1 212");
  });
});

describe("parseApexResult", () => {
  it("parses JSON objects and arrays and leaves everything else alone", () => {
    expect(parseApexResult('{"matches":[]}')).toEqual({ matches: [] });
    expect(parseApexResult(" [1,2] ")).toEqual([1, 2]);
    expect(parseApexResult("12345")).toBe("12345");
    expect(parseApexResult("{not json")).toBe("{not json");
    expect(parseApexResult(null)).toBeNull();
  });
});

describe("apexNameProblem", () => {
  it("accepts class and namespaced class names", () => {
    expect(apexNameProblem("SoftphoneCallerLookup", "findByPhone")).toBeNull();
    expect(apexNameProblem("acme.SoftphoneCallerLookup", "findByPhone")).toBeNull();
  });

  it("rejects empty, malformed or injected names", () => {
    expect(apexNameProblem("", "m")).toMatch(/required/);
    expect(apexNameProblem("a.b.c", "m")).toMatch(/not a valid/);
    expect(apexNameProblem("Bad Name", "m")).toMatch(/not a valid/);
    expect(apexNameProblem("Double__Underscore", "m")).toMatch(/not a valid/);
    expect(apexNameProblem("Cls", "")).toMatch(/required/);
    expect(apexNameProblem("Cls", "m()")).toMatch(/not a valid/);
  });
});

describe("OpenCtiError", () => {
  it("takes the first Open CTI error and keeps all of them", () => {
    const error = OpenCtiError.fromErrors("saveLog", [
      { code: "GENERIC_ERROR", description: "first", details: [{ message: "x" }] },
      { code: "SERVER_ERROR", description: "second" }
    ]);
    expect(error).toMatchObject({ code: "GENERIC_ERROR", description: "first", method: "saveLog" });
    expect(error.details).toEqual([{ message: "x" }]);
    expect(error.errors).toHaveLength(2);
    expect(error.message).toBe("saveLog: GENERIC_ERROR: first");
    expect(isOpenCtiError(error) && isHostError(error)).toBe(true);
  });

  it("maps unknown codes and missing errors to GENERIC_ERROR", () => {
    expect(OpenCtiError.fromErrors("m", [{ code: "WEIRD", description: "d" }]).code).toBe(
      "GENERIC_ERROR"
    );
    expect(OpenCtiError.fromErrors("m", null).description).toMatch(/without an error description/);
    expect(OpenCtiError.fromMessage("m", "").description).toBe("The call failed.");
    expect(isHostError(new Error("plain"))).toBe(false);
  });
});
