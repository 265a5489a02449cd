/**
 * Unknown callers: the noMatchPop setting decides the pop — a new Contact (phone prefilled,
 * saving creates it), a new Lead, a search, or a flow with the caller's number.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWorkbench } from "./lib/session.mjs";
import { openPage, screenshot } from "./lib/browser.mjs";
import {
  openPhonePanel,
  records,
  route,
  shell,
  simulateIncoming,
  sp,
  waitForReady,
  withSettings
} from "./lib/softphone.mjs";

const s = useWorkbench();
const UNKNOWN = "+1 415 555 0199";
const digits = (v) => String(v ?? "").replace(/\D/g, "");

test("unknown caller → New Contact modal with the phone prefilled; Save creates the Contact", async () => {
  const { page, problems } = await openPage(s.browser, s.wb.url);
  await openPhonePanel(page);
  await waitForReady(page);
  await simulateIncoming(page, UNKNOWN);
  await sp(page, "incoming-view").waitFor();
  const modal = shell(page, "new-record-modal");
  await modal.waitFor({ timeout: 10000 });
  assert.equal(await modal.getAttribute("data-entity"), "Contact");
  const phone = await page
    .locator('[data-id="new-record-modal"] input[data-field="Phone"]')
    .inputValue();
  assert.ok(digits(phone).endsWith("4155550199"), `prefilled phone ${phone}`);
  await screenshot(page, "inbound-unknown-caller-modal");

  await page.locator('[data-id="new-record-modal"] input[data-field="FirstName"]').fill("Nadia");
  await page.locator('[data-id="new-record-modal"] input[data-field="LastName"]').fill("Haddad");
  await shell(page, "new-record-save").click();
  await shell(page, "record-title").filter({ hasText: "Nadia Haddad" }).waitFor();
  const created = (await records(page, "Contact")).find((c) => c.LastName === "Haddad");
  assert.ok(created, "the Contact exists in the org");
  assert.ok(digits(created.Phone).endsWith("4155550199"));
  assert.equal((await route(page)).id, created.Id);

  await sp(page, "decline").click();
  assert.deepEqual(problems, []);
});

test("the modal refuses to save without the required Last Name and keeps what was typed", async () => {
  const { page } = await openPage(s.browser, s.wb.url);
  await openPhonePanel(page);
  await waitForReady(page);
  await simulateIncoming(page, "+1 415 555 0177");
  await shell(page, "new-record-modal").waitFor({ timeout: 10000 });
  await page.locator('[data-id="new-record-modal"] input[data-field="FirstName"]').fill("Kai");
  const before = (await records(page, "Contact")).length;
  await shell(page, "new-record-save").click();
  await shell(page, "new-record-error").waitFor();
  assert.match(await shell(page, "new-record-error").textContent(), /Last Name/);
  assert.equal(
    await page.locator('[data-id="new-record-modal"] input[data-field="FirstName"]').inputValue(),
    "Kai"
  );
  assert.equal((await records(page, "Contact")).length, before);
  await shell(page, "new-record-cancel").click();
  await shell(page, "new-record-modal").waitFor({ state: "detached" });
});

test("noMatchPop=newLead opens a New Lead modal", async () => {
  const { page } = await openPage(s.browser, withSettings(s.wb.url, { noMatchPop: "newLead" }));
  await openPhonePanel(page);
  await waitForReady(page);
  await simulateIncoming(page, UNKNOWN);
  const modal = shell(page, "new-record-modal");
  await modal.waitFor({ timeout: 10000 });
  assert.equal(await modal.getAttribute("data-entity"), "Lead");
  await screenshot(page, "inbound-unknown-caller-new-lead");
});

test("noMatchPop=search lands on search results for the number", async () => {
  const { page } = await openPage(s.browser, withSettings(s.wb.url, { noMatchPop: "search" }));
  await openPhonePanel(page);
  await waitForReady(page);
  await simulateIncoming(page, UNKNOWN);
  await shell(page, "search-page").waitFor({ timeout: 10000 });
  const r = await route(page);
  assert.equal(r.kind, "search");
  assert.ok(digits(r.term).endsWith("4155550199"), r.term);
  await screenshot(page, "inbound-unknown-caller-search");
});

test("noMatchPop=flow:Inbound_Caller starts the flow with the caller's number", async () => {
  const { page } = await openPage(
    s.browser,
    withSettings(s.wb.url, { noMatchPop: "flow:Inbound_Caller" })
  );
  await openPhonePanel(page);
  await waitForReady(page);
  await simulateIncoming(page, UNKNOWN);
  await shell(page, "flow-page").waitFor({ timeout: 10000 });
  assert.equal(await shell(page, "flow-page").getAttribute("data-flow-name"), "Inbound_Caller");
  const args = await page.locator('[data-id="flow-arg"]').allTextContents();
  assert.ok(
    args.some((a) => digits(a).endsWith("4155550199")),
    JSON.stringify(args)
  );
  await screenshot(page, "inbound-unknown-caller-flow");
});
