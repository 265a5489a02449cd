// End to end: `node scripts/validate.mjs` over a clean copy of the fixture project passes every
// check, and over a copy with one planted mistake per failure mode fails naming each
// mistake's file, line and rule. The two expensive runs (sf, apex-ls, PMD) run once, side by side.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fixtureProject, REPO_ROOT } from "./fixture.mjs";

const CLI = join(REPO_ROOT, "scripts/validate.mjs");
const TINY_WSDL = join(REPO_ROOT, "scripts/validate/fixtures/tiny-metadata.wsdl");
// The hand-made WSDL keeps these runs quick; metadata.test.mjs covers the real WSDL when present.
const WSDL = TINY_WSDL;

function validate(root, ...args) {
  const result = join(root, ".tmp", "validate-result.json");
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.SF_METADATA_WSDL;
    const child = spawn(process.execPath, [CLI, "--root", root, "--result", result, ...args], {
      env
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const counts = existsSync(result) ? JSON.parse(readFileSync(result, "utf8")) : null;
      rmSync(result, { force: true });
      resolve({ code, stdout, stderr, counts });
    });
  });
}

const CLASS = "force-app/main/default/classes/Greeter.cls";
const AUDIT = "force-app/main/default/classes/Audit.cls";
const ORPHAN = "force-app/main/default/classes/Orphan.cls";
const PAGE = "force-app/main/default/pages/Hello.page";
const CHANNEL = "force-app/main/default/messageChannels/Greeting.messageChannel-meta.xml";
const TS = "ts-src/greet.ts";
const SCRIPT = "scripts/greet.mjs";
const CLASS_META = `<?xml version="1.0" encoding="UTF-8"?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <status>Active</status>
</ApexClass>
`;

describe("npm run validate on fixture projects", () => {
  const projects = [];
  let clean;
  let broken;
  let cleanRun;
  let brokenRun;
  const planted = {};

  before(async () => {
    clean = fixtureProject("clean");
    broken = fixtureProject("broken");
    projects.push(clean, broken);

    // 1. a misspelled -meta.xml element
    broken.replace(
      CHANNEL,
      "<masterLabel>Greeting</masterLabel>",
      "<masterLable>Greeting</masterLable>"
    );
    planted.element = broken.lineOf(CHANNEL, "masterLable");
    // 2. an Apex call to a method that does not exist
    broken.replace(CLASS, "name.trim().toUpperCase()", "name.trim().toUpperCase().shout()");
    planted.method = broken.lineOf(CLASS, ".shout()");
    // 3. a PMD security violation (no CRUD/FLS enforcement) with an unexplained NOPMD
    broken.write(
      AUDIT,
      [
        "public with sharing class Audit {",
        "  public static Integer countContacts() {",
        "    return [SELECT COUNT() FROM Contact];",
        "  }",
        "",
        "  public static Integer countLeads() {",
        "    return [SELECT COUNT() FROM Lead]; // NOPMD",
        "  }",
        "}",
        ""
      ].join("\n")
    );
    broken.write(`${AUDIT}-meta.xml`, CLASS_META);
    // 3b. a Visualforce XSS: a URL parameter rendered unescaped
    broken.replace(
      PAGE,
      '<div id="hello">Hello</div>',
      '<apex:outputText escape="false" value="{!$CurrentPage.parameters.who}" />'
    );
    planted.xss = broken.lineOf(PAGE, "escape=");
    // 4. a prettier formatting error
    broken.replace(TS, "return `Hello", "return    `Hello");
    planted.format = broken.lineOf(TS, "return    `Hello");
    // 5. an ESLint error
    broken.replace(
      SCRIPT,
      'const name = process.argv[2] ?? "world";',
      'const name = process.argv[2] ?? "world";\nconst unused = 1;'
    );
    planted.lint = broken.lineOf(SCRIPT, "const unused");
    // 6. a file the conversion drops (an Apex class without its -meta.xml)
    broken.write(ORPHAN, "public with sharing class Orphan {\n}\n");

    [cleanRun, brokenRun] = await Promise.all([
      validate(clean.root, "--wsdl", WSDL),
      validate(broken.root, "--wsdl", WSDL)
    ]);
  });
  after(() => projects.forEach((p) => p.cleanup()));

  test("a clean project passes all eight checks and reports one count per check", () => {
    assert.equal(cleanRun.code, 0, cleanRun.stdout + cleanRun.stderr);
    assert.deepEqual(cleanRun.counts, { passed: 8, failed: 0, skipped: 0 });
    for (const name of [
      "convert",
      "metadata-schema",
      "metadata-xsd",
      "apex-ls",
      "pmd",
      "prettier",
      "eslint",
      "json-schema"
    ])
      assert.match(cleanRun.stdout, new RegExp(`^ok +${name} `, "m"));
    assert.match(cleanRun.stdout, /validate: 8 passed, 0 failed/);
  });

  test("the broken project fails, and every check with a planted mistake counts as failed", () => {
    assert.equal(brokenRun.code, 1, brokenRun.stdout + brokenRun.stderr);
    assert.deepEqual(brokenRun.counts, { passed: 1, failed: 7, skipped: 0 }, brokenRun.stdout);
    assert.match(brokenRun.stdout, /^ok +json-schema /m);
  });

  test("a misspelled -meta.xml element: structural and XSD checks name file, line and rule", () => {
    expectLine(
      brokenRun,
      `${CHANNEL}:${planted.element}  metadata-schema/unknown-element  <masterLable>`
    );
    expectLine(brokenRun, `${CHANNEL}:${planted.element}  metadata-xsd  `);
  });

  test("an Apex call to a method that does not exist is caught by apex-ls", () => {
    expectLine(
      brokenRun,
      `${CLASS}:${planted.method}  apex-ls/Missing  No matching method found for 'shout'`
    );
  });

  test("a PMD security violation and an unexplained suppression are reported", () => {
    expectLine(brokenRun, `${AUDIT}:3  pmd/ApexCRUDViolation`);
    expectLine(brokenRun, `${AUDIT}:7  pmd/unjustified-suppression`);
  });

  test("an unescaped URL parameter in a Visualforce page is a PMD security finding", () => {
    expectLine(brokenRun, `${PAGE}:${planted.xss}  pmd/VfUnescapeEl`);
  });

  test("a prettier formatting error names the first line prettier would change", () => {
    expectLine(brokenRun, `${TS}:${planted.format}  prettier/format`);
  });

  test("an ESLint error names its line and rule", () => {
    expectLine(brokenRun, `${SCRIPT}:${planted.lint}  eslint/no-unused-vars`);
  });

  test("a file the conversion drops is named", () => {
    expectLine(
      brokenRun,
      `${ORPHAN}  convert/dropped-file  is dropped by the conversion: Orphan.cls-meta.xml is missing`
    );
  });

  test("nothing outside the planted mistakes is reported", () => {
    const problems = brokenRun.stdout.split("\n").filter((l) => /^ {5}\S/.test(l));
    const files = new Set(problems.map((l) => l.trim().split(/[: ]/)[0]));
    assert.deepEqual(
      [...files].sort(),
      [AUDIT, CLASS, ORPHAN, PAGE, CHANNEL, SCRIPT, TS].sort(),
      problems.join("\n")
    );
  });
});

describe("npm run validate: cheap failure modes", () => {
  let fx;
  before(() => (fx = fixtureProject("cheap")));
  after(() => fx.cleanup());

  test("an invalid sfdx-project.json fails the json-schema check with file, line and rule", async () => {
    const original = fx.read("sfdx-project.json");
    fx.replace("sfdx-project.json", '"sourceApiVersion": "66.0"', '"sourceApiVersion": 66');
    try {
      const run = await validate(fx.root, "--only", "json-schema");
      assert.equal(run.code, 1);
      assert.deepEqual(run.counts, { passed: 0, failed: 1, skipped: 0 });
      expectLine(
        run,
        `sfdx-project.json:${fx.lineOf("sfdx-project.json", "sourceApiVersion")}  json-schema/type`
      );
    } finally {
      fx.write("sfdx-project.json", original);
    }
  });

  test("without Apex classes apex-ls passes with a clear note and PMD checks only Visualforce", async () => {
    for (const c of ["Greeter", "GreeterTest"]) {
      fx.remove(`force-app/main/default/classes/${c}.cls`);
      fx.remove(`force-app/main/default/classes/${c}.cls-meta.xml`);
    }
    const run = await validate(fx.root, "--only", "apex-ls,pmd");
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual(run.counts, { passed: 2, failed: 0, skipped: 0 });
    assert.match(run.stdout, /^ok +apex-ls .*no Apex classes/m);
    assert.match(run.stdout, /^ok +pmd .*0 Apex, 1 Visualforce files/m);
  });

  test("a WSDL path that does not exist fails the XSD check instead of skipping it", async () => {
    const run = await validate(
      fx.root,
      "--only",
      "metadata-xsd",
      "--wsdl",
      fx.path("nowhere.wsdl")
    );
    assert.equal(run.code, 1);
    assert.match(run.stdout, /metadata-xsd\/no-wsdl/);
  });

  test("a conversion the Salesforce CLI rejects fails the convert check naming the file", async () => {
    const fx2 = fixtureProject("sf-fails");
    try {
      fx2.remove("force-app/main/default/classes/GreeterTest.cls");
      const run = await validate(fx2.root, "--only", "convert");
      assert.equal(run.code, 1, run.stdout);
      expectLine(
        run,
        "force-app/main/default/classes/GreeterTest.cls-meta.xml  convert/failed  sf project convert source failed:"
      );
      assert.match(run.stdout, /Expected source files for type 'ApexClass'/);
    } finally {
      fx2.cleanup();
    }
  });

  test("an unknown option is a usage error", async () => {
    const run = await validate(fx.root, "--bogus");
    assert.equal(run.code, 2);
    assert.match(run.stderr, /usage: node scripts\/validate\.mjs/);
  });
});

function expectLine(run, line) {
  assert.ok(
    run.stdout.split("\n").some((l) => l.trim().startsWith(line)),
    `expected a line starting "${line}" in:\n${run.stdout}`
  );
}
