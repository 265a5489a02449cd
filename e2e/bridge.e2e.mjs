/**
 * The workbench's Open CTI bridge: the softphone frame sees the whole `sforce.opencti` API,
 * calls reach the fake container and come back through the callbacks, panel changes show in
 * the shell, and nothing but the softphone frame at the shell's origin is ever obeyed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWorkbench } from "./lib/session.mjs";
import { openPage } from "./lib/browser.mjs";
import { eventually, shell, withSettings } from "./lib/softphone.mjs";

const s = useWorkbench();
// A softphone that stays on its setup message keeps out of the way of these direct API calls.
const inert = (extra = {}) => withSettings(s.wb.url, { provider: "carrier-pigeon", ...extra });
const METHODS = [
  "disableClickToDial",
  "enableClickToDial",
  "getAppViewInfo",
  "getCallCenterSettings",
  "getSoftphoneLayout",
  "initialize",
  "isSoftphonePanelVisible",
  "notifyInitializationComplete",
  "onClickToDial",
  "onNavigationChange",
  "publish",
  "refreshView",
  "runApex",
  "saveLog",
  "screenPop",
  "searchAndScreenPop",
  "setSoftphoneItemIcon",
  "setSoftphoneItemLabel",
  "setSoftphonePanelHeight",
  "setSoftphonePanelIcon",
  "setSoftphonePanelLabel",
  "setSoftphonePanelVisibility",
  "setSoftphonePanelWidth",
  "subscribe",
  "unsubscribe"
];

async function softphone(page) {
  await page.waitForSelector('[data-id="softphone-frame"]', { state: "attached" });
  const frame = page.frame({ name: "softphone" });
  await frame.waitForFunction(() => window.sforce && window.sforce.opencti);
  return frame;
}

const call = (frame, method, args = {}) =>
  frame.evaluate(
    ([m, a]) => new Promise((resolve) => window.sforce.opencti[m]({ ...a, callback: resolve })),
    [method, args]
  );

test("the frame gets every sforce.opencti method and constant; calls round-trip", async () => {
  const { page } = await openPage(s.browser, inert({ screenPop: "off" }));
  const frame = await softphone(page);
  const shape = await frame.evaluate(() => ({
    methods: Object.keys(window.sforce.opencti)
      .filter((k) => typeof window.sforce.opencti[k] === "function")
      .sort(),
    hvs: Object.keys(window.sforce.opencti.hvs).sort(),
    SCREENPOP_TYPE: window.sforce.opencti.SCREENPOP_TYPE,
    CALL_TYPE: window.sforce.opencti.CALL_TYPE
  }));
  assert.deepEqual(shape.methods, [...METHODS].sort());
  assert.deepEqual(shape.hvs, ["completeWork", "onWorkStart"]);
  assert.equal(shape.SCREENPOP_TYPE.SOBJECT, "sobject");
  assert.equal(shape.SCREENPOP_TYPE.NEW_RECORD_MODAL, "newRecord");
  assert.equal(shape.CALL_TYPE.INBOUND, "inbound");

  const settings = await call(frame, "getCallCenterSettings");
  assert.equal(settings.success, true);
  assert.equal(settings.returnValue["/softphoneSettings/screenPop"], "off");

  const bad = await call(frame, "setSoftphonePanelHeight", { heightPX: 100 });
  assert.equal(bad.success, false);
  assert.equal(bad.errors[0].code, "INVALID_PARAM");

  const apex = await call(frame, "runApex", {
    apexClass: "NoSuchClass",
    methodName: "x",
    methodParams: ""
  });
  assert.equal(apex.success, false);
  assert.match(apex.errors[0].description, /Could not load Apex class: NoSuchClass/);
});

test("the served stand-in refuses misuse by throwing, as Salesforce's library does", async () => {
  const { page } = await openPage(s.browser, inert());
  const frame = await softphone(page);
  const thrown = await frame.evaluate(() => {
    const o = window.sforce.opencti;
    const attempt = (f) => {
      try {
        f();
        return "no throw";
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    };
    return {
      noArgument: attempt(() => o.getCallCenterSettings()),
      empty: attempt(() => o.enableClickToDial({})),
      noListener: attempt(() => o.onClickToDial({})),
      badValue: attempt(() => o.saveLog({ value: "x", callback: () => undefined })),
      badMessage: attempt(() => o.publish({ channelName: "C", message: "str" })),
      allowed: attempt(() => o.refreshView())
    };
  });
  assert.match(thrown.noArgument, /getCallCenterSettings/);
  assert.match(thrown.empty, /non-empty/);
  assert.match(thrown.noListener, /onClickToDial/);
  assert.match(thrown.badValue, /value must be an object/);
  assert.match(thrown.badMessage, /JSON-serialisable/);
  assert.equal(thrown.allowed, "no throw");
  // A top-level defaultFieldValues never reaches the container.
  await call(frame, "screenPop", {
    type: "newRecord",
    params: { entityName: "Contact" },
    defaultFieldValues: { LastName: "Dropped" }
  });
  const pop = await page.evaluate(() => window.workbench.backend.org.screenPops.at(-1));
  assert.deepEqual(pop.params, { entityName: "Contact" });
});

test("panel size, visibility, label and icon requests change the shell's utility panel", async () => {
  const { page } = await openPage(s.browser, inert());
  const frame = await softphone(page);
  await call(frame, "setSoftphonePanelVisibility", { visible: true });
  await page.waitForSelector('[data-id="softphone-panel"][data-open="true"]');
  assert.deepEqual((await call(frame, "isSoftphonePanelVisible")).returnValue, { visible: true });
  await call(frame, "setSoftphonePanelWidth", { widthPX: 480 });
  await call(frame, "setSoftphonePanelHeight", { heightPX: 520 });
  await eventually(
    async () => (await shell(page, "softphone-frame").getAttribute("width")) === "480",
    "width 480"
  );
  assert.equal(await shell(page, "softphone-frame").getAttribute("height"), "520");
  await call(frame, "setSoftphoneItemLabel", { label: "On call 00:12" });
  await call(frame, "setSoftphonePanelLabel", { label: "Maria Garcia" });
  await eventually(
    async () => (await shell(page, "utility-phone-label").textContent()) === "On call 00:12",
    "item label"
  );
  assert.equal(await shell(page, "softphone-panel-label").textContent(), "Maria Garcia");
  await shell(page, "softphone-panel-minimize").click();
  assert.deepEqual((await call(frame, "isSoftphonePanelVisible")).returnValue, { visible: false });
});

test("listeners and the message channel deliver events back into the frame", async () => {
  const { page } = await openPage(s.browser, inert());
  const frame = await softphone(page);
  await frame.evaluate(() => {
    window.events = [];
    window.sforce.opencti.onNavigationChange({
      listener: (p) => window.events.push(["nav", p.recordId ?? null])
    });
  });
  const sub = await frame.evaluate(
    () =>
      new Promise((resolve) =>
        window.sforce.opencti.subscribe({
          channelName: "Workbench_Test__c",
          listener: (m) => window.events.push(["msg", m.text]),
          callback: (response) => {
            // The library matches subscriptions by identity: keep the object in the frame.
            window.subscription = response.subscription;
            resolve({ success: response.success, frozen: Object.isFrozen(response.subscription) });
          }
        })
      )
  );
  assert.equal(sub.frozen, true);
  assert.equal(sub.success, true);
  await page.evaluate(() =>
    window.workbench.backend.publish("Workbench_Test__c", { text: "<b>hello</b>" })
  );
  await shell(page, "nav-contacts").click();
  await page.locator('[data-id="record-table"] a', { hasText: "Maria Garcia" }).click();
  await eventually(
    async () => (await frame.evaluate(() => window.events.length)) >= 2,
    "events delivered"
  );
  const events = await frame.evaluate(() => window.events);
  assert.ok(events.some(([k, v]) => k === "msg" && v === "<b>hello</b>"));
  assert.ok(events.some(([k, v]) => k === "nav" && /^003/.test(v ?? "")));
  // A copy is not the subscription: Salesforce's library sends nothing and never calls back.
  const copy = await frame.evaluate(
    () =>
      new Promise((resolve) => {
        window.sforce.opencti.unsubscribe({
          subscription: { ...window.subscription },
          callback: () => resolve("answered")
        });
        setTimeout(() => resolve("no answer"), 500);
      })
  );
  assert.equal(copy, "no answer");
  const unsub = await frame.evaluate(
    () =>
      new Promise((resolve) =>
        window.sforce.opencti.unsubscribe({ subscription: window.subscription, callback: resolve })
      )
  );
  assert.equal(unsub.success, true);
});

test("messages from any other window or origin are ignored", async () => {
  const { page, consoleLines } = await openPage(s.browser, inert());
  await softphone(page);

  // 1. The shell window itself, and a second same-origin frame that is not the softphone.
  await page.evaluate((origin) => {
    const extra = document.createElement("iframe");
    extra.name = "intruder";
    extra.src = `/apex/Softphone?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent(origin)}`;
    document.body.appendChild(extra);
    window.postMessage(
      {
        tag: "workbench-opencti-bridge/1",
        kind: "call",
        session: "x",
        api: "lightning",
        method: "enableClickToDial",
        args: [{}]
      },
      origin
    );
  }, s.wb.origin);
  const intruder = await (async () => {
    await page.waitForFunction(() => window.frames.intruder?.sforce?.opencti);
    return page.frame({ name: "intruder" });
  })();
  const answered = await intruder.evaluate(
    () =>
      new Promise((resolve) => {
        window.sforce.opencti.getCallCenterSettings({ callback: () => resolve(true) });
        setTimeout(() => resolve(false), 1000);
      })
  );
  assert.equal(answered, false, "a frame other than the softphone got an answer");

  // 2. The softphone frame itself, sandboxed into an opaque origin.
  await page.evaluate(() => {
    const f = document.querySelector('[data-id="softphone-frame"]');
    f.setAttribute("sandbox", "allow-scripts");
    const src = f.getAttribute("src");
    f.setAttribute("src", "about:blank");
    f.setAttribute("src", src);
  });
  await page.waitForTimeout(500);
  const sandboxed = page.frame({ name: "softphone" });
  await sandboxed.waitForFunction(() => window.sforce && window.sforce.opencti);
  const sandboxAnswered = await sandboxed.evaluate(
    () =>
      new Promise((resolve) => {
        window.sforce.opencti.enableClickToDial({ callback: () => resolve(true) });
        setTimeout(() => resolve(false), 1000);
      })
  );
  assert.equal(sandboxAnswered, false, "an opaque-origin frame got an answer");
  assert.ok(
    consoleLines.some((l) => /ignored a message from the origin null/.test(l)),
    consoleLines.join("\n")
  );
  assert.ok(consoleLines.some((l) => /not the softphone frame/.test(l)));
  assert.equal(await page.evaluate(() => window.workbench.backend.clickToDialEnabled()), false);
});

test("names that are not Open CTI methods are refused", async () => {
  const { page } = await openPage(s.browser, inert());
  const frame = await softphone(page);
  const replies = await frame.evaluate(
    (origin) =>
      new Promise((resolve) => {
        const got = [];
        window.addEventListener("message", (e) => {
          if (e.data?.kind === "failure" && e.data.session === "probe") got.push(e.data.message);
        });
        for (const method of [
          "constructor",
          "__proto__",
          "hvs.constructor",
          "toString",
          "saveLog.call"
        ])
          window.parent.postMessage(
            {
              tag: "workbench-opencti-bridge/1",
              kind: "call",
              session: "probe",
              api: "lightning",
              method,
              args: [{}]
            },
            origin
          );
        setTimeout(() => resolve(got), 500);
      }),
    s.wb.origin
  );
  assert.equal(replies.length, 5);
  for (const r of replies) assert.match(r, /is not an Open CTI method/);
});

test("every screen pop type lands on the right shell page", async () => {
  const { page } = await openPage(s.browser, inert());
  const frame = await softphone(page);
  const pop = async (type, params) => {
    const r = await call(frame, "screenPop", { type, params });
    assert.equal(r.success, true, `${type}: ${JSON.stringify(r.errors)}`);
  };
  const maria = await page.evaluate(() =>
    window.workbench.backend.records("Contact").find((c) => c.LastName === "Garcia")
  );
  const at = () => page.evaluate(() => window.workbench.store.get().route);

  await pop("sobject", { recordId: maria.Id });
  await eventually(async () => (await at()).id === maria.Id, "sobject pop");
  await shell(page, "record-title").filter({ hasText: "Maria Garcia" }).waitFor();

  await pop("objecthome", { scope: "Lead" });
  await shell(page, "object-home").and(page.locator('[data-object-type="Lead"]')).waitFor();

  await pop("list", { listViewId: "AllOpenCases", scope: "Case" });
  await eventually(async () => (await at()).kind === "list", "list pop");
  assert.match(await shell(page, "page-title").textContent(), /AllOpenCases/);

  await pop("url", { url: `/lightning/r/Contact/${maria.Id}/view` });
  await eventually(async () => (await at()).id === maria.Id, "url pop to a record URL");

  await pop("url", { url: "https://www.example.com/<script>" });
  await shell(page, "url-page").waitFor();
  assert.equal(await shell(page, "url-target").textContent(), "https://www.example.com/<script>");
  assert.ok(page.url().startsWith(s.wb.origin), "never navigates away from the workbench");

  await pop("search", { searchString: "Globex" });
  await shell(page, "search-page").waitFor();
  await page.locator('[data-id="record-table"] a', { hasText: "Globex Industries" }).waitFor();
});
