/**
 * DTMF from the SipPhone: RFC 4733 telephone-events decoded from the RTP a werift far end
 * receives, and the SIP INFO fallback when the far end does not negotiate telephone-event.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Kamailio } from "./lib/kamailio.mjs";
import { launchBrowser, sleep } from "./lib/browser.mjs";
import { startHarnessServer } from "./lib/harness-server.mjs";
import { SoftphoneParty, DOMAIN } from "./lib/parties.mjs";
import { NodeAgent } from "./lib/node-agent.mjs";

let kamailio, server, browser, phone, ivr, legacy;

before(async () => {
  kamailio = await new Kamailio({ auth: true }).start();
  server = await startHarnessServer();
  browser = await launchBrowser();
  phone = await SoftphoneParty.open(browser, server.origin, kamailio, "agent1");
  ivr = await new NodeAgent({ url: kamailio.url, domain: DOMAIN, username: "ivr" }).start();
  legacy = await new NodeAgent({
    url: kamailio.url,
    domain: DOMAIN,
    username: "legacy",
    telephoneEvent: false
  }).start();
});

after(async () => {
  await ivr?.stop();
  await legacy?.stop();
  await browser?.close();
  await server?.close();
  await kamailio?.dispose();
});

async function until(check, what, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}

test("digits go out as RFC 4733 telephone-events in the RTP stream", async () => {
  const callId = await phone.call("dial", "ivr");
  await phone.waitEvent({ type: "callUpdated", callId, state: "connected" });
  await phone.call("sendDigits", callId, "12");
  await phone.call("sendDigits", callId, "*#9"); // queued behind the first digits, not replacing them
  await until(() => ivr.rfc4733.length >= 5, "five RFC 4733 digits");
  assert.deepEqual(ivr.rfc4733, ["1", "2", "*", "#", "9"]);
  assert.deepEqual(ivr.info, [], "no SIP INFO when RFC 4733 is negotiated");
  const bad = await phone.invoke("sendDigits", callId, "12x");
  assert.equal(bad.ok, false);
  assert.match(bad.message, /0-9, \*, #, A-D/);
  await phone.call("hangup", callId);
  await phone.waitEvent({ type: "callEnded", callId });
});

test("without telephone-event in the answer, digits go as SIP INFO (application/dtmf-relay)", async () => {
  const callId = await phone.call("dial", "legacy");
  await phone.waitEvent({ type: "callUpdated", callId, state: "connected" });
  await phone.call("sendDigits", callId, "4#");
  await until(() => legacy.info.length >= 2, "two SIP INFO digits");
  assert.deepEqual(legacy.info, ["4", "#"]);
  assert.deepEqual(legacy.rfc4733, []);
  assert.ok(kamailio.requests("INFO", "agent1").length >= 2, "the INFOs went through the proxy");
  await phone.call("hangup", callId);
  await phone.waitEvent({ type: "callEnded", callId });
});
