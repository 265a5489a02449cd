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

let kamailio, server, browser, phone, alice;

before(async () => {
  kamailio = await new Kamailio({ auth: true }).start();
  server = await startHarnessServer();
  browser = await launchBrowser();
  phone = await SoftphoneParty.open(browser, server.origin, kamailio, "agent1");
  alice = await AgentParty.open(browser, server.origin, kamailio, "alice");
});

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
    audio,
    [{ playing: true, hasStream: true }],
    "remote audio plays through one <audio>"
  );
  await alice.run("hangup");
  const ended = await phone.waitEvent({ type: "callEnded", callId });
  assert.equal(ended.reason, "remote");
  assert.equal(ended.call.id, callId, "the call id is the SIP Call-ID");
  assert.deepEqual(await phone.page.evaluate(() => window.harness.audioElements()), []);
});
