/**
 * The validator on real call center files from public repositories (test data kept beside the
 * clone in ../shared/external-callcenters, never copied into the project). Each file's verdict
 * is compared with an expectation written from the Open CTI Developer Guide (and, for the
 * Voice file, Salesforce's Partner Telephony sample), with the reason. Errors are listed with
 * their lines; warnings are counted by rule. A fast-check run mutates the files and proves the
 * validator never throws on them.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { RULES, analyzeCallCenter } from "./rules.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const folder =
  process.env.EXTERNAL_CALLCENTERS ?? join(root, "..", "shared", "external-callcenters");
const present = existsSync(folder);
const skip = present
  ? false
  : `no ${folder}: the real call center files sit beside the clone (CI has them)`;

const DEMO_REQ_NAMES = { "name-reserved-req": 6 };

/**
 * path → { format, kind, errors: ["rule@line"], warnings: { rule: count }, why }.
 * Shared reasons: Salesforce's own demo adapter keeps its demo settings in a "reqPhoneDemoSettings"
 * section (custom names starting with req, which the guide reserves) and a
 * reqProviderAuthToken item with a value (every agent can read it); Cisco's files have no
 * reqDialingOptions, custom req names and names over 40 characters. Those ship and import, so
 * they are warnings, not errors.
 */
const EXPECTED = {
  "CiscoDevNet__webex-contact-center-crm-integrations/Salesforce/sfdc-callcenter-definition-file.xml":
    {
      format: "import",
      kind: "open-cti",
      errors: [],
      warnings: { "dialing-options-missing": 1, "name-reserved-req": 12, "name-length": 4 },
      why: "Cisco's shipping file: every Required item present, sortOrders in sequence; custom sections and items named req…, four item names of 43–55 characters, no reqDialingOptions."
    },
  "CiscoDevNet__webex-contact-center-crm-integrations@2b20e02/Salesforce/sfdc-callcenter-definition-file.xml":
    {
      format: "import",
      kind: "open-cti",
      errors: [],
      warnings: { "dialing-options-missing": 1, "name-reserved-req": 9 },
      why: "The 2022 version of Cisco's file: the same pattern, without the long names."
    },
  "brekekesoftware__pbx-salesforce/docs/BrekekeCallcenter.xml": {
    format: "import",
    kind: "open-cti",
    errors: [],
    warnings: {},
    why: "Follows the guide's Lightning sample; standby URL and timeout set together; empty dialing prefixes are allowed."
  },
  "developerforce__open-cti-demo-adapter/src/callCenters/OpenCTI.callCenter": {
    format: "metadata",
    kind: "open-cti",
    errors: [],
    warnings: { ...DEMO_REQ_NAMES, "secret-item": 1, "metadata-consistency": 1 },
    why: "Salesforce's demo adapter (Metadata API folder format, so .callCenter is the right suffix). Its <customSettings> says reqStandbyUrl /apex/demoAdapterPage2 while the item says /apex/demoAdapterPage: it deploys, but the two disagree."
  },
  "developerforce__open-cti-demo-adapter/src/callCenters/OpenCTI.callCenter2": {
    format: "metadata",
    kind: "open-cti",
    errors: ["adapter-url@11"],
    warnings: { "file-name": 1, "name-reserved-req": 3 },
    why: "A second copy in the demo adapter: the suffix .callCenter2 is read by no deploy tool, and its adapter URL is http:// with Lightning mode, which a Lightning (https) page blocks as mixed content, so the softphone cannot load."
  },
  "justin-lyon__jml-dx-box/force-app/main/default/callCenters/OpenCTI.callCenter-meta.xml": {
    format: "metadata",
    kind: "open-cti",
    errors: [],
    warnings: { ...DEMO_REQ_NAMES, "secret-item": 1 },
    why: "The demo adapter's definition in source format, customSettings consistent with the items."
  },
  "navikt__crm-hot-servicetjenesten/force-app/scratch-org/other/callCenters/OpenCTI.callCenter-meta.xml":
    {
      format: "metadata",
      kind: "open-cti",
      errors: [],
      warnings: { ...DEMO_REQ_NAMES, "secret-item": 1 },
      why: "The demo adapter's definition adapted to a Lightning-only page; consistent."
    },
  "nicolas-despres__clickToCall/force-app/main/default/callCenters/OpenCTI.callCenter-meta.xml": {
    format: "metadata",
    kind: "open-cti",
    errors: [],
    warnings: { ...DEMO_REQ_NAMES, "secret-item": 1, "metadata-consistency": 1 },
    why: "The demo adapter's definition with its own page; customSettings still names /apex/demoAdapterPage2 as the standby URL."
  },
  "shanjay101__cdnsipImpl/callcenter.xml": {
    format: "metadata",
    kind: "open-cti",
    errors: ["root@2"],
    warnings: { ...DEMO_REQ_NAMES, "secret-item": 1, "metadata-consistency": 1 },
    why: "A Metadata API body under a lower-case <callCenter> root: neither the import (which needs <section>/<item>) nor a deploy (which needs <CallCenter>) takes it. One error with the fix; the body is then checked as Metadata API."
  },
  "stonesational__lightningmessageservice-poc/force-app/main/default/callCenters/OpenCTI.callCenter-meta.xml":
    {
      format: "metadata",
      kind: "open-cti",
      errors: [],
      warnings: { ...DEMO_REQ_NAMES, "secret-item": 1 },
      why: "The demo adapter's definition with another standby page; consistent."
    },
  "sumsted__openctidemo/src/callcenter.xml": {
    format: null,
    kind: null,
    errors: ["xml-syntax@5"],
    warnings: {},
    why: 'The adapter URL placeholder "https://<your hosted domain>/softphone" leaves "<" unescaped, so the file is not XML and the import fails; the message says to write &lt;.'
  },
  "talktelecom__salesforce/callcenter.xml": {
    format: "import",
    kind: "open-cti",
    errors: ["adapter-url@17"],
    warnings: { "name-reserved-req": 1 },
    why: 'The guide\'s Classic sample with its placeholder URL "https://domain:port/softphone" (not a URL: the softphone cannot load) and the misspelt reqSalesforceCompatabilityMode (a warning that suggests the right name; Classic is the default anyway).'
  },
  "webex__webex-contact-center-crm-connectors/salesforce/cti/OpenCTI.callCenter-meta.xml": {
    format: "import",
    kind: "open-cti",
    errors: [],
    warnings: { "file-name": 1, "dialing-options-missing": 1, "general-info-position": 1 },
    why: "Webex's Open CTI file: an import-format body named .callCenter-meta.xml (a deploy would reject it), reqGeneralInfo at sortOrder 1 after the vendor's own section, and no dialing options."
  },
  "webex__webex-contact-center-crm-connectors/salesforce/servicecloudvoice/WxCCContactCenterSCV.xml":
    {
      format: "import",
      kind: "voice",
      errors: [],
      warnings: {},
      why: "A Service Cloud Voice contact center (reqVendorInfoApiName, reqHvcc): checked by Voice's rules, so no Open CTI adapter URL, size or dialing options are asked for; the empty certificate is filled in at setup."
    }
};

function filesIn(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return filesIn(p);
    return name === "SOURCES.md" ? [] : [p];
  });
}

const files = present
  ? filesIn(folder)
      .map((p) => relative(folder, p).split("\\").join("/"))
      .sort()
  : [];
const analyse = (path) =>
  analyzeCallCenter(readFileSync(join(folder, path), "utf8"), { fileName: join(folder, path) });

describe("verdicts on the real call center files", { skip }, () => {
  test("every file has a written expectation, and every expectation a file", () => {
    assert.deepEqual(files, Object.keys(EXPECTED).sort());
  });

  for (const path of Object.keys(EXPECTED)) {
    const expected = EXPECTED[path];
    test(`${path}: ${expected.why}`, () => {
      const result = analyse(path);
      const errors = result.problems
        .filter((p) => p.severity === "error")
        .map((p) => `${p.rule}@${p.line}`);
      const warnings = {};
      for (const p of result.problems.filter((p) => p.severity === "warning"))
        warnings[p.rule] = (warnings[p.rule] ?? 0) + 1;
      assert.deepEqual(
        { format: result.format, kind: result.kind, errors, warnings },
        {
          format: expected.format,
          kind: expected.kind,
          errors: expected.errors,
          warnings: expected.warnings
        },
        result.problems.map((p) => `${p.line} ${p.severity} ${p.rule}: ${p.message}`).join("\n")
      );
      for (const p of result.problems)
        assert.ok(p.message.length > 30, `${p.rule} explains itself`);
    });
  }

  test("no file fails on a rule that Salesforce's and Cisco's shipping files break", () => {
    const shippingRules = [
      "name-reserved-req",
      "dialing-options-missing",
      "name-length",
      "value-case"
    ];
    for (const path of files)
      for (const p of analyse(path).problems)
        if (shippingRules.includes(p.rule))
          assert.equal(p.severity, "warning", `${path}: ${p.rule}`);
  });

  test("never throws on the real files cut, spliced or sprinkled with markup", () => {
    const texts = files.map((p) => readFileSync(join(folder, p), "utf8"));
    const insert = fc.constantFrom(
      "<",
      ">",
      "&",
      "</section>",
      "<item>",
      '"',
      "req",
      "\u0000",
      "x".repeat(50)
    );
    const mutated = fc
      .tuple(
        fc.nat({ max: texts.length - 1 }),
        fc.array(
          fc.tuple(fc.nat(), fc.nat({ max: 30 }), fc.oneof(insert, fc.string({ maxLength: 6 }))),
          {
            minLength: 1,
            maxLength: 5
          }
        ),
        fc.constantFrom(undefined, "OpenCTI.callCenter-meta.xml", "x.callCenter2", "callcenter.xml")
      )
      .map(([index, edits, fileName]) => {
        let text = texts[index];
        for (const [at, remove, add] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + add + text.slice(i + remove);
        }
        return { text, fileName };
      });
    fc.assert(
      fc.property(mutated, ({ text, fileName }) => {
        const result = analyzeCallCenter(text, { fileName });
        const lines = text.split("\n").length;
        for (const p of result.problems) {
          assert.ok(Object.hasOwn(RULES, p.rule), p.rule);
          assert.ok(p.line >= 1 && p.line <= lines + 1, `line ${p.line}`);
          assert.ok(p.message.length < 5000);
        }
        assert.deepEqual(analyzeCallCenter(text, { fileName }), result);
      }),
      { numRuns: 600 }
    );
  });
});
