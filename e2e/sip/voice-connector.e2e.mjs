/**
 * SIP through the Salesforce Voice connector: the Voice workbench shell (Salesforce's side,
 * https on Salesforce-like names mapped to loopback) drives the real connector page and the
 * unmodified base over a MessagePort, with provider=sip against Kamailio. Inbound and outbound
 * calls with audio (inbound-rtp bytes grow), hold, blind transfer, events in order, and the
 * base's UPDATE_AUDIO_STATS_COMPLETED with a MOS computed from the phone's quality samples.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Kamailio } from "./lib/kamailio.mjs";
import { launchBrowser } from "./lib/browser.mjs";
import { startHarnessServer } from "./lib/harness-server.mjs";
import { AgentParty, waitForAudio } from "./lib/parties.mjs";
import { screenshot } from "../lib/browser.mjs";
import { loadVoiceWorkbench } from "../../scripts/voice-workbench.mjs";
import { root } from "../../scripts/start.mjs";

let kamailio, wb, server, browser, context, page, mod;
const problems = [];
const id = (name) => page.locator(`[data-testid="${name}"]`);
const logOf = (type) => page.locator(`[data-testid="voice-log"] li[data-type="${type}"]`);
const connectorFrame = () =>
  page.frames().find((f) => f.url().includes("/apex/SoftphoneConnector"));

/** Event types the shell received, oldest first. */
async function received() {
  return page.locator('[data-testid="voice-log"] li').evaluateAll((items) =>
    items
      .filter((li) => li.textContent.includes(" ← "))
      .map((li) => li.dataset.type)
      .reverse()
  );
}

/** Inbound audio of the connector frame's newest peer connection. */
async function frameAudio() {
  return connectorFrame().evaluate(async () => {
    const pc = window.__pcs?.at(-1);
    if (!pc) return { bytesReceived: 0 };
    let bytesReceived = 0;
    (await pc.getStats()).forEach((s) => {
      if (s.type === "inbound-rtp" && s.kind === "audio") bytesReceived += s.bytesReceived ?? 0;
    });
    return { bytesReceived };
  });
}

/** Waits until the frame's inbound-rtp bytes grow past `above`. */
async function audioGrows(above = 0, ms = 10_000) {
  const deadline = Date.now() + ms;
  let now = await frameAudio();
  while (now.bytesReceived <= above && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    now = await frameAudio();
  }
  assert.ok(now.bytesReceived > above, `the connector hears audio: ${JSON.stringify(now)}`);
  return now.bytesReceived;
}

before(async () => {
  // The connector page serves the static resource: build it from this tree.
  execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { stdio: "ignore" });
  kamailio = await new Kamailio({ auth: true }).start();
  server = await startHarnessServer();
  mod = await loadVoiceWorkbench();
  wb = await mod.startVoiceWorkbench({
    root,
    port: 0,
    settings: {
      "/softphoneSettings/provider": "sip",
      "/sipSettings/webSocketUrl": kamailio.url,
      "/sipSettings/sipDomain": "127.0.0.1",
      "/sipSettings/credentials": "prompt"
    },
    connectOrigins: [`ws://127.0.0.1:${kamailio.port}`]
  });
  browser = await launchBrowser({ args: mod.CHROMIUM_VOICE_ARGS });
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.grantPermissions(["microphone"], {
    origin: `https://${mod.VISUALFORCE_HOST}:${wb.port}`
  });
  await context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    if (!Native) return;
    window.__pcs = [];
    window.RTCPeerConnection = class extends Native {
      constructor(...args) {
        super(...args);
        window.__pcs.push(this);
      }
    };
  });
  page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(wb.url);
});

after(async () => {
  await browser?.close();
  await server?.close();
  await wb?.close();
  await kamailio?.dispose();
});

test("the agent signs in in the connector frame: LOGIN_RESULT, CONNECTOR_READY, registered", async () => {
  await logOf("SHOW_LOGIN").waitFor({ timeout: 15_000 });
  const frame = page.frameLocator('[data-testid="voice-connector-frame"]');
  await frame.locator("#connector-username").fill("agent1");
  await frame.locator("#connector-password").fill("secret");
  await frame.getByRole("button", { name: "Sign in" }).click();
  await id("voice-ready").getByText("Connector ready").waitFor({ timeout: 15_000 });
  await frame.locator('[data-testid="connector-status"]').getByText("Phone ready.").waitFor();
  assert.ok(kamailio.bindings("agent1").length >= 1, "registered with Kamailio");
  const ready = (await received()).filter((t) => ["LOGIN_RESULT", "CONNECTOR_READY"].includes(t));
  assert.deepEqual(ready, ["LOGIN_RESULT", "CONNECTOR_READY"]);
});

test("inbound SIP call: started → connected, audio, hold, resume, hangup → after-call work, MOS", async () => {
  const caller = await AgentParty.open(browser, server.origin, kamailio, "+14155550101");
  const mark = (await received()).length;
  await caller.run("call", "agent1");
  await id("voice-call-state")
    .getByText(/ringing: \+14155550101 \(Inbound\)/)
    .waitFor({
      timeout: 10_000
    });
  await id("voice-accept").click();
  await id("voice-call-state")
    .getByText(/connected/)
    .waitFor({ timeout: 10_000 });
  await waitForAudio(caller);
  const before = await audioGrows(0);
  await id("voice-hold").click();
  await id("voice-call-state").getByText(/held/).waitFor({ timeout: 10_000 });
  await id("voice-hold").click();
  await id("voice-call-state")
    .getByText(/connected/)
    .waitFor({ timeout: 10_000 });
  await audioGrows(before);
  // SipPhone samples every 2 s: wait for two samples before hanging up.
  await page.waitForTimeout(4_500);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, "voice-workbench-sip");
  await id("voice-end").click();
  await id("voice-call-state")
    .getByText(/wrapup/)
    .waitFor({ timeout: 10_000 });
  const completed = logOf("UPDATE_AUDIO_STATS_COMPLETED");
  await completed.waitFor({ timeout: 10_000 });
  const mos = Number(/"mos":([0-9.]+)/.exec(await completed.textContent())?.[1]);
  assert.ok(mos >= 1 && mos <= 4.5, `MOS from the base: ${mos}`);
  await id("voice-wrap-up").click();
  await id("voice-records").locator("tr", { hasText: "Inbound" }).waitFor({ timeout: 10_000 });
  const order = (await received())
    .slice(mark)
    .filter((t) =>
      [
        "CALL_STARTED",
        "CALL_CONNECTED",
        "HOLD_TOGGLE",
        "HANGUP",
        "AFTER_CALL_WORK_STARTED"
      ].includes(t)
    );
  assert.deepEqual(order, [
    "CALL_STARTED",
    "CALL_CONNECTED",
    "HOLD_TOGGLE",
    "HOLD_TOGGLE",
    "HANGUP",
    "AFTER_CALL_WORK_STARTED"
  ]);
  assert.equal(await logOf("ERROR").count(), 0);
  await caller.close();
});

test("outbound SIP call: dial, the callee answers, audio, blind transfer to a third agent", async () => {
  const callee = await AgentParty.open(browser, server.origin, kamailio, "2002", {
    autoAnswerMs: 200
  });
  const target = await AgentParty.open(browser, server.origin, kamailio, "3003", {
    autoAnswerMs: 200
  });
  const mark = (await received()).length;
  await id("voice-dial").fill("2002");
  await id("voice-dial-send").click();
  await id("voice-call-state")
    .getByText(/connected/)
    .waitFor({ timeout: 15_000 });
  await waitForAudio(callee);
  await audioGrows(0);
  await id("voice-transfer").fill("3003");
  await id("voice-transfer-send").click();
  await logOf("PARTICIPANT_ADDED").waitFor({ timeout: 10_000 });
  await callee.waitLog({ type: "refer" }, { timeoutMs: 10_000 });
  await target.waitLog({ type: "invite" }, { timeoutMs: 10_000 });
  await id("voice-call-state")
    .getByText(/wrapup/)
    .waitFor({ timeout: 10_000 });
  await id("voice-wrap-up").click();
  const order = (await received())
    .slice(mark)
    .filter((t) =>
      [
        "CALL_STARTED",
        "CALL_CONNECTED",
        "PARTICIPANT_ADDED",
        "HANGUP",
        "AFTER_CALL_WORK_STARTED"
      ].includes(t)
    );
  assert.deepEqual(order.slice(0, 3), ["CALL_STARTED", "CALL_CONNECTED", "PARTICIPANT_ADDED"]);
  assert.ok(order.includes("AFTER_CALL_WORK_STARTED"), order.join(" "));
  assert.equal(await logOf("ERROR").count(), 0);
  assert.deepEqual(problems, []);
  await callee.close();
  await target.close();
});

test("refresh mid-call: another Salesforce tab, loaded and reloaded, replays the live call", async () => {
  const caller = await AgentParty.open(browser, server.origin, kamailio, "+14155550102");
  await caller.run("call", "agent1");
  await id("voice-call-state")
    .getByText(/ringing: \+14155550102 \(Inbound\)/)
    .waitFor({ timeout: 10_000 });
  await id("voice-accept").click();
  await id("voice-call-state")
    .getByText(/connected/)
    .waitFor({ timeout: 10_000 });
  const heard = await audioGrows(0);
  const started = await logOf("CALL_STARTED").first().textContent();
  const liveCallId = /"callId":"([^"]+)"/.exec(started)?.[1];
  assert.ok(liveCallId, started);

  const other = await context.newPage();
  other.on("pageerror", (e) => problems.push(`pageerror (second tab): ${e.message}`));
  const otherId = (name) => other.locator(`[data-testid="${name}"]`);
  for (const load of [() => other.goto(wb.url), () => other.reload()]) {
    await load();
    await otherId("voice-ready").getByText("Connector ready").waitFor({ timeout: 15_000 });
    // getActiveCalls → the base replays the call after AGENT_AVAILABLE.
    await otherId("voice-call-state")
      .getByText(/connected: \+14155550102 \(Inbound\)/)
      .waitFor({ timeout: 10_000 });
    const replay = await other
      .locator('[data-testid="voice-log"] li[data-type="CALL_CONNECTED"]')
      .first()
      .textContent();
    // The same call (the shell's log shows the first 400 characters: the callId is there).
    assert.equal(/"callId":"([^"]+)"/.exec(replay)?.[1], liveCallId);
    assert.equal(
      await other.locator('[data-testid="voice-log"] li[data-type="CALL_STARTED"]').count(),
      0,
      "the replay is not a new call"
    );
  }
  // The call goes on in the first tab, audio still flowing.
  await audioGrows(heard);
  await other.close();
  await caller.run("hangup");
  await id("voice-call-state")
    .getByText(/wrapup/)
    .waitFor({ timeout: 10_000 });
  await id("voice-wrap-up").click();
  assert.equal(await logOf("ERROR").count(), 0);
  assert.deepEqual(problems, []);
  await caller.close();
});

test("logout: LOGOUT_RESULT, and the phone leaves Kamailio's registrar", async () => {
  assert.ok(kamailio.bindings("agent1").at(-1) >= 1, "registered before");
  await id("voice-logout").click();
  const result = logOf("LOGOUT_RESULT");
  await result.waitFor({ timeout: 10_000 });
  assert.match(await result.textContent(), /"success":true/);
  // bindings() lists the count after each accepted REGISTER: the last is 0 after Expires: 0.
  const registers = kamailio.bindings("agent1").length;
  const deadline = Date.now() + 5_000;
  while (kamailio.bindings("agent1").length === registers && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  assert.equal(kamailio.bindings("agent1").at(-1), 0, "no binding left: unregistered");
  const status = page
    .frameLocator('[data-testid="voice-connector-frame"]')
    .locator('[data-testid="connector-status"]');
  await status.getByText(/not ready|could not connect|Starting/).waitFor({ timeout: 5_000 });
  assert.equal(await logOf("ERROR").count(), 0);
});
