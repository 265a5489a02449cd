// Fast, in-process parts of the validate checks: PMD suppression reasons, prettier's first
// differing line, the JSON schemas, and the comparison of a project with a package.xml.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { checkSuppressions } from "./apex-check.mjs";
import { firstDifferentLine } from "./style-check.mjs";
import { checkJsonSchemas, jsonErrorOffset } from "./json-schema-check.mjs";
import { compareWithPackageXml, readPackageXml } from "./convert-check.mjs";
import { formatProblem } from "./report.mjs";
import { fixtureProject } from "./fixture.mjs";

const at = (problems) => problems.map((p) => `${p.file}:${p.line} ${p.rule}`);

const FULL_PACKAGE_XML = `<?xml version="1.0" encoding="UTF-8"?>
<Package xmlns="http://soap.sforce.com/2006/04/metadata">
    <types><members>Greeter</members><members>GreeterTest</members><name>ApexClass</name></types>
    <types><members>Hello</members><name>ApexPage</name></types>
    <types><members>hello</members><name>LightningComponentBundle</name></types>
    <types><members>Greeting</members><name>LightningMessageChannel</name></types>
    <version>66.0</version>
</Package>
`;

describe("PMD suppressions need a reason", () => {
  let fx;
  before(() => (fx = fixtureProject("suppress")));
  after(() => fx.cleanup());
  const file = "force-app/main/default/classes/Suppressed.cls";

  test("a bare // NOPMD and an uncommented @SuppressWarnings are reported with their lines", () => {
    fx.write(
      file,
      [
        "public with sharing class Suppressed {",
        "  @SuppressWarnings('PMD.ApexCRUDViolation')",
        "  public static Integer count() {",
        "    return [SELECT COUNT() FROM Contact]; // NOPMD",
        "  }",
        "}",
        ""
      ].join("\n")
    );
    assert.deepEqual(at(checkSuppressions(fx.root, [fx.path(file)])), [
      `${file}:2 pmd/unjustified-suppression`,
      `${file}:4 pmd/unjustified-suppression`
    ]);
  });

  test("a reason after NOPMD or in a comment above @SuppressWarnings is accepted", () => {
    fx.write(
      file,
      [
        "public with sharing class Suppressed {",
        "  // Counting needs no field access; the query runs in user mode anyway.",
        "  @SuppressWarnings('PMD.ApexCRUDViolation')",
        "  public static Integer count() {",
        "    return [SELECT COUNT() FROM Contact]; // NOPMD counts only, exposes no data",
        "  }",
        "}",
        ""
      ].join("\n")
    );
    assert.deepEqual(checkSuppressions(fx.root, [fx.path(file)]), []);
  });
});

describe("prettier's first differing line", () => {
  test("names the first line that changes", () => {
    assert.equal(firstDifferentLine("a\nb\nc\n", "a\nB\nc\n"), 2);
    assert.equal(firstDifferentLine("a\nb", "a\nb\n"), 3);
  });
});

describe("JSON schemas of sfdx-project.json and the scratch org definition", () => {
  let fx;
  before(() => (fx = fixtureProject("json")));
  after(() => fx.cleanup());

  test("the fixture's files are valid", () => {
    assert.deepEqual(checkJsonSchemas(fx.root), []);
  });

  test("an invalid sfdx-project.json is reported with file, line and the schema keyword", () => {
    const original = fx.read("sfdx-project.json");
    fx.replace("sfdx-project.json", '"default": true', '"default": "yes"');
    fx.replace("sfdx-project.json", '"name": "validate-fixture"', '"nmae": "validate-fixture"');
    try {
      const problems = checkJsonSchemas(fx.root);
      const lines = at(problems);
      assert.ok(lines.includes("sfdx-project.json:2 json-schema/type"), lines.join("\n"));
      assert.ok(
        lines.includes("sfdx-project.json:3 json-schema/additionalProperties"),
        lines.join("\n")
      );
      assert.match(
        problems.find((p) => p.rule === "json-schema/additionalProperties").message,
        /"nmae"/
      );
    } finally {
      fx.write("sfdx-project.json", original);
    }
  });

  test("broken JSON and a scratch definition without edition are reported", () => {
    const project = fx.read("sfdx-project.json");
    const scratch = fx.read("config/project-scratch-def.json");
    fx.write("sfdx-project.json", '{\n  "packageDirectories": [],\n  "name" 2\n}\n');
    fx.write("config/project-scratch-def.json", '{ "orgName": "x" }\n');
    try {
      const problems = checkJsonSchemas(fx.root);
      assert.deepEqual(
        problems.map((p) => `${p.file} ${p.rule}`),
        [
          "sfdx-project.json json-schema/syntax",
          "config/project-scratch-def.json json-schema/required"
        ]
      );
      assert.equal(problems[0].line, 3);
    } finally {
      fx.write("sfdx-project.json", project);
      fx.write("config/project-scratch-def.json", scratch);
    }
  });
});

describe("where JSON.parse failed", () => {
  const offsetOf = (text) => {
    try {
      JSON.parse(text);
    } catch (e) {
      return jsonErrorOffset(text, e.message);
    }
    throw new Error("the text parsed");
  };

  test("from the position V8 names", () => {
    const text = '{\n  "a": 1,\n  "b" 2\n}\n';
    assert.equal(text.slice(offsetOf(text))[0], "2");
  });

  test("from the text V8 quotes around the bad token", () => {
    const text = '{\n  "packageDirectories": [\n    { "path": "force-app" }\n  ],\n  "name": }\n';
    assert.equal(text.slice(offsetOf(text)).slice(0, 2), "}\n");
  });

  test("at the end when the input stops early", () => {
    assert.equal(offsetOf('{ "a": '), 7);
  });
});

describe("project files compared with a converted package.xml", () => {
  let fx;
  before(() => (fx = fixtureProject("compare")));
  after(() => fx.cleanup());

  test("package.xml is read into types and members", () => {
    const types = readPackageXml(FULL_PACKAGE_XML);
    assert.deepEqual([...types.get("ApexClass")], ["Greeter", "GreeterTest"]);
    assert.equal(types.size, 4);
  });

  test("the fixture matches a package.xml that lists all its components", () => {
    assert.deepEqual(compareWithPackageXml(fx.root, FULL_PACKAGE_XML), []);
  });

  test("a component listed in package.xml but absent from the output is reported", () => {
    const output = [
      "package.xml",
      "classes/Greeter.cls",
      "classes/Greeter.cls-meta.xml",
      "classes/GreeterTest.cls",
      "classes/GreeterTest.cls-meta.xml",
      "lwc/hello/hello.js",
      "messageChannels/Greeting.messageChannel",
      "pages/Hello.page",
      "pages/Hello.page-meta.xml"
    ];
    assert.deepEqual(compareWithPackageXml(fx.root, FULL_PACKAGE_XML, output), []);
    const withoutPage = output.filter((f) => !f.startsWith("pages/"));
    assert.deepEqual(at(compareWithPackageXml(fx.root, FULL_PACKAGE_XML, withoutPage)), [
      "force-app/main/default/pages/Hello.page-meta.xml:0 convert/missing-from-output"
    ]);
  });

  test("a type missing from package.xml is reported for each of its files", () => {
    const withoutPage = FULL_PACKAGE_XML.replace(
      /<types><members>Hello<\/members><name>ApexPage<\/name><\/types>/,
      ""
    );
    assert.deepEqual(at(compareWithPackageXml(fx.root, withoutPage)), [
      "force-app/main/default/pages/Hello.page-meta.xml:0 convert/missing-from-package-xml",
      "force-app/main/default/pages/Hello.page-meta.xml:0 convert/type-missing"
    ]);
  });

  test("a class without its -meta.xml, and a stray file, are reported as dropped", () => {
    fx.write(
      "force-app/main/default/classes/Orphan.cls",
      "public with sharing class Orphan {\n}\n"
    );
    fx.write("force-app/main/default/classes/notes.txt", "scratch notes\n");
    try {
      const problems = compareWithPackageXml(fx.root, FULL_PACKAGE_XML);
      assert.deepEqual(at(problems), [
        "force-app/main/default/classes/Orphan.cls:0 convert/dropped-file",
        "force-app/main/default/classes/notes.txt:0 convert/dropped-file"
      ]);
      assert.match(problems[0].message, /Orphan\.cls-meta\.xml is missing/);
      assert.equal(
        formatProblem(problems[0]).split("  ")[0],
        "force-app/main/default/classes/Orphan.cls"
      );
    } finally {
      fx.remove("force-app/main/default/classes/Orphan.cls");
      fx.remove("force-app/main/default/classes/notes.txt");
    }
  });

  test("files .forceignore excludes are not expected in the output", () => {
    fx.write("force-app/main/default/lwc/hello/jsconfig.json", "{}\n");
    try {
      assert.deepEqual(compareWithPackageXml(fx.root, FULL_PACKAGE_XML), []);
    } finally {
      fx.remove("force-app/main/default/lwc/hello/jsconfig.json");
    }
  });
});
