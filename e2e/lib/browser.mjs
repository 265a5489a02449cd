/**
 * Debian chromium through playwright-core (never a downloaded browser), pages that collect
 * their console errors, and screenshots under test-output/e2e/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { root } from "../../scripts/start.mjs";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
  "--use-fake-ui-for-media-stream",
  "--use-fake-device-for-media-stream",
  "--autoplay-policy=no-user-gesture-required",
  // The workbench plays Salesforce on https://workbench.lightning.force.com with a certificate
  // made at test time: every force.com name resolves to loopback, so nothing leaves the machine.
  "--host-resolver-rules=MAP *.force.com 127.0.0.1",
  "--ignore-certificate-errors"
];

export const screenshotDir = join(root, "test-output/e2e");

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS
  });
}

/**
 * A fresh context (its own storage) and page. `problems` collects page errors and console
 * errors from the shell and the softphone frame, for tests to assert on.
 */
export async function openPage(browser, url, { viewport = { width: 1366, height: 860 } } = {}) {
  const context = await browser.newContext({ viewport, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  const problems = [];
  const consoleLines = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    consoleLines.push(`${m.type()}: ${m.text()}`);
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  return { context, page, problems, consoleLines };
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
