/** Property-based tests: no input makes core throw, and the invariants hold for all inputs. */
import fc from "fast-check";
import { readCallerMatches, readDirectory } from "./crm";
import { readChannelMessage } from "./channel";
import { planDial, type DialingRules } from "./dialing";
import { NUMBERS } from "./testing/numbers";
import { Outbox, type OutboxEntry } from "./after-call/outbox";
import { parseSettings, ITEMS } from "./settings";
import { MemoryStorage } from "./storage";
import { FakeClock } from "./testing/fake-clock";

const rules = (dialFormat: "e164" | "prefixes"): DialingRules => ({
  defaultCountry: "US",
  dialFormat,
  prefixes: { outside: "9", longDistance: "1", international: "011" }
});

describe("properties", () => {
  it("parseSettings never throws and every problem names item, value and what is allowed", () => {
    const key = fc.oneof(fc.constantFrom(...Object.values(ITEMS)), fc.string());
    fc.assert(
      fc.property(fc.dictionary(key, fc.string({ maxLength: 300 })), (raw) => {
        const result = parseSettings(raw);
        if (result.ok) return;
        for (const problem of result.problems) {
          expect(typeof problem.item).toBe("string");
          expect(problem.value.length).toBeLessThanOrEqual(101);
          expect(problem.allowed.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 }
    );
  });

  it("planDial never throws, and never drops a digit of the number it dials", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 50 }),
        fc.constantFrom("e164" as const, "prefixes" as const),
        (input, format) => {
          const plan = planDial(input, rules(format), NUMBERS);
          if (!plan.ok) {
            expect(plan.message.length).toBeGreaterThan(0);
            return;
          }
          const typedDigits = input.replace(/\D/g, "");
          const dialedDigits = plan.dialString.replace(/\D/g, "");
          if (plan.extension) expect(plan.dialString).toBe(input.replace(/[\s\-()./\u00a0]/g, ""));
          else
            expect(dialedDigits.endsWith(typedDigits.replace(/^1(?=\d{10}$)/, "").slice(-7))).toBe(
              true
            );
        }
      ),
      { numRuns: 3000 }
    );
  });

  it("a valid number round-trips through its display form", () => {
    const digit = fc.integer({ min: 0, max: 9 });
    const nanp = fc.tuple(
      fc.integer({ min: 2, max: 9 }),
      fc.array(digit, { minLength: 2, maxLength: 2 }),
      fc.integer({ min: 2, max: 9 }),
      fc.array(digit, { minLength: 6, maxLength: 6 })
    );
    fc.assert(
      fc.property(nanp, ([a, area, b, rest]) => {
        const national = `${a}${area.join("")}${b}${rest.join("")}`;
        const plan = planDial(national, rules("e164"), NUMBERS);
        if (!plan.ok) return;
        expect(plan.number).toBe(`+1${national}`);
        const again = planDial(plan.displayNumber, rules("e164"), NUMBERS);
        expect(again.ok && again.number).toBe(plan.number);
      }),
      { numRuns: 2000 }
    );
  });

  it("channel messages: anything is classified without throwing; commands are well-typed", () => {
    const envelope = fc.record(
      {
        source: fc.oneof(
          fc.string(),
          fc.constant("callPanel"),
          fc.constant("softphone"),
          fc.anything()
        ),
        type: fc.oneof(
          fc.constantFrom(
            "dial",
            "answer",
            "hangup",
            "hold",
            "mute",
            "sendDigits",
            "transfer",
            "requestState",
            "simulateIncoming",
            "state"
          ),
          fc.string()
        ),
        payload: fc.oneof(
          fc.anything(),
          fc.dictionary(
            fc.constantFrom("number", "recordId", "on", "digits", "target", "name"),
            fc.anything()
          )
        )
      },
      { requiredKeys: [] }
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), envelope), (message) => {
        const read = readChannelMessage(message);
        expect(["own", "command", "invalid"]).toContain(read.kind);
        if (read.kind !== "command") return;
        const c = read.command;
        if (c.type === "dial" || c.type === "simulateIncoming")
          expect(c.number).toMatch(/^[0-9+*#().\-\s]{1,40}$/);
        if (c.type === "hold" || c.type === "mute") expect(typeof c.on).toBe("boolean");
        if (c.type === "sendDigits") expect(c.digits).toMatch(/^[0-9*#A-Da-d,]{1,32}$/);
      }),
      { numRuns: 3000 }
    );
  });

  it("Apex readers never throw and keep only contract-shaped entries", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.json(),
          fc.record({ matches: fc.array(fc.anything()), entries: fc.array(fc.anything()) })
        ),
        (result) => {
          const matches = readCallerMatches(result);
          if (matches.ok)
            for (const m of matches.value)
              expect(m.id).toMatch(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/);
          const directory = readDirectory(result);
          if (directory.ok)
            for (const e of directory.value) expect(["user", "directory"]).toContain(e.kind);
        }
      ),
      { numRuns: 2000 }
    );
  });

  it("the outbox saves every call exactly once through failures and reloads", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom("ok", "fail", "lost", "reload"), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 6 }),
        async (script, calls) => {
          const storage = new MemoryStorage();
          const clock = new FakeClock();
          const saved = new Map<string, number>();
          const landed = new Set<string>();
          let step = 0;
          const make = () =>
            new Outbox({
              storage,
              clock,
              random: () => 0.5,
              send: async (entry: OutboxEntry) => {
                // Salesforce recovers once the script is played out.
                const outcome = step < script.length ? script[step] : "ok";
                step++;
                if (outcome === "fail") throw new Error("SERVER_ERROR");
                // "lost": the Task is written but the answer never arrives.
                saved.set(entry.callId, (saved.get(entry.callId) ?? 0) + 1);
                landed.add(entry.callId);
                if (outcome === "lost") throw new Error("TIMEOUT");
                return { recordId: `00T${entry.callId}` };
              },
              findExisting: async (entry) =>
                landed.has(entry.callId) ? `00T${entry.callId}` : null
            });
          let outbox = make();
          for (let i = 0; i < calls; i++) {
            await outbox.enqueue({
              callId: `call-${i}`,
              entityApiName: "Task",
              fields: { Subject: `call ${i}` }
            });
            if (script[i % script.length] === "reload") {
              outbox.stop();
              outbox = make();
              await outbox.start();
            }
          }
          for (let round = 0; round < 60 && outbox.pendingCount() > 0; round++)
            await clock.advance(300_000);
          outbox.stop();
          expect(outbox.pendingCount()).toBe(0);
          for (let i = 0; i < calls; i++) expect(saved.get(`call-${i}`)).toBe(1);
        }
      ),
      { numRuns: 150 }
    );
  });
});
