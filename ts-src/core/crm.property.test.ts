/**
 * Property-based tests of the runApex result readers: whatever Salesforce (or an attacker with
 * a crafted record) sends back, the readers never throw and hand on only contract-shaped data.
 */
import fc from "fast-check";
import { readCallerMatches, readDirectory, readLoggedCall, readSipAccount } from "./crm";

const RUNS = 3000;
const id = fc.stringMatching(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/);
const taskId = fc.stringMatching(/^00T[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?$/);
const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ minLength: 250, maxLength: 600 })
);
/** Either the value, or its JSON text, as runApex may hand over either. */
const maybeJson = <T>(arb: fc.Arbitrary<T>) =>
  arb.chain((v) => fc.constantFrom<unknown>(v, JSON.stringify(v)));

describe("runApex reader properties", () => {
  it("readSipAccount never throws; ok means a non-empty user name and password of ≤ 255 characters", () => {
    const account = fc.record(
      {
        username: fc.oneof(anyText, fc.anything()),
        password: fc.oneof(anyText, fc.anything()),
        displayName: fc.oneof(anyText, fc.anything()),
        authorizationUser: fc.oneof(anyText, fc.anything()),
        error: fc.oneof(fc.constantFrom("NOT_PROVISIONED", "NO_ACCESS", "FAILED"), fc.anything()),
        message: fc.oneof(anyText, fc.anything())
      },
      { requiredKeys: [] }
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), maybeJson(account)), (result) => {
        const read = readSipAccount(result);
        if (!read.ok) {
          expect(read.message.length).toBeGreaterThan(0);
          expect(read.message.length).toBeLessThan(700);
          return;
        }
        const { username, password, displayName, authorizationUser } = read.value;
        for (const value of [username, password])
          expect(typeof value === "string" && value.length > 0 && value.length <= 255).toBe(true);
        for (const value of [displayName, authorizationUser])
          if (value !== undefined) expect(value.length).toBeLessThanOrEqual(255);
      }),
      { numRuns: RUNS }
    );
  });

  it("readSipAccount: an error never yields credentials, and the password never appears in a message", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 8, maxLength: 40 }),
        fc.string({ minLength: 1, maxLength: 80 }),
        (password, code) => {
          const read = readSipAccount(JSON.stringify({ error: code, password, username: "u" }));
          expect(read.ok).toBe(false);
          if (!read.ok && !code.includes(password)) expect(read.message).not.toContain(password);
        }
      ),
      { numRuns: RUNS }
    );
  });

  it("readLoggedCall never throws; ok means null or a Task Id", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          maybeJson(fc.record({ taskId: fc.oneof(taskId, id, fc.constant(null), fc.anything()) })),
          maybeJson(fc.record({ error: fc.anything(), message: fc.anything() }))
        ),
        (result) => {
          const read = readLoggedCall(result);
          if (read.ok && read.value !== null)
            expect(read.value).toMatch(/^00T[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?$/);
        }
      ),
      { numRuns: RUNS }
    );
  });

  it("readLoggedCall keeps every well-formed Task Id exactly", () => {
    fc.assert(
      fc.property(taskId, (t) => {
        expect(readLoggedCall(JSON.stringify({ taskId: t }))).toEqual({ ok: true, value: t });
        expect(readLoggedCall({ taskId: t })).toEqual({ ok: true, value: t });
      }),
      { numRuns: 1000 }
    );
  });

  it("caller matches: at most 20, every field within its bounds, well-formed matches all kept", () => {
    const goodMatch = fc.record({
      id,
      name: fc.string({ minLength: 1, maxLength: 255 }),
      objectType: fc.constantFrom("Contact", "Account", "Lead", "Custom__c"),
      phone: fc.string({ minLength: 1, maxLength: 40 })
    });
    const badMatch = fc.oneof(
      fc.anything(),
      fc.record({ id: fc.string(), name: fc.anything(), objectType: fc.string() })
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(goodMatch, badMatch), { maxLength: 30 }), (items) => {
        const read = readCallerMatches(JSON.stringify({ matches: items }));
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        expect(read.value.length).toBeLessThanOrEqual(20);
        for (const m of read.value) {
          expect(m.id).toMatch(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/);
          expect(m.name.length).toBeLessThanOrEqual(255);
          expect(m.objectType).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
          if (m.phone !== undefined) expect(m.phone.length).toBeLessThanOrEqual(40);
        }
        const wellFormed = items.slice(0, 20).filter((i) => {
          const r = i as Record<string, unknown>;
          return (
            typeof r === "object" &&
            r !== null &&
            typeof r.id === "string" &&
            /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(r.id) &&
            typeof r.objectType === "string" &&
            /^[A-Za-z][A-Za-z0-9_]*$/.test(r.objectType) &&
            r.objectType.length <= 80
          );
        });
        expect(read.value.map((m) => m.id)).toEqual(
          wellFormed.map((m) => (m as { id: string }).id)
        );
      }),
      { numRuns: 1000 }
    );
  });

  it("directory entries: at most 200, kind user|directory, name and number required", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({
              name: fc.string({ maxLength: 300 }),
              number: fc.string({ maxLength: 60 }),
              kind: fc.oneof(fc.constantFrom("user", "directory"), fc.string()),
              description: fc.anything()
            }),
            fc.anything()
          ),
          { maxLength: 250 }
        ),
        (entries) => {
          const read = readDirectory({ entries });
          expect(read.ok).toBe(true);
          if (!read.ok) return;
          expect(read.value.length).toBeLessThanOrEqual(200);
          for (const e of read.value) {
            expect(["user", "directory"]).toContain(e.kind);
            expect(e.name.length).toBeGreaterThan(0);
            expect(e.name.length).toBeLessThanOrEqual(255);
            expect(e.number.length).toBeGreaterThan(0);
            expect(e.number.length).toBeLessThanOrEqual(40);
            if (e.description !== undefined) expect(typeof e.description).toBe("string");
          }
        }
      ),
      { numRuns: 1000 }
    );
  });
});
