/**
 * The network drops in the middle of a real SIP call, through the whole product: the workbench
 * softphone (provider=sip) reaches Kamailio through a loopback relay; the caller connects
 * straight to Kamailio. Cutting the relay must end the call in the softphone UI and save its
 * Task — with the SIP Call-ID and a disposition — exactly once.
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

test("WebSocket cut during a call → the call ends in the UI and its Task is saved once, with a disposition", async () => {
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
  await page.waitForTimeout(1000);

  relay.cut();
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
  assert.ok(Number(tasks[0].CallDurationInSeconds) >= 1, "the connected time is logged");
  assert.ok(
    String(tasks[0].CallDisposition ?? "").trim() !== "",
    `the Task has a disposition (${JSON.stringify(tasks[0].CallDisposition)})`
  );
  await caller.close();
  await context.close();
});
