// Proves the build-drift check (`node scripts/build.mjs --check`) catches a committed static
// resource that is not a fresh build: changed, missing, stale files and a changed meta file.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  cpSync
} from "node:fs";
import { dirname, join } from "node:path";
import { tmpdir } from "node:os";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const buildScript = join(root, "scripts/build.mjs");

const run = (...args) =>
  spawnSync(process.execPath, [buildScript, ...args], { cwd: root, encoding: "utf8" });

describe("build-drift check", () => {
  let work;
  let fresh;

  before(() => {
    work = mkdtempSync(join(tmpdir(), "build-drift-"));
    fresh = join(work, "fresh", "softphone");
    const r = run("--resource-dir", fresh);
    assert.equal(r.status, 0, `the build failed:\n${r.stderr}`);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  /** A copy of the fresh build as if it were the committed resource. */
  function committedCopy(name) {
    const dir = join(work, name, "softphone");
    cpSync(fresh, dir, { recursive: true });
    cpSync(`${fresh}.resource-meta.xml`, `${dir}.resource-meta.xml`);
    return dir;
  }

  test("passes when the resource is exactly a fresh build", () => {
    const r = run("--check", "--resource-dir", committedCopy("same"));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /matches a fresh build/);
  });

  test("fails naming a committed file that differs from a fresh build", () => {
    const dir = committedCopy("changed");
    appendFileSync(join(dir, "main.js"), "\n// edited by hand\n");
    const r = run("--check", "--resource-dir", dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /differs from a fresh build: main\.js/);
  });

  test("fails naming a file the build produces but the resource lacks", () => {
    const dir = committedCopy("missing");
    unlinkSync(join(dir, "main.css"));
    const r = run("--check", "--resource-dir", dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /missing from the committed resource: main\.css/);
  });

  test("fails naming a stale file the build no longer produces", () => {
    const dir = committedCopy("stale");
    writeFileSync(join(dir, "old-chunk.js"), "export {};\n");
    const r = run("--check", "--resource-dir", dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /stale file not produced by the build: old-chunk\.js/);
  });

  test("fails when the resource's meta file was edited", () => {
    const dir = committedCopy("meta");
    writeFileSync(`${dir}.resource-meta.xml`, "<StaticResource/>\n");
    const r = run("--check", "--resource-dir", dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /softphone\.resource-meta\.xml differs/);
  });

  test("the fresh build holds main.js and main.css", () => {
    const files = readdirSync(fresh);
    assert.ok(files.includes("main.js") && files.includes("main.css"), files.join(", "));
  });
});
