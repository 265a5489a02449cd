import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  existsSync
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { exportCallCenter, ExportError } from "./export.mjs";
import { readDefinition } from "./model.mjs";
import { checkCallCenter } from "./rules.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const source = join(
  root,
  "force-app/main/default/callCenters/OpenCtiSoftphone.callCenter-meta.xml"
);
const committed = join(root, "config/callcenter/OpenCtiSoftphone.xml");
const script = join(root, "scripts/callcenter-export.mjs");
const work = mkdtempSync(join(tmpdir(), "callcenter-export-"));
after(() => rmSync(work, { recursive: true, force: true }));
const run = (...args) => spawnSync(process.execPath, [script, ...args], { encoding: "utf8" });
const generatedFrom = "force-app/main/default/callCenters/OpenCtiSoftphone.callCenter-meta.xml";

test("the committed import file equals a fresh export of the metadata file", () => {
  const fresh = exportCallCenter(readFileSync(source, "utf8"), source, { generatedFrom });
  assert.equal(readFileSync(committed, "utf8"), fresh);
  assert.equal(run("--check").status, 0);
});

test("--check fails on a stale or missing import file, and an export fixes it", () => {
  const src = join(work, "OpenCtiSoftphone.callCenter-meta.xml");
  const out = join(work, "out", "OpenCtiSoftphone.xml");
  copyFileSync(source, src);
  assert.equal(run("--source", src, "--out", out).status, 0);
  assert.equal(run("--source", src, "--out", out, "--check").status, 0);

  writeFileSync(src, readFileSync(src, "utf8").replace("<value>400</value>", "<value>500</value>"));
  const stale = run("--source", src, "--out", out, "--check");
  assert.equal(stale.status, 1);
  assert.match(stale.stderr, /is stale/);
  assert.match(readFileSync(out, "utf8"), /reqSoftphoneHeight[^>]*>400</, "--check never writes");

  assert.equal(run("--source", src, "--out", out).status, 0);
  assert.equal(run("--source", src, "--out", out, "--check").status, 0);
  assert.match(readFileSync(out, "utf8"), /reqSoftphoneHeight[^>]*>500</);

  rmSync(out);
  const missing = run("--source", src, "--out", out, "--check");
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /is missing/);
  assert.equal(existsSync(out), false);
});

test("an invalid metadata file is not exported, and its problems are listed with lines", () => {
  const src = join(work, "Broken.callCenter-meta.xml");
  const out = join(work, "Broken.xml");
  writeFileSync(
    src,
    readFileSync(source, "utf8").replace("<value>demo</value>", "<value>pbx</value>")
  );
  const r = run("--source", src, "--out", out);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /Broken\.callCenter-meta\.xml:\d+: provider "pbx"/);
  assert.equal(existsSync(out), false);
  assert.throws(() => exportCallCenter(readFileSync(src, "utf8"), src), ExportError);
});

test("the export puts reqInternalName at 0 and reqDisplayName at 1 and keeps every item and value", () => {
  const meta = readDefinition(readFileSync(source, "utf8"), { fileName: source });
  const exported = readDefinition(readFileSync(committed, "utf8"));
  assert.equal(exported.format, "import");
  const [general, ...rest] = exported.centers[0].sections;
  assert.deepEqual(
    general.items.slice(0, 2).map((i) => [i.sortOrder, i.name, i.value]),
    [
      [0, "reqInternalName", "OpenCtiSoftphone"],
      [1, "reqDisplayName", "Open CTI Softphone"]
    ]
  );
  const flat = (sections) =>
    sections.flatMap((s) => s.items.map((i) => [s.name, i.name, i.label, i.value]));
  assert.deepEqual(
    flat([{ ...general, items: general.items.slice(2) }, ...rest]),
    flat(meta.centers[0].sections)
  );
  for (const s of exported.centers[0].sections)
    assert.deepEqual(
      s.items.map((i) => i.sortOrder),
      s.items.map((_, k) => k)
    );
});

test("the call center carries every setting of the design with its default", () => {
  const values = Object.fromEntries(
    readDefinition(readFileSync(committed, "utf8")).centers[0].sections.flatMap((s) =>
      s.items.map((i) => [`${s.name}/${i.name}`, i.value])
    )
  );
  assert.deepEqual(values, {
    "reqGeneralInfo/reqInternalName": "OpenCtiSoftphone",
    "reqGeneralInfo/reqDisplayName": "Open CTI Softphone",
    "reqGeneralInfo/reqAdapterUrl": "/apex/Softphone",
    "reqGeneralInfo/reqUseApi": "true",
    "reqGeneralInfo/reqSoftphoneHeight": "400",
    "reqGeneralInfo/reqSoftphoneWidth": "340",
    "reqGeneralInfo/reqSalesforceCompatibilityMode": "Classic_and_Lightning",
    "reqGeneralInfo/reqStandbyUrl": "",
    "reqGeneralInfo/reqTimeout": "",
    "reqDialingOptions/reqOutsidePrefix": "9",
    "reqDialingOptions/reqLongDistPrefix": "1",
    "reqDialingOptions/reqInternationalPrefix": "011",
    "softphoneSettings/provider": "demo",
    "softphoneSettings/defaultCountry": "US",
    "softphoneSettings/screenPop": "apex",
    "softphoneSettings/noMatchPop": "newContact",
    "softphoneSettings/logCalls": "true",
    "softphoneSettings/wrapUpSeconds": "",
    "softphoneSettings/dialFormat": "e164",
    "softphoneSettings/retentionDays": "7",
    "softphoneSettings/notReadyReasons": "Break,Lunch,Training",
    "softphoneSettings/notReadyResponseCode": "486",
    "softphoneSettings/dispositions": "Connected,Left voicemail,No answer,Busy,Wrong number",
    "softphoneSettings/dispositionRequired": "false",
    "softphoneSettings/allowServiceCodes": "false",
    "softphoneSettings/channelCommands": "",
    "sipSettings/webSocketUrl": "",
    "sipSettings/sipDomain": "",
    "sipSettings/iceServers": "",
    "sipSettings/credentials": "prompt",
    "callFeatures/conferenceUri": "",
    "callFeatures/featureCodes": "",
    "callFeatures/supervisorCodes": "",
    "callFeatures/voicemailMessages": "",
    "sipSettings/reconnectGraceSeconds": "30"
  });
});

test("labels and values with markup characters survive the export", () => {
  const text = readFileSync(source, "utf8")
    .replace(
      "<label>Outside Prefix</label>",
      "<label>Outside &lt;Prefix&gt; &amp; &quot;dial&quot;</label>"
    )
    .replace(
      "<displayName>Open CTI Softphone</displayName>",
      "<displayName>R&amp;D &lt;Phones&gt;</displayName>"
    );
  const out = exportCallCenter(text, source);
  assert.deepEqual(checkCallCenter(out), []);
  const def = readDefinition(out);
  const items = def.centers[0].sections.flatMap((s) => s.items);
  assert.equal(items.find((i) => i.name === "reqOutsidePrefix").label, 'Outside <Prefix> & "dial"');
  assert.equal(items.find((i) => i.name === "reqDisplayName").value, "R&D <Phones>");
  assert.equal(exportCallCenter(text, source), out, "deterministic");
});
