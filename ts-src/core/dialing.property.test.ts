/**
 * Property-based tests of number parsing and dialing: no input throws, nothing typed is
 * silently dropped (a character is either a separator or refused), valid E.164 numbers of
 * every country round-trip, and prefix dialing keeps every digit of the national number.
 */
import fc from "fast-check";
import {
  getCountries,
  getExampleNumber,
  parsePhoneNumberFromString,
  type CountryCode
} from "libphonenumber-js";
import examples from "libphonenumber-js/mobile/examples";
import { formatNumber, normaliseNumber, planDial, type DialingRules } from "./dialing";
import { NUMBERS } from "./testing/numbers";

const RUNS = 3000;
const SEPARATOR_CHARS = [" ", "-", "(", ")", ".", "/", "\u00a0"];

/** One valid example number per country libphonenumber knows. */
const VALID: { country: CountryCode; e164: string }[] = getCountries()
  .map((country) => ({ country, number: getExampleNumber(country, examples) }))
  .filter((x) => x.number !== undefined && x.number.isValid())
  .map((x) => ({ country: x.country, e164: x.number!.number }));

const rules = (
  defaultCountry: CountryCode,
  dialFormat: "e164" | "prefixes" = "e164"
): DialingRules => ({
  defaultCountry,
  dialFormat,
  prefixes: { outside: "9", longDistance: "1", international: "011" }
});

const country = fc.constantFrom(...getCountries());
const validNumber = fc.constantFrom(...VALID);

/** Inserts separators between the characters of `s` at random. */
const withSeparators = (s: string) =>
  fc
    .array(fc.constantFrom("", "", "", ...SEPARATOR_CHARS), {
      minLength: s.length,
      maxLength: s.length
    })
    .map((seps) =>
      s
        .split("")
        .map((ch, i) => (i === 0 ? ch : seps[i] + ch))
        .join("")
    );

describe("dialing properties", () => {
  it("knows example numbers for at least 200 countries", () => {
    expect(VALID.length).toBeGreaterThan(200);
  });

  it("planDial, formatNumber and normaliseNumber never throw on any text, for any country", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 60 })),
        country,
        fc.constantFrom("e164" as const, "prefixes" as const),
        (input, c, format) => {
          const plan = planDial(input, rules(c, format), NUMBERS);
          if (!plan.ok) expect(plan.message.length).toBeGreaterThan(0);
          expect(typeof formatNumber(input, c, NUMBERS)).toBe("string");
          expect(typeof normaliseNumber(input, c, NUMBERS)).toBe("string");
        }
      ),
      { numRuns: RUNS }
    );
  });

  it("nothing typed is dropped: anything but digits, + * # and separators is refused", () => {
    const typed = fc
      .array(
        fc.oneof(
          fc.constantFrom(..."0123456789+*#".split(""), ...SEPARATOR_CHARS),
          fc.string({ minLength: 1, maxLength: 1 })
        ),
        {
          minLength: 1,
          maxLength: 30
        }
      )
      .map((cs) => cs.join(""));
    fc.assert(
      fc.property(typed, country, (input, c) => {
        const plan = planDial(input, rules(c), NUMBERS);
        if (!plan.ok) return;
        const kept = input.trim().replace(/[\s\-()./\u00a0]/g, "");
        expect(kept).toMatch(/^[0-9+*#]+$/);
        if (plan.extension) expect(plan.dialString).toBe(kept);
      }),
      { numRuns: RUNS }
    );
  });

  it("a valid E.164 number round-trips, whatever the default country and separators", () => {
    fc.assert(
      fc.property(
        validNumber.chain((v) => fc.tuple(fc.constant(v), withSeparators(v.e164))),
        country,
        ([v, typed], c) => {
          const plan = planDial(typed, rules(c), NUMBERS);
          expect(plan.ok).toBe(true);
          if (!plan.ok) return;
          expect(plan.number).toBe(v.e164);
          expect(plan.dialString).toBe(v.e164);
          expect(normaliseNumber(typed, c, NUMBERS)).toBe(v.e164);
          // what the agent sees parses back to the same number
          const again = planDial(plan.displayNumber, rules(c), NUMBERS);
          expect(again.ok && again.number).toBe(v.e164);
        }
      ),
      { numRuns: RUNS }
    );
  });

  it("national numbers typed at home round-trip to their E.164 form", () => {
    fc.assert(
      fc.property(validNumber, ({ country: c, e164 }) => {
        const parsed = parsePhoneNumberFromString(e164)!;
        const national = parsed.formatNational();
        // up to 6 digits is an extension by design (DESIGN.md dialFormat), dialed as typed
        fc.pre(national.length <= 40 && national.replace(/\D/g, "").length > 6);
        const plan = planDial(national, rules(c), NUMBERS);
        expect(plan.ok && plan.number).toBe(e164);
      }),
      { numRuns: 1000 }
    );
  });

  it("prefix dialing never drops a digit: outside + long-distance/international + every national digit", () => {
    fc.assert(
      fc.property(validNumber, country, ({ e164 }, c) => {
        const plan = planDial(e164, rules(c, "prefixes"), NUMBERS);
        expect(plan.ok).toBe(true);
        if (!plan.ok) return;
        const parsed = parsePhoneNumberFromString(e164)!;
        expect(plan.dialString.startsWith("9")).toBe(true);
        expect(plan.dialString.endsWith(parsed.nationalNumber)).toBe(true);
        expect(plan.dialString).toMatch(/^[0-9]+$/);
        const abroad = plan.dialString.startsWith(`9011${parsed.countryCallingCode}`);
        const home = plan.dialString === `91${parsed.nationalNumber}`;
        expect(abroad || home).toBe(true);
        // E.164 digits are all there, in order, after the prefixes
        expect(plan.dialString.endsWith(e164.slice(1)) || home).toBe(true);
      }),
      { numRuns: RUNS }
    );
  });

  it("short codes and extensions (up to 6 of 0-9 * #) are dialed exactly as typed", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(..."0123456789*#".split("")),
          minLength: 1,
          maxLength: 6
        }),
        country,
        (code, c) => {
          const plan = planDial(` ${code} `, rules(c, "prefixes"), NUMBERS);
          expect(plan).toEqual({
            ok: true,
            dialString: code,
            number: code,
            displayNumber: code,
            extension: true
          });
        }
      ),
      { numRuns: RUNS }
    );
  });
});
