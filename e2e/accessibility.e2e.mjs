/**
 * axe-core on every softphone view: no serious or critical violations. (Call views are also
 * checked inside the flow tests at their key moments.)
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { useWorkbench } from "./lib/session.mjs";
import { openPage, screenshot } from "./lib/browser.mjs";
import {
  FRAME,
  assertAccessible,
  openPhonePanel,
  simulateIncoming,
  sp,
  waitForReady,
  withSettings
} from "./lib/softphone.mjs";

const s = useWorkbench();

test("ready, incoming, active call, keypad, transfer, after-call work and diagnostics views", async () => {
  const { page } = await openPage(s.browser, withSettings(s.wb.url, { wrapUpSeconds: "" }));
  await openPhonePanel(page);
  await waitForReady(page);
  await assertAccessible(page, "ready");
  await sp(page, "tab-directory").click();
  await assertAccessible(page, "ready (directory)");
  await sp(page, "tab-recent").click();
  await assertAccessible(page, "ready (recent calls)");

  await simulateIncoming(page, "(415) 555-0101");
  await sp(page, "incoming-view").waitFor();
  await assertAccessible(page, "incoming");
  await sp(page, "answer").click();
  await sp(page, "active-call-view").waitFor();
  await assertAccessible(page, "active call");
  await sp(page, "keypad").click();
  await assertAccessible(page, "active call with keypad");
  await sp(page, "transfer-open").click();
  await assertAccessible(page, "active call with transfer");
  await sp(page, "hangup").click();
  await sp(page, "wrap-up-view").waitFor();
  await assertAccessible(page, "after-call work");
  await sp(page, "disposition").selectOption("Connected");
  await sp(page, "save-log").click();
  await waitForReady(page);

  await sp(page, "diagnostics").click();
  await sp(page, "diagnostics-view").waitFor();
  await assertAccessible(page, "diagnostics");
  await screenshot(page, "accessibility-diagnostics");
});

test("SIP sign-in view (credentials=prompt)", async () => {
  const url = withSettings(s.wb.url, {
    provider: "sip",
    webSocketUrl: "ws://127.0.0.1:9/ws",
    sipDomain: "workbench.invalid",
    credentials: "prompt"
  });
  const { page } = await openPage(s.browser, url);
  await openPhonePanel(page);
  await sp(page, "sign-in-view").waitFor({ timeout: 15000 });
  await assertAccessible(page, "sign-in");
  await screenshot(page, "accessibility-sign-in");
});

test("setup message view", async () => {
  const { page } = await openPage(s.browser, withSettings(s.wb.url, { screenPop: "sometimes" }));
  await openPhonePanel(page);
  await sp(page, "setup-message").waitFor({ timeout: 10000 });
  await assertAccessible(page, "setup message");
});

test("the workbench shell itself (home, lists, record, panel, controls, Classic)", async () => {
  const check = async (page, where) => {
    const r = await new AxeBuilder({ page }).exclude(FRAME).analyze();
    const bad = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(
      bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      [],
      `shell accessibility: ${where}`
    );
  };
  const { page } = await openPage(s.browser, s.wb.url);
  await check(page, "home");
  await page.click('[data-id="nav-contacts"]');
  await check(page, "contacts");
  await page.locator('[data-id="record-table"] a', { hasText: "Maria Garcia" }).click();
  await page.click('[data-id="utility-phone"]');
  await check(page, "record page with the phone panel");
  await page.click('[data-id="workbench-toggle"]');
  await check(page, "workbench controls");
  await page.click('[data-id="nav-tasks"]');
  await check(page, "tasks");
  const classic = (await openPage(s.browser, `${s.wb.url}classic`)).page;
  await check(classic, "Classic");
});
