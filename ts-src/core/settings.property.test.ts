/** Property-based tests of the call center settings parser (fast-check, thousands of cases). */
import fc from "fast-check";
import { ITEMS, parseSettings, type Settings } from "./settings";

const RUNS = 3000;
const item = fc.constantFrom(...Object.values(ITEMS));
/** Values near the valid ones: case changes, padding, markup, numbers at the limits. */
const value = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.constantFrom(
    "demo",
    "SIP",
    " sip ",
    "apex",
    "layout",
    "off",
    "newContact",
    "flow:Inbound_Caller",
    "flow:bad__name",
    "true",
    "FALSE",
    "0",
    "3600",
    "3601",
    "-1",
    "e164",
    "prefixes",
    "US",
    "gb",
    "XX",
    "9",
    "011",
    "1234567",
    "wss://pbx.example.com:8089/ws",
    "ws://localhost:8080",
    "ws://pbx.example.com/ws",
    "https://x",
    "stun:stun.example.com",
    "turn:u:p@turn.example.com",
    "prompt",
    "salesforce",
    "240",
    "2560",
    "2561",
    "199",
    "<img src=x onerror=alert(1)>",
    "\u202Eevil",
    "x".repeat(5000)
  ),
  fc.integer({ min: -100000, max: 100000 }).map(String)
);
const raw = fc.dictionary(fc.oneof(item, fc.string({ maxLength: 40 })), value, { maxKeys: 20 });

function assertValid(settings: Settings): void {
  expect(["demo", "sip"]).toContain(settings.provider);
  expect(settings.defaultCountry).toMatch(/^[A-Z]{2}$/);
  expect(["apex", "layout", "off"]).toContain(settings.screenPop);
  expect(["e164", "prefixes"]).toContain(settings.dialFormat);
  expect(typeof settings.logCalls).toBe("boolean");
  if (settings.wrapUpSeconds !== null) {
    expect(Number.isInteger(settings.wrapUpSeconds)).toBe(true);
    expect(settings.wrapUpSeconds).toBeGreaterThanOrEqual(0);
    expect(settings.wrapUpSeconds).toBeLessThanOrEqual(3600);
  }
  for (const prefix of Object.values(settings.prefixes)) expect(prefix).toMatch(/^[0-9*#]{0,6}$/);
  expect(settings.panel.height).toBeGreaterThanOrEqual(240);
  expect(settings.panel.height).toBeLessThanOrEqual(2560);
  expect(settings.panel.width).toBeGreaterThanOrEqual(200);
  expect(settings.panel.width).toBeLessThanOrEqual(1920);
  expect(settings.sip !== undefined).toBe(settings.provider === "sip");
  if (settings.sip) {
    const url = new URL(settings.sip.webSocketUrl);
    expect(["wss:", "ws:"]).toContain(url.protocol);
    if (url.protocol === "ws:") expect(["localhost", "127.0.0.1", "[::1]"]).toContain(url.hostname);
    expect(url.username + url.password).toBe("");
    for (const server of settings.sip.iceServers) expect(server).toMatch(/^(stun|turns?):/);
  }
  if (settings.noMatchPop.kind === "flow")
    expect(settings.noMatchPop.flowName).toMatch(/^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/);
}

describe("settings parser properties", () => {
  it("never throws; an accepted result is within every documented range", () => {
    fc.assert(
      fc.property(raw, (input) => {
        const result = parseSettings(input);
        if (result.ok) assertValid(result.settings);
        else {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) {
            expect(p.item.length).toBeGreaterThan(0);
            expect(p.value.length).toBeLessThanOrEqual(101);
            expect(p.allowed.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: RUNS }
    );
  });

  it("is deterministic and ignores unknown items", () => {
    fc.assert(
      fc.property(raw, fc.string({ maxLength: 20 }), fc.string(), (input, extraKey, extraValue) => {
        const known = new Set<string>(Object.values(ITEMS));
        fc.pre(!known.has(`/x/${extraKey}`) && !/password|passwd|secret|token/i.test(extraKey));
        const once = parseSettings(input);
        expect(parseSettings({ ...input })).toEqual(once);
        expect(parseSettings({ ...input, [`/x/${extraKey}`]: extraValue })).toEqual(once);
      }),
      { numRuns: RUNS }
    );
  });

  it("a problem names exactly the item that is wrong: fixing it never creates another", () => {
    fc.assert(
      fc.property(raw, (input) => {
        const result = parseSettings(input);
        if (result.ok) return;
        const cleaned = { ...input };
        for (const p of result.problems) delete cleaned[p.item];
        const again = parseSettings(cleaned);
        // Removing the named items leaves only items that depend on them (sip needs its URL).
        if (!again.ok)
          for (const p of again.problems) expect(p.item.startsWith("/sipSettings/")).toBe(true);
      }),
      { numRuns: RUNS }
    );
  });

  it("any item whose name looks like a secret is refused unless blank, and never echoed", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("password", "Passwd", "SECRET", "apiToken", "sipPassword"),
        fc.string({ minLength: 1, maxLength: 50 }).filter((v) => v.trim() !== ""),
        (name, secret) => {
          const result = parseSettings({ [`/sipSettings/${name}`]: secret });
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.problems.some((p) => p.item.includes(name))).toBe(true);
            // the secret itself is never echoed back on screen
            for (const p of result.problems.filter((q) => q.item.includes(name)))
              expect(p.value).toBe("(hidden)");
          }
        }
      ),
      { numRuns: 500 }
    );
  });
});
