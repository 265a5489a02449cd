/**
 * The shell renders org data as text: hostile record names, field values and pop arguments
 * never become markup or script, and no navigation leaves the workbench.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWorkbench } from "./lib/session.mjs";
import { openPage } from "./lib/browser.mjs";
import { shell } from "./lib/softphone.mjs";

const s = useWorkbench();
const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>"'&`;

test("hostile record names and values show as literal text on every shell page", async () => {
  const { page, problems } = await openPage(s.browser, s.wb.url);
  const id = await page.evaluate(
    (name) =>
      window.workbench.backend.create("Contact", {
        FirstName: name,
        LastName: name,
        Title: name,
        Phone: "+1 415 555 0150"
      }),
    HOSTILE
  );
  await page.evaluate(
    (id) => window.workbench.store.navigate({ kind: "record", id, objectType: "Contact" }),
    id
  );
  await shell(page, "record-title").waitFor();
  assert.equal(await shell(page, "record-title").textContent(), `${HOSTILE} ${HOSTILE}`);
  assert.equal(await page.locator('[data-field="Title"]').textContent(), HOSTILE);
  await shell(page, "nav-contacts").click();
  await page.locator('[data-id="record-table"] a', { hasText: "onerror" }).waitFor();
  await page.evaluate(
    (name) =>
      window.workbench.store.screenPop({
        type: "flow",
        flowDevName: name,
        flowArgs: [{ name, type: "String", value: name }]
      }),
    HOSTILE
  );
  await shell(page, "flow-page").waitFor();
  await page.evaluate(
    (url) => window.workbench.store.screenPop({ type: "url", url }),
    `javascript:window.__pwned=3//${HOSTILE}`
  );
  await shell(page, "url-page").waitFor();
  assert.equal(await page.locator("#workbench img").count(), 0);
  assert.equal(await page.locator("#workbench script").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.ok(page.url().startsWith(s.wb.url), page.url());
  assert.deepEqual(problems, []);
});

test("the settings panel keeps hostile values as text and passes them on verbatim", async () => {
  const { page } = await openPage(s.browser, s.wb.url);
  await shell(page, "workbench-toggle").click();
  await shell(page, "setting-noMatchPop").fill(HOSTILE);
  await shell(page, "settings-apply").click();
  assert.equal(
    await page.evaluate(() => window.workbench.backend.settings()["/softphoneSettings/noMatchPop"]),
    HOSTILE
  );
  assert.equal(await page.locator("#workbench img").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});
