/**
 * Steps an agent takes in the workbench, and checks on what the softphone and the org did.
 * Softphone selectors are the data-id attributes of the softphone views (docs/ui-test-ids.md).
 */
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";

export const FRAME = '[data-id="softphone-frame"]';

/** The softphone iframe's content. */
export function phone(page) {
  return page.frameLocator(FRAME);
}

export const sp = (page, id) => phone(page).locator(`[data-id="${id}"]`);
export const shell = (page, id) => page.locator(`[data-id="${id}"]`);

/** Opens the utility bar's Phone panel (Lightning) if it is closed. */
export async function openPhonePanel(page) {
  const panel = shell(page, "softphone-panel");
  if ((await panel.getAttribute("data-open")) !== "true")
    await shell(page, "utility-phone").click();
  await page.waitForSelector('[data-id="softphone-panel"][data-open="true"]');
}

/** Waits until the softphone shows its ready view (agent ready, phone registered). */
export async function waitForReady(page, timeout = 15000) {
  await sp(page, "ready-view").waitFor({ timeout });
}

/** Uses the workbench controls to simulate an incoming call from `number`. */
export async function simulateIncoming(page, number, { name } = {}) {
  if (!(await shell(page, "workbench-controls").isVisible()))
    await shell(page, "workbench-toggle").click();
  const select = shell(page, "wb-simulate-caller");
  const values = await select.locator("option").evaluateAll((os) => os.map((o) => o.value));
  if (values.includes(number)) await select.selectOption(number);
  else {
    await select.selectOption("__unknown__");
    await shell(page, "wb-simulate-number").fill(number);
  }
  if (name) await shell(page, "wb-simulate-name").fill(name);
  await shell(page, "wb-simulate-incoming").click();
  await shell(page, "workbench-controls").waitFor({ state: "detached" });
}

/** The org's records of a type, read through the shell's backend. */
export async function records(page, objectType) {
  return page.evaluate((t) => window.workbench.backend.records(t), objectType);
}

export async function findRecord(page, objectType, predicate) {
  const all = await records(page, objectType);
  return all.find(predicate);
}

/** Waits for the org to hold `count` Tasks and returns them. */
export async function waitForTasks(page, count, timeout = 15000) {
  await page.waitForFunction((n) => window.workbench.backend.records("Task").length >= n, count, {
    timeout
  });
  return records(page, "Task");
}

/** The current shell route (what page the agent looks at). */
export async function route(page) {
  return page.evaluate(() => window.workbench.store.get().route);
}

/** Settings as a shell URL query. */
export function withSettings(url, settings) {
  const u = new URL(url);
  for (const [k, v] of Object.entries(settings)) u.searchParams.set(k, v);
  return u.href;
}

/**
 * axe-core on the softphone frame only: no serious or critical violations. Returns all
 * violations found (for the report) and fails the test on serious/critical ones.
 */
export async function assertAccessible(page, view) {
  const result = await new AxeBuilder({ page }).include(FRAME).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map(
            (n) =>
              `${n.target.join(" ")} ${n.html.slice(0, 160)} ${(n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 240)}`
          )
          .join(" | ")}`
    ),
    [],
    `accessibility problems in the softphone's ${view} view`
  );
  return result.violations;
}

/** Polls `check` until it returns true (or fails after `timeout` ms with `message`). */
export async function eventually(check, message, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) assert.fail(`timed out: ${message}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function assertPressed(locator, pressed) {
  await eventually(
    async () => (await locator.getAttribute("aria-pressed")) === String(pressed),
    `aria-pressed=${pressed}`
  );
}

/** Today as YYYY-MM-DD in the browser's time zone (Task ActivityDate). */
export async function browserToday(page) {
  return page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  });
}
