/**
 * One phone across three browser tabs of the workbench (one browser context: shared
 * navigator.locks, BroadcastChannel and localStorage), with the demo phone: one leader, a call
 * shown in all three and answered from a follower, one screen pop in the tab the agent looks
 * at, one Task; closing the idle leader hands the phone over within 3 s; closing a follower
 * mid-call changes nothing; closing the leader mid-call asks first (beforeunload). Without
 * Web Locks and BroadcastChannel (Safari before 15.4), a lease in localStorage keeps it to one
 * leader and storage events carry the messages.
 *
 * SOFTPHONE_RESOURCE_DIR serves a bundle built elsewhere instead of the committed one.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWorkbench } from "./lib/workbench.mjs";
import { launchBrowser, screenshot } from "./lib/browser.mjs";
import { loadWorkbenchServer, root } from "../scripts/start.mjs";
import {
  FRAME,
  eventually,
  findRecord,
  openPhonePanel,
  records,
  simulateIncoming,
  sp,
  waitForReady
} from "./lib/softphone.mjs";

let wb;
let browser;

async function workbench() {
  const dir = process.env.SOFTPHONE_RESOURCE_DIR;
  if (!dir) return startWorkbench();
  const mod = await loadWorkbenchServer();
  const server = await mod.startWorkbenchServer({
    root,
    port: 0,
    settings: {},
    connectOrigins: [],
    resourceDir: dir
  });
  return { url: server.url, close: () => server.close() };
}

before(async () => {
  wb = await workbench();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await wb?.close();
});

/** The role the softphone in this page plays: "leader" or "follower". */
async function role(page) {
  const frame = page.frame({ url: /\/apex\/Softphone/ });
  if (!frame) return null;
  return frame.evaluate(() => document.documentElement.dataset.softphoneTab ?? null);
}

async function roles(pages) {
  return Promise.all(pages.map(role));
}

async function leaderOf(pages) {
  let found = null;
  await eventually(async () => {
    const all = await roles(pages);
    const leaders = pages.filter((_, i) => all[i] === "leader");
    if (leaders.length === 1 && all.filter((r) => r === "follower").length === pages.length - 1)
      found = leaders[0];
    return found !== null;
  }, "exactly one leader tab");
  return found;
}

async function openTabs(context, count, { classic = false } = {}) {
  const pages = [];
  for (let i = 0; i < count; i++) {
    const page = await context.newPage();
    page.on("pageerror", (e) => assert.fail(`page error in tab ${i + 1}: ${e.message}`));
    await page.goto(classic ? `${wb.url}classic` : wb.url);
    if (!classic) await openPhonePanel(page);
    pages.push(page);
  }
  for (const page of pages) await waitForReady(page);
  return pages;
}

/** Open CTI calls a page's softphone made, by method name. */
async function openCtiCalls(page, method) {
  const lines = await page.evaluate(() => window.workbench.store.getLog().map((l) => l.text));
  return lines.filter((text) => text.endsWith(`.${method}`)).length;
}

async function taskCount(pages) {
  let total = 0;
  for (const page of pages) total += (await records(page, "Task")).length;
  return total;
}

/** The agent looks at this tab: in front, focus inside the softphone. */
async function lookAt(page) {
  await page.bringToFront();
  await page.locator(FRAME).focus();
  await sp(page, "dial-input").click();
}

test("three tabs share one phone: one leader, answer from a follower, one pop, one Task", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const pages = await openTabs(context, 3);
  const leader = await leaderOf(pages);
  const followers = pages.filter((p) => p !== leader);
  const [looked, other] = followers;

  await lookAt(looked);
  const maria = await findRecord(looked, "Contact", (c) => c.LastName === "Garcia");
  // The call comes in through the message channel of the tab the agent is not looking at.
  await simulateIncoming(other, "(415) 555-0101");
  for (const page of pages) await sp(page, "incoming-view").waitFor({ timeout: 10000 });

  // One screen pop, in the tab the agent looks at.
  await looked.waitForFunction((id) => window.workbench.store.get().route.id === id, maria.Id, {
    timeout: 10000
  });
  await screenshot(looked, "tabs-demo-pop");
  const pops = await Promise.all(pages.map((p) => openCtiCalls(p, "screenPop")));
  assert.deepEqual(
    pops,
    pages.map((p) => (p === looked ? 1 : 0)),
    "one screen pop, in the tab looked at"
  );

  // Answered from a follower; the call shows connected everywhere.
  await sp(other, "answer").click();
  for (const page of pages) await sp(page, "active-call-view").waitFor({ timeout: 10000 });

  // Hang up and save after-call work from the followers.
  await sp(looked, "hangup").click();
  for (const page of pages) await sp(page, "wrap-up-view").waitFor({ timeout: 10000 });
  await sp(other, "notes").fill("Asked about the renewal");
  await eventually(
    async () => (await sp(looked, "notes").inputValue()) === "Asked about the renewal",
    "notes mirrored to the other follower"
  );
  await sp(other, "save-log").click();
  for (const page of pages) await waitForReady(page);
  await eventually(async () => (await taskCount(pages)) === 1, "one Task");
  const [task] = await records(leader, "Task");
  assert.match(String(task.Description), /Asked about the renewal/);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await taskCount(pages), 1, "still one Task");
  await context.close();
});

test("closing the idle leader: another tab holds the phone, ready within 3 s", async () => {
  const context = await browser.newContext();
  const pages = await openTabs(context, 3);
  const leader = await leaderOf(pages);
  const rest = pages.filter((p) => p !== leader);
  const closedAt = Date.now();
  await leader.close({ runBeforeUnload: true });
  const next = await leaderOf(rest);
  await waitForReady(next, 3000);
  const elapsed = Date.now() - closedAt;
  assert.ok(elapsed < 3000, `new leader ready after ${elapsed} ms`);
  for (const page of rest) await waitForReady(page, 3000);
  // The new leader works: a call reaches both remaining tabs.
  await simulateIncoming(rest[0], "(415) 555-0101");
  for (const page of rest) await sp(page, "incoming-view").waitFor({ timeout: 10000 });
  await context.close();
});

test("without Web Locks or BroadcastChannel: one leader over a storage lease, one Task, hand-over", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    if (!location.pathname.startsWith("/apex/Softphone")) return;
    delete Navigator.prototype.locks;
    delete window.BroadcastChannel;
  });
  const pages = await openTabs(context, 2);
  const leader = await leaderOf(pages);
  const [follower] = pages.filter((p) => p !== leader);
  for (const page of pages) {
    const frame = page.frame({ url: /\/apex\/Softphone/ });
    assert.equal(
      await frame.evaluate(() => document.documentElement.dataset.softphoneTabs),
      "storage-lease"
    );
  }
  await simulateIncoming(follower, "(415) 555-0101");
  for (const page of pages) await sp(page, "incoming-view").waitFor({ timeout: 10000 });
  await sp(follower, "answer").click();
  for (const page of pages) await sp(page, "active-call-view").waitFor({ timeout: 10000 });
  await sp(follower, "hangup").click();
  for (const page of pages) await sp(page, "wrap-up-view").waitFor({ timeout: 10000 });
  await sp(follower, "save-log").click();
  for (const page of pages) await waitForReady(page);
  await eventually(async () => (await taskCount(pages)) === 1, "one Task");
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await taskCount(pages), 1, "still one Task");
  // The idle leader closes: it gives the lease back and the other tab takes it.
  await leader.close({ runBeforeUnload: true });
  assert.equal(await leaderOf([follower]), follower);
  await waitForReady(follower, 5000);
  await context.close();
});

test("closing a follower mid-call changes nothing", async () => {
  const context = await browser.newContext();
  const pages = await openTabs(context, 3);
  const leader = await leaderOf(pages);
  const [first, second] = pages.filter((p) => p !== leader);
  await simulateIncoming(first, "(415) 555-0101");
  await sp(first, "incoming-view").waitFor({ timeout: 10000 });
  await sp(first, "answer").click();
  for (const page of pages) await sp(page, "active-call-view").waitFor({ timeout: 10000 });
  await first.close({ runBeforeUnload: true });
  await new Promise((r) => setTimeout(r, 1000));
  assert.deepEqual(await roles([leader, second]), ["leader", "follower"]);
  for (const page of [leader, second]) await sp(page, "active-call-view").waitFor();
  // Closing the leader during the call asks the agent first (beforeunload); they stay.
  await sp(leader, "mute").click();
  const asked = new Promise((resolve) =>
    leader.once("dialog", (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    })
  );
  await leader.close({ runBeforeUnload: true });
  assert.equal(await asked, "beforeunload");
  assert.equal(leader.isClosed(), false);
  await sp(second, "hangup").click();
  await sp(leader, "wrap-up-view").waitFor({ timeout: 10000 });
  await context.close();
});

test("Classic: three tabs, one leader; a call simulated and answered in followers, one pop, one Task", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const pages = await openTabs(context, 3, { classic: true });
  const leader = await leaderOf(pages);
  const [looked, other] = pages.filter((p) => p !== leader);
  const oliver = await findRecord(looked, "Contact", (c) => c.LastName === "Smith");
  // Classic has no message channel: the follower's own form forwards the simulated call. The
  // agent clicks there, so that is the tab they look at: the pop lands there, once.
  await sp(other, "simulate-number").fill("+44 20 7946 0322");
  await sp(other, "simulate-incoming").click();
  for (const page of pages) await sp(page, "incoming-view").waitFor({ timeout: 10000 });
  await other.waitForFunction((id) => window.workbench.store.get().route.id === id, oliver.Id, {
    timeout: 10000
  });
  const pops = await Promise.all(pages.map((p) => openCtiCalls(p, "screenPop")));
  assert.deepEqual(
    pops,
    pages.map((p) => (p === other ? 1 : 0)),
    "one screen pop, in the tab the agent used"
  );
  await sp(looked, "answer").click();
  for (const page of pages) await sp(page, "active-call-view").waitFor({ timeout: 10000 });
  await sp(other, "hangup").click();
  await sp(looked, "wrap-up-view").waitFor({ timeout: 10000 });
  await sp(looked, "save-log").click();
  await eventually(async () => (await taskCount(pages)) === 1, "one Task");
  await context.close();
});

test("the leader tab closes mid-call anyway: the next leader logs the call once", async () => {
  const context = await browser.newContext();
  const pages = await openTabs(context, 3);
  const leader = await leaderOf(pages);
  const rest = pages.filter((p) => p !== leader);
  await simulateIncoming(rest[0], "(415) 555-0101");
  await sp(rest[0], "incoming-view").waitFor({ timeout: 10000 });
  await sp(rest[0], "answer").click();
  for (const page of pages) await sp(page, "active-call-view").waitFor({ timeout: 10000 });
  await sp(rest[1], "notes").fill("Line dropped while we talked");
  await eventually(
    async () => (await sp(leader, "notes").inputValue()) === "Line dropped while we talked",
    "notes reached the leader"
  );
  await leader.close();
  const next = await leaderOf(rest);
  await eventually(async () => (await taskCount(rest)) === 1, "the call is logged", 10000);
  const [task] = await records(next, "Task");
  assert.match(String(task.Description), /Line dropped while we talked/);
  assert.match(String(task.Description), /tab .*closed/);
  for (const page of rest) await waitForReady(page);
  // A further hand-over logs nothing again.
  await next.close();
  const last = await leaderOf(rest.filter((p) => p !== next));
  await waitForReady(last);
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal((await records(last, "Task")).length, 0, "no second Task");
  await context.close();
});
