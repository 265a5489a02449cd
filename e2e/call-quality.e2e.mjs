/**
 * Calls that survive the network, with the demo phone and the workbench's network controls:
 * a dropped connection shows "Reconnecting… (n s)" and the call survives; a quality dip shows
 * on the call's indicator and in the Task's Description; the devices menu lists and switches
 * devices; a grace period that runs out ends the call with a disposition that says why.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWorkbench } from "./lib/session.mjs";
import { openPage, screenshot } from "./lib/browser.mjs";
import {
  eventually,
  openPhonePanel,
  phone,
  shell,
  simulateIncoming,
  sp,
  waitForReady,
  waitForTasks,
  withSettings
} from "./lib/softphone.mjs";

const s = useWorkbench();

async function network(page, id) {
  if (!(await shell(page, "workbench-controls").isVisible()))
    await shell(page, "workbench-toggle").click();
  await shell(page, id).click();
}

async function answeredCall(page) {
  await openPhonePanel(page);
  await waitForReady(page);
  await simulateIncoming(page, "+1 415 555 0199");
  await sp(page, "answer").click();
  await sp(page, "active-call-view").waitFor();
}

test("a dropped connection shows Reconnecting with a countdown and the call survives; a quality dip shows and reaches the Task", async () => {
  const { page, problems } = await openPage(
    s.browser,
    withSettings(s.wb.url, { noMatchPop: "none", reconnectGraceSeconds: "30" })
  );
  await answeredCall(page);

  await network(page, "wb-net-drop");
  const countdown = sp(page, "call-reconnecting-countdown");
  await countdown.waitFor();
  assert.match(await countdown.textContent(), /^Reconnecting… \((30|29|28) s\)$/);
  assert.match(await sp(page, "call-state").textContent(), /connected/i);
  assert.equal(await sp(page, "wrap-up-view").count(), 0);
  await screenshot(page, "call-quality-reconnecting");
  await network(page, "wb-net-restore");
  await sp(page, "call-reconnecting").waitFor({ state: "detached" });
  assert.match(await sp(page, "call-state").textContent(), /connected/i);

  await network(page, "wb-net-good");
  await network(page, "wb-net-dip");
  const indicator = sp(page, "call-quality");
  await eventually(
    async () => (await indicator.getAttribute("data-rating")) !== "good",
    "the indicator shows the dip"
  );
  assert.match(await indicator.getAttribute("title"), /network: packet loss 6 %/);
  await screenshot(page, "call-quality-dip");

  await sp(page, "hangup").click();
  await sp(page, "wrap-up-view").waitFor();
  await sp(page, "save-log").click();
  const [task] = await waitForTasks(page, 1);
  assert.match(task.Description, /Call quality: MOS min \d\.\d \/ avg \d\.\d over 2 samples/);
  assert.match(task.Description, /packet loss up to 6 %/);
  assert.equal(task.CallDisposition, "Connected");
  assert.deepEqual(problems, []);
});

test("a grace period that runs out ends the call, logged once as dropped", async () => {
  const { page } = await openPage(
    s.browser,
    withSettings(s.wb.url, { noMatchPop: "none", reconnectGraceSeconds: "2", wrapUpSeconds: "0" })
  );
  await answeredCall(page);
  await network(page, "wb-net-drop");
  await sp(page, "call-reconnecting").waitFor();
  const [task] = await waitForTasks(page, 1);
  assert.equal(task.CallDisposition, "Dropped: connection lost");
  await page.waitForTimeout(500);
  assert.equal((await waitForTasks(page, 1)).length, 1);
});

test("the devices menu lists the devices and switches the speaker and ringer; diagnostics shows them", async () => {
  const { page } = await openPage(s.browser, s.wb.url);
  await openPhonePanel(page);
  await waitForReady(page);
  await sp(page, "devices").click();
  await sp(page, "devices-view").waitFor();
  const outputs = await sp(page, "device-output")
    .locator("option")
    .evaluateAll((os) => os.map((o) => o.textContent));
  assert.deepEqual(outputs, ["System default", "Demo headset", "Demo desk speaker"]);
  await sp(page, "device-output").selectOption("demo-headset");
  await sp(page, "device-ringer").selectOption("demo-desk-speaker");
  await phone(page).locator('label[for="sp-processing-noiseSuppression"]').click();
  await eventually(
    async () => !(await sp(page, "processing-noiseSuppression").isChecked()),
    "noise suppression switches off"
  );
  await eventually(
    async () => (await sp(page, "device-output").inputValue()) === "demo-headset",
    "the speaker choice sticks"
  );
  await screenshot(page, "call-quality-devices");
  await sp(page, "diagnostics").click();
  await sp(page, "diagnostics-view").waitFor();
  assert.equal(await sp(page, "diag-device-output").textContent(), "Demo headset");
  assert.equal(await sp(page, "diag-device-ringer").textContent(), "Demo desk speaker");
});
