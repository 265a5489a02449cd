/** One workbench and one browser per test file; a fresh browser context per test. */
import { before, after } from "node:test";
import { startWorkbench } from "./workbench.mjs";
import { launchBrowser } from "./browser.mjs";

/**
 * Registers before/after hooks and returns a holder filled in before the tests run.
 * @returns {{ wb: Awaited<ReturnType<typeof startWorkbench>>, browser: import("playwright-core").Browser }}
 */
export function useWorkbench(options = {}) {
  const session = {};
  before(async () => {
    session.wb = await startWorkbench(options);
    session.browser = await launchBrowser();
  });
  after(async () => {
    await session.browser?.close();
    await session.wb?.close();
  });
  return session;
}
