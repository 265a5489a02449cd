/**
 * Property tests of the call center validator's robustness: whatever text it is given —
 * random, or a good definition cut, spliced or sprinkled with hostile characters — it never
 * throws, every problem names a known rule and a real line, and the result is stable. Breaking
 * one required item or adding a secret is always reported.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import fc from "fast-check";
import { RULES, checkCallCenter } from "./rules.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const goodDir = join(here, "fixtures", "good");
const GOOD = readdirSync(goodDir).map((f) => ({
  name: f,
  text: readFileSync(join(goodDir, f), "utf8")
}));
const RUNS = 2000;

function assertWellFormedReport(text, problems) {
  assert.ok(Array.isArray(problems));
  const lines = text.split("\n").length;
  let previous = 0;
  for (const p of problems) {
    assert.ok(Object.hasOwn(RULES, p.rule), `unknown rule ${p.rule}`);
    assert.ok(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines + 1, `line ${p.line}`);
    assert.ok(p.line >= previous, "sorted by line");
    previous = p.line;
    assert.equal(typeof p.message, "string");
    assert.ok(p.message.length > 0 && p.message.length < 5000);
  }
}

const hostile = fc.constantFrom(
  "<",
  ">",
  "&",
  "&amp;",
  "&#0;",
  "&#x110000;",
  "]]>",
  "<!--",
  "-->",
  "<!DOCTYPE x [<!ENTITY a 'b'>]>",
  "<?xml version='1.0'?>",
  '"',
  "'",
  "\u0000",
  "\u202E",
  "\uFFFF",
  "\uD800",
  "😀",
  "\r",
  "\n",
  ' sortOrder="-1"',
  "<item>",
  "</section>",
  "x".repeat(3000)
);

test("never throws on arbitrary text", () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.string({ maxLength: 500 }), fc.string({ unit: "binary", maxLength: 200 })),
      fc.constantFrom("auto", "import", "metadata"),
      (text, format) => {
        assertWellFormedReport(text, checkCallCenter(text, { format }));
      }
    ),
    { numRuns: RUNS }
  );
});

test("never throws on a good definition cut short, spliced or sprinkled with hostile text", () => {
  const mutated = fc
    .tuple(
      fc.constantFrom(...GOOD),
      fc.array(
        fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.oneof(hostile, fc.string({ maxLength: 8 }))),
        {
          minLength: 1,
          maxLength: 6
        }
      )
    )
    .map(([good, edits]) => {
      let text = good.text;
      for (const [at, remove, insert] of edits) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + insert + text.slice(i + remove);
      }
      return text;
    });
  fc.assert(
    fc.property(mutated, (text) => {
      const first = checkCallCenter(text);
      assertWellFormedReport(text, first);
      assert.deepEqual(checkCallCenter(text), first, "the same answer twice");
    }),
    { numRuns: RUNS }
  );
});

test("the good fixtures pass, and removing any one item of them never goes unnoticed when it is required", () => {
  for (const good of GOOD) assert.deepEqual(checkCallCenter(good.text), [], good.name);
  const importFiles = GOOD.filter(
    (g) => /^\s*<callCenter>|<callCenter>/.test(g.text) && !g.text.includes("xmlns=")
  );
  assert.ok(importFiles.length > 0);
  const requiredItem =
    /<item [^>]*name="(reqInternalName|reqDisplayName|reqAdapterUrl|reqUseApi)"[^>]*>[^<]*<\/item>\s*\n?/;
  for (const good of importFiles) {
    const m = requiredItem.exec(good.text);
    if (!m) continue;
    const broken = good.text.replace(m[0], "");
    assert.ok(checkCallCenter(broken).length > 0, `${good.name} without ${m[1]} is reported`);
  }
});

test("an item named like a secret is always reported, whatever its value", () => {
  const base = GOOD.find((g) => g.name === "import-ours.xml");
  assert.ok(base, "import-ours.xml fixture");
  fc.assert(
    fc.property(
      fc.constantFrom("password", "sipPassword", "Secret", "apiToken", "passwd"),
      fc.string({ unit: fc.constantFrom("a", "1", "Z", "9"), minLength: 1, maxLength: 30 }),
      (name, value) => {
        const text = base.text;
        const withSecret = text.replace(
          /(<section [^>]*name="softphoneSettings"[^>]*>\n)([\s\S]*?)(\s*<\/section>)/,
          (all, open, items, close) => {
            const count = (items.match(/<item /g) ?? []).length;
            return `${open}${items}\n    <item sortOrder="${count}" name="${name}" label="L">${value}</item>${close}`;
          }
        );
        assert.notEqual(withSecret, text, "the secret item was added");
        const problems = checkCallCenter(withSecret);
        assert.ok(
          problems.some((p) => /secret/.test(p.rule)),
          `an item named ${name} is reported: ${JSON.stringify(problems)}`
        );
      }
    ),
    { numRuns: 300 }
  );
});
