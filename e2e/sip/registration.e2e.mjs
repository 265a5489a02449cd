/**
 * Registration of the SipPhone against Kamailio (digest auth): stable +sip.instance, clear
 * errors without retry loops, and re-registration after the server restarts.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Kamailio, freePort } from "./lib/kamailio.mjs";
import { launchBrowser, sleep } from "./lib/browser.mjs";
import { startHarnessServer } from "./lib/harness-server.mjs";
import { SoftphoneParty, AgentParty, waitForAudio } from "./lib/parties.mjs";

let kamailio, server, browser;

before(async () => {
  kamailio = await new Kamailio({ auth: true }).start();
  server = await startHarnessServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await kamailio?.dispose();
});

test("the +sip.instance is stable per browser, so signing in again replaces the binding", async () => {
  const first = await SoftphoneParty.open(browser, server.origin, kamailio, "stable1");
  const instance = await first.page.evaluate(() =>
    localStorage.getItem("softphone.sip.instanceId")
  );
  assert.match(instance, /^[0-9a-f-]{36}$/);
  assert.ok(
    !(await first.page.evaluate(() => JSON.stringify(localStorage))).includes("secret"),
    "no password in storage"
  );
  const storage = await first.context.storageState();
  await first.close(); // like closing the tab: no un-REGISTER is sent
  const { page, context } = await (
    await import("./lib/browser.mjs")
  ).openParty(browser, server.origin, { storageState: storage });
  const again = new SoftphoneParty(page, context, "stable1");
  again.options = {
    url: kamailio.url,
    domain: "127.0.0.1",
    username: "stable1",
    password: "secret"
  };
  const r = await again.register();
  assert.equal(r.ok, true);
  assert.equal(
    await page.evaluate(() => localStorage.getItem("softphone.sip.instanceId")),
    instance
  );
  const contacts = kamailio.lines.filter((l) => l.includes("REGISTERED sip:stable1@"));
  assert.ok(contacts.at(-1).includes(instance), "the REGISTER carries the stored instance id");
  assert.deepEqual(
    kamailio.bindings("stable1"),
    [1, 1],
    "the second sign-in replaced the first binding"
  );
  await again.close();
});

test("wrong password: AUTH_FAILED, a clear message, and no retry loop", async () => {
  const party = await SoftphoneParty.open(browser, server.origin, kamailio, "wrongpw", {
    password: "not-the-password",
    register: false,
    reconnect: { baseMs: 50, maxMs: 200 }
  });
  const r = await party.register();
  assert.equal(r.ok, false);
  assert.equal(r.code, "AUTH_FAILED");
  assert.match(r.message, /user name or password/);
  const failed = await party.waitEvent({ type: "registration", state: "failed" });
  assert.equal(failed.error.code, "AUTH_FAILED");
  const attempts = kamailio.requests("REGISTER", "wrongpw").length;
  await sleep(1500); // 7+ back-off periods at these settings: a loop would show
  assert.equal(kamailio.requests("REGISTER", "wrongpw").length, attempts, "no further REGISTER");
  assert.ok(attempts <= 2, `one challenge round only (saw ${attempts} REGISTERs)`);
  await party.close();
});

test("unknown user: NOT_FOUND, no retry", async () => {
  const party = await SoftphoneParty.open(browser, server.origin, kamailio, "unknown7", {
    register: false
  });
  const r = await party.register();
  assert.equal(r.ok, false);
  assert.equal(r.code, "NOT_FOUND");
  assert.match(r.message, /does not know this SIP user/);
  const before = kamailio.requests("REGISTER", "unknown7").length;
  await sleep(1200);
  assert.equal(kamailio.requests("REGISTER", "unknown7").length, before);
  await party.close();
});

test("unreachable server: UNREACHABLE, then registers by itself once the server is up", async () => {
  const late = new Kamailio({ auth: true, port: await freePort() });
  try {
    const party = await SoftphoneParty.open(browser, server.origin, late, "late1", {
      register: false,
      reconnect: { baseMs: 200, maxMs: 400 }
    });
    const r = await party.register();
    assert.equal(r.ok, false);
    assert.equal(r.code, "UNREACHABLE");
    assert.match(r.message, /Cannot reach the phone system at ws:\/\/127\.0\.0\.1/);
    await late.start();
    await party.waitEvent({ type: "registration", state: "registered" }, { timeoutMs: 5000 });
    await party.close();
  } finally {
    await late.dispose();
  }
});

test("Kamailio restarts: the phone reconnects with back-off, re-registers, and takes calls", async () => {
  const own = await new Kamailio({ auth: true }).start();
  try {
    const phone = await SoftphoneParty.open(browser, server.origin, own, "restart1", {
      reconnect: { baseMs: 200, maxMs: 1000 }
    });
    const beforeRestart = await phone.now();
    await own.stop();
    const lost = await phone.waitEvent({
      type: "registration",
      state: "registering",
      after: beforeRestart
    });
    assert.equal(lost.error.code, "UNREACHABLE");
    await sleep(700); // at least one reconnect attempt fails while the server is down
    await own.start();
    await phone.waitEvent(
      { type: "registration", state: "registered", after: lost.t },
      { timeoutMs: 8000 }
    );
    assert.ok(own.bindings("restart1").length >= 1, "the restarted Kamailio has the binding again");
    const caller = await AgentParty.open(browser, server.origin, own, "caller9");
    const callId = await caller.run("call", "restart1");
    await phone.waitEvent({ type: "incoming", callId });
    await phone.call("answer", callId);
    await waitForAudio(phone);
    await caller.run("hangup");
    assert.equal((await phone.waitEvent({ type: "callEnded", callId })).reason, "remote");
    await caller.close();
    await phone.call("unregister");
    await phone.waitEvent({ type: "registration", state: "unregistered" });
    await phone.close();
  } finally {
    await own.dispose();
  }
});

test("the registration is refreshed before it expires (registrar grants only 4 s)", async () => {
  const short = await new Kamailio({ auth: true, defines: ["SHORT_EXPIRES"] }).start();
  try {
    const phone = await SoftphoneParty.open(browser, server.origin, short, "refresh1");
    await sleep(9000);
    const accepted = short.bindings("refresh1");
    assert.ok(
      accepted.length >= 3,
      `refreshed at least twice in 9 s (saw ${accepted.length} accepted REGISTERs)`
    );
    assert.ok(
      accepted.every((n) => n === 1),
      "each refresh updates the one binding"
    );
    const events = await phone.events();
    assert.deepEqual(
      events.filter((e) => e.type === "registration").map((e) => e.state),
      ["registering", "registered"],
      "refreshes are silent: no flapping registration state"
    );
    await phone.close();
  } finally {
    await short.dispose();
  }
});
