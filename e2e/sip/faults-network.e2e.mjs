/**
 * SIP faults: the PBX dies (SIGKILL, no goodbye), the WebSocket is cut in the middle of a
 * call (the call survives; past the grace period it ends), the connection drops again and
 * again, and a registrar that challenges forever.
 * The real SipPhone runs in Chromium through e2e/sip's harness; cuts go through a loopback TCP
 * relay in front of Kamailio, so the network fails while Kamailio keeps its state.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { WebSocketServer } from "ws";
import { Kamailio } from "./lib/kamailio.mjs";
import { launchBrowser, sleep } from "./lib/browser.mjs";
import { startHarnessServer } from "./lib/harness-server.mjs";
import { SoftphoneParty, AgentParty, waitForAudio } from "./lib/parties.mjs";
import { startRelay } from "./faults-relay.mjs";

let server, browser;

before(async () => {
  server = await startHarnessServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Kamailio's worker processes (children of the main process), read from /proc. */
function childrenOf(pid) {
  const out = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** Kills the Kamailio this test started, workers first, with SIGKILL: a crash, no goodbye. */
async function crash(kamailio) {
  const proc = kamailio.proc;
  // Listen first: the main process may exit by itself as soon as its workers die.
  const exited = new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve();
    else proc.once("exit", resolve);
  });
  for (const child of childrenOf(proc.pid)) {
    try {
      process.kill(child, "SIGKILL");
    } catch {
      // already gone
    }
  }
  proc.kill("SIGKILL");
  await exited;
  // Kamailio.stop() waits for an exit that has already happened (it checks exitCode, which
  // stays null for a process killed by a signal): forget the process instead.
  kamailio.proc = undefined;
}

/** A softphone party registered through `url` (the relay) instead of Kamailio's own port. */
async function partyVia(url, kamailio, username, options = {}) {
  return SoftphoneParty.open(browser, server.origin, { url }, username, {
    reconnect: { baseMs: 200, maxMs: 1000 },
    ...options
  });
}

test("Kamailio killed while idle → the phone notices, and is registered again after restart", async () => {
  const pbx = await new Kamailio({ auth: true }).start();
  try {
    const phone = await SoftphoneParty.open(browser, server.origin, pbx, "crash1", {
      reconnect: { baseMs: 200, maxMs: 1000 }
    });
    const t0 = await phone.now();
    await crash(pbx);
    const lost = await phone.waitEvent({ type: "registration", state: "registering", after: t0 });
    assert.equal(lost.error?.code, "UNREACHABLE", "the agent is told the PBX is unreachable");
    await sleep(1500); // several reconnect attempts fail while the PBX is down
    await pbx.start();
    await phone.waitEvent(
      { type: "registration", state: "registered", after: lost.t },
      { timeoutMs: 10000 }
    );
    assert.deepEqual(pbx.bindings("crash1").slice(-1), [1], "registered again, one binding");
    // and it is really usable: a call reaches it
    const caller = await AgentParty.open(browser, server.origin, pbx, "caller21");
    const callId = await caller.run("call", "crash1");
    await phone.waitEvent({ type: "incoming", callId });
    await caller.run("hangup");
    await caller.close();
    await phone.close();
  } finally {
    await pbx.dispose();
  }
});

test("the WebSocket cut during a call → the call survives, the phone re-registers and recovers it", async () => {
  const pbx = await new Kamailio({ auth: true }).start();
  const relay = await startRelay(pbx.port);
  try {
    const phone = await partyVia(relay.url, pbx, "cut1");
    const caller = await AgentParty.open(browser, server.origin, pbx, "caller22");
    const callId = await caller.run("call", "cut1");
    await phone.waitEvent({ type: "incoming", callId });
    await phone.call("answer", callId);
    await waitForAudio(phone);
    const t0 = await phone.now();
    relay.cut();
    const lost = await phone.waitEvent(
      { type: "callUpdated", callId, connection: "reconnecting", after: t0 },
      { what: "the call shown as reconnecting after the WebSocket was cut" }
    );
    await phone.waitEvent(
      { type: "registration", state: "registered", after: t0 },
      { timeoutMs: 10000 }
    );
    await phone.waitEvent(
      { type: "callUpdated", callId, connection: null, after: lost.t },
      { timeoutMs: 10000, what: "the call recovered on the new connection" }
    );
    assert.equal((await phone.eventsOf("callEnded", callId)).length, 0, "the call never ended");
    await caller.run("hangup");
    await phone.waitEvent({ type: "callEnded", callId, reason: "remote" });
    assert.equal(
      (await phone.eventsOf("callEnded", callId)).length,
      1,
      "exactly one callEnded for the call"
    );
    await caller.close();
    await phone.close();
  } finally {
    await relay.close();
    await pbx.dispose();
  }
});

test("the WebSocket cut during a call for longer than the grace period → the call ends once, with the reason", async () => {
  const pbx = await new Kamailio({ auth: true }).start();
  const relay = await startRelay(pbx.port);
  try {
    const phone = await partyVia(relay.url, pbx, "cut2", { reconnectGraceSeconds: 2 });
    const caller = await AgentParty.open(browser, server.origin, pbx, "caller24");
    const callId = await caller.run("call", "cut2");
    await phone.waitEvent({ type: "incoming", callId });
    await phone.call("answer", callId);
    await waitForAudio(phone);
    const t0 = await phone.now();
    relay.block();
    const ended = await phone.waitEvent(
      { type: "callEnded", callId, after: t0 },
      { timeoutMs: 15000, what: "callEnded once the grace period ran out" }
    );
    assert.equal(ended.reason, "failed");
    assert.equal(ended.cause, "connectionLost");
    assert.equal(ended.error?.code, "UNREACHABLE");
    relay.restore();
    await phone.waitEvent(
      { type: "registration", state: "registered", after: t0 },
      { timeoutMs: 10000 }
    );
    assert.equal(
      (await phone.eventsOf("callEnded", callId)).length,
      1,
      "exactly one callEnded for the call"
    );
    await caller.close();
    await phone.close();
  } finally {
    await relay.close();
    await pbx.dispose();
  }
});

test("repeated connection drops → re-registers each time, never a duplicate binding", async () => {
  const pbx = await new Kamailio({ auth: true }).start();
  const relay = await startRelay(pbx.port);
  try {
    const phone = await partyVia(relay.url, pbx, "flap1");
    const DROPS = 5;
    for (let i = 0; i < DROPS; i++) {
      const t0 = await phone.now();
      relay.cut();
      await phone.waitEvent({ type: "registration", state: "registering", after: t0 });
      await phone.waitEvent(
        { type: "registration", state: "registered", after: t0 },
        { timeoutMs: 10000 }
      );
    }
    const bindings = pbx.bindings("flap1");
    assert.ok(bindings.length >= DROPS + 1, `re-registered after each drop (${bindings.length})`);
    assert.deepEqual(
      bindings.filter((n) => n !== 1),
      [],
      `Kamailio kept one binding for the agent after every REGISTER (${bindings.join(",")})`
    );
    assert.ok(relay.open() <= 1, `one WebSocket in the end, not ${relay.open()}`);
    // the agent is reachable exactly once: a call rings one contact
    const caller = await AgentParty.open(browser, server.origin, pbx, "caller23");
    const callId = await caller.run("call", "flap1");
    await phone.waitEvent({ type: "incoming", callId });
    await sleep(500);
    const incoming = (await phone.events()).filter((e) => e.type === "incoming");
    assert.equal(incoming.length, 1, "one INVITE reached the agent");
    await caller.run("hangup");
    await caller.close();
    await phone.close();
  } finally {
    await relay.close();
    await pbx.dispose();
  }
});

/** Header value of a SIP message (first occurrence, compact forms too). */
function header(message, name, compact) {
  const re = new RegExp(`^(?:${name}${compact ? `|${compact}` : ""})\\s*:\\s*(.*)$`, "im");
  return re.exec(message)?.[1]?.trim();
}

/** A registrar that answers every REGISTER with a fresh 401 challenge marked stale. */
async function startEndlessChallenger() {
  const wss = new WebSocketServer({
    host: "127.0.0.1",
    port: 0,
    handleProtocols: (protocols) => (protocols.has("sip") ? "sip" : false)
  });
  await new Promise((resolve) => wss.once("listening", resolve));
  const received = [];
  let nonce = 0;
  wss.on("connection", (socket) => {
    socket.on("message", (data) => {
      const text = String(data);
      if (!text.startsWith("REGISTER ")) return;
      received.push({ authorized: /^(Authorization)\s*:/im.test(text), at: Date.now() });
      const vias = text
        .split(/\r\n/)
        .filter((l) => /^(Via|v)\s*:/i.test(l))
        .join("\r\n");
      const to = header(text, "To", "t");
      const response = [
        "SIP/2.0 401 Unauthorized",
        vias,
        `From: ${header(text, "From", "f")}`,
        `To: ${to}${/;tag=/.test(to) ? "" : ";tag=challenger"}`,
        `Call-ID: ${header(text, "Call-ID", "i")}`,
        `CSeq: ${header(text, "CSeq")}`,
        `WWW-Authenticate: Digest realm="127.0.0.1", nonce="n${++nonce}x${Date.now()}", stale=true, algorithm=MD5, qop="auth"`,
        "Content-Length: 0",
        "",
        ""
      ].join("\r\n");
      socket.send(response);
    });
  });
  return {
    url: `ws://127.0.0.1:${wss.address().port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      })
  };
}

test("a registrar that challenges forever (401, stale nonce) → stopped, with a clear message", async () => {
  const challenger = await startEndlessChallenger();
  try {
    const phone = await SoftphoneParty.open(
      browser,
      server.origin,
      { url: challenger.url },
      "loop1",
      {
        register: false,
        reconnect: { baseMs: 50, maxMs: 200 }
      }
    );
    const r = await phone.register();
    assert.equal(r.ok, false, "registration does not succeed");
    assert.equal(r.code, "AUTH_FAILED");
    assert.match(r.message, /user name or password|rejected|authenticat/i);
    const count = challenger.received.length;
    await sleep(2000); // ten back-off periods: a loop would show
    assert.equal(challenger.received.length, count, "no REGISTER after the failure was reported");
    assert.ok(count <= 4, `a bounded number of attempts (saw ${count} REGISTERs)`);
    const failed = (await phone.events()).filter(
      (e) => e.type === "registration" && e.state === "failed"
    );
    assert.ok(failed.length >= 1, "the phone reports the failure as an event");
    await phone.close();
  } finally {
    await challenger.close();
  }
});
