/** A number shared by several records: the softphone offers a chooser and pops the chosen one. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWorkbench } from "./lib/session.mjs";
import { openPage, screenshot } from "./lib/browser.mjs";
import {
  assertAccessible,
  findRecord,
  openPhonePanel,
  route,
  simulateIncoming,
  sp,
  waitForReady,
  waitForTasks
} from "./lib/softphone.mjs";

const s = useWorkbench();

test("several matches → chooser → pop and log against the chosen record", async () => {
  const { page, problems } = await openPage(s.browser, s.wb.url);
  await openPhonePanel(page);
  await waitForReady(page);
  const sam = await findRecord(page, "Contact", (c) => c.LastName === "Taylor");
  const alex = await findRecord(page, "Contact", (c) => c.LastName === "Kim");
  const initech = await findRecord(page, "Account", (a) => a.Name === "Initech");

  await simulateIncoming(page, "(512) 555-0188");
  await sp(page, "incoming-view").waitFor();
  await sp(page, "answer").click();
  await sp(page, "active-call-view").waitFor();
  for (const r of [sam, alex, initech]) await sp(page, `match-${r.Id}`).waitFor({ timeout: 10000 });
  await screenshot(page, "several-matches-chooser");
  await assertAccessible(page, "match chooser");

  await sp(page, `match-${sam.Id}`).click();
  await page.waitForFunction((id) => window.workbench.store.get().route.id === id, sam.Id, {
    timeout: 10000
  });
  assert.equal((await route(page)).kind, "record");
  await sp(page, "hangup").click();
  await sp(page, "wrap-up-view").waitFor();
  await sp(page, "disposition").selectOption("Connected");
  await sp(page, "save-log").click();
  const [task] = await waitForTasks(page, 1);
  assert.equal(task.WhoId, sam.Id);
  assert.equal(task.CallType, "Inbound");
  assert.deepEqual(problems, []);
});
