/**
 * `npm start -- --adapter`: a foreign Open CTI adapter (examples/open-cti-adapter, a plain
 * HTML page with inline script and onclick handlers) runs in the workbench's utility bar and
 * Classic sidebar against the stand-in library and the in-memory org: click-to-dial, runApex,
 * screen pop and saveLog. Its page gets a Visualforce-like CSP; --strict-csp blocks its
 * inline script as an org with strict CSP would.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, screenshot } from "./lib/browser.mjs";
import { startWorkbench } from "./lib/workbench.mjs";
import { eventually, findRecord, openPhonePanel, shell, waitForTasks } from "./lib/softphone.mjs";

const ADAPTER = "examples/open-cti-adapter";
const adapter = (page) => page.frameLocator('[data-id="softphone-frame"]');
const status = (page) => adapter(page).locator("#status");

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

function workbench(options) {
  const holder = {};
  before(async () => {
    holder.wb = await startWorkbench({ adapter: ADAPTER, ...options });
  });
  after(() => holder.wb?.close());
  return holder;
}

async function waitForStatus(page, pattern, timeout = 10000) {
  await eventually(
    async () => pattern.test((await status(page).textContent()) ?? ""),
    `adapter status ${pattern}`,
    timeout
  );
}

describe("in the Lightning utility bar", () => {
  const s = workbench({});

  test("click-to-dial, runApex lookup, screen pop and saveLog against the in-memory org", async () => {
    const { page, problems } = await openPage(browser, s.wb.url);
    const csp = (await s.wb.get("/adapter/index.html")).headers["content-security-policy"];
    assert.match(csp, /script-src 'self' 'unsafe-inline'/, "a Visualforce-like CSP, not ours");
    await openPhonePanel(page);
    await waitForStatus(page, /Ready: click a phone number/);

    const maria = await findRecord(page, "Contact", (c) => c.LastName === "Garcia");
    await shell(page, "nav-contacts").click();
    await page.locator('[data-id="record-table"] a', { hasText: "Maria Garcia" }).click();
    await shell(page, "record-title").filter({ hasText: "Maria Garcia" }).waitFor();
    await page.locator('[data-field="Phone"] [data-id="click-to-dial"]').click();
    await waitForStatus(page, /Caller: Maria Garcia/);
    assert.equal(await adapter(page).locator("#number").inputValue(), maria.Phone);

    await shell(page, "nav-accounts").click();
    await adapter(page).locator("#pop").click();
    await waitForStatus(page, /Opened Maria Garcia/);
    await eventually(
      async () => (await page.evaluate(() => window.workbench.store.get().route)).id === maria.Id,
      "the screen pop opens Maria's record"
    );

    await adapter(page).locator("#log").click();
    await waitForStatus(page, /Logged 00T/);
    const [task] = await waitForTasks(page, 1);
    assert.equal(task.Subject, "Call with Maria Garcia");
    assert.equal(task.WhoId, maria.Id);

    // The shell's Open CTI activity log lists the adapter's calls.
    await shell(page, "workbench-toggle").click();
    const log = await shell(page, "cti-log").textContent();
    for (const method of ["enableClickToDial", "runApex", "screenPop", "saveLog"])
      assert.match(log, new RegExp(method), `activity log shows ${method}`);
    await screenshot(page, "adapter-lightning");
    assert.deepEqual(problems, []);
  });
});

describe("in the Classic sidebar (--classic)", () => {
  const s = workbench({ view: "classic" });

  test("the same page runs on interaction.js: lookup, screen pop and saveLog", async () => {
    const { page, problems } = await openPage(browser, s.wb.url);
    await shell(page, "classic-sidebar").waitFor();
    await waitForStatus(page, /Ready: click a phone number/);
    const maria = await findRecord(page, "Contact", (c) => c.LastName === "Garcia");
    await adapter(page).locator("#number").fill(maria.Phone);
    await adapter(page).locator("#lookup").click();
    await waitForStatus(page, /Caller: Maria Garcia/);
    await adapter(page).locator("#pop").click();
    await waitForStatus(page, /Opened Maria Garcia/);
    await adapter(page).locator("#log").click();
    await waitForStatus(page, /Logged/);
    const [task] = await waitForTasks(page, 1);
    assert.equal(task.WhoId, maria.Id);
    assert.deepEqual(problems, []);
  });
});

describe("with --strict-csp", () => {
  const s = workbench({ adapterCsp: "strict" });

  test("the adapter's inline script is blocked, as in an org with strict CSP", async () => {
    const { page, consoleLines } = await openPage(browser, s.wb.url);
    await openPhonePanel(page);
    await page.waitForTimeout(1500);
    assert.equal(await status(page).textContent(), "Starting…");
    assert.ok(
      consoleLines.some((l) => /Content Security Policy/i.test(l)),
      consoleLines.join("\n")
    );
  });
});
