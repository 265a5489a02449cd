/**
 * The Salesforce Voice workbench in Debian Chromium with the demo phone: the real
 * SoftphoneConnector.page and connector.js behind the unmodified base, set up over a
 * MessagePort from https://wb.lightning.force.com (mapped to 127.0.0.1, self-signed
 * certificate made at start). An inbound and an outbound call end to end through the shell's
 * agent controls, with the VoiceCall records the emulated Apex wrote.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, screenshot } from "../lib/browser.mjs";
import { loadVoiceWorkbench } from "../../scripts/voice-workbench.mjs";
import { root } from "../../scripts/start.mjs";

let wb;
let browser;
let page;
const problems = [];
const id = (name) => page.locator(`[data-testid="${name}"]`);
const logHas = (type) => page.locator(`[data-testid="voice-log"] li[data-type="${type}"]`);

before(async () => {
  const mod = await loadVoiceWorkbench();
  wb = await mod.startVoiceWorkbench({ root, port: 0 });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [...CHROMIUM_ARGS, ...mod.CHROMIUM_VOICE_ARGS]
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  await page.goto(wb.url);
});

after(async () => {
  await browser?.close();
  await wb?.close();
});

test("the base accepts the set-up from the Salesforce-like origin: CONNECTOR_READY", async () => {
  await id("voice-ready").getByText("Connector ready").waitFor({ timeout: 15_000 });
  const frameUrl = await id("voice-connector-frame").getAttribute("src");
  assert.match(frameUrl, /^https:\/\/wb--c\.vf\.force\.com:\d+\/apex\/SoftphoneConnector$/);
  const status = page
    .frameLocator('[data-testid="voice-connector-frame"]')
    .locator('[data-testid="connector-status"]');
  await status.getByText("Phone ready.").waitFor();
});

test("inbound: simulate, accept, hold, resume, mute, digits, end, close after-call work", async () => {
  await id("voice-simulate").click();
  await id("voice-call-state")
    .getByText(/ringing: \+14155550123 \(Inbound\)/)
    .waitFor();
  await id("voice-accept").click();
  await id("voice-call-state")
    .getByText(/connected/)
    .waitFor();
  await id("voice-hold").click();
  await id("voice-call-state").getByText(/held/).waitFor();
  await id("voice-hold").click();
  await id("voice-call-state")
    .getByText(/connected/)
    .waitFor();
  await id("voice-mute").click();
  await id("voice-mute").getByText("Unmute").waitFor();
  await id("voice-mute").click();
  await id("voice-digits-send").click();
  await screenshot(page, "voice-workbench-call");
  await id("voice-end").click();
  await id("voice-call-state")
    .getByText(/wrapup/)
    .waitFor();
  await id("voice-wrap-up").click();
  const row = id("voice-records").locator("tr", { hasText: "Inbound" });
  await row.getByText("Connected").waitFor({ timeout: 10_000 });
  const order = await page
    .locator('[data-testid="voice-log"] li')
    .evaluateAll((items) => items.map((li) => li.dataset.type).reverse());
  const calls = order.filter((t) =>
    ["CALL_STARTED", "CALL_CONNECTED", "HANGUP", "AFTER_CALL_WORK_STARTED"].includes(t)
  );
  assert.deepEqual(calls, ["CALL_STARTED", "CALL_CONNECTED", "HANGUP", "AFTER_CALL_WORK_STARTED"]);
  assert.equal(await logHas("ERROR").count(), 0);
});

test("outbound: dial, the callee answers, blind transfer", async () => {
  await id("voice-dial-send").click();
  await id("voice-call-state")
    .getByText(/dialing: \+14155550123 \(Outbound\)/)
    .waitFor();
  await id("voice-call-state")
    .getByText(/connected/)
    .waitFor({ timeout: 10_000 });
  await id("voice-transfer-send").click();
  await logHas("PARTICIPANT_ADDED").waitFor();
  await id("voice-call-state")
    .getByText(/wrapup/)
    .waitFor();
  await id("voice-wrap-up").click();
  await id("voice-records").locator("tr", { hasText: "Outbound" }).getByText("Connected").waitFor({
    timeout: 10_000
  });
  await screenshot(page, "voice-workbench-outbound");
  assert.equal(await logHas("ERROR").count(), 0);
  assert.deepEqual(problems, []);
});
