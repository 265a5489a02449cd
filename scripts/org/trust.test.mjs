import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { parseXml, childElements, textOf } from "../callcenter/xml.mjs";
import { checkShape, loadSchema } from "./wsdl-shape.mjs";
import { defaultSiteName, parseEndpoint, TrustInputError } from "./trust.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const work = mkdtempSync(join(tmpdir(), "org-trust-"));
after(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(work, String(n++));
const trust = (dir, ...args) =>
  spawnSync(process.execPath, [join(root, "scripts/org-trust.mjs"), "--dir", dir, ...args], {
    encoding: "utf8"
  });
const fields = (file) =>
  Object.fromEntries(
    childElements(parseXml(readFileSync(file, "utf8"))).map((e) => [e.name, textOf(e)])
  );

test("a wss PBX URL becomes an active connect-src trusted site for Visualforce", () => {
  const dir = freshDir();
  const r = trust(dir, "wss://pbx.example.com:8089/ws");
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /path \/ws is not part of the entry/);
  assert.deepEqual(readdirSync(dir), [
    "Softphone_PBX_pbx_example_com_8089.cspTrustedSite-meta.xml"
  ]);
  const f = fields(join(dir, "Softphone_PBX_pbx_example_com_8089.cspTrustedSite-meta.xml"));
  assert.equal(f.endpointUrl, "wss://pbx.example.com:8089");
  assert.equal(f.context, "VisualForce");
  assert.equal(f.isActive, "true");
  assert.equal(f.isApplicableToConnectSrc, "true");
  for (const other of ["Font", "Frame", "Img", "Media", "Style"])
    assert.equal(f[`isApplicableTo${other}Src`], "false");
});

test("https endpoints are accepted; the name and description can be chosen", () => {
  const dir = freshDir();
  const r = trust(
    dir,
    "https://provisioning.example.com",
    "--name",
    "Provisioning",
    "--description",
    "Phone <config> & keys"
  );
  assert.equal(r.status, 0, r.stderr);
  const f = fields(join(dir, "Provisioning.cspTrustedSite-meta.xml"));
  assert.equal(f.endpointUrl, "https://provisioning.example.com");
  assert.equal(f.description, "Phone <config> & keys");
});

for (const [input, message] of [
  ["ws://pbx.example.com", /unencrypted \(ws:\/\/\)/],
  ["http://pbx.example.com", /unencrypted \(http:\/\/\)/],
  ["sip:pbx.example.com", /only wss:\/\/ .* and https:\/\/ URLs/],
  ["pbx.example.com", /is not a URL/],
  ["wss://agent:secret@pbx.example.com", /user name or password/],
  ["wss://pbx.example.com/ws?token=1", /\?query or #fragment/]
])
  test(`refuses ${input} with a clear error and writes nothing`, () => {
    const dir = freshDir();
    const r = trust(dir, input);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^org:trust: /);
    assert.match(r.stderr, message);
    assert.equal(existsSync(dir), false);
  });

test("no URL, two URLs, a bad --name and an unknown option are refused", () => {
  const dir = freshDir();
  assert.match(trust(dir).stderr, /Give the PBX URL/);
  assert.match(trust(dir, "wss://a.example.com", "wss://b.example.com").stderr, /exactly one URL/);
  assert.match(
    trust(dir, "wss://a.example.com", "--name", "my pbx").stderr,
    /not a valid trusted site name/
  );
  assert.equal(trust(dir, "wss://a.example.com", "--verbose").status, 2);
  assert.equal(existsSync(dir), false);
});

test("re-running is idempotent; a different PBX under the same name needs --force", () => {
  const dir = freshDir();
  assert.equal(trust(dir, "wss://pbx.example.com", "--name", "Main").status, 0);
  const first = readFileSync(join(dir, "Main.cspTrustedSite-meta.xml"), "utf8");
  const again = trust(dir, "wss://pbx.example.com", "--name", "Main");
  assert.equal(again.status, 0);
  assert.match(again.stdout, /nothing to do/);
  const clash = trust(dir, "wss://other.example.com", "--name", "Main");
  assert.equal(clash.status, 1);
  assert.match(clash.stderr, /already exists for wss:\/\/pbx\.example\.com/);
  assert.equal(
    readFileSync(join(dir, "Main.cspTrustedSite-meta.xml"), "utf8"),
    first,
    "nothing lost"
  );
  assert.equal(trust(dir, "wss://other.example.com", "--name", "Main", "--force").status, 0);
  assert.equal(
    fields(join(dir, "Main.cspTrustedSite-meta.xml")).endpointUrl,
    "wss://other.example.com"
  );
});

test("names derived from hosts are valid developer names", () => {
  assert.equal(defaultSiteName("pbx.example.com"), "Softphone_PBX_pbx_example_com");
  assert.equal(defaultSiteName("[2001:db8::1]:8089"), "Softphone_PBX_2001_db8_1_8089");
  assert.ok(defaultSiteName(`${"a".repeat(100)}.com`).length <= 80);
  assert.equal(parseEndpoint("wss://PBX.Example.com:443/").origin, "wss://pbx.example.com");
  assert.throws(() => parseEndpoint(""), TrustInputError);
});

const wsdlPath = process.env.METADATA_WSDL ?? join(root, "../shared/salesforce/metadata-v66.wsdl");
test(
  "the written file matches the Metadata API schema",
  { skip: !existsSync(wsdlPath) && `no WSDL at ${wsdlPath}` },
  () => {
    const dir = freshDir();
    trust(dir, "wss://pbx.example.com");
    const text = readFileSync(
      join(dir, "Softphone_PBX_pbx_example_com.cspTrustedSite-meta.xml"),
      "utf8"
    );
    const schema = loadSchema(readFileSync(wsdlPath, "utf8"));
    assert.deepEqual(checkShape(text, "CspTrustedSite", schema), []);
    const wrongContext = text.replace("VisualForce", "Visualforce");
    assert.equal(
      checkShape(wrongContext, "CspTrustedSite", schema).length,
      1,
      "the enum is case-sensitive"
    );
  }
);
