/**
 * Hostile text everywhere it can enter: record names returned by the caller lookup (Apex),
 * caller ID names and numbers sent over the Softphone__c message channel, and raw channel
 * messages. Every view that shows them (incoming call, recent calls, the shell's record page,
 * Tasks list and activity history) must show literal text: no element injected, no script run.
 * A MutationObserver installed in every frame before any script records any element or
 * attribute carrying the payload markers; `__pwned` must stay unset in every frame.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWorkbench } from "./lib/session.mjs";
import { launchBrowser } from "./lib/browser.mjs";
import { openPhonePanel, sp, waitForReady, withSettings } from "./lib/softphone.mjs";
import { HOSTILE, acceptableName, installInjectionWatch } from "./security-payloads.mjs";

const s = useWorkbench();

async function openWatched(url) {
  const browser = s.browser ?? (await launchBrowser());
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  await context.addInitScript(installInjectionWatch);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url);
  return { context, page, errors };
}

/** Injections and __pwned across the shell and every frame. */
async function verdict(page) {
  const out = [];
  for (const frame of page.frames()) {
    const r = await frame
      .evaluate(() => ({ hits: window.__injections ?? [], pwned: window.__pwned }))
      .catch(() => ({ hits: [], pwned: undefined }));
    out.push(...r.hits.map((h) => `${frame.url().slice(0, 60)}: ${h}`));
    if (r.pwned !== undefined) out.push(`${frame.url().slice(0, 60)}: __pwned=${r.pwned}`);
  }
  return out;
}

async function installDriver(page) {
  await page.evaluate(() => {
    const bus = window.workbench.backend;
    const d = {
      state: null,
      publish(type, payload) {
        bus.publish(
          "Softphone__c",
          payload ? { source: "security-test", type, payload } : { source: "security-test", type }
        );
      },
      async until(predicate, label, timeout = 10000) {
        const end = Date.now() + timeout;
        while (!predicate(d.state)) {
          if (Date.now() > end)
            throw new Error(`timed out waiting for ${label}: ${JSON.stringify(d.state)}`);
          await new Promise((r) => setTimeout(r, 10));
        }
        return d.state;
      }
    };
    bus.subscribe("Softphone__c", (m) => {
      if (m && m.source === "softphone" && m.type === "state") d.state = m.payload;
    });
    window.__driver = d;
    d.publish("requestState");
  });
}

/** Rings with `number` (optionally a caller ID name), returns the incoming view's text, declines. */
async function ringAndRead(page, number, name) {
  const rang = await page.evaluate(
    async ({ number, name }) => {
      const d = window.__driver;
      await d.until((st) => st && st.agent === "ready" && !st.call, "ready");
      d.publish("simulateIncoming", name === undefined ? { number } : { number, name });
      try {
        await d.until((st) => st && st.call && st.call.state === "ringing", "ringing", 4000);
        return true;
      } catch {
        return false;
      }
    },
    { number, name }
  );
  let text = null;
  if (rang) {
    await sp(page, "incoming-view").waitFor();
    // the lookup result may arrive just after the ring
    await page.waitForTimeout(150);
    text = await sp(page, "incoming-view").textContent();
    await page.evaluate(async () => {
      const d = window.__driver;
      d.publish("hangup");
      await d.until((st) => st && st.agent === "ready" && !st.call, "ready after decline");
    });
  }
  return { rang, text };
}

const numberFor = (i, block) =>
  `+1 617 ${block}${String(i).padStart(2, "0")} 01${String(i).padStart(2, "0")}`;

test(`at least 50 hostile payloads (${HOSTILE.length}) are shown as text in every view`, async () => {
  assert.ok(HOSTILE.length >= 50);
  const { page, errors } = await openWatched(
    withSettings(s.wb.url, { wrapUpSeconds: "0", noMatchPop: "none", screenPop: "apex" })
  );
  await openPhonePanel(page);
  await waitForReady(page);
  await installDriver(page);

  // 1. Record names from the caller lookup (Apex): a Contact per payload.
  const seeded = await page.evaluate(
    ({ payloads, numbers }) =>
      payloads.map(
        (p, i) =>
          window.workbench.backend.org.insert("Contact", {
            FirstName: "",
            LastName: p,
            Phone: numbers[i]
          }).Id
      ),
    { payloads: HOSTILE, numbers: HOSTILE.map((_, i) => numberFor(i, 3)) }
  );
  const notShown = [];
  for (let i = 0; i < HOSTILE.length; i++) {
    const { rang, text } = await ringAndRead(page, numberFor(i, 3));
    assert.ok(rang, `a call from the Contact named payload ${i} rings`);
    const probe = HOSTILE[i]
      .replace(/[\u0000-\u001f\u007f]/g, "")
      .trim()
      .slice(0, 24);
    if (probe && !text.includes(probe)) notShown.push(`${i}: ${JSON.stringify(probe)}`);
  }
  // Shown literally (short ones in full view; long ones may be shortened by the layout).
  assert.ok(
    notShown.length <= 6,
    `record names not shown as text in the incoming view: ${notShown.join(", ")}`
  );

  // 2. Caller ID names over the channel; unacceptable ones are refused, never rendered as HTML.
  for (let i = 0; i < HOSTILE.length; i++) {
    const { rang, text } = await ringAndRead(page, numberFor(i, 4), HOSTILE[i]);
    if (acceptableName(HOSTILE[i])) {
      assert.ok(rang, `a call with caller ID name ${i} rings`);
      assert.ok(
        text.includes(HOSTILE[i].trim().slice(0, 24)),
        `caller ID name ${i} shown literally: ${text.slice(0, 200)}`
      );
    }
  }

  // 3. Hostile numbers and malformed messages over the channel: ignored, nothing rendered.
  await page.evaluate((payloads) => {
    const bus = window.workbench.backend;
    for (const p of payloads) {
      bus.publish("Softphone__c", {
        source: "security-test",
        type: "simulateIncoming",
        payload: { number: p }
      });
      bus.publish("Softphone__c", {
        source: "security-test",
        type: "dial",
        payload: { number: p }
      });
      bus.publish("Softphone__c", { source: p, type: p, payload: { [p]: p } });
      bus.publish("Softphone__c", {
        source: "security-test",
        type: "transfer",
        payload: { target: p }
      });
    }
  }, HOSTILE);
  await page.waitForTimeout(500);
  const state = await page.evaluate(() => window.__driver.state);
  assert.equal(state.call, null, "no hostile number started a call");

  // 4. The softphone's recent calls, the shell's record page, Tasks list and activity history.
  await sp(page, "tab-recent").click();
  await page.waitForTimeout(200);
  await page.evaluate((id) => window.workbench.store.navigate({ kind: "record", id }), seeded[0]);
  await page.waitForTimeout(300);
  await page.evaluate(() =>
    window.workbench.store.navigate({ kind: "objecthome", objectType: "Task" })
  );
  await page.waitForTimeout(300);
  await page.evaluate(() =>
    window.workbench.store.navigate({ kind: "objecthome", objectType: "Contact" })
  );
  await page.waitForTimeout(300);

  assert.deepEqual(await verdict(page), [], "elements injected or script run");
  assert.deepEqual(errors, [], "no page errors");
  await page.context().close();
});
