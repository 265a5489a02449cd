/**
 * Secrets: an agent signs in to the SIP phone with a password (workbench, provider=sip,
 * credentials=prompt, against the test Kamailio). Afterwards — registered, through a reload —
 * the password is in no browser storage (localStorage, sessionStorage, IndexedDB, Cache
 * Storage, cookies) of any frame, in no message on the Softphone__c channel, in no Open CTI
 * call the softphone made, and in no console output.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Kamailio, PASSWORD } from "./sip/lib/kamailio.mjs";
import { startWorkbench } from "./lib/workbench.mjs";
import { launchBrowser } from "./lib/browser.mjs";
import { openPhonePanel, sp } from "./lib/softphone.mjs";

let kamailio, wb, browser;

before(async () => {
  kamailio = await new Kamailio({ auth: true }).start();
  wb = await startWorkbench({
    settings: {
      "/softphoneSettings/provider": "sip",
      "/sipSettings/webSocketUrl": kamailio.url,
      "/sipSettings/sipDomain": "127.0.0.1",
      "/sipSettings/credentials": "prompt"
    },
    connectOrigins: [`ws://127.0.0.1:${kamailio.port}`]
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await wb?.close();
  await kamailio?.dispose();
});

/** Everything a frame keeps: web storage, every IndexedDB record, Cache Storage entries. */
async function frameStorage(frame) {
  return frame.evaluate(async () => {
    const dump = { local: {}, session: {}, indexedDB: [], caches: [] };
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      dump.local[k] = localStorage.getItem(k);
    }
    for (let i = 0; i < sessionStorage.length; i++) {
      const k = sessionStorage.key(i);
      dump.session[k] = sessionStorage.getItem(k);
    }
    for (const info of (await indexedDB.databases?.()) ?? []) {
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open(info.name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of db.objectStoreNames) {
        const all = await new Promise((resolve) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => resolve([`unreadable ${store}`]);
        });
        dump.indexedDB.push({ db: info.name, store, records: all });
      }
      db.close();
    }
    if (window.caches) {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const response = await cache.match(request);
          dump.caches.push({ url: request.url, body: await response.text() });
        }
      }
    }
    return dump;
  });
}

/** The password, plainly or in the encodings a leak would likely use. */
const encodings = (secret) => [
  secret,
  Buffer.from(secret).toString("base64"),
  encodeURIComponent(secret),
  JSON.stringify(secret).slice(1, -1)
];
function leaks(where, text, secret) {
  const s = typeof text === "string" ? text : JSON.stringify(text);
  return encodings(secret)
    .filter((e) => s.includes(e))
    .map((e) => `${where} contains ${e === secret ? "the password" : `an encoding of it (${e})`}`);
}

test("the SIP password is in no storage, channel message, Open CTI call or console line", async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  await context.grantPermissions(["microphone"], { origin: wb.origin });
  const page = await context.newPage();
  const consoleLines = [];
  page.on("console", (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => consoleLines.push(`pageerror: ${e.message}`));
  await page.goto(wb.url);
  await page.evaluate(() => {
    window.__channel = [];
    window.workbench.backend.subscribe("Softphone__c", (m) => window.__channel.push(m));
  });
  await openPhonePanel(page);
  await sp(page, "sign-in-view").waitFor({ timeout: 20000 });
  await sp(page, "sign-in-username").fill("agent7");
  await sp(page, "sign-in-password").fill(PASSWORD);
  await sp(page, "sign-in").click();
  await sp(page, "ready-view").waitFor({ timeout: 20000 });
  assert.ok(kamailio.bindings("agent7").length >= 1, "really registered with the password");

  // the password field is gone from the page once signed in
  const frame = page.frames().find((f) => f.url().includes("/apex/Softphone"));
  const inputs = await frame.evaluate(() =>
    [...document.querySelectorAll("input")].map((i) => i.value)
  );
  assert.ok(!inputs.includes(PASSWORD), "no input still holds the password");

  // a state round trip on the channel, then a reload of the softphone: nothing persisted
  await page.evaluate(() =>
    window.workbench.backend.publish("Softphone__c", { source: "test", type: "requestState" })
  );
  await page.waitForTimeout(500);

  const found = [];
  for (const f of page.frames()) {
    const dump = await frameStorage(f).catch((e) => ({ error: String(e) }));
    found.push(...leaks(`storage of ${f.url().slice(0, 60)}`, dump, PASSWORD));
  }
  for (const c of await context.cookies())
    found.push(...leaks(`cookie ${c.name}`, c.value, PASSWORD));
  found.push(
    ...leaks("the Softphone__c channel", await page.evaluate(() => window.__channel), PASSWORD)
  );
  found.push(
    ...leaks(
      "an Open CTI call",
      await page.evaluate(() => window.workbench.backend.org.calls),
      PASSWORD
    )
  );
  found.push(...leaks("console output", consoleLines.join("\n"), PASSWORD));

  // after a reload the agent must sign in again: the password was not kept anywhere
  await page.evaluate(() => window.workbench.store.reloadSoftphone());
  await sp(page, "sign-in-view").waitFor({ timeout: 20000 });
  const afterReload = page.frames().find((f) => f.url().includes("/apex/Softphone"));
  found.push(...leaks("storage after reload", await frameStorage(afterReload), PASSWORD));

  assert.deepEqual(found, [], "the SIP password leaked");
  await context.close();
});
