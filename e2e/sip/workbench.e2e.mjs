/**
 * The whole product on a real call: the workbench (Salesforce-like shell, unmodified softphone
 * bundle) with provider=sip against Kamailio. A known number calls; the Contact pops; the agent
 * answers; audio flows both ways; the caller hangs up; the Task carries the SIP Call-ID.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Kamailio } from "./lib/kamailio.mjs";
import { launchBrowser } from "./lib/browser.mjs";
import { startHarnessServer } from "./lib/harness-server.mjs";
import { AgentParty, waitForAudio } from "./lib/parties.mjs";
import { startWorkbench } from "../lib/workbench.mjs";
import { openPhonePanel, sp, shell, findRecord, route, waitForTasks } from "../lib/softphone.mjs";

let kamailio, wb, server, browser;

before(async () => {
  kamailio = await new Kamailio({ auth: true }).start();
  wb = await startWorkbench({
    settings: {
      "/softphoneSettings/provider": "sip",
      "/sipSettings/webSocketUrl": kamailio.url,
      "/sipSettings/sipDomain": "127.0.0.1",
      "/sipSettings/credentials": "prompt"
    },
    connectOrigins: [`ws://127.0.0.1:${kamailio.port}`]
  });
  server = await startHarnessServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await wb?.close();
  await kamailio?.dispose();
});

/** getStats of the softphone frame's newest peer connection (recorded by an init script). */
async function frameAudio(page) {
  const frame = page.frames().find((f) => f.url().includes("/apex/Softphone"));
  return frame.evaluate(async () => {
    const pc = window.__pcs?.at(-1);
    if (!pc) return null;
    let bytesReceived = 0;
    let totalAudioEnergy = 0;
    (await pc.getStats()).forEach((s) => {
      if (s.type === "inbound-rtp" && s.kind === "audio") {
        bytesReceived += s.bytesReceived ?? 0;
        totalAudioEnergy += s.totalAudioEnergy ?? 0;
      }
    });
    return { bytesReceived, totalAudioEnergy };
  });
}

test("workbench, provider=sip: known caller → screen pop → answer → audio → caller hangs up → Task", async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  await context.grantPermissions(["microphone"], { origin: wb.origin });
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
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(wb.url);
  await openPhonePanel(page);

  await sp(page, "sign-in-view").waitFor({ timeout: 15000 });
  await sp(page, "sign-in-username").fill("agent1");
  await sp(page, "sign-in-password").fill("secret");
  await sp(page, "sign-in").click();
  await sp(page, "ready-view").waitFor({ timeout: 15000 });
  assert.ok(kamailio.bindings("agent1").length >= 1, "registered with Kamailio");
  const stored = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })
  );
  assert.ok(!stored.includes("secret"), "the password is not in browser storage");

  const maria = await findRecord(page, "Contact", (c) => c.LastName === "Garcia");
  assert.ok(maria, "the sample org has Maria Garcia");
  const caller = await AgentParty.open(browser, server.origin, kamailio, "+14155550101");
  const callId = await caller.run("call", "agent1");

  await sp(page, "incoming-view").waitFor({ timeout: 10000 });
  await page.waitForFunction((id) => window.workbench.store.get().route.id === id, maria.Id, {
    timeout: 10000
  });
  assert.equal((await route(page)).kind, "record");
  await shell(page, "record-title").filter({ hasText: "Maria Garcia" }).waitFor();

  await sp(page, "answer").click();
  await sp(page, "active-call-view").waitFor();
  await waitForAudio(caller);
  const deadline = Date.now() + 10000;
  let mine = await frameAudio(page);
  while (!(mine?.bytesReceived > 0 && mine?.totalAudioEnergy > 0) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    mine = await frameAudio(page);
  }
  assert.ok(
    mine.bytesReceived > 0 && mine.totalAudioEnergy > 0,
    `softphone hears the caller: ${JSON.stringify(mine)}`
  );
  await page.waitForTimeout(1100); // a measurable call duration

  await caller.run("hangup");
  await sp(page, "wrap-up-view").waitFor({ timeout: 10000 });
  await sp(page, "disposition").selectOption("Connected");
  await sp(page, "save-log").click();
  const [task] = await waitForTasks(page, 1);
  assert.equal(task.CallObject, callId, "the Task's CallObject is the SIP Call-ID");
  assert.equal(task.CallType, "Inbound");
  assert.equal(task.WhoId, maria.Id);
  assert.ok(Number(task.CallDurationInSeconds) >= 1, `duration ${task.CallDurationInSeconds}`);
  assert.match(task.Subject, /^Inbound call from /);
  await sp(page, "ready-view").waitFor();
  assert.deepEqual(problems, []);
  await caller.close();
  await context.close();
});
