/** Headless Debian Chromium with fake audio devices, one page per SIP party. */
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS as BASE_ARGS } from "../../lib/browser.mjs";

/** The e2e suite's Chromium flags, plus what WebRTC between pages on loopback needs. */
export const CHROMIUM_ARGS = [
  ...BASE_ARGS,
  "--allow-loopback-in-peer-connection",
  "--disable-features=WebRtcHideLocalIpsWithMdns"
];

/** `args` replace flags of the same name (e.g. a stricter --autoplay-policy). */
export async function launchBrowser({ args = [] } = {}) {
  const names = new Set(args.map((a) => a.split("=")[0]));
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS.filter((a) => !names.has(a.split("=")[0])), ...args]
  });
}

/** A fresh context (own storage, own microphone grant) with the harness page loaded. */
export async function openParty(browser, origin, { storageState } = {}) {
  const context = await browser.newContext(storageState ? { storageState } : {});
  await context.grantPermissions(["microphone"], { origin });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[page error] ${e.message}`));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => document.getElementById("role")?.textContent === "ready");
  return { context, page };
}

/** Polls `fn` in the page (page.waitForFunction does not await async functions). */
export async function pollPage(
  page,
  fn,
  arg,
  { timeoutMs = 10_000, intervalMs = 20, what = "condition" } = {}
) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await page.evaluate(fn, arg);
    if (last) return last;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}; last value ${JSON.stringify(last)}`
  );
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
