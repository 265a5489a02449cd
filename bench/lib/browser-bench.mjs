/**
 * The in-browser benchmarks, on the workbench (the real Softphone.page and bundle in the
 * Salesforce-like shell) in headless Debian chromium: start-up, screen-pop latency and the
 * 1,000-call soak. Timings are taken inside the softphone frame on its own performance clock by
 * the Open CTI probe (probe.mjs); calls are driven over the Softphone__c channel from the shell,
 * the way a record-page component would, and followed through the softphone's `state` events.
 */
import { installOpenCtiProbe } from "./probe.mjs";

export const CHANNEL = "Softphone__c";
/**
 * Callers the workbench's sample org knows (one Contact each: Maria Garcia, James Chen). The
 * softphone does not pop the record the agent already looks at, so calls alternate between
 * them: each pop lands on the other record.
 */
export const KNOWN_CALLERS = ["(415) 555-0101", "+1 212 555 0141"];
/** A number no sample record has: the lookup runs and finds nothing. */
export const UNKNOWN_CALLER = "(303) 555-0142";

const FRAME = '[data-id="softphone-frame"]';

/**
 * The workbench serves everything `no-store`, so the shell fetches and parses the whole SLDS
 * utility sprite again each time its utility-bar icon changes (three times a call). Salesforce
 * serves SLDS assets cacheable; so does the bench, for the icon sprites only, by answering them
 * from the server's own response with a cache lifetime. The softphone itself loads nothing
 * per call.
 */
async function cacheIconSprites(context) {
  await context.route("**/slds/icons/**", async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), "cache-control": "private, max-age=3600" }
    });
  });
}

/** Opens the shell in a fresh context with the probe installed; resolves with the page. */
async function openShell(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  await context.addInitScript(installOpenCtiProbe);
  await cacheIconSprites(context);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(url);
  return { context, page, problems };
}

/** The softphone frame's probe, polled from the shell (same origin) until `ready` holds. */
async function waitForInit(page, timeout = 20_000) {
  await page.waitForFunction(
    (sel) => {
      const probe = document.querySelector(sel)?.contentWindow?.__benchProbe;
      return probe !== undefined && probe.initComplete.length > 0;
    },
    FRAME,
    { timeout, polling: 2 }
  );
}

/**
 * One start-up: a fresh context and page; from main.js's responseEnd (the bundle's bytes are
 * in, so its first line can run) to the softphone's notifyInitializationComplete call.
 */
export async function measureStartupOnce(browser, url) {
  const { context, page, problems } = await openShell(browser, url);
  try {
    await waitForInit(page);
    const t = await page.evaluate((sel) => {
      const win = document.querySelector(sel).contentWindow;
      const main = win.performance
        .getEntriesByType("resource")
        .find(
          (e) => /\/resource\/softphone\/main\.js(\?|$)/.test(e.name) || e.name.endsWith("/main.js")
        );
      const nav = win.performance.getEntriesByType("navigation")[0];
      return {
        init: win.__benchProbe.initComplete[0],
        mainResponseEnd: main ? main.responseEnd : null,
        mainStart: main ? main.startTime : null,
        navigationStart: nav ? nav.startTime : 0
      };
    }, FRAME);
    if (t.mainResponseEnd === null) throw new Error("no resource timing for main.js in the frame");
    if (problems.length) throw new Error(`page errors during start-up: ${problems.join("; ")}`);
    return {
      bundleToInitMs: t.init - t.mainResponseEnd,
      frameNavigationToInitMs: t.init - t.navigationStart,
      mainFetchMs: t.mainResponseEnd - t.mainStart
    };
  } finally {
    await context.close();
  }
}

/**
 * Runs in the shell page: drives calls over the channel and waits on the softphone's state
 * events. Installed once per page as window.__benchDriver.
 */
function installDriver(channel) {
  const backend = window.workbench.backend;
  let last = null;
  const waiters = new Set();
  backend.subscribe(channel, (m) => {
    if (m && m.source === "softphone" && m.type === "state") {
      last = m.payload;
      for (const w of [...waiters]) w();
    }
  });
  const send = (type, payload) =>
    backend.publish(
      channel,
      payload === undefined ? { source: "bench", type } : { source: "bench", type, payload }
    );
  const until = (what, predicate, timeout = 10_000) =>
    new Promise((resolve, reject) => {
      let timer;
      const check = () => {
        let ok = false;
        try {
          ok = predicate(last);
        } catch {
          ok = false;
        }
        if (!ok) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}; last state ${JSON.stringify(last)}`));
      }, timeout);
      waiters.add(check);
      check();
    });
  const poll = (what, predicate, timeout = 10_000) =>
    new Promise((resolve, reject) => {
      const end = performance.now() + timeout;
      const tick = () => {
        if (predicate()) resolve();
        else if (performance.now() > end) reject(new Error(`timed out waiting for ${what}`));
        else setTimeout(tick, 1);
      };
      tick();
    });
  const probe = () =>
    document.querySelector('[data-id="softphone-frame"]').contentWindow.__benchProbe;
  const tasks = () => backend.org.query("Task").length;
  window.__benchDriver = { send, until, poll, probe, tasks, last: () => last };
  send("requestState");
}

async function openDriven(browser, url) {
  const opened = await openShell(browser, url);
  await waitForInit(opened.page);
  await opened.page.evaluate(installDriver, CHANNEL);
  await opened.page.evaluate(() =>
    window.__benchDriver.until("agent ready", (s) => s && s.agent === "ready" && s.call === null)
  );
  return opened;
}

/**
 * Screen-pop latency over `calls` inbound calls from a known caller: from the simulated call
 * reaching the softphone (its channel listener, which starts the demo phone's incoming event
 * synchronously) to the softphone calling sforce.opencti.screenPop. The fake org answers the
 * caller lookup at once (a resolved promise), so what remains is the softphone's own work and
 * the frame↔shell postMessage hops that stand in for Salesforce's.
 */
export async function measurePopLatency(browser, url, { calls, numbers = KNOWN_CALLERS }) {
  const { context, page, problems } = await openDriven(browser, url);
  try {
    const result = await page.evaluate(
      async ({ calls, numbers }) => {
        const d = window.__benchDriver;
        for (let i = 0; i < calls; i++) {
          d.send("simulateIncoming", { number: numbers[i % numbers.length] });
          await d.poll(`screen pop ${i + 1}`, () => d.probe().screenPops.length > i);
          await d.until(`ringing ${i + 1}`, (s) => s.call !== null && s.call.state === "ringing");
          d.send("hangup");
          await d.until(`ready after ${i + 1}`, (s) => s.agent === "ready" && s.call === null);
        }
        const p = d.probe();
        return { incoming: p.incoming, screenPops: p.screenPops, apex: p.apexRoundTrips };
      },
      { calls, numbers }
    );
    if (result.incoming.length !== calls || result.screenPops.length !== calls)
      throw new Error(
        `expected ${calls} calls and pops, saw ${result.incoming.length} and ${result.screenPops.length}`
      );
    if (problems.length) throw new Error(`page errors: ${problems.join("; ")}`);
    // The lookup of call i is the runApex sent after its incoming event and before its pop.
    const lookupMs = result.incoming.map((t, i) => {
      const trip = result.apex.find((a) => a.sent >= t && a.answered <= result.screenPops[i]);
      return trip ? trip.answered - trip.sent : null;
    });
    return {
      latenciesMs: result.screenPops.map((t, i) => t - result.incoming[i]),
      lookupRoundTripMs: lookupMs
    };
  } finally {
    await context.close();
  }
}

/** Forced GC (several passes, so weak and finalizable objects go too), then the metrics. */
async function memorySnapshot(cdp, page) {
  for (let i = 0; i < 3; i++) await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
  const usage = await cdp.send("Runtime.getHeapUsage");
  const frameElements = await page.evaluate(
    (sel) => document.querySelector(sel).contentDocument.getElementsByTagName("*").length,
    FRAME
  );
  return {
    taskDurationSeconds: metric("TaskDuration"),
    jsHeapUsedBytes: metric("JSHeapUsedSize"),
    runtimeHeapUsedBytes: usage.usedSize,
    nodes: metric("Nodes"),
    jsEventListeners: metric("JSEventListeners"),
    documents: metric("Documents"),
    softphoneElements: frameElements
  };
}

/**
 * Removes what the workbench's fake org keeps of every call (the Tasks the soak logged, the
 * record of every Open CTI call, every message published on the channel, screen pops and
 * refreshes): in Salesforce those live on the server, not in the softphone's page, and here
 * they share its heap.
 */
function forgetOrgHistory(baselineIds) {
  const org = window.workbench.backend.org;
  const keep = new Set(baselineIds);
  let removed = 0;
  for (const record of org.query("Task"))
    if (!keep.has(record.Id)) {
      org.records.delete(record.Id);
      removed++;
    }
  org.clearCalls();
  org.messageBus.published.length = 0;
  org.screenPops.length = 0;
  org.refreshes.length = 0;
  return removed;
}

/**
 * The soak: `calls` demo calls in one page (ring, answer, hold, hang up; the log is saved at
 * hang-up with wrapUpSeconds=0), after `warmup` calls so lazily created state and compiled
 * code exist before the first measurement. Memory is read after forced GC before and after;
 * `inspect(phase, cdp)` runs right after each reading (for diagnostics such as heap snapshots).
 */
export async function runSoak(
  browser,
  url,
  { calls, warmup, number = UNKNOWN_CALLER, inspect = async () => undefined }
) {
  const { context, page, problems } = await openDriven(browser, url);
  // The probe's own records would grow with every call; the soak measures without them.
  await page.evaluate(() => {
    window.__benchDriver.probe().recording = false;
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const drive = (count) =>
    page.evaluate(
      async ({ count, number }) => {
        const d = window.__benchDriver;
        const started = performance.now();
        for (let i = 0; i < count; i++) {
          const logged = d.tasks();
          d.send("simulateIncoming", { number });
          await d.until("ringing", (s) => s.call !== null && s.call.state === "ringing");
          d.send("answer");
          await d.until("connected", (s) => s.call !== null && s.call.state === "connected");
          d.send("hold", { on: true });
          await d.until("held", (s) => s.call !== null && s.call.state === "held");
          d.send("hangup");
          await d.until("ready", (s) => s.agent === "ready" && s.call === null);
          await d.poll("the call log", () => d.tasks() > logged);
        }
        return performance.now() - started;
      },
      { count, number }
    );
  try {
    await drive(warmup);
    const baselineTasks = await page.evaluate(() =>
      window.workbench.backend.org.query("Task").map((r) => r.Id)
    );
    await page.evaluate(forgetOrgHistory, baselineTasks);
    const before = await memorySnapshot(cdp, page);
    await inspect("before", cdp);
    const elapsedMs = await drive(calls);
    const afterRaw = await memorySnapshot(cdp, page);
    const tasksLogged = await page.evaluate(forgetOrgHistory, baselineTasks);
    const after = await memorySnapshot(cdp, page);
    await inspect("after", cdp);
    if (problems.length) throw new Error(`page errors during the soak: ${problems.join("; ")}`);
    // Main-thread busy time of the renderer (shell and softphone) per call: what the soak costs
    // on an idle machine, whatever the wall-clock time under load.
    const busyMsPerCall =
      ((afterRaw.taskDurationSeconds - before.taskDurationSeconds) * 1000) / calls;
    return {
      calls,
      warmup,
      elapsedMs,
      busyMsPerCall,
      tasksLogged,
      before,
      afterWithOrgHistory: afterRaw,
      after
    };
  } finally {
    await cdp.detach().catch(() => undefined);
    await context.close();
  }
}
