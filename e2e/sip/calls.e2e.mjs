/**
 * Real calls between the SipPhone (Chromium page) and sip.js agents through Kamailio with digest
 * auth, inside a loopback-only network namespace (see scripts/test-all.mjs, suite "sip").
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Kamailio } from "./lib/kamailio.mjs";
import { launchBrowser, sleep } from "./lib/browser.mjs";
import { startHarnessServer } from "./lib/harness-server.mjs";
import { SoftphoneParty, AgentParty, waitForAudio } from "./lib/parties.mjs";

let kamailio, server, browser, phone, alice, bob;

before(async () => {
  kamailio = await new Kamailio({ auth: true }).start();
  server = await startHarnessServer();
  browser = await launchBrowser();
  phone = await SoftphoneParty.open(browser, server.origin, kamailio, "agent1");
  alice = await AgentParty.open(browser, server.origin, kamailio, "alice");
  bob = await AgentParty.open(browser, server.origin, kamailio, "bob");
});

/** Energy the far end measured so far on its newest call. */
async function energy(party) {
  const all = await party.stats();
  return all.at(-1)?.totalAudioEnergy ?? 0;
}

async function connectInbound(from) {
  const callId = await from.run("call", "agent1");
  await phone.waitEvent({ type: "incoming", callId });
  await phone.call("answer", callId);
  await phone.waitEvent({ type: "callUpdated", callId, state: "connected" });
  await waitForAudio(phone);
  await waitForAudio(from);
  return callId;
}

after(async () => {
  await browser?.close();
  await server?.close();
  await kamailio?.dispose();
});

test("the softphone registered with digest auth and a +sip.instance", async () => {
  const ev = await phone.waitEvent({ type: "registration", state: "registered" });
  assert.ok(ev);
  const register = kamailio.lines.filter((l) => l.includes("REGISTERED sip:agent1@"));
  assert.ok(register.length >= 1, "Kamailio saved the binding");
  assert.match(register.at(-1), /\+sip\.instance/);
});

test("inbound: ringing, answer, audio both ways, remote hangs up", async () => {
  const callId = await alice.run("call", "agent1");
  const incoming = await phone.waitEvent({ type: "incoming", callId });
  assert.equal(incoming.call.direction, "inbound");
  assert.equal(incoming.call.state, "ringing");
  assert.equal(incoming.call.remoteNumber, "alice");
  assert.equal(incoming.call.remoteName, "Agent alice");
  await phone.call("answer", callId);
  await phone.waitEvent({ type: "callUpdated", callId, state: "connected" });
  const mine = await waitForAudio(phone);
  const theirs = await waitForAudio(alice);
  assert.ok(mine.bytesReceived > 0 && mine.totalAudioEnergy > 0);
  assert.ok(theirs.bytesReceived > 0 && theirs.totalAudioEnergy > 0);
  const audio = await phone.page.evaluate(() => window.harness.audioElements());
  assert.deepEqual(
    audio.map(({ playing, hasStream, role }) => ({ playing, hasStream, role })),
    [{ playing: true, hasStream: true, role: "remote" }],
    "remote audio plays through one <audio>"
  );
  await alice.run("hangup");
  const ended = await phone.waitEvent({ type: "callEnded", callId });
  assert.equal(ended.reason, "remote");
  assert.equal(ended.call.id, callId, "the call id is the SIP Call-ID");
  assert.deepEqual(await phone.page.evaluate(() => window.harness.audioElements()), []);
});

test("outbound: dialing (ringback) until answered, audio both ways, agent hangs up", async () => {
  const after = await phone.now();
  const callId = await phone.call("dial", "alice");
  const dialing = await phone.waitEvent({ type: "callUpdated", callId, state: "dialing" });
  assert.equal(dialing.call.direction, "outbound");
  assert.equal(dialing.call.remoteNumber, "alice");
  const invite = await alice.waitLog({ type: "invite", callId });
  assert.equal(invite.from, "agent1");
  await sleep(300);
  assert.equal(
    (await phone.events()).filter((e) => e.call?.id === callId && e.call.state === "connected")
      .length,
    0,
    "still dialing while the callee rings"
  );
  await alice.run("answer");
  await phone.waitEvent({ type: "callUpdated", callId, state: "connected", after });
  await waitForAudio(phone);
  await waitForAudio(alice);
  await phone.call("hangup", callId);
  await alice.waitLog({ type: "bye", callId });
  const ended = await phone.waitEvent({ type: "callEnded", callId });
  assert.equal(ended.reason, "local");
});

test("hold and resume are re-INVITEs the remote sees as sendonly then sendrecv", async () => {
  const callId = await connectInbound(alice);
  const t0 = await alice.page.evaluate(() => performance.now());
  await phone.call("hold", callId, true);
  const held = await alice.waitLog({ type: "reinvite", callId, after: t0 });
  assert.equal(held.direction, "sendonly");
  assert.equal((await alice.stats()).at(-1).direction, "recvonly");
  assert.equal(
    (await phone.waitEvent({ type: "callUpdated", callId, state: "held" })).call.state,
    "held"
  );
  const t1 = await alice.page.evaluate(() => performance.now());
  await phone.call("hold", callId, false);
  const resumed = await alice.waitLog({ type: "reinvite", callId, after: t1 });
  assert.equal(resumed.direction, "sendrecv");
  assert.equal((await alice.stats()).at(-1).direction, "sendrecv");
  const e1 = await energy(alice);
  await sleep(600);
  assert.ok((await energy(alice)) > e1, "audio flows again after resume");
  await alice.run("hangup");
  assert.equal((await phone.waitEvent({ type: "callEnded", callId })).reason, "remote");
});

test("mute silences the microphone track; unmute brings it back", async () => {
  const callId = await connectInbound(alice);
  await phone.call("mute", callId, true);
  const muted = await phone.waitEvent({ type: "callUpdated", callId });
  assert.ok((await phone.events()).some((e) => e.call?.id === callId && e.call.muted === true));
  assert.ok(muted);
  await sleep(400); // let the jitter buffer drain what was sent before muting
  const m0 = await energy(alice);
  await sleep(800);
  const m1 = await energy(alice);
  assert.ok(m1 - m0 < 0.001, `no energy while muted (grew by ${m1 - m0})`);
  await phone.call("mute", callId, false);
  await sleep(800);
  assert.ok((await energy(alice)) - m1 > 0.001, "energy again after unmute");
  await phone.call("hangup", callId);
  await phone.waitEvent({ type: "callEnded", callId });
});

test("decline answers 486 Busy Here by default and 603 Decline when asked", async () => {
  const first = await alice.run("call", "agent1");
  await phone.waitEvent({ type: "incoming", callId: first });
  await phone.call("decline", first);
  assert.equal((await alice.waitLog({ type: "rejected", callId: first })).statusCode, 486);
  assert.equal((await phone.waitEvent({ type: "callEnded", callId: first })).reason, "declined");
  const second = await alice.run("call", "agent1");
  await phone.waitEvent({ type: "incoming", callId: second });
  await phone.call("decline", second, 603);
  assert.equal((await alice.waitLog({ type: "rejected", callId: second })).statusCode, 603);
  assert.equal((await phone.waitEvent({ type: "callEnded", callId: second })).reason, "declined");
});

test("a caller who gives up before the answer is a missed call", async () => {
  const callId = await alice.run("call", "agent1");
  await phone.waitEvent({ type: "incoming", callId });
  await alice.run("hangup");
  assert.equal((await phone.waitEvent({ type: "callEnded", callId })).reason, "missed");
});

test("outbound to a busy or unknown number ends as rejected with a clear error", async () => {
  const busy = await phone.call("dial", "bob");
  await bob.waitLog({ type: "invite", callId: busy });
  await bob.run("reject", 486);
  const ended = await phone.waitEvent({ type: "callEnded", callId: busy });
  assert.equal(ended.reason, "rejected");
  assert.equal(ended.error.code, "CALL_FAILED");
  assert.match(ended.error.message, /Busy/);
  const unknown = await phone.call("dial", "nobody-here");
  const gone = await phone.waitEvent({ type: "callEnded", callId: unknown });
  assert.equal(gone.reason, "rejected");
  assert.equal(gone.error.code, "NOT_FOUND");
});

test("call waiting: a second call rings while on a call; hold the first and answer it", async () => {
  const first = await connectInbound(alice);
  const second = await bob.run("call", "agent1");
  const incoming = await phone.waitEvent({ type: "incoming", callId: second });
  assert.equal(incoming.call.remoteNumber, "bob");
  await phone.call("hold", first, true);
  await phone.call("answer", second);
  await phone.waitEvent({ type: "callUpdated", callId: second, state: "connected" });
  await waitForAudio(bob);
  const calls = await phone.call("listCalls");
  assert.deepEqual(
    calls.map((c) => [c.id, c.state]).sort(),
    [
      [first, "held"],
      [second, "connected"]
    ].sort()
  );
  await bob.run("hangup");
  assert.equal((await phone.waitEvent({ type: "callEnded", callId: second })).reason, "remote");
  await phone.call("hold", first, false);
  await phone.waitEvent({
    type: "callUpdated",
    callId: first,
    state: "connected",
    after: incoming.t
  });
  await phone.call("hangup", first);
  assert.equal((await phone.waitEvent({ type: "callEnded", callId: first })).reason, "local");
});

test("bad input gets a clear error and leaves the phone usable", async () => {
  const bad = await phone.invoke("dial", "not a <number>");
  assert.equal(bad.ok, false);
  assert.equal(bad.code, "INVALID_STATE");
  const none = await phone.invoke("answer", "no-such-call");
  assert.equal(none.ok, false);
  assert.match(none.message, /No call/);
});

test("microphone and speaker selection apply to the call in progress", async () => {
  const devices = await phone.page.evaluate(async () =>
    (await navigator.mediaDevices.enumerateDevices()).map((d) => ({
      kind: d.kind,
      id: d.deviceId,
      label: d.label
    }))
  );
  const mics = devices.filter((d) => d.kind === "audioinput" && d.id !== "default");
  const speakers = devices.filter((d) => d.kind === "audiooutput");
  assert.ok(mics.length >= 2, `fake microphones: ${JSON.stringify(devices)}`);
  const callId = await connectInbound(alice);
  const target = mics.at(-1);
  await phone.call("setInputDevice", target.id);
  const sending = await phone.page.evaluate(() => {
    const pc = window.harness.peerConnections.at(-1);
    const track = pc.getSenders().find((s) => s.track?.kind === "audio").track;
    return { label: track.label, state: track.readyState, enabled: track.enabled };
  });
  assert.deepEqual(sending, { label: target.label, state: "live", enabled: true });
  const e0 = await energy(alice);
  await sleep(600);
  assert.ok((await energy(alice)) > e0, "audio keeps flowing from the new microphone");
  if (speakers.length) {
    await phone.call("setOutputDevice", speakers.at(-1).id);
    const sink = await phone.page.evaluate(() => document.querySelector("audio").sinkId);
    assert.equal(sink, speakers.at(-1).id);
  }
  const bad = await phone.invoke("setInputDevice", "no-such-microphone");
  assert.equal(bad.ok, false);
  assert.equal(bad.code, "MEDIA_DENIED");
  const still = await phone.page.evaluate(
    () =>
      window.harness.peerConnections
        .at(-1)
        .getSenders()
        .find((s) => s.track?.kind === "audio").track.label
  );
  assert.equal(still, target.label, "a failed switch keeps the working microphone");
  await phone.call("setInputDevice", null);
  await phone.call("hangup", callId);
  await phone.waitEvent({ type: "callEnded", callId });
});

test("dispose() hangs up, releases the microphone and the audio element, and unregisters", async () => {
  const other = await SoftphoneParty.open(browser, server.origin, kamailio, "agent9");
  const callId = await alice.run("call", "agent9");
  await other.waitEvent({ type: "incoming", callId });
  await other.call("answer", callId);
  await waitForAudio(alice);
  await other.call("dispose");
  await alice.waitLog({ type: "bye", callId });
  const after = await other.page.evaluate(() => ({
    audio: document.querySelectorAll("audio").length,
    pcs: window.harness.peerConnections.map((pc) => pc.connectionState),
    ended: window.harness.events.filter((e) => e.type === "callEnded").map((e) => e.reason)
  }));
  assert.deepEqual(after, { audio: 0, pcs: ["closed"], ended: ["local"] });
  assert.equal(
    kamailio.bindings("agent9").at(-1),
    0,
    "the binding was removed (REGISTER Expires: 0)"
  );
  const late = await other.invoke("dial", "alice");
  assert.equal(late.code, "INVALID_STATE");
  await other.close();
});
