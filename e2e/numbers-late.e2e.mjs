/**
 * The phone-number rules are a lazy chunk loaded after notifyInitializationComplete. Here the
 * browser holds that chunk back: a call that rings before it arrives shows at once with the
 * number as signalled, and once the chunk is in, the number is formatted and the caller pops.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWorkbench } from "./lib/workbench.mjs";
import { launchBrowser } from "./lib/browser.mjs";
import {
  findRecord,
  openPhonePanel,
  route,
  simulateIncoming,
  sp,
  waitForReady
} from "./lib/softphone.mjs";

let wb;
let browser;
before(async () => {
  wb = await startWorkbench();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await wb?.close();
});

test("a call that rings before the phone-number chunk has loaded is shown and popped right", async () => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  let requested = false;
  await context.route(/\/chunks\/phone-numbers-lib-[^/]+\.js/, async (r) => {
    requested = true;
    await held;
    await r.continue();
  });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  try {
    await page.goto(wb.url);
    await openPhonePanel(page);
    await waitForReady(page);
    assert.equal(requested, true, "the chunk is asked for once the softphone is ready");

    const maria = await findRecord(page, "Contact", (c) => c.LastName === "Garcia");
    await simulateIncoming(page, "4155550101");
    await sp(page, "incoming-view").waitFor();
    await sp(page, "incoming-view").getByText("4155550101").waitFor();
    assert.notEqual((await route(page)).id, maria.Id, "no pop before the number can be read");

    release();
    await sp(page, "incoming-view").getByText("(415) 555-0101").waitFor({ timeout: 10000 });
    await sp(page, "incoming-view").getByText("Maria Garcia").first().waitFor({ timeout: 10000 });
    await page.waitForFunction((id) => window.workbench.store.get().route.id === id, maria.Id, {
      timeout: 10000
    });
    assert.deepEqual(problems, []);
  } finally {
    release();
    await context.close();
  }
});
