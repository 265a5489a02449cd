import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const run = (...args) =>
  spawnSync(process.execPath, [join(root, "scripts/callcenter-check.mjs"), ...args], {
    encoding: "utf8",
    cwd: root
  });
const fixture = (kind, name) => join("scripts/callcenter/fixtures", kind, name);

test("with no argument it checks this project's two definitions", () => {
  const r = run();
  assert.equal(r.status, 0, r.stderr);
  assert.match(
    r.stdout,
    /OpenCtiSoftphone\.callCenter-meta\.xml: Open CTI call center, Metadata API format: ok/
  );
  assert.match(
    r.stdout,
    /config\/callcenter\/OpenCtiSoftphone\.xml: Open CTI call center, import format: ok/
  );
});

test("errors are printed as file:line: error: message [rule] and exit 1", () => {
  const r = run(fixture("good", "import-sip.xml"), fixture("bad", "sort-order-gap.xml"));
  assert.equal(r.status, 1);
  assert.match(r.stdout, /import-sip\.xml: Open CTI call center, import format: ok/);
  assert.match(
    r.stderr,
    /sort-order-gap\.xml:33: error: sortOrder 4 leaves a gap.*\[sort-order-sequence\]/
  );
  assert.match(r.stderr, /1 error, 0 warnings\./);
});

test("warnings alone exit 0; --strict makes them fail", () => {
  const file = fixture("bad", "value-case.xml");
  const r = run(file);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /value-case\.xml:8: warning: reqUseApi "TRUE" .*\[value-case\]/);
  assert.match(r.stdout, /0 errors, 2 warnings/);
  const strict = run("--strict", file);
  assert.equal(strict.status, 1);
  assert.match(strict.stderr, /--strict: warnings fail too/);
});

test("a Service Cloud Voice definition is recognised from its content", () => {
  const r = run(fixture("good", "voice-partner-telephony.xml"));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Service Cloud Voice contact center, import format: ok/);
});

test("--format forces the format; a wrong one is a problem on the root line", () => {
  const r = run("--format", "metadata", fixture("good", "import-ours.xml"));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /import-ours\.xml:2: error: Expected <CallCenter>/);
  assert.equal(run("--format", "yaml").status, 2);
  assert.equal(run("--sloppy").status, 2);
});

test("an unreadable file exits 2 with its name", () => {
  const r = run("no/such/file.xml");
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no\/such\/file\.xml: cannot read the file/);
});
