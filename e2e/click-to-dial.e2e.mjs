/**
 * Click-to-dial: a phone number on a record page places an outbound call; the Task is
 * related to that record (WhoId for a Contact, WhatId for an Account).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWorkbench } from "./lib/session.mjs";
import { openPage, screenshot } from "./lib/browser.mjs";
import {
  assertAccessible,
  eventually,
  findRecord,
  openPhonePanel,
  shell,
  sp,
  waitForReady,
  waitForTasks
} from "./lib/softphone.mjs";

const s = useWorkbench();

async function openRecord(page, navId, name) {
  await shell(page, navId).click();
  await page.locator('[data-id="record-table"] a', { hasText: name }).click();
  await shell(page, "record-title").filter({ hasText: name }).waitFor();
}

async function callAndLog(page, disposition) {
  await sp(page, "active-call-view").waitFor({ timeout: 10000 });
  await eventually(
    async () => /connected/i.test((await sp(page, "call-state").textContent()) ?? ""),
    "the callee answers",
    15000
  );
  await screenshot(page, `click-to-dial-${disposition.replace(/\W+/g, "-").toLowerCase()}`);
  await sp(page, "hangup").click();
  await sp(page, "wrap-up-view").waitFor();
  await sp(page, "disposition").selectOption(disposition);
  await sp(page, "save-log").click();
}

test("click-to-dial on a Contact → outbound call → Task with WhoId", async () => {
  const { page, problems } = await openPage(s.browser, s.wb.url);
  await openPhonePanel(page);
  await waitForReady(page);
  const james = await findRecord(page, "Contact", (c) => c.LastName === "Chen");
  await openRecord(page, "nav-contacts", "James Chen");
  // Click-to-dial is enabled because the agent is ready.
  await page.locator('[data-field="Phone"] [data-id="click-to-dial"]').click();
  await assertAccessible(page, "outbound call");
  await callAndLog(page, "Connected");
  const [task] = await waitForTasks(page, 1);
  assert.match(task.Subject, /^Outbound call to /);
  assert.equal(task.CallType, "Outbound");
  assert.equal(task.WhoId, james.Id);
  assert.equal(task.CallDisposition, "Connected");
  await page.locator(`[data-id="record-activity"] [data-task-id="${task.Id}"]`).waitFor();
  assert.deepEqual(problems, []);
});

test("click-to-dial on an Account → Task with WhatId", async () => {
  const { page } = await openPage(s.browser, s.wb.url);
  await openPhonePanel(page);
  await waitForReady(page);
  const globex = await findRecord(page, "Account", (a) => a.Name === "Globex Industries");
  await openRecord(page, "nav-accounts", "Globex Industries");
  await page.locator('[data-field="Phone"] [data-id="click-to-dial"]').click();
  await callAndLog(page, "Left voicemail");
  const [task] = await waitForTasks(page, 1);
  assert.equal(task.WhatId, globex.Id);
  assert.equal(task.CallType, "Outbound");
  assert.equal(task.CallDisposition, "Left voicemail");
});

test("phone numbers are plain text while the softphone has click-to-dial disabled", async () => {
  const { page } = await openPage(s.browser, s.wb.url);
  await openPhonePanel(page);
  await waitForReady(page);
  await openRecord(page, "nav-contacts", "James Chen");
  await page.locator('[data-field="Phone"] [data-id="click-to-dial"]').waitFor();
  // A call makes the agent busy: click-to-dial is disabled until the agent is ready again.
  await page.locator('[data-field="Phone"] [data-id="click-to-dial"]').click();
  await sp(page, "active-call-view").waitFor({ timeout: 10000 });
  await page.locator('[data-field="Phone"] [data-id="phone-text"]').waitFor({ timeout: 5000 });
  await screenshot(page, "click-to-dial-disabled-during-call");
  await sp(page, "hangup").click();
  await sp(page, "wrap-up-view").waitFor();
  await sp(page, "disposition").selectOption("No answer");
  await sp(page, "save-log").click();
  await page.locator('[data-field="Phone"] [data-id="click-to-dial"]').waitFor({ timeout: 10000 });
});
