import { readCallerMatches, readDirectory, readLoggedCall, readSipAccount } from "./crm";

describe("readCallerMatches", () => {
  it("reads matches from a JSON string or an object", () => {
    const json = JSON.stringify({
      matches: [
        {
          id: "003000000000001AAA",
          name: "Ada",
          objectType: "Contact",
          phone: "+1",
          accountId: "001000000000001",
          accountName: "Acme"
        },
        { id: "00Q000000000001", name: "Bob", objectType: "Lead" }
      ]
    });
    expect(readCallerMatches(json)).toEqual({
      ok: true,
      value: [
        {
          id: "003000000000001AAA",
          name: "Ada",
          objectType: "Contact",
          phone: "+1",
          accountId: "001000000000001",
          accountName: "Acme"
        },
        { id: "00Q000000000001", name: "Bob", objectType: "Lead" }
      ]
    });
    expect(readCallerMatches({ matches: [] })).toEqual({ ok: true, value: [] });
  });

  it("drops entries outside the contract and caps the list", () => {
    const matches = [
      { id: "bad", name: "x", objectType: "Contact" },
      { id: "003000000000001", name: "x", objectType: "<b>" },
      { id: "003000000000002", objectType: "Contact" },
      "string",
      ...Array.from({ length: 30 }, (_, i) => ({
        id: `0030000000001${String(i).padStart(2, "0")}`,
        name: "n",
        objectType: "Contact"
      }))
    ];
    const result = readCallerMatches({ matches });
    expect(result.ok && result.value[0]).toEqual({
      id: "003000000000002",
      name: "003000000000002",
      objectType: "Contact"
    });
    expect(result.ok && result.value.length).toBe(17);
  });

  it("reports errors, non-JSON and missing lists", () => {
    expect(readCallerMatches('{"error":"INVALID_PHONE","message":"too short"}')).toEqual({
      ok: false,
      message: "The caller lookup failed: INVALID_PHONE: too short"
    });
    expect(readCallerMatches({ error: 5 })).toEqual({
      ok: false,
      message: "The caller lookup failed: ERROR"
    });
    expect(readCallerMatches("<html>")).toMatchObject({ ok: false });
    expect(readCallerMatches("[1]")).toMatchObject({ ok: false });
    expect(readCallerMatches(42)).toMatchObject({ ok: false });
    expect(readCallerMatches({})).toMatchObject({
      ok: false,
      message: expect.stringContaining("no matches")
    });
  });
});

describe("readDirectory", () => {
  it("reads entries and drops malformed ones", () => {
    const result = readDirectory({
      entries: [
        { name: "Sales desk", number: "2001", kind: "directory", description: "Queue" },
        { name: "Grace", number: "+14155550101", kind: "user" },
        { name: "No number", kind: "user" },
        { name: "Bad kind", number: "1", kind: "robot" },
        null
      ]
    });
    expect(result).toEqual({
      ok: true,
      value: [
        { name: "Sales desk", number: "2001", kind: "directory", description: "Queue" },
        { name: "Grace", number: "+14155550101", kind: "user" }
      ]
    });
  });

  it("reports errors", () => {
    expect(readDirectory('{"error":"FORBIDDEN"}')).toMatchObject({ ok: false });
    expect(readDirectory("nope")).toMatchObject({ ok: false });
    expect(readDirectory({})).toMatchObject({ ok: false });
  });
});

describe("readSipAccount", () => {
  it("reads credentials", () => {
    expect(
      readSipAccount(
        '{"username":"1001","password":"pw","displayName":"Ada","authorizationUser":"a1001"}'
      )
    ).toEqual({
      ok: true,
      value: { username: "1001", password: "pw", displayName: "Ada", authorizationUser: "a1001" }
    });
    expect(readSipAccount({ username: "1001", password: "pw" })).toEqual({
      ok: true,
      value: { username: "1001", password: "pw" }
    });
  });

  it("explains a missing account and rejects incomplete ones", () => {
    expect(readSipAccount({ error: "NOT_PROVISIONED" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("No SIP account")
    });
    expect(readSipAccount({ error: "X", message: "boom" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("boom")
    });
    expect(readSipAccount({ username: "1001" })).toMatchObject({ ok: false });
    expect(readSipAccount(null)).toMatchObject({ ok: false });
  });
});

describe("readLoggedCall", () => {
  it("reads a Task id or null, and rejects anything else", () => {
    expect(readLoggedCall('{"taskId":"00T000000000001AAA"}')).toEqual({
      ok: true,
      value: "00T000000000001AAA"
    });
    expect(readLoggedCall({ taskId: null })).toEqual({ ok: true, value: null });
    expect(readLoggedCall({ taskId: "003000000000001" })).toMatchObject({ ok: false });
    expect(readLoggedCall({})).toMatchObject({ ok: false });
    expect(readLoggedCall({ error: "FORBIDDEN" })).toMatchObject({ ok: false });
    expect(readLoggedCall("oops")).toMatchObject({ ok: false });
  });
});
