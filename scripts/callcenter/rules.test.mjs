import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { checkCallCenter, RULES } from "./rules.mjs";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "fixtures");
const list = (kind) =>
  readdirSync(join(fixtures, kind))
    .filter((f) => f.endsWith(".xml"))
    .sort()
    .map((f) => ({
      name: f,
      path: join(fixtures, kind, f),
      text: readFileSync(join(fixtures, kind, f), "utf8")
    }));

/** A bad fixture names what it must produce on its second line: "expect: rule@line rule@line". */
const expectations = (text) => {
  const m = /expect: ([^\n]*?) -->/.exec(text);
  assert.ok(m, "the fixture must state its expected problems");
  return m[1].split(/\s+/).sort();
};
const found = (problems) => problems.map((p) => `${p.rule}@${p.line}`).sort();

describe("good call center fixtures pass", () => {
  for (const f of list("good"))
    test(f.name, () => assert.deepEqual(checkCallCenter(f.text, { fileName: f.path }), []));
});

describe("bad call center fixtures report exactly the expected problems and lines", () => {
  for (const f of list("bad"))
    test(f.name, () => {
      const problems = checkCallCenter(f.text, { fileName: f.path });
      assert.deepEqual(found(problems), expectations(f.text));
      for (const p of problems) {
        assert.ok(p.rule in RULES, `unknown rule ${p.rule}`);
        assert.ok(p.message.length > 20, "a problem explains itself");
      }
    });
});

test("every rule has at least one failing fixture", () => {
  const covered = new Set(
    list("bad").flatMap((f) => expectations(f.text).map((e) => e.split("@")[0]))
  );
  const uncovered = Object.keys(RULES).filter((r) => !covered.has(r));
  assert.deepEqual(uncovered, []);
});

test("the format can be forced, and a mismatch is reported on the root line", () => {
  const text = readFileSync(join(fixtures, "good", "import-ours.xml"), "utf8");
  assert.deepEqual(checkCallCenter(text, { format: "import" }), []);
  assert.deepEqual(found(checkCallCenter(text, { format: "metadata" })), ["root@2"]);
});

test("metadata checks without a file name skip only the internal-name rule", () => {
  const bad = readFileSync(join(fixtures, "bad", "9Lives.callCenter-meta.xml"), "utf8");
  assert.deepEqual(checkCallCenter(bad), []);
});

test("every rule has one severity, and every problem carries its rule's", () => {
  for (const [id, rule] of Object.entries(RULES)) {
    assert.ok(rule.severity === "error" || rule.severity === "warning", id);
    assert.ok(rule.summary.length > 10, id);
  }
  for (const f of list("bad"))
    for (const p of checkCallCenter(f.text, { fileName: f.path }))
      assert.equal(p.severity, RULES[p.rule].severity, `${f.name}: ${p.rule}`);
});

test("wrong roots and unescaped markup get a hint that says what to write", () => {
  const read = (name) => readFileSync(join(fixtures, "bad", name), "utf8");
  const [root] = checkCallCenter(read("root-metadata-body.xml"));
  assert.match(root.message, /Metadata API format.*rename the root to <CallCenter xmlns=/);
  const [markup] = checkCallCenter(read("xml-syntax-markup.xml"));
  assert.match(markup.message, /<item name="reqAdapterUrl"> contains "<your hosted domain>".*&lt;/);
  const typo = checkCallCenter(
    read("value-case.xml").replace(
      "reqSalesforceCompatibilityMode",
      "reqSalesforceCompatabilityMode"
    )
  ).find((p) => p.rule === "name-reserved-req");
  assert.match(typo.message, /did you mean reqSalesforceCompatibilityMode\?/);
});
