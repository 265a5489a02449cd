/**
 * Calls that survive the network. The real SipPhone runs in Chromium through e2e/sip's harness
 * and reaches Kamailio through a loopback TCP relay we control (faults-relay.mjs); the far end
 * is a plain sip.js agent connected straight to Kamailio. Media faults (the old ICE path dead,
 * as after a network change) come from nftables in the test's own network namespace
 * (lib/udp-faults.mjs); without nft those parts are skipped and say why.
 */
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { Kamailio } from "./lib/kamailio.mjs";
import { launchBrowser, pollPage, sleep } from "./lib/browser.mjs";
import { startHarnessServer } from "./lib/harness-server.mjs";
import { SoftphoneParty, AgentParty, waitForAudio } from "./lib/parties.mjs";
import { blockUdpPort, clearUdpFaults, udpFaultsUnavailable } from "./lib/udp-faults.mjs";
import { startRelay } from "./faults-relay.mjs";

const noUdpFaults = udpFaultsUnavailable();
let server, browser, pbx;

before(async () => {
  server = await startHarnessServer();
  browser = await launchBrowser();
  pbx = await new Kamailio({ auth: true }).start();
});

afterEach(() => clearUdpFaults());

after(async () => {
  await browser?.close();
  await server?.close();
  await pbx?.dispose();
});

/** A connected call: the softphone (through `relay`) answered `callerName`'s call, audio flows. */
async function connectedCall(relay, agentName, callerName, options = {}) {
  const phone = await SoftphoneParty.open(browser, server.origin, { url: relay.url }, agentName, {
    reconnect: { baseMs: 200, maxMs: 1000 },
    ...options
  });
  const caller = await AgentParty.open(browser, server.origin, pbx, callerName);
  const callId = await caller.run("call", agentName);
  await phone.waitEvent({ type: "incoming", callId });
  await phone.call("answer", callId);
  await waitForAudio(phone);
  await waitForAudio(caller);
  return { phone, caller, callId };
}

/** Waits until the far end's inbound audio (bytes and energy) has grown past `from`. */
function remoteAudioGrows(caller, from, { bytes = 2000, timeoutMs = 10_000 } = {}) {
  return pollPage(
    caller.page,
    async ({ b, e, more }) => {
      const s = (await window.harness.audioStats()).at(-1);
      return s && s.bytesReceived > b + more && s.totalAudioEnergy > e ? s : null;
    },
    { b: from.bytesReceived, e: from.totalAudioEnergy, more: bytes },
    { timeoutMs, intervalMs: 20, what: "the far end receiving audio again" }
  );
}

const remoteStats = async (caller) => (await caller.stats()).at(-1);

test("WebSocket and media path cut mid-call, back within 10 s → the call survives, audio flows again", async () => {
  const relay = await startRelay(pbx.port);
  try {
    const { phone, caller, callId } = await connectedCall(relay, "surv1", "caller41");
    const ice = await phone.iceInfo();
    const t0 = await phone.now();
    relay.block();
    if (!noUdpFaults) blockUdpPort(ice.localPort);

    const lost = await phone.waitEvent(
      { type: "callUpdated", callId, connection: "reconnecting", after: t0 },
      { what: "the call shown as reconnecting" }
    );
    assert.equal(lost.call.state, "connected", "still connected, never ended");
    assert.equal(lost.call.connection.lost, "signalling");
    assert.equal(lost.call.connection.graceEndsAt - lost.call.connection.since, 30_000);

    await sleep(3000);
    const stalled = await remoteStats(caller);
    if (!noUdpFaults) {
      await sleep(1000);
      const still = await remoteStats(caller);
      assert.ok(
        still.bytesReceived - stalled.bytesReceived < 500,
        `no audio reaches the far end while the path is cut (${still.bytesReceived - stalled.bytesReceived} bytes)`
      );
    }
    relay.restore();

    await phone.waitEvent(
      { type: "registration", state: "registered", after: t0 },
      { timeoutMs: 10_000, what: "registered again" }
    );
    const back = await phone.waitEvent(
      { type: "callUpdated", callId, connection: null, after: lost.t },
      { timeoutMs: 10_000, what: "the call recovered" }
    );
    assert.equal(back.call.state, "connected");
    const reinvite = await caller.waitLog({ type: "reinvite", callId });
    assert.ok(reinvite.ufrag && reinvite.ufrag !== ice.localUfrag, "the re-INVITE restarts ICE");
    const grown = await remoteAudioGrows(caller, stalled);
    assert.ok(grown.totalAudioEnergy > stalled.totalAudioEnergy, "the far end hears us again");
    await waitForAudio(phone, { minBytes: 1 });
    if (!noUdpFaults) {
      const now = await phone.iceInfo();
      assert.notEqual(now.localPort, ice.localPort, "media moved to a new ICE path");
    }

    // The far end's BYE finds the agent on the new connection (its target was refreshed).
    const beforeBye = await phone.now();
    await caller.run("hangup");
    await phone.waitEvent({ type: "callEnded", callId, reason: "remote", after: beforeBye });
    await sleep(300);
    assert.equal((await phone.eventsOf("callEnded", callId)).length, 1, "one callEnded");
    assert.deepEqual(await phone.call("listCalls"), [], "no call left behind");
    await caller.close();
    await phone.close();
  } finally {
    await relay.close();
  }
});

test("cut past the grace period → the call ends once, saying the connection was lost", async () => {
  const relay = await startRelay(pbx.port);
  try {
    const { phone, caller, callId } = await connectedCall(relay, "surv2", "caller42", {
      reconnectGraceSeconds: 3
    });
    await phone.waitEvent({ type: "callQuality", callId }, { what: "a first quality sample" });
    const t0 = await phone.now();
    relay.block();
    const lost = await phone.waitEvent({
      type: "callUpdated",
      callId,
      connection: "reconnecting",
      after: t0
    });
    const ended = await phone.waitEvent(
      { type: "callEnded", callId, after: t0 },
      { timeoutMs: 10_000, what: "the call ended after the grace period" }
    );
    assert.equal(ended.reason, "failed");
    assert.equal(ended.cause, "connectionLost");
    assert.equal(ended.error?.code, "UNREACHABLE");
    assert.match(ended.error.message, /lost and did not come back within 3 s/);
    assert.ok(ended.t - lost.t >= 2800, `kept for the grace period (${ended.t - lost.t} ms)`);
    assert.ok(ended.quality?.samples >= 1, "the call's quality comes with the end");

    relay.restore();
    await phone.waitEvent(
      { type: "registration", state: "registered", after: ended.t },
      { timeoutMs: 10_000 }
    );
    // Once connected again the phone releases the far end too.
    await caller.waitLog({ type: "bye", callId }, { timeoutMs: 10_000 });
    assert.equal(await caller.run("liveCount"), 0, "no ghost call at the far end");
    assert.equal((await phone.eventsOf("callEnded", callId)).length, 1, "ended exactly once");
    assert.deepEqual(await phone.call("listCalls"), []);
    await caller.close();
    await phone.close();
  } finally {
    await relay.close();
  }
});

test("far end hangs up while the agent is cut off → ended after reconnecting, no ghost call", async () => {
  const relay = await startRelay(pbx.port);
  try {
    const { phone, caller, callId } = await connectedCall(relay, "surv3", "caller43");
    const t0 = await phone.now();
    relay.block();
    await phone.waitEvent({ type: "callUpdated", callId, connection: "reconnecting", after: t0 });
    await caller.run("hangup"); // its BYE cannot reach the agent
    await sleep(1000);
    assert.equal((await phone.eventsOf("callEnded", callId)).length, 0, "not ended yet");
    relay.restore();
    const ended = await phone.waitEvent(
      { type: "callEnded", callId, after: t0 },
      { timeoutMs: 10_000, what: "the call ended once the phone was back" }
    );
    assert.equal(ended.reason, "remote", "the far end hung up");
    await phone.waitEvent({ type: "registration", state: "registered", after: t0 });
    await sleep(500);
    assert.equal((await phone.eventsOf("callEnded", callId)).length, 1, "ended exactly once");
    assert.deepEqual(await phone.call("listCalls"), [], "no ghost call after the reconnect");

    // And the agent takes the next call normally.
    const next = await caller.run("call", "surv3");
    await phone.waitEvent({ type: "incoming", callId: next });
    assert.deepEqual(
      (await phone.call("listCalls")).map((c) => c.id),
      [next],
      "only the new call is known"
    );
    await caller.run("hangup");
    await phone.waitEvent({ type: "callEnded", callId: next });
    await caller.close();
    await phone.close();
  } finally {
    await relay.close();
  }
});

test(
  "media path lost without a WebSocket cut (network changed) → ICE restart re-INVITE, audio again",
  { skip: noUdpFaults ?? false },
  async () => {
    const relay = await startRelay(pbx.port);
    try {
      const { phone, caller, callId } = await connectedCall(relay, "surv4", "caller44");
      const ice = await phone.iceInfo();
      const t0 = await phone.now();
      blockUdpPort(ice.localPort);
      const lost = await phone.waitEvent(
        { type: "callUpdated", callId, connection: "reconnecting", after: t0 },
        { timeoutMs: 15_000, what: "the call shown as reconnecting (media)" }
      );
      assert.equal(lost.call.connection.lost, "media");
      const stalled = await remoteStats(caller);
      const back = await phone.waitEvent(
        { type: "callUpdated", callId, connection: null, after: lost.t },
        { timeoutMs: 15_000, what: "the audio path recovered" }
      );
      assert.equal(back.call.state, "connected");
      const reinvite = await caller.waitLog({ type: "reinvite", callId });
      assert.ok(reinvite.ufrag && reinvite.ufrag !== ice.localUfrag, "ICE was restarted");
      await remoteAudioGrows(caller, stalled);
      assert.notEqual((await phone.iceInfo()).localPort, ice.localPort, "a new ICE path");
      const registrations = (await phone.eventsOf("registration")).filter((e) => e.t > t0);
      assert.deepEqual(registrations, [], "the signalling connection was never lost");
      assert.equal((await phone.eventsOf("callEnded", callId)).length, 0);
      await phone.call("hangup", callId);
      await caller.waitLog({ type: "bye", callId });
      await caller.close();
      await phone.close();
    } finally {
      await relay.close();
    }
  }
);

test("offline / online events during a call → reconnecting, then recovered at once on online", async () => {
  const relay = await startRelay(pbx.port);
  try {
    // A back-off of 10–20 s: recovering faster than that proves the online event did it.
    const { phone, caller, callId } = await connectedCall(relay, "surv5", "caller45", {
      reconnect: { baseMs: 20_000, maxMs: 20_000 },
      simulatedNetwork: true
    });
    const ice = await phone.iceInfo();

    // A blip the WebSocket did not notice: online restarts ICE on the call.
    let t0 = await phone.now();
    await phone.network("offline");
    let lost = await phone.waitEvent({
      type: "callUpdated",
      callId,
      connection: "reconnecting",
      after: t0
    });
    await phone.network("online");
    await phone.waitEvent(
      { type: "callUpdated", callId, connection: null, after: lost.t },
      { timeoutMs: 10_000, what: "recovered after coming back online" }
    );
    const reinvite = await caller.waitLog({ type: "reinvite", callId });
    assert.ok(reinvite.ufrag && reinvite.ufrag !== ice.localUfrag, "ICE was restarted");

    // The network really went: the WebSocket drops while offline; online reconnects now.
    t0 = await phone.now();
    await phone.network("offline");
    lost = await phone.waitEvent({
      type: "callUpdated",
      callId,
      connection: "reconnecting",
      after: t0
    });
    relay.block();
    await phone.waitEvent({ type: "registration", state: "registering", after: t0 });
    await sleep(1000);
    relay.restore();
    const onlineAt = await phone.now();
    await phone.network("online");
    const back = await phone.waitEvent(
      { type: "callUpdated", callId, connection: null, after: lost.t },
      { timeoutMs: 8000, what: "recovered without waiting for the back-off" }
    );
    assert.ok(
      back.t - onlineAt < 8000,
      `recovered ${Math.round(back.t - onlineAt)} ms after online`
    );
    await phone.waitEvent({ type: "registration", state: "registered", after: onlineAt });
    await remoteAudioGrows(caller, await remoteStats(caller));
    assert.equal((await phone.eventsOf("callEnded", callId)).length, 0);
    await phone.call("hangup", callId);
    await caller.waitLog({ type: "bye", callId });
    await caller.close();
    await phone.close();
  } finally {
    await relay.close();
  }
});
