/**
 * The softphone against an older or trimmed Open CTI library: with any optional part of
 * `sforce.opencti` missing (one at a time, then all that API 43 lacks at once), it starts,
 * reaches the ready view and never throws; with API 43's library a call is still taken and
 * logged. The workbench's stand-in leaves parts out with `?openctiWithout=…`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWorkbench } from "./lib/session.mjs";
import { openPage } from "./lib/browser.mjs";
import { openPhonePanel, sp, waitForReady, waitForTasks, withSettings } from "./lib/softphone.mjs";

const s = useWorkbench();

const OPTIONAL = [
  "hvs",
  "hvs.onWorkStart",
  "hvs.completeWork",
  "subscribe",
  "publish",
  "unsubscribe",
  "setSoftphoneItemIcon",
  "setSoftphoneItemLabel",
  "setSoftphonePanelIcon",
  "setSoftphonePanelLabel",
  "setSoftphonePanelVisibility",
  "setSoftphonePanelHeight",
  "setSoftphonePanelWidth",
  "isSoftphonePanelVisible",
  "getAppViewInfo",
  "onNavigationChange",
  "getSoftphoneLayout",
  "searchAndScreenPop",
  "enableClickToDial",
  "disableClickToDial",
  "onClickToDial",
  "refreshView",
  "notifyInitializationComplete"
];
const API_43_LACKS = "hvs,subscribe,publish,unsubscribe";

async function start(without) {
  const opened = await openPage(s.browser, withSettings(s.wb.url, { openctiWithout: without }));
  const { page } = opened;
  await openPhonePanel(page);
  await waitForReady(page);
  const missing = await page.frame({ name: "softphone" }).evaluate(
    (w) =>
      w.split(",").filter((p) => {
        const [a, b] = p.split(".");
        const owner = b ? window.sforce.opencti[a] : window.sforce.opencti;
        return owner === undefined || owner[b ?? a] === undefined;
      }),
    without
  );
  return { ...opened, missing };
}

test("with each optional part of sforce.opencti missing, one at a time, the softphone starts", async () => {
  for (const part of OPTIONAL) {
    const { context, problems, missing } = await start(part);
    assert.deepEqual(missing, [part], `${part} is really missing from the stand-in`);
    assert.deepEqual(
      problems.filter((p) => p.startsWith("pageerror")),
      [],
      `without ${part}: no uncaught error`
    );
    await context.close();
  }
});

test("with API 43's library (no hvs, subscribe, publish, unsubscribe) a call is taken and logged", async () => {
  const { page, problems, missing } = await start(API_43_LACKS);
  assert.deepEqual(missing, API_43_LACKS.split(","));
  // Without subscribe the shell's message channel cannot reach the softphone: ring it from
  // the demo phone's own control.
  await sp(page, "simulate-number").fill("(415) 555-0101");
  await sp(page, "simulate-incoming").click();
  await sp(page, "incoming-view").waitFor();
  await page.waitForFunction(() => window.workbench.store.get().route.kind === "record");
  await sp(page, "answer").click();
  await sp(page, "active-call-view").waitFor();
  await sp(page, "hangup").click();
  await sp(page, "wrap-up-view").waitFor();
  await sp(page, "save-log").click();
  const [task] = await waitForTasks(page, 1);
  assert.equal(task.CallType, "Inbound");
  assert.deepEqual(
    problems.filter((p) => p.startsWith("pageerror")),
    []
  );
});
