/** Bad call center settings never crash the softphone: a setup message names each problem. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWorkbench } from "./lib/session.mjs";
import { openPage, screenshot } from "./lib/browser.mjs";
import {
  assertAccessible,
  openPhonePanel,
  shell,
  sp,
  waitForReady,
  withSettings
} from "./lib/softphone.mjs";

const s = useWorkbench();

test("bad settings in the URL → setup message naming item, value and what is allowed", async () => {
  const url = withSettings(s.wb.url, { provider: "carrier-pigeon", wrapUpSeconds: "-5" });
  const { page } = await openPage(s.browser, url);
  await openPhonePanel(page);
  await sp(page, "setup-message").waitFor({ timeout: 10000 });
  const text = await sp(page, "setup-message").textContent();
  assert.match(text, /\/softphoneSettings\/provider/);
  assert.match(text, /carrier-pigeon/);
  assert.match(text, /demo/);
  assert.match(text, /\/softphoneSettings\/wrapUpSeconds/);
  assert.ok((await sp(page, "setup-problem").count()) >= 2);
  await screenshot(page, "bad-settings-setup-message");
  await assertAccessible(page, "setup message");
  // Not usable, so the softphone never enabled click-to-dial.
  assert.equal(await page.evaluate(() => window.workbench.backend.clickToDialEnabled()), false);
});

test("changing a setting in the workbench panel reloads the softphone with it", async () => {
  const { page } = await openPage(s.browser, s.wb.url);
  await openPhonePanel(page);
  await waitForReady(page);
  await shell(page, "workbench-toggle").click();
  await shell(page, "setting-screenPop").fill("sometimes");
  await shell(page, "settings-apply").click();
  await sp(page, "setup-message").waitFor({ timeout: 10000 });
  assert.match(await sp(page, "setup-message").textContent(), /\/softphoneSettings\/screenPop/);
  assert.match(page.url(), /screenPop=sometimes/);
  await screenshot(page, "bad-settings-from-panel");
  // Fixing it brings the softphone back.
  await shell(page, "setting-screenPop").fill("apex");
  await shell(page, "settings-apply").click();
  await waitForReady(page);
});
