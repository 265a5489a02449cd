/**
 * Call logging settings end to end: wrapUpSeconds=0 logs at hang-up, a declined call is
 * logged with no duration, and logCalls=false writes nothing.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWorkbench } from "./lib/session.mjs";
import { openPage, screenshot } from "./lib/browser.mjs";
import {
  findRecord,
  openPhonePanel,
  records,
  simulateIncoming,
  sp,
  waitForReady,
  waitForTasks,
  withSettings
} from "./lib/softphone.mjs";

const s = useWorkbench();

test("wrapUpSeconds=0: the Task is written at hang-up, with no after-call work", async () => {
  const { page } = await openPage(s.browser, withSettings(s.wb.url, { wrapUpSeconds: "0" }));
  await openPhonePanel(page);
  await waitForReady(page);
  const james = await findRecord(page, "Contact", (c) => c.LastName === "Chen");
  await simulateIncoming(page, "+1 212 555 0141");
  await sp(page, "answer").click();
  await sp(page, "active-call-view").waitFor();
  await page.waitForTimeout(1100);
  await sp(page, "hangup").click();
  const [task] = await waitForTasks(page, 1);
  assert.equal(task.WhoId, james.Id);
  assert.equal(task.CallType, "Inbound");
  assert.ok(Number(task.CallDurationInSeconds) >= 1);
  assert.equal(await sp(page, "wrap-up-view").count(), 0);
  await screenshot(page, "call-logging-wrap-up-0");
});

test("a declined call is logged with a duration of 0", async () => {
  const { page } = await openPage(s.browser, withSettings(s.wb.url, { wrapUpSeconds: "0" }));
  await openPhonePanel(page);
  await waitForReady(page);
  await simulateIncoming(page, "(646) 555-0173");
  await sp(page, "decline").click();
  const [task] = await waitForTasks(page, 1);
  assert.equal(task.CallDurationInSeconds, 0);
  assert.equal(task.CallType, "Inbound");
});

test("logCalls=false: calls are not logged", async () => {
  const { page } = await openPage(
    s.browser,
    withSettings(s.wb.url, { logCalls: "false", wrapUpSeconds: "0" })
  );
  await openPhonePanel(page);
  await waitForReady(page);
  await simulateIncoming(page, "(415) 555-0101");
  await sp(page, "answer").click();
  await sp(page, "active-call-view").waitFor();
  await sp(page, "hangup").click();
  await waitForReady(page);
  await page.waitForTimeout(1500);
  assert.deepEqual(await records(page, "Task"), []);
});
