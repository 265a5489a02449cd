/**
 * The sample data plan is something `sf data import tree --plan data/sample-data-plan.json` can
 * load: every file exists, records match their plan entry, reference ids are unique, and every
 * @reference points at a record saved by an earlier plan entry.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const plan = JSON.parse(readFileSync(join(here, "sample-data-plan.json"), "utf8"));
const recordsOf = (file) => JSON.parse(readFileSync(join(here, file), "utf8")).records;

test("every plan entry names an sObject and existing files", () => {
  assert.ok(Array.isArray(plan) && plan.length > 0);
  for (const entry of plan) {
    assert.match(entry.sobject, /^[A-Z][A-Za-z]+$/);
    assert.equal(typeof entry.saveRefs, "boolean");
    assert.equal(typeof entry.resolveRefs, "boolean");
    for (const file of entry.files) assert.ok(existsSync(join(here, file)), `${file} exists`);
  }
});

test("records have their entry's type, unique reference ids and resolvable references", () => {
  const saved = new Set();
  const seen = new Set();
  for (const entry of plan) {
    for (const file of entry.files) {
      for (const record of recordsOf(file)) {
        assert.equal(record.attributes.type, entry.sobject, `${file}: type`);
        const ref = record.attributes.referenceId;
        assert.match(ref, /^[A-Za-z][A-Za-z0-9]*$/, `${file}: referenceId ${ref}`);
        assert.ok(!seen.has(ref), `${file}: referenceId ${ref} is unique`);
        seen.add(ref);
        for (const [field, value] of Object.entries(record)) {
          if (typeof value !== "string" || !value.startsWith("@")) continue;
          assert.ok(entry.resolveRefs, `${file}: ${field} needs resolveRefs on ${entry.sobject}`);
          assert.ok(saved.has(value.slice(1)), `${file}: ${field} ${value} was saved earlier`);
        }
      }
    }
    if (entry.saveRefs) {
      for (const file of entry.files)
        for (const r of recordsOf(file)) saved.add(r.attributes.referenceId);
    }
  }
});

test("contacts, accounts and leads have phone numbers to call and to look up", () => {
  for (const type of ["Account", "Contact", "Lead"]) {
    const entry = plan.find((e) => e.sobject === type);
    assert.ok(entry, `${type} is in the plan`);
    const records = entry.files.flatMap(recordsOf);
    assert.ok(records.length >= 2, `${type} has sample records`);
    for (const record of records) {
      assert.match(
        record.Phone,
        /^[+(]?[0-9][0-9 ().\-x]{5,}$/,
        `${type} ${record.attributes.referenceId} phone`
      );
    }
  }
});
