#!/usr/bin/env node
/**
 * Takes docs/workbench.png for the README: the workbench on a Contact's record page during a
 * call, with an earlier call already logged. Run: node e2e/lib/docs-screenshot.mjs
 */
import { join } from "node:path";
import { root } from "../../scripts/start.mjs";
import { startWorkbench } from "./workbench.mjs";
import { launchBrowser, openPage } from "./browser.mjs";
import { openPhonePanel, simulateIncoming, sp, waitForReady, waitForTasks } from "./softphone.mjs";

const wb = await startWorkbench();
const browser = await launchBrowser();
try {
  const { page } = await openPage(browser, wb.url, { viewport: { width: 1440, height: 900 } });
  await openPhonePanel(page);
  await waitForReady(page);
  // An earlier call, so the record shows its activity history.
  await simulateIncoming(page, "(415) 555-0101");
  await sp(page, "answer").click();
  await sp(page, "active-call-view").waitFor();
  await page.waitForTimeout(1500);
  await sp(page, "hangup").click();
  await sp(page, "disposition").selectOption("Connected");
  await sp(page, "notes").fill("Customs paperwork resent; calling back Friday.");
  await sp(page, "save-log").click();
  await waitForTasks(page, 1);
  await waitForReady(page);
  // The call in the picture.
  await simulateIncoming(page, "(415) 555-0101");
  await sp(page, "answer").click();
  await sp(page, "active-call-view").waitFor();
  await page.waitForTimeout(2500);
  const out = join(root, "docs/workbench.png");
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await wb.close();
}
