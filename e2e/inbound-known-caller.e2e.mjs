/**
 * A known caller from start to finish: the panel opens by itself, the Contact pops, the agent
 * answers, holds, mutes, sends tones, hangs up, does after-call work, and the Task is in the
 * org with the right fields and shows up in the shell at once.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWorkbench } from "./lib/workbench.mjs";
import { launchBrowser, openPage, screenshot } from "./lib/browser.mjs";
import {
  assertAccessible,
  assertPressed,
  browserToday,
  findRecord,
  openPhonePanel,
  route,
  shell,
  simulateIncoming,
  sp,
  waitForReady,
  waitForTasks
} from "./lib/softphone.mjs";

let wb;
let browser;
before(async () => {
  wb = await startWorkbench();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await wb?.close();
});

test("known caller: pop, answer, hold, mute, keypad, hang up, after-call work, Task", async () => {
  const { page, problems } = await openPage(browser, wb.url);
  await openPhonePanel(page);
  await waitForReady(page);
  await assertAccessible(page, "ready");
  await shell(page, "softphone-panel-minimize").click();
  await page.waitForSelector('[data-id="softphone-panel"][data-open="false"]', {
    state: "attached"
  });

  const maria = await findRecord(page, "Contact", (c) => c.LastName === "Garcia");
  await simulateIncoming(page, "(415) 555-0101");

  // The softphone opens its own panel and shows the ringing call.
  await page.waitForSelector('[data-id="softphone-panel"][data-open="true"]', { timeout: 10000 });
  await sp(page, "incoming-view").waitFor();
  await page.waitForFunction((id) => window.workbench.store.get().route.id === id, maria.Id, {
    timeout: 10000
  });
  assert.equal((await route(page)).kind, "record");
  await shell(page, "record-title").filter({ hasText: "Maria Garcia" }).waitFor();
  await screenshot(page, "inbound-known-caller-ringing");
  await assertAccessible(page, "incoming");

  await sp(page, "answer").click();
  await sp(page, "active-call-view").waitFor();
  await page.waitForTimeout(1100); // a measurable, non-zero call duration

  await sp(page, "hold").click();
  await assertPressed(sp(page, "hold"), true);
  await sp(page, "hold").click();
  await assertPressed(sp(page, "hold"), false);

  await sp(page, "mute").click();
  await assertPressed(sp(page, "mute"), true);
  await sp(page, "mute").click();
  await assertPressed(sp(page, "mute"), false);

  await sp(page, "keypad").click();
  await sp(page, "key-4").click();
  await sp(page, "key-2").click();
  await sp(page, "key-#").click();
  await sp(page, "sent-digits").filter({ hasText: "42#" }).waitFor();
  await screenshot(page, "inbound-known-caller-active");
  await assertAccessible(page, "active call");

  await sp(page, "hangup").click();
  await sp(page, "wrap-up-view").waitFor();
  await assertAccessible(page, "after-call work");
  await sp(page, "disposition").selectOption("Connected");
  await sp(page, "notes").fill("Customs paperwork resent; will call back Friday.");
  await sp(page, "save-log").click();

  const [task] = await waitForTasks(page, 1);
  assert.match(task.Subject, /^Inbound call from /);
  assert.equal(task.TaskSubtype, "Call");
  assert.equal(task.Type, "Call");
  assert.equal(task.Status, "Completed");
  assert.equal(task.CallType, "Inbound");
  assert.ok(
    Number.isInteger(Number(task.CallDurationInSeconds)) && Number(task.CallDurationInSeconds) >= 1,
    `duration ${task.CallDurationInSeconds}`
  );
  assert.ok(typeof task.CallObject === "string" && task.CallObject.length > 0);
  assert.equal(task.CallDisposition, "Connected");
  assert.equal(task.Description, "Customs paperwork resent; will call back Friday.");
  assert.equal(task.WhoId, maria.Id);
  assert.equal(task.ActivityDate, await browserToday(page));

  // The record page's activity list updates live, and so does the Tasks list.
  await page.locator(`[data-id="record-activity"] [data-task-id="${task.Id}"]`).waitFor();
  await shell(page, "nav-tasks").click();
  const row = page.locator(`[data-id="tasks-page"] [data-task-id="${task.Id}"]`);
  await row.waitFor();
  assert.equal(await row.locator('[data-field="CallType"]').textContent(), "Inbound");
  assert.equal(await row.locator('[data-field="WhoId"]').textContent(), "Maria Garcia");
  await screenshot(page, "inbound-known-caller-task");
  await sp(page, "ready-view").waitFor();
  assert.deepEqual(problems, []);
});
