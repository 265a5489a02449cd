/**
 * No lost call logs: 1,000 demo calls in the workbench while about 12% of call-log saves fail
 * (SERVER_ERROR; no callback at all so the softphone times out; or the fake org's "commits
 * after the time-out" mode: no answer, and the Task commits only after the softphone gave up)
 * and the softphone frame is reloaded 5 times at random moments (ringing, connected, right
 * after hang-up while the log is in flight); halfway a second agent signs in on the same
 * browser profile, while the first has a log still unsent, and the first comes back at the end
 * → exactly 1,000 Tasks, none duplicated, each owned by the agent who took the call and with
 * the right fields.
 *
 * Calls are driven over the Softphone__c message channel (simulateIncoming, answer, hangup), as
 * the record-page call panel would, so a call costs milliseconds instead of clicks. The run is
 * reproducible: RELIABILITY_SEED picks another sequence (the seed is printed), RELIABILITY_CALLS
 * another count (the issue's figure is the default).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWorkbench } from "./lib/session.mjs";
import { openPage } from "./lib/browser.mjs";
import { browserToday, openPhonePanel, waitForReady, withSettings } from "./lib/softphone.mjs";

const CALLS = Number(process.env.RELIABILITY_CALLS ?? 1000);
const SEED = Number(process.env.RELIABILITY_SEED ?? 20261127);
const RELOADS = 5;
const SERVER_ERROR_RATE = 0.08;
const DROP_RATE = 0.02;
const LATE_RATE = 0.02;

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A distinct valid US number per call: +1 617 2xx xxxx. */
const numberOf = (i) => {
  const n = String(i).padStart(6, "0");
  return `+1 617 2${n.slice(0, 2)} ${n.slice(2)}`;
};
const digits = (v) => String(v ?? "").replace(/\D/g, "");

const s = useWorkbench({
  settings: {
    wrapUpSeconds: "0",
    screenPop: "off",
    noMatchPop: "none",
    // The run answers over the channel: answer is off unless listed.
    channelCommands: "requestState,dial,answer,hangup"
  }
});

/** Installs the in-page driver: it watches the softphone's `state` events on the channel. */
async function installDriver(page) {
  await page.evaluate(() => {
    const bus = window.workbench.backend;
    const driver = {
      state: null,
      generation: 0,
      publish(type, payload) {
        const message = { source: "reliability-test", type };
        if (payload) message.payload = payload;
        bus.publish("Softphone__c", message);
      },
      async until(predicate, label, timeout = 20000) {
        const end = Date.now() + timeout;
        while (!predicate(driver.state)) {
          if (Date.now() > end)
            throw new Error(
              `timed out waiting for ${label}; state ${JSON.stringify(driver.state)}`
            );
          await new Promise((r) => setTimeout(r, 5));
        }
        return driver.state;
      }
    };
    bus.subscribe("Softphone__c", (m) => {
      if (m && m.source === "softphone" && m.type === "state") driver.state = m.payload;
    });
    window.__reliability = driver;
  });
}

/** Signs `userId` in on the same browser profile: the softphone frame reloads as that user. */
async function signInAs(page, userId) {
  await page.evaluate(async (userId) => {
    const d = window.__reliability;
    d.state = null;
    window.workbench.store.reloadSoftphone();
    // In Salesforce the old frame's requests run in its own user's session; the fake org has one
    // signed-in user, so it changes only once the old frame is gone and before the new one asks.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await new Promise((r) => setTimeout(r, 0));
    window.workbench.backend.org.currentUserId = userId;
    d.publish("requestState");
    await d.until((st) => st && st.agent === "ready" && !st.call, `ready as ${userId}`);
  }, userId);
}

/** One call, with an optional reload of the softphone frame at `reloadAt`. Returns the call id. */
async function oneCall(page, i, reloadAt) {
  return page.evaluate(
    async ({ number, reloadAt }) => {
      const d = window.__reliability;
      const reload = async () => {
        d.state = null;
        window.workbench.store.reloadSoftphone();
        // the new frame announces itself with a state event once it has started
        d.publish("requestState");
        await d.until((st) => st && st.agent === "ready" && !st.call, "ready after reload");
      };
      await d.until((st) => st && st.agent === "ready" && !st.call, "ready before the call");
      d.publish("simulateIncoming", { number });
      const ringing = await d.until(
        (st) => st && st.call && st.call.state === "ringing",
        `ringing from ${number}`
      );
      const id = ringing.call.id;
      if (reloadAt === "ringing") {
        await reload();
        return id;
      }
      d.publish("answer");
      await d.until((st) => st && st.call && st.call.state === "connected", "connected");
      if (reloadAt === "connected") {
        await reload();
        return id;
      }
      d.publish("hangup");
      if (reloadAt === "afterHangup") {
        await reload();
        return id;
      }
      await d.until((st) => st && st.agent === "ready" && !st.call, "ready after the call");
      return id;
    },
    { number: numberOf(i), reloadAt }
  );
}

test(`${CALLS} demo calls, ~10% failing saveLog, ${RELOADS} reloads → exactly ${CALLS} Tasks`, async () => {
  const started = Date.now();
  const random = seeded(SEED);
  console.log(`reliability seed ${SEED}`);
  const { page, problems } = await openPage(
    s.browser,
    // The page's settings are the ones the softphone reads: the run answers over the channel.
    withSettings(s.wb.url, {
      wrapUpSeconds: "0",
      screenPop: "off",
      noMatchPop: "none",
      channelCommands: "requestState,dial,answer,hangup"
    })
  );
  await openPhonePanel(page);
  await waitForReady(page);
  await installDriver(page);
  await page.evaluate(() => window.__reliability.publish("requestState"));

  // Reloads at distinct random calls; every kind of moment occurs at least once.
  const moments = ["ringing", "connected", "afterHangup", "afterHangup", "connected"]
    .map((m) => ({ m, k: random() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.m);
  const reloadCalls = new Map();
  while (reloadCalls.size < RELOADS) {
    const at = 10 + Math.floor(random() * Math.max(CALLS - 20, RELOADS));
    if (!reloadCalls.has(at)) reloadCalls.set(at, moments[reloadCalls.size]);
  }

  // Late commits land after the softphone's 10 s time-out.
  const [agentA, agentB] = await page.evaluate(() => {
    const org = window.workbench.backend.org;
    org.lateCommitMs = 12000;
    const b = org.insert("User", { FirstName: "Bo", LastName: "Second", Extension: "101" });
    return [org.currentUserId, b.Id];
  });
  const secondFrom = Math.floor(CALLS / 2);
  let agent = agentA;
  let leftByA = 0;

  let injectedErrors = 0;
  let injectedDrops = 0;
  let injectedLate = 0;
  const calls = [];
  for (let i = 0; i < CALLS; i++) {
    if (i === secondFrom - 1)
      await page.evaluate(() =>
        window.workbench.backend.org.failNext("saveLog", "SERVER_ERROR", 6)
      );
    if (i === secondFrom) {
      const saved = new Set(
        await page.evaluate(() => window.workbench.backend.records("Task").map((t) => t.CallObject))
      );
      leftByA = calls.filter((c) => !saved.has(c.id)).length;
      await signInAs(page, agentB);
      agent = agentB;
    }
    const r = random();
    if (r < SERVER_ERROR_RATE) {
      injectedErrors++;
      await page.evaluate(() => window.workbench.backend.org.failNext("saveLog", "SERVER_ERROR"));
    } else if (r < SERVER_ERROR_RATE + DROP_RATE) {
      injectedDrops++;
      await page.evaluate(() => window.workbench.backend.org.dropNext("saveLog"));
    } else if (r < SERVER_ERROR_RATE + DROP_RATE + LATE_RATE) {
      injectedLate++;
      await page.evaluate(() => window.workbench.backend.org.commitLate("saveLog"));
    }
    const id = await oneCall(page, i, reloadCalls.get(i));
    calls.push({ i, id, number: numberOf(i), agent });
  }
  const driven = Date.now();
  // Retries back off (2 s doubling) and dropped callbacks time out: wait for the outbox.
  const savedAll = async (agentId) => {
    const want = calls.filter((c) => c.agent === agentId).map((c) => c.id);
    const drainEnd = Date.now() + 120000;
    while (Date.now() < drainEnd) {
      const saved = new Set(
        await page.evaluate(() => window.workbench.backend.records("Task").map((t) => t.CallObject))
      );
      if (want.every((id) => saved.has(id))) return;
      await page.waitForTimeout(250);
    }
  };
  // The first agent comes back: the logs left unsent are saved now, as that agent; then the
  // second agent comes back for theirs (each agent's pending logs wait for that agent).
  await signInAs(page, agentA);
  await savedAll(agentA);
  await signInAs(page, agentB);
  await savedAll(agentB);

  // Give a late duplicate the chance to show up before counting.
  await page.waitForTimeout(3000);
  const tasks = await page.evaluate(() => window.workbench.backend.records("Task"));
  const saveLogs = await page.evaluate(() => window.workbench.backend.org.callLogSaves().length);
  const today = await browserToday(page);
  const seconds = (ms) => (ms / 1000).toFixed(1);
  console.log(
    `${CALLS} calls driven in ${seconds(driven - started)} s, all logged after ${seconds(Date.now() - started)} s; ` +
      `call-log saves ${saveLogs}, injected SERVER_ERROR ${injectedErrors}, no-callback ${injectedDrops}, late commits ${injectedLate}, ` +
      `left unsent by the first agent at the switch ${leftByA}, ` +
      `reloads ${[...reloadCalls].map(([at, m]) => `${at}:${m}`).join(", ")}`
  );

  const byCallObject = new Map();
  for (const t of tasks) {
    const list = byCallObject.get(t.CallObject) ?? [];
    list.push(t);
    byCallObject.set(t.CallObject, list);
  }
  const duplicated = [...byCallObject].filter(([, list]) => list.length > 1).map(([id]) => id);
  assert.deepEqual(duplicated, [], "Tasks written twice for one call");
  const missing = calls.filter((c) => !byCallObject.has(c.id));
  assert.deepEqual(
    missing.map(
      (c) =>
        `call ${c.i} (${c.id}${reloadCalls.has(c.i) ? `, reload ${reloadCalls.get(c.i)}` : ""})`
    ),
    [],
    "calls without a Task"
  );
  // Failures really happened at about the issue's rate.
  assert.ok(
    injectedErrors + injectedDrops >= CALLS * 0.07,
    `only ${injectedErrors + injectedDrops} failures`
  );
  assert.ok(saveLogs >= CALLS + injectedErrors, `saveLog was called ${saveLogs} times`);

  assert.equal(tasks.length, CALLS, "exactly one Task per call");
  assert.ok(injectedLate > 0, "late commits were injected");
  assert.ok(leftByA > 0, "the first agent left a log unsent when the second signed in");

  for (const c of calls) {
    const t = byCallObject.get(c.id)[0];
    const where = `Task of call ${c.i} (${c.id})`;
    assert.equal(t.OwnerId, c.agent, `${where}: owned by the agent who took it`);
    assert.equal(t.TaskSubtype, "Call", where);
    assert.equal(t.Type, "Call", where);
    assert.equal(t.Status, "Completed", where);
    assert.equal(t.CallType, "Inbound", where);
    assert.equal(t.ActivityDate, today, where);
    assert.match(String(t.Subject), /^Inbound call from /, where);
    assert.ok(digits(t.Subject).endsWith(digits(c.number).slice(1)), `${where}: ${t.Subject}`);
    const duration = Number(t.CallDurationInSeconds);
    assert.ok(Number.isInteger(duration) && duration >= 0, `${where}: duration ${duration}`);
    if (reloadCalls.get(c.i) === "ringing") assert.equal(duration, 0, `${where}: missed call`);
  }
  // Failed saves may be reported on the console; an uncaught exception may not happen.
  assert.deepEqual(
    problems.filter((p) => p.startsWith("pageerror:")),
    [],
    "no uncaught exception in the shell or the softphone"
  );
});
