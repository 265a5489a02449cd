/**
 * Property-based tests of the host's runApex plumbing: parameters are URL-encoded so no value
 * can add or change another parameter, and results are parsed without ever throwing.
 */
import fc from "fast-check";
import { apexNameProblem, parseApexResult, toQueryString } from "./invoke";

const RUNS = 3000;
/** A lone UTF-16 surrogate: what a broken paste or a truncated string can leave behind. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);

describe("runApex plumbing properties", () => {
  it("toQueryString round-trips any keys and values: no value can inject a parameter", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 20 }),
          fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: "grapheme", maxLength: 20 })),
          { maxKeys: 6 }
        ),
        (params) => {
          const query = toQueryString(params);
          expect(query).not.toMatch(/[^A-Za-z0-9\-_.!~*'()%&=]/);
          const back = Object.fromEntries(new URLSearchParams(query));
          // lone surrogates cannot be encoded; everything else comes back exactly
          const encodable = Object.entries(params).every(
            ([k, v]) => wellFormed(k) && wellFormed(v)
          );
          if (encodable) expect(back).toEqual(params);
        }
      ),
      { numRuns: RUNS }
    );
  });

  it("toQueryString never throws, even on text with a lone surrogate (agent notes, caller names)", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ unit: "binary", maxLength: 40 }), {
          maxKeys: 4
        }),
        (params) => {
          expect(() => toQueryString(params)).not.toThrow();
        }
      ),
      { numRuns: RUNS }
    );
    expect(() => toQueryString({ Description: "note \uD83D" })).not.toThrow();
  });

  it("parseApexResult never throws; JSON objects and arrays come back parsed, anything else as is", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.json()), (value) => {
        const parsed = parseApexResult(value);
        if (typeof value !== "string") expect(parsed).toBe(value);
      }),
      { numRuns: RUNS }
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.jsonValue())),
        fc.constantFrom("", " ", "\n"),
        (value, pad) => {
          expect(parseApexResult(pad + JSON.stringify(value) + pad)).toEqual(
            JSON.parse(JSON.stringify(value))
          );
        }
      ),
      { numRuns: RUNS }
    );
  });

  it("apexNameProblem accepts exactly Apex identifiers (optionally namespaced)", () => {
    const ident = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (cls, method) => {
        const problem = apexNameProblem(cls, method);
        const parts = cls.split(".");
        const classOk =
          cls !== "" && parts.length <= 2 && parts.every((p) => ident.test(p) && !p.endsWith("_"));
        const methodOk = method !== "" && ident.test(method) && !method.endsWith("_");
        expect(problem === null).toBe(classOk && methodOk);
      }),
      { numRuns: RUNS }
    );
  });
});
