/**
 * Call flow in the workbench with the demo phone: Not ready refuses a simulated call (B6),
 * the record panel has no Mute/Hold while ringing (B8), hotkeys act inside the softphone,
 * and `x123` dials the number then sends the extension after the answer.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWorkbench } from "./lib/session.mjs";
import { openPage } from "./lib/browser.mjs";
import {
  eventually,
  openPhonePanel,
  phone,
  shell,
  simulateIncoming,
  sp,
  waitForReady
} from "./lib/softphone.mjs";

const s = useWorkbench();

test("Not ready (Lunch) refuses a simulated call with a notice; Ready takes it", async () => {
  const { page, problems } = await openPage(s.browser, s.wb.url);
  await openPhonePanel(page);
  await waitForReady(page);
  await sp(page, "not-ready-reason").selectOption("Lunch");
  await sp(page, "presence-status").filter({ hasText: "Not ready · Lunch" }).waitFor();
  await simulateIncoming(page, "+14155550100");
  await sp(page, "notice")
    .filter({ hasText: /not ready.*refused \(486\)/i })
    .waitFor();
  assert.equal(await sp(page, "incoming-view").count(), 0);

  // The choice survives a reload of the softphone in this browser session.
  await page.reload();
  await openPhonePanel(page);
  await sp(page, "presence-status").filter({ hasText: "Not ready · Lunch" }).waitFor();

  await sp(page, "not-ready-reason").selectOption("");
  await sp(page, "presence-status")
    .filter({ hasText: /^Ready/ })
    .waitFor();
  await simulateIncoming(page, "+14155550100");
  await sp(page, "incoming-view").waitFor();
  assert.deepEqual(problems, []);
});

test("hotkeys inside the softphone answer, mute, hold and hang up; record panel has no Mute while ringing", async () => {
  const { page } = await openPage(s.browser, s.wb.url);
  await openPhonePanel(page);
  await waitForReady(page);
  await shell(page, "nav-contacts").click();
  await page.locator('[data-id="record-table"] a', { hasText: "James Chen" }).click();
  await simulateIncoming(page, "+14155550100");
  await sp(page, "incoming-view").waitFor();
  await shell(page, "call-panel-state").filter({ hasText: "Ringing" }).waitFor();
  assert.equal(await shell(page, "call-panel-mute").count(), 0, "no Mute while ringing (B8)");
  assert.equal(await shell(page, "call-panel-hold").count(), 0, "no Hold while ringing (B8)");

  // A hotkey typed on Salesforce's page (outside the softphone) does nothing.
  await shell(page, "record-title").click();
  await page.keyboard.press("Alt+Shift+KeyA");
  assert.equal(await sp(page, "incoming-view").count(), 1);

  await sp(page, "answer").focus();
  assert.equal(await sp(page, "answer").getAttribute("title"), "Answer (Alt+Shift+A)");
  await phone(page).locator("body").press("Alt+Shift+KeyA");
  await sp(page, "active-call-view").waitFor();
  await eventually(
    async () => /connected/i.test((await sp(page, "call-state").textContent()) ?? ""),
    "the call is connected"
  );
  await shell(page, "call-panel-mute").waitFor();
  await sp(page, "hangup").focus();
  await page.keyboard.press("Alt+Shift+KeyM");
  await eventually(
    async () => (await sp(page, "mute").getAttribute("aria-pressed")) === "true",
    "muted"
  );
  await page.keyboard.press("Alt+Shift+KeyK");
  await sp(page, "keypad-panel").waitFor();
  await page.keyboard.type("42#");
  await sp(page, "sent-digits").filter({ hasText: "42#" }).waitFor();
  await page.keyboard.press("Alt+Shift+KeyH");
  await sp(page, "wrap-up-view").waitFor();
});

test("x123: the number is dialled, then the extension is sent after the answer", async () => {
  const { page } = await openPage(s.browser, s.wb.url);
  await openPhonePanel(page);
  await waitForReady(page);
  await sp(page, "dial-input").fill("+1 415 555 0100 x123");
  await sp(page, "dial").click();
  await sp(page, "active-call-view").waitFor();
  await eventually(
    async () => /connected/i.test((await sp(page, "call-state").textContent()) ?? ""),
    "the callee answers",
    15000
  );
  await sp(page, "notice").filter({ hasText: "Extension 123 sent." }).waitFor({ timeout: 10000 });
  const text = (await sp(page, "active-call-view").textContent()) ?? "";
  assert.match(text, /ext\. 123/);
});
