/**
 * The record-page call panel (the LWC's workbench twin) drives the softphone over the
 * Softphone__c channel: dial with the record, live state, mute, hold and hang up.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWorkbench } from "./lib/session.mjs";
import { openPage, screenshot } from "./lib/browser.mjs";
import {
  assertPressed,
  eventually,
  findRecord,
  openPhonePanel,
  shell,
  sp,
  waitForReady,
  waitForTasks,
  withSettings
} from "./lib/softphone.mjs";

const s = useWorkbench();

test("dial from the record panel over the channel; mute, hold and hang up from the panel", async () => {
  const { page, problems } = await openPage(s.browser, s.wb.url);
  await openPhonePanel(page);
  await waitForReady(page);
  const sofia = await findRecord(page, "Lead", (l) => l.LastName === "Rossi");
  await shell(page, "nav-leads").click();
  await page.locator('[data-id="record-table"] a', { hasText: "Sofia Rossi" }).click();
  await shell(page, "record-title").filter({ hasText: "Sofia Rossi" }).waitFor();

  const dial = page.locator('[data-id="call-panel-dial"]').first();
  await eventually(
    async () => !(await dial.isDisabled()),
    "the panel learns the agent is ready",
    10000
  );
  await dial.click();
  await sp(page, "active-call-view").waitFor({ timeout: 10000 });
  await eventually(
    async () => /connected/i.test((await shell(page, "call-panel-state").textContent()) ?? ""),
    "panel shows Connected",
    15000
  );
  assert.match(await shell(page, "call-panel-number").textContent(), /555/);

  await shell(page, "call-panel-mute").click();
  await assertPressed(sp(page, "mute"), true);
  await eventually(
    async () => (await shell(page, "call-panel-mute").textContent()) === "Unmute",
    "panel shows muted"
  );
  await shell(page, "call-panel-hold").click();
  await assertPressed(sp(page, "hold"), true);
  await eventually(
    async () => /hold/i.test((await shell(page, "call-panel-state").textContent()) ?? ""),
    "panel shows On hold"
  );
  await screenshot(page, "record-panel-call");
  await shell(page, "call-panel-hold").click();
  await assertPressed(sp(page, "hold"), false);
  await shell(page, "call-panel-hangup").click();
  await sp(page, "wrap-up-view").waitFor();
  await sp(page, "disposition").selectOption("Connected");
  await sp(page, "save-log").click();

  const [task] = await waitForTasks(page, 1);
  assert.equal(task.CallType, "Outbound");
  assert.equal(task.WhoId, sofia.Id);
  assert.deepEqual(problems, []);
});

test("the panel answers a ringing call where the call center lets components answer", async () => {
  const url = withSettings(s.wb.url, {
    channelCommands: "requestState,dial,answer,hangup,hold,mute"
  });
  const { page } = await openPage(s.browser, url);
  await openPhonePanel(page);
  await waitForReady(page);
  await shell(page, "nav-contacts").click();
  await page.locator('[data-id="record-table"] a', { hasText: "Priya Patel" }).click();
  await page.evaluate(() =>
    window.workbench.backend.publish("Softphone__c", {
      source: "workbench",
      type: "simulateIncoming",
      payload: { number: "(646) 555-0173" }
    })
  );
  await shell(page, "call-panel-answer").waitFor({ timeout: 10000 });
  await screenshot(page, "record-panel-ringing");
  await shell(page, "call-panel-answer").click();
  await sp(page, "active-call-view").waitFor({ timeout: 10000 });
  await shell(page, "call-panel-hangup").click();
  await sp(page, "wrap-up-view").waitFor();
});
