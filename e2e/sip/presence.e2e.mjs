/**
 * Not ready at the SIP phone: with the inbound policy set to refuse, a new INVITE is answered
 * 486 Busy Here (or the configured code) and never reaches the agent; accepting again lets the
 * next call ring. Runs in a loopback-only namespace like the other SIP tests.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Kamailio } from "./lib/kamailio.mjs";
import { launchBrowser, sleep } from "./lib/browser.mjs";
import { startHarnessServer } from "./lib/harness-server.mjs";
import { SoftphoneParty, AgentParty } from "./lib/parties.mjs";

let kamailio, server, browser, phone, alice;

before(async () => {
  kamailio = await new Kamailio({ auth: true }).start();
  server = await startHarnessServer();
  browser = await launchBrowser();
  phone = await SoftphoneParty.open(browser, server.origin, kamailio, "agent1");
  alice = await AgentParty.open(browser, server.origin, kamailio, "alice");
  await phone.waitEvent({ type: "registration", state: "registered" });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await kamailio?.dispose();
});

test("not ready: an INVITE gets 486 Busy Here and the agent is never alerted", async () => {
  await phone.call("setInboundPolicy", { mode: "refuse", statusCode: 486 });
  const callId = await alice.run("call", "agent1");
  assert.equal((await alice.waitLog({ type: "rejected", callId })).statusCode, 486);
  await sleep(300);
  const incoming = (await phone.events()).filter((e) => e.type === "incoming");
  assert.equal(incoming.length, 0);
});

test("not ready with notReadyResponseCode 480 answers 480", async () => {
  await phone.call("setInboundPolicy", { mode: "refuse", statusCode: 480 });
  const callId = await alice.run("call", "agent1");
  assert.equal((await alice.waitLog({ type: "rejected", callId })).statusCode, 480);
});

test("ready again: the next call rings", async () => {
  await phone.call("setInboundPolicy", { mode: "accept" });
  const callId = await alice.run("call", "agent1");
  await phone.waitEvent({ type: "incoming", callId });
  await phone.call("decline", callId);
  await phone.waitEvent({ type: "callEnded", callId });
});
