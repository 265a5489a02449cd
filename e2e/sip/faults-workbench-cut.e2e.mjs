/**
 * The network drops in the middle of a real SIP call, through the whole product: the workbench
 * softphone (provider=sip) reaches Kamailio through a loopback relay; the caller connects
 * straight to Kamailio. The call survives the cut (the SIP phone reconnects and re-INVITEs it
 * within its grace period), stays on screen, ends normally when the caller hangs up, and its
 * Task — with the SIP Call-ID, the full connected time and a disposition — is saved once.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Kamailio } from "./lib/kamailio.mjs";
import { launchBrowser } from "./lib/browser.mjs";
import { startHarnessServer } from "./lib/harness-server.mjs";
import { AgentParty } from "./lib/parties.mjs";
import { startRelay } from "./faults-relay.mjs";
import { startWorkbench } from "../lib/workbench.mjs";
import { openPhonePanel, records, sp } from "../lib/softphone.mjs";

let kamailio, relay, wb, server, browser;

before(async () => {
  kamailio = await new Kamailio({ auth: true }).start();
  relay = await startRelay(kamailio.port);
  wb = await startWorkbench({
    settings: {
      "/softphoneSettings/provider": "sip",
      "/sipSettings/webSocketUrl": relay.url,
      "/sipSettings/sipDomain": "127.0.0.1",
      "/sipSettings/credentials": "prompt",
      "/softphoneSettings/wrapUpSeconds": "0",
      "/softphoneSettings/noMatchPop": "none"
    },
    connectOrigins: [relay.url]
  });
  server = await startHarnessServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await wb?.close();
  await relay?.close();
  await kamailio?.dispose();
});

test("WebSocket cut during a call → the call goes on, and its Task is saved once with the full duration", async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  await context.grantPermissions(["microphone"], { origin: wb.origin });
  const page = await context.newPage();
  await page.goto(wb.url);
  await openPhonePanel(page);
  await sp(page, "sign-in-view").waitFor({ timeout: 20000 });
  await sp(page, "sign-in-username").fill("cutagent");
  await sp(page, "sign-in-password").fill("secret");
  await sp(page, "sign-in").click();
  await sp(page, "ready-view").waitFor({ timeout: 20000 });

  const caller = await AgentParty.open(browser, server.origin, kamailio, "caller31");
  const callId = await caller.run("call", "cutagent");
  await sp(page, "incoming-view").waitFor({ timeout: 15000 });
  await sp(page, "answer").click();
  await sp(page, "active-call-view").waitFor({ timeout: 15000 });
  const connectedAt = Date.now();
  await page.waitForTimeout(1000);

  const opened = relay.accepted.length;
  relay.cut();
  // The phone reconnects (a new WebSocket through the relay) and the call carries on.
  const deadline = Date.now() + 15000;
  while (relay.accepted.length === opened && Date.now() < deadline) await page.waitForTimeout(50);
  assert.ok(relay.accepted.length > opened, "the softphone reconnected");
  await caller.waitLog({ type: "reinvite", callId }, { timeoutMs: 15000 });
  await page.waitForTimeout(1500);
  assert.ok(
    await sp(page, "active-call-view").isVisible(),
    "the call is still on screen after the cut"
  );
  const tasksDuring = (await records(page, "Task")).filter((t) => t.CallObject === callId);
  assert.equal(tasksDuring.length, 0, "nothing logged while the call goes on");

  await caller.run("hangup");
  const hungUpAt = Date.now();
  await sp(page, "active-call-view").waitFor({ state: "detached", timeout: 20000 });
  await page.waitForFunction(
    (id) => window.workbench.backend.records("Task").some((t) => t.CallObject === id),
    callId,
    { timeout: 30000 }
  );
  await page.waitForTimeout(2000);
  const tasks = (await records(page, "Task")).filter((t) => t.CallObject === callId);
  assert.equal(tasks.length, 1, "one Task for the call");
  assert.equal(tasks[0].CallType, "Inbound");
  const seconds = Number(tasks[0].CallDurationInSeconds);
  const expected = (hungUpAt - connectedAt) / 1000;
  assert.ok(
    seconds >= Math.floor(expected) - 1 && seconds <= Math.ceil(expected) + 1,
    `the whole connected time is logged (${seconds} s, expected about ${expected.toFixed(1)} s)`
  );
  assert.ok(
    String(tasks[0].CallDisposition ?? "").trim() !== "",
    `the Task has a disposition (${JSON.stringify(tasks[0].CallDisposition)})`
  );
  await caller.close();
  await context.close();
});
