/**
 * One SIP phone across three workbench tabs against Kamailio: a sign-in typed in a follower
 * moves the phone to that tab without the password crossing tabs; the REGISTERs Kamailio
 * receives come from one tab only (one binding); a call shows in all three tabs, is answered from a
 * follower and its audio flows in the leader; one screen pop, one Task. Closing the idle
 * leader: another tab registers (Salesforce-stored account) within 3 s, still one binding.
 *
 * SOFTPHONE_RESOURCE_DIR serves a bundle built elsewhere instead of the committed one.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Kamailio, PASSWORD } from "./lib/kamailio.mjs";
import { launchBrowser } from "./lib/browser.mjs";
import { startHarnessServer } from "./lib/harness-server.mjs";
import { AgentParty, waitForAudio } from "./lib/parties.mjs";
import { startWorkbench } from "../lib/workbench.mjs";
import { loadWorkbenchServer, root } from "../../scripts/start.mjs";
import { eventually, findRecord, openPhonePanel, records, sp } from "../lib/softphone.mjs";

let kamailio, wb, server, browser;

async function workbench(settings, connectOrigins) {
  const dir = process.env.SOFTPHONE_RESOURCE_DIR;
  if (!dir) return startWorkbench({ settings, connectOrigins });
  const mod = await loadWorkbenchServer();
  const started = await mod.startWorkbenchServer({
    root,
    port: 0,
    settings,
    connectOrigins,
    resourceDir: dir
  });
  return {
    url: started.url,
    origin: started.url.replace(/\/$/, ""),
    close: () => started.close()
  };
}

before(async () => {
  kamailio = await new Kamailio({ auth: true }).start();
  wb = await workbench(
    {
      "/softphoneSettings/provider": "sip",
      "/sipSettings/webSocketUrl": kamailio.url,
      "/sipSettings/sipDomain": "127.0.0.1",
      "/sipSettings/credentials": "salesforce"
    },
    [`ws://127.0.0.1:${kamailio.port}`]
  );
  server = await startHarnessServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await wb?.close();
  await kamailio?.dispose();
});

function softphoneFrame(page) {
  return page.frames().find((f) => f.url().includes("/apex/Softphone"));
}

async function role(page) {
  return softphoneFrame(page)?.evaluate(() => document.documentElement.dataset.softphoneTab);
}

async function leaderOf(pages) {
  let found = null;
  await eventually(async () => {
    const roles = await Promise.all(pages.map(role));
    const leaders = pages.filter((_, i) => roles[i] === "leader");
    found = leaders.length === 1 ? leaders[0] : null;
    return found !== null && roles.filter((r) => r === "follower").length === pages.length - 1;
  }, "exactly one leader tab");
  return found;
}

async function frameAudio(page) {
  return softphoneFrame(page).evaluate(async () => {
    const pc = window.__pcs?.at(-1);
    if (!pc) return null;
    let bytesReceived = 0;
    (await pc.getStats()).forEach((s) => {
      if (s.type === "inbound-rtp" && s.kind === "audio") bytesReceived += s.bytesReceived ?? 0;
    });
    return { bytesReceived };
  });
}

/** Each tab's in-memory org gets the agent's SIP account (SoftphoneSipAccount.getMine). */
async function provision(page) {
  await page.evaluate((password) => {
    const org = window.workbench.backend.org;
    org.sipAccounts.set(org.currentUserId, { username: "agent1", password });
  }, PASSWORD);
}

/** Every message a frame broadcasts to the other tabs, recorded for the credential check. */
function recordTabTraffic() {
  const post = BroadcastChannel.prototype.postMessage;
  window.__tabTraffic = [];
  BroadcastChannel.prototype.postMessage = function (message) {
    window.__tabTraffic.push(JSON.stringify(message));
    return post.call(this, message);
  };
}

async function tabTraffic(pages) {
  const all = [];
  for (const page of pages) {
    const frame = softphoneFrame(page);
    if (frame) all.push(...(await frame.evaluate(() => window.__tabTraffic ?? [])));
  }
  return all;
}

async function openTab(context, { provisioned = true } = {}) {
  const page = await context.newPage();
  page.on("pageerror", (e) => assert.fail(`page error: ${e.message}`));
  await page.goto(wb.url);
  if (provisioned) await provision(page);
  await openPhonePanel(page);
  return page;
}

test("three tabs, one SIP registration; answered from a follower, audio in the leader; hand-over", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
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
  await context.addInitScript(recordTabTraffic);
  // The first tab leads; its org has no SIP account yet, so the phone waits for a sign-in.
  const first = await openTab(context, { provisioned: false });
  await sp(first, "sign-in-view").waitFor({ timeout: 15000 });
  const pages = [first, await openTab(context), await openTab(context)];
  await provision(first);
  assert.equal(await leaderOf(pages), first);
  assert.equal(kamailio.requests("REGISTER", "agent1").length, 0);

  // The agent signs in from a follower: that tab takes the phone; the password stays there.
  await sp(pages[1], "sign-in-view").waitFor();
  await sp(pages[1], "sign-in-username").fill("agent1");
  await sp(pages[1], "sign-in-password").fill(PASSWORD);
  await sp(pages[1], "sign-in").click();
  for (const page of pages) await sp(page, "ready-view").waitFor({ timeout: 15000 });
  const phoneTab = await leaderOf(pages);
  assert.equal(phoneTab, pages[1], "the tab signed in from holds the phone");
  const others = pages.filter((p) => p !== phoneTab);
  const traffic = await tabTraffic(pages);
  assert.ok(traffic.length > 0, "the tabs talked");
  assert.ok(!traffic.some((m) => m.includes(PASSWORD)), "no credential between tabs");
  await eventually(() => kamailio.bindings("agent1").at(-1) === 1, "one binding at Kamailio");
  const registers = kamailio.requests("REGISTER", "agent1").length;
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(kamailio.bindings("agent1").at(-1), 1, "still one binding");
  assert.equal(kamailio.requests("REGISTER", "agent1").length, registers, "no other tab registers");

  // The agent looks at one follower; the call comes in.
  const [looked, answering] = others;
  await looked.bringToFront();
  await sp(looked, "dial-input").click();
  const maria = await findRecord(looked, "Contact", (c) => c.LastName === "Garcia");
  const caller = await AgentParty.open(browser, server.origin, kamailio, "+14155550101");
  const callId = await caller.run("call", "agent1");
  for (const page of pages) await sp(page, "incoming-view").waitFor({ timeout: 10000 });
  await looked.waitForFunction((id) => window.workbench.store.get().route.id === id, maria.Id, {
    timeout: 10000
  });
  const pops = await Promise.all(
    pages.map((p) =>
      p.evaluate(
        () => window.workbench.store.getLog().filter((l) => l.text.endsWith(".screenPop")).length
      )
    )
  );
  assert.deepEqual(
    pops,
    pages.map((p) => (p === looked ? 1 : 0)),
    "one pop, where the agent looks"
  );

  await sp(answering, "answer").click();
  for (const page of pages) await sp(page, "active-call-view").waitFor({ timeout: 10000 });
  await waitForAudio(caller);
  await eventually(
    async () => (await frameAudio(phoneTab))?.bytesReceived > 0,
    "audio reaches the leader tab",
    10000
  );
  for (const page of others) assert.equal(await frameAudio(page), null, "no media in a follower");

  await caller.run("hangup");
  for (const page of pages) await sp(page, "wrap-up-view").waitFor({ timeout: 10000 });
  await sp(answering, "save-log").click();
  await eventually(async () => {
    let total = 0;
    for (const page of pages) total += (await records(page, "Task")).length;
    return total === 1;
  }, "one Task");
  const [task] = await records(phoneTab, "Task");
  assert.equal(task.CallObject, callId);
  await caller.close();

  // Idle leader closes: another tab registers within 3 s, and the binding count stays one.
  for (const page of pages) await sp(page, "ready-view").waitFor();
  const before = kamailio.requests("REGISTER", "agent1").length;
  const closedAt = Date.now();
  await phoneTab.close({ runBeforeUnload: true });
  const next = await leaderOf(others);
  await eventually(
    () => kamailio.requests("REGISTER", "agent1").length > before,
    "the new leader registers",
    3000
  );
  await sp(next, "ready-view").waitFor({ timeout: 3000 });
  const elapsed = Date.now() - closedAt;
  assert.ok(elapsed < 3000, `registered again after ${elapsed} ms`);
  await eventually(() => kamailio.bindings("agent1").at(-1) === 1, "one binding after hand-over");
  await context.close();
});
