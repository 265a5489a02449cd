/**
 * The validator and the softphone agree: whatever `callcenter:check` accepts, the softphone's own
 * settings parser (ts-src/core/settings.ts, bundled here with esbuild) accepts too, so an admin
 * who gets "ok" never meets a setup message at runtime.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import fc from "fast-check";
import { readDefinition } from "./model.mjs";
import { checkCallCenter } from "./rules.mjs";
import { escapeText } from "./xml.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const ours = readFileSync(join(root, "config/callcenter/OpenCtiSoftphone.xml"), "utf8");
let parseSettings;

before(async () => {
  const out = await build({
    entryPoints: [join(root, "ts-src/core/settings.ts")],
    bundle: true,
    format: "esm",
    platform: "node",
    write: false,
    logLevel: "silent"
  });
  const code = out.outputFiles[0].text;
  ({ parseSettings } = await import(
    `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`
  ));
});

/** The definition with some items' values replaced. */
function withValues(values) {
  let xml = ours;
  for (const [name, value] of Object.entries(values)) {
    const re = new RegExp(`(name="${name}"[^>]*>)[^<]*(</item>)`);
    assert.match(xml, re, name);
    xml = xml.replace(re, (_, open, close) => `${open}${escapeText(value)}${close}`);
  }
  return xml;
}

/** What getCallCenterSettings hands the softphone: "/section/item" → value. */
function settingsOf(xml) {
  return Object.fromEntries(
    readDefinition(xml).centers[0].sections.flatMap((s) =>
      s.items.map((i) => [`/${s.name}/${i.name}`, i.value])
    )
  );
}

const candidates = {
  provider: ["demo", "sip", "SIP", "asterisk", ""],
  defaultCountry: ["US", "gb", "DE", "USA", "XX", ""],
  screenPop: ["apex", "layout", "off", "Off", "always", ""],
  noMatchPop: [
    "newContact",
    "newlead",
    "search",
    "none",
    "flow:Intake",
    "flow:New_Caller",
    "flow:bad name",
    "flow:a__b",
    "flow:",
    "contact",
    ""
  ],
  logCalls: ["true", "false", "TRUE", "yes", ""],
  wrapUpSeconds: ["", "0", "30", "3600", "3601", "-1", "1.5", "ten"],
  dialFormat: ["e164", "prefixes", "E164", "e.164", ""],
  retentionDays: ["", "1", "7", "90", "0", "91", "7.5", "week"],
  channelCommands: [
    "",
    "none",
    "NONE",
    "dial, answer",
    "Transfer",
    "dial,,hold",
    "selfDestruct",
    "dial;mute"
  ],
  reqOutsidePrefix: ["9", "", "0", "*9", "9-", "1234567"],
  reqInternationalPrefix: ["011", "00", "+", "0011"],
  reqSoftphoneHeight: ["400", "240", "2560", "239", "2561", "400px", ""],
  reqSoftphoneWidth: ["340", "200", "1920", "199", "1921", ""],
  webSocketUrl: [
    "",
    "wss://pbx.example.com:8089/ws",
    "ws://localhost:8080/ws",
    "ws://pbx.example.com/ws",
    "https://pbx.example.com",
    "wss://u:p@pbx.example.com",
    "not a url"
  ],
  sipDomain: [
    "",
    "pbx.example.com",
    "10.0.0.2",
    "sip:pbx.example.com",
    "pbx.example.com:5060",
    "-bad-.com"
  ],
  iceServers: [
    "",
    "stun:stun.example.com",
    "stun:stun.example.com:3478, turn:turn.example.com?transport=tcp",
    "http://x.example.com",
    "stun:",
    "turn:user@host.example.com"
  ],
  credentials: ["prompt", "salesforce", "Salesforce", "password", ""],
  conferenceUri: ["", "sip:conf@pbx.example.com", "8000", "https://conf.example.com", "conf room"],
  featureCodes: [
    "",
    "Pause recording=*1,Park=*70",
    "Park=sip:700@pbx.example.com",
    "Park",
    "Park=*70,park=*71",
    "Park=now",
    "=*1"
  ],
  supervisorCodes: [
    "",
    "Listen=*81{ext}",
    "Listen=*81",
    "Listen={ext}{ext}",
    "Barge=sip:*83{ext}@pbx"
  ],
  voicemailMessages: [
    "",
    "Callback=/resource/Vm/callback.mp3",
    "Callback=/resource/1700000000/Vm",
    "Callback=https://cdn.example.com/a.mp3",
    "Callback=/resource/Vm/../x",
    "Callback"
  ]
};

test("our own definition is accepted by both", () => {
  assert.deepEqual(checkCallCenter(ours), []);
  assert.equal(parseSettings(settingsOf(ours)).ok, true);
});

test("whatever the validator accepts, the softphone accepts", () => {
  const values = fc.record(
    Object.fromEntries(Object.entries(candidates).map(([k, v]) => [k, fc.constantFrom(...v)]))
  );
  fc.assert(
    fc.property(values, (v) => {
      const xml = withValues(v);
      const problems = checkCallCenter(xml);
      const errors = problems.filter((p) => p.severity === "error");
      const runtime = parseSettings(settingsOf(xml));
      if (problems.length === 0) assert.equal(runtime.ok, true, JSON.stringify(runtime.problems));
      if (!runtime.ok)
        assert.ok(errors.length > 0, "what the softphone rejects is an error, not a warning");
    }),
    { numRuns: 400 }
  );
});

test("item by item from a working SIP set-up: every value the validator accepts works at runtime", () => {
  const baseline = {
    provider: "sip",
    webSocketUrl: "wss://pbx.example.com/ws",
    sipDomain: "pbx.example.com"
  };
  let accepted = 0;
  let rejected = 0;
  for (const [item, values] of Object.entries(candidates))
    for (const value of values) {
      const xml = withValues({ ...baseline, [item]: value });
      const problems = checkCallCenter(xml);
      const errors = problems.filter((p) => p.severity === "error");
      const runtime = parseSettings(settingsOf(xml));
      const label = `${item}=${JSON.stringify(value)}`;
      if (problems.length === 0) {
        accepted++;
        assert.equal(runtime.ok, true, `${label}: ${JSON.stringify(runtime.problems)}`);
      } else rejected++;
      if (!runtime.ok)
        assert.ok(
          errors.length > 0,
          `${label}: the softphone rejects it, so the validator reports an error`
        );
    }
  assert.ok(accepted > 30 && rejected > 30, `${accepted} accepted, ${rejected} rejected`);
});
