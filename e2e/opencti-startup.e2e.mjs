/**
 * How the softphone starts on Open CTI, as the workbench's activity shows it. A lone tab takes
 * the leader lock at once (Web Locks `ifAvailable`), so it never starts as a follower: one
 * click-to-dial listener, one Softphone__c subscription, no unsubscribe.
 * Diagnostics list the parts the page's sforce.opencti lacks (LightningHost and ClassicHost
 * expose them as `unavailableFeatures`).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWorkbench } from "./lib/session.mjs";
import { openPage } from "./lib/browser.mjs";
import { openPhonePanel, sp, waitForReady, withSettings } from "./lib/softphone.mjs";

const s = useWorkbench();

const channelCalls = (page) =>
  page.evaluate(() =>
    window.workbench.backend.org.calls
      .filter((c) => c.method === "subscribe" || c.method === "unsubscribe")
      .map((c) => `${c.method} ${c.args.channelName ?? c.args.eventName}`)
  );

test("the softphone starts with one click-to-dial listener and enables click-to-dial", async () => {
  const { page, problems } = await openPage(s.browser, s.wb.url);
  await openPhonePanel(page);
  await waitForReady(page);
  const calls = await page.evaluate(() => window.workbench.backend.org.calls.map((c) => c.method));
  assert.equal(calls.filter((m) => m === "onClickToDial").length, 1);
  assert.ok(calls.includes("enableClickToDial"));
  assert.ok(calls.includes("notifyInitializationComplete"));
  assert.deepEqual(problems, []);
});

test("the softphone subscribes to Softphone__c once at start-up", async () => {
  const { page } = await openPage(s.browser, s.wb.url);
  await openPhonePanel(page);
  await waitForReady(page);
  await page.waitForTimeout(1000);
  assert.deepEqual(await channelCalls(page), ["subscribe Softphone__c"]);
});

test("diagnostics list the parts missing from sforce.opencti", async () => {
  const { page } = await openPage(s.browser, withSettings(s.wb.url, { openctiWithout: "hvs" }));
  await openPhonePanel(page);
  await waitForReady(page);
  await sp(page, "diagnostics").click();
  const text = await sp(page, "diagnostics-view").innerText();
  assert.match(text, /hvs\.onWorkStart/);
  assert.match(text, /hvs\.completeWork/);
});
