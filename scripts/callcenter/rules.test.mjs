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
