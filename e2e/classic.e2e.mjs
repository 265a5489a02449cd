/**
 * Salesforce Classic: the softphone in the sidebar through interaction.js (no message
 * channel). A call pops the caller's record by URL and is logged; click-to-dial works.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWorkbench } from "./lib/session.mjs";
import { openPage, screenshot } from "./lib/browser.mjs";
import {
  assertAccessible,
  findRecord,
  shell,
  sp,
  waitForReady,
  waitForTasks
} from "./lib/softphone.mjs";

const s = useWorkbench();

test("Classic: sidebar softphone, inbound call pops the Contact, Task logged", async () => {
  const { page, problems } = await openPage(s.browser, `${s.wb.url}classic`);
  await shell(page, "classic-sidebar").waitFor();
  const src = await shell(page, "softphone-frame").getAttribute("src");
  assert.doesNotMatch(src, /mode=Lightning/);
  await waitForReady(page);
  await assertAccessible(page, "ready (Classic)");
  // The page loaded interaction.js, not opencti_min.js.
  const apis = await page.frame({ name: "softphone" }).evaluate(() => ({
    interaction: typeof window.sforce?.interaction?.cti?.onClickToDial,
    opencti: typeof window.sforce?.opencti
  }));
  assert.deepEqual(apis, { interaction: "function", opencti: "undefined" });

  const oliver = await findRecord(page, "Contact", (c) => c.LastName === "Smith");
  await sp(page, "simulate-number").fill("+44 20 7946 0322");
  await sp(page, "simulate-incoming").click();
  await sp(page, "incoming-view").waitFor({ timeout: 10000 });
  await page.waitForFunction((id) => window.workbench.store.get().route.id === id, oliver.Id, {
    timeout: 10000
  });
  assert.match(page.url(), new RegExp(`/classic/${oliver.Id}$`));
  await sp(page, "answer").click();
  await sp(page, "active-call-view").waitFor();
  await screenshot(page, "classic-call");
  await sp(page, "hangup").click();
  await sp(page, "wrap-up-view").waitFor();
  await sp(page, "disposition").selectOption("Connected");
  await sp(page, "save-log").click();
  const [task] = await waitForTasks(page, 1);
  assert.equal(task.WhoId, oliver.Id);
  assert.equal(task.CallType, "Inbound");
  await page.locator(`[data-id="record-activity"] [data-task-id="${task.Id}"]`).waitFor();
  assert.deepEqual(problems, []);
});

test("Classic: click-to-dial places an outbound call", async () => {
  const { page } = await openPage(s.browser, `${s.wb.url}classic`);
  await waitForReady(page);
  const maria = await findRecord(page, "Contact", (c) => c.LastName === "Garcia");
  await page.goto(`${s.wb.url}classic/${maria.Id}`);
  await waitForReady(page);
  await page.locator('[data-field="Phone"] [data-id="click-to-dial"]').click();
  await sp(page, "active-call-view").waitFor({ timeout: 10000 });
  await screenshot(page, "classic-click-to-dial");
  await sp(page, "hangup").click();
  await sp(page, "wrap-up-view").waitFor();
  await sp(page, "disposition").selectOption("No answer");
  await sp(page, "save-log").click();
  const [task] = await waitForTasks(page, 1);
  assert.equal(task.CallType, "Outbound");
  assert.equal(task.WhoId, maria.Id);
});
