// The -meta.xml checks: the structural check over the jsforce schema (and WSDL types), and the
// strict XSD check with xmllint over a schema generated from a WSDL.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  loadJsforceModel,
  loadWsdlModelFromFile,
  overlayModel,
  fieldsOf
} from "./metadata-model.mjs";
import { checkMetadataFiles } from "./metadata-structure.mjs";
import { checkMetadataXsd, xsdFromWsdl } from "./metadata-xsd.mjs";
import { sourceFiles, isMetaXml, expectedTypeOf } from "./project.mjs";
import { fixtureProject, REPO_ROOT } from "./fixture.mjs";

const TINY_WSDL = join(REPO_ROOT, "scripts/validate/fixtures/tiny-metadata.wsdl");
/** The real Metadata API WSDL when this machine has one (CI does); the tests never need it. */
const REAL_WSDL = [
  process.env.SF_METADATA_WSDL,
  join(REPO_ROOT, "../shared/salesforce/metadata-v66.wsdl")
].find((p) => p && existsSync(p));

const CHANNEL = "force-app/main/default/messageChannels/Greeting.messageChannel-meta.xml";
const CLASS_META = "force-app/main/default/classes/Greeter.cls-meta.xml";
const LWC_META = "force-app/main/default/lwc/hello/hello.js-meta.xml";

const jsforce = loadJsforceModel();
const tiny = overlayModel(jsforce, loadWsdlModelFromFile(TINY_WSDL));

describe("structural check (jsforce schema)", () => {
  let fx;
  before(() => (fx = fixtureProject("structure")));
  after(() => fx.cleanup());

  const check = (rel, model = jsforce) =>
    checkMetadataFiles(fx.root, [fx.path(rel)], model, expectedTypeOf);
  const rules = (problems) => problems.map((p) => `${p.file}:${p.line} ${p.rule}`);

  /** Runs `plant` on a file, checks it, then restores the file. */
  function withPlanted(rel, from, to, model = jsforce) {
    const original = fx.read(rel);
    fx.replace(rel, from, to);
    try {
      return check(rel, model);
    } finally {
      fx.write(rel, original);
    }
  }

  test("the clean fixture's metadata passes", () => {
    const files = sourceFiles(fx.root).filter(isMetaXml);
    assert.equal(files.length, 5);
    assert.deepEqual(checkMetadataFiles(fx.root, files, jsforce, expectedTypeOf), []);
  });

  test("a misspelled element is named with its line, the rule and the right spelling", () => {
    const problems = withPlanted(
      CHANNEL,
      "<masterLabel>Greeting</masterLabel>",
      "<masterLable>Greeting</masterLable>"
    );
    assert.deepEqual(rules(problems), [
      `${CHANNEL}:9 metadata-schema/unknown-element`,
      `${CHANNEL}:2 metadata-schema/missing-element`
    ]);
    assert.match(
      problems[0].message,
      /<masterLable> is not an element of LightningMessageChannel \(did you mean <masterLabel>\?\)/
    );
    assert.match(problems[1].message, /lacks the required <masterLabel>/);
  });

  test("an element nested at the wrong level is unknown there", () => {
    const problems = withPlanted(
      CHANNEL,
      "<isExposed>true</isExposed>",
      "<fieldName>name</fieldName>"
    );
    assert.deepEqual(rules(problems), [`${CHANNEL}:4 metadata-schema/unknown-element`]);
  });

  test("a field allowed once must not repeat; repeated fields may", () => {
    const problems = withPlanted(
      CHANNEL,
      "<masterLabel>Greeting</masterLabel>",
      "<masterLabel>A</masterLabel><masterLabel>B</masterLabel>"
    );
    assert.deepEqual(rules(problems), [`${CHANNEL}:9 metadata-schema/repeated-element`]);
    const twoFields = withPlanted(
      CHANNEL,
      "</lightningMessageFields>",
      "</lightningMessageFields><lightningMessageFields><fieldName>other</fieldName></lightningMessageFields>"
    );
    assert.deepEqual(twoFields, []);
  });

  test("booleans and numbers must parse", () => {
    assert.deepEqual(
      rules(withPlanted(CHANNEL, "<isExposed>true</isExposed>", "<isExposed>yes</isExposed>")),
      [`${CHANNEL}:4 metadata-schema/invalid-value`]
    );
    assert.deepEqual(
      rules(
        withPlanted(
          CLASS_META,
          "<apiVersion>66.0</apiVersion>",
          "<apiVersion>sixty-six</apiVersion>"
        )
      ),
      [`${CLASS_META}:3 metadata-schema/invalid-value`]
    );
  });

  test("a complex element holding text, or a leaf holding elements, is wrong", () => {
    assert.deepEqual(
      rules(
        withPlanted(CHANNEL, "<fieldName>name</fieldName>", "<fieldName><b>name</b></fieldName>")
      ),
      [`${CHANNEL}:7 metadata-schema/unexpected-element`]
    );
    assert.deepEqual(
      rules(withPlanted(LWC_META, "<target>lightning__RecordPage</target>", "loose text")),
      [`${LWC_META}:6 metadata-schema/unexpected-text`]
    );
  });

  test("enumerations are checked when a WSDL supplies them", () => {
    assert.deepEqual(check(CLASS_META, tiny), []);
    const problems = withPlanted(
      CLASS_META,
      "<status>Active</status>",
      "<status>Activ</status>",
      tiny
    );
    assert.deepEqual(rules(problems), [`${CLASS_META}:4 metadata-schema/invalid-value`]);
    assert.match(
      problems[0].message,
      /not one of the ApexCodeUnitStatus values: Inactive, Active, Deleted/
    );
  });

  test("the root element must be the type the file suffix names, in the Metadata namespace", () => {
    const original = fx.read(CLASS_META);
    fx.write(CLASS_META, original.replace(/ApexClass/g, "ApexPage"));
    const problems = check(CLASS_META);
    fx.write(CLASS_META, original);
    assert.deepEqual(rules(problems), [`${CLASS_META}:2 metadata-schema/root-element`]);
    assert.match(
      problems[0].message,
      /root element <ApexPage> does not match the file suffix, which means <ApexClass>/
    );
    assert.deepEqual(
      rules(
        withPlanted(CHANNEL, 'xmlns="http://soap.sforce.com/2006/04/metadata"', 'xmlns="urn:other"')
      ),
      [`${CHANNEL}:2 metadata-schema/namespace`]
    );
  });

  test("XML that is not well formed is reported with its line", () => {
    const problems = withPlanted(CHANNEL, "</masterLabel>", "</masterLabl>");
    assert.equal(problems.length, 1);
    assert.equal(problems[0].rule, "metadata-schema/xml-syntax");
    assert.equal(problems[0].line, 9);
  });

  test("the LWC bundle's targetConfigs may hold nested XML", () => {
    assert.match(fx.read(LWC_META), /<targetConfig targets=/);
    assert.deepEqual(check(LWC_META), []);
  });

  test("an API 66 utility bar FlexiPage passes; a misspelled item element does not", () => {
    const rel = "force-app/main/default/flexipages/Bar.flexipage-meta.xml";
    const page = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<FlexiPage xmlns="http://soap.sforce.com/2006/04/metadata">',
      "    <flexiPageRegions>",
      "        <itemInstances>",
      "            <componentInstance>",
      "                <componentInstanceProperties>",
      "                    <name>height</name>",
      "                    <type>decorator</type>",
      "                    <value>400</value>",
      "                </componentInstanceProperties>",
      "                <componentName>opencti:softPhone</componentName>",
      "                <identifier>opencti_softPhone</identifier>",
      "            </componentInstance>",
      "        </itemInstances>",
      "        <name>utilityItems</name>",
      "        <type>Region</type>",
      "    </flexiPageRegions>",
      "    <masterLabel>Bar</masterLabel>",
      "    <template>",
      "        <name>one:utilityBarTemplateDesktop</name>",
      "    </template>",
      "    <type>UtilityBar</type>",
      "</FlexiPage>",
      ""
    ].join("\n");
    mkdirSync(dirname(fx.path(rel)), { recursive: true });
    fx.write(rel, page);
    assert.deepEqual(check(rel), []);
    fx.write(
      rel,
      page
        .replace("<componentName>", "<componentNam>")
        .replace("</componentName>", "</componentNam>")
    );
    assert.deepEqual(rules(check(rel)), [
      `${rel}:11 metadata-schema/unknown-element`,
      `${rel}:5 metadata-schema/missing-element`
    ]);
    fx.remove(rel);
  });

  test("jsforce's model inherits base-type fields and knows API 66 FlexiPage items", () => {
    assert.ok(fieldsOf(jsforce, "ApexClass").fullName, "fullName comes from Metadata");
    assert.equal(fieldsOf(jsforce, "FlexiPageRegion").itemInstances.repeated, true);
  });
});

describe("strict XSD check (xmllint)", () => {
  let fx;
  before(() => (fx = fixtureProject("xsd")));
  after(() => fx.cleanup());
  const metaFiles = () => sourceFiles(fx.root).filter(isMetaXml);

  test("the generated XSD declares the WSDL's prefixes and one global element per type in use", () => {
    const xsd = xsdFromWsdl(readFileSync(TINY_WSDL, "utf8"), [
      "ApexClass",
      "ApexClass",
      "LightningMessageChannel"
    ]);
    assert.match(
      xsd,
      /<xsd:schema [^>]*xmlns:tns="http:\/\/soap\.sforce\.com\/2006\/04\/metadata"/
    );
    assert.match(xsd, /<xsd:schema [^>]*xmlns:xsd="http:\/\/www\.w3\.org\/2001\/XMLSchema"/);
    assert.equal(xsd.match(/<xsd:element name="ApexClass" type="tns:ApexClass"\/>/g)?.length, 1);
    assert.match(
      xsd,
      /<xsd:element name="LightningMessageChannel" type="tns:LightningMessageChannel"\/>/
    );
    assert.doesNotMatch(xsd, /<xsd:element name="ApexPage" type=/);
  });

  test("the clean fixture validates against the tiny WSDL, and a misspelled element fails with its line", async () => {
    const cache = fx.path(".tmp/xsd");
    assert.deepEqual(await checkMetadataXsd(fx.root, metaFiles(), TINY_WSDL, cache), []);
    const original = fx.read(CHANNEL);
    fx.replace(
      CHANNEL,
      "<masterLabel>Greeting</masterLabel>",
      "<masterLable>Greeting</masterLable>"
    );
    try {
      const problems = await checkMetadataXsd(fx.root, metaFiles(), TINY_WSDL, cache);
      assert.deepEqual(
        problems.map((p) => `${p.file}:${p.line} ${p.rule}`),
        [`${CHANNEL}:9 metadata-xsd`]
      );
      assert.match(
        problems[0].message,
        /'masterLable': This element is not expected\. Expected is one of \( lightningMessageFields, masterLabel \)/
      );
    } finally {
      fx.write(CHANNEL, original);
    }
  });

  test("the XSD check is stricter than the structural one: element order counts", async () => {
    const original = fx.read(CLASS_META);
    fx.replace(
      CLASS_META,
      "<apiVersion>66.0</apiVersion>\n    <status>Active</status>",
      "<status>Active</status>\n    <apiVersion>66.0</apiVersion>"
    );
    try {
      assert.deepEqual(
        checkMetadataFiles(fx.root, [fx.path(CLASS_META)], jsforce, expectedTypeOf),
        []
      );
      const problems = await checkMetadataXsd(
        fx.root,
        [fx.path(CLASS_META)],
        TINY_WSDL,
        fx.path(".tmp/xsd")
      );
      assert.deepEqual(
        problems.map((p) => `${p.file}:${p.line} ${p.rule}`),
        [`${CLASS_META}:3 metadata-xsd`]
      );
      assert.match(
        problems[0].message,
        /'status': This element is not expected\. Expected is .*apiVersion/
      );
    } finally {
      fx.write(CLASS_META, original);
    }
  });

  test(`the fixture against ${REAL_WSDL ? "the real Metadata API WSDL" : "the tiny WSDL (no real WSDL here)"}`, async () => {
    const wsdl = REAL_WSDL ?? TINY_WSDL;
    const cache = fx.path(".tmp/xsd-real");
    assert.deepEqual(await checkMetadataXsd(fx.root, metaFiles(), wsdl, cache), []);
    const original = fx.read(CLASS_META);
    fx.replace(CLASS_META, "<status>Active</status>", "<status>Activ</status>");
    try {
      const problems = await checkMetadataXsd(fx.root, metaFiles(), wsdl, cache);
      assert.deepEqual(
        problems.map((p) => `${p.file}:${p.line} ${p.rule}`),
        [`${CLASS_META}:4 metadata-xsd`]
      );
      assert.match(problems[0].message, /not an element of the set|enumeration/);
    } finally {
      fx.write(CLASS_META, original);
    }
  });

  test("a WSDL without a schema is reported, not crashed on", async () => {
    const bad = fx.path("bad.wsdl");
    fx.write("bad.wsdl", "<definitions xmlns:tns='x'><types/></definitions>");
    const problems = await checkMetadataXsd(fx.root, metaFiles(), bad, fx.path(".tmp/xsd-bad"));
    assert.deepEqual(
      problems.map((p) => p.rule),
      ["metadata-xsd/bad-wsdl"]
    );
  });
});
