/**
 * Blind (REFER) and attended (REFER with Replaces) transfer from the SipPhone to a third agent,
 * through Kamailio with digest auth, with audio checked between the caller and the target.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Kamailio } from "./lib/kamailio.mjs";
import { launchBrowser, sleep } from "./lib/browser.mjs";
import { startHarnessServer } from "./lib/harness-server.mjs";
import { SoftphoneParty, AgentParty, waitForAudio } from "./lib/parties.mjs";

let kamailio, server, browser, phone, alice, carol;

before(async () => {
  kamailio = await new Kamailio({ auth: true }).start();
  server = await startHarnessServer();
  browser = await launchBrowser();
  phone = await SoftphoneParty.open(browser, server.origin, kamailio, "agent1");
  alice = await AgentParty.open(browser, server.origin, kamailio, "alice");
  carol = await AgentParty.open(browser, server.origin, kamailio, "carol", { autoAnswerMs: 50 });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await kamailio?.dispose();
});

async function answeredCallFromAlice() {
  const callId = await alice.run("call", "agent1");
  await phone.waitEvent({ type: "incoming", callId });
  await phone.call("answer", callId);
  await waitForAudio(alice);
  return callId;
}

async function hangUpEverything() {
  for (const party of [alice, carol]) {
    for (let i = 0; i < 50 && (await party.run("liveCount")) > 0; i++) {
      await party.run("hangup").catch(() => undefined);
      await sleep(20);
    }
    assert.equal(await party.run("liveCount"), 0, `${party.username} has no call left`);
  }
}

test("blind transfer: REFER to carol, the caller reaches carol, the agent's call ends as transferred", async () => {
  const callId = await answeredCallFromAlice();
  await phone.call("transfer", callId, "carol");
  const refer = await alice.waitLog({ type: "refer", callId });
  assert.match(refer.referTo, /^<?sip:carol@127\.0\.0\.1/);
  const invite = await carol.waitLog({ type: "invite", from: "alice" });
  assert.match(invite.referredBy, /agent1/);
  assert.equal(invite.replaces, null);
  await carol.waitLog({ type: "state:Established", callId: invite.callId });
  await waitForAudio(carol);
  await waitForAudio(alice);
  const ended = await phone.waitEvent({ type: "callEnded", callId });
  assert.equal(ended.reason, "transferred");
  assert.deepEqual(await phone.call("listCalls"), []);
  await hangUpEverything();
});

test("attended transfer: consult carol, then connect alice and carol with REFER/Replaces", async () => {
  const original = await answeredCallFromAlice();
  await phone.call("hold", original, true);
  const consult = await phone.call("dial", "carol");
  await phone.waitEvent({ type: "callUpdated", callId: consult, state: "connected" });
  await waitForAudio(carol);
  const t0 = await alice.page.evaluate(() => performance.now());
  const c0 = await carol.page.evaluate(() => performance.now());
  await phone.call("attendedTransfer", original, consult);
  const refer = await alice.waitLog({ type: "refer", callId: original, after: t0 });
  assert.match(refer.referTo, /Replaces=/);
  const invite = await carol.waitLog({ type: "invite", from: "alice", after: c0 });
  assert.ok(invite.replaces, "carol's INVITE from alice carries Replaces");
  assert.ok(invite.replaces.startsWith(consult), "Replaces names the consult dialog");
  await carol.waitLog({ type: "state:Established", callId: invite.callId });
  const endedOriginal = await phone.waitEvent({ type: "callEnded", callId: original });
  const endedConsult = await phone.waitEvent({ type: "callEnded", callId: consult });
  assert.equal(endedOriginal.reason, "transferred");
  assert.equal(endedConsult.reason, "transferred");
  await waitForAudio(carol);
  await waitForAudio(alice);
  const live = await carol.run("liveCount");
  assert.equal(live, 1, "carol is left with exactly the call from alice");
  await hangUpEverything();
});

test("a REFER from the far end is refused: the agent's phone never calls out on a caller's say-so", async () => {
  const callId = await answeredCallFromAlice();
  const toCarol = () =>
    kamailio.requests("INVITE", "agent1").filter((l) => l.includes("sip:carol@")).length;
  const before = toCarol();
  await alice.run("refer", "carol");
  const refused = await alice.waitLog({ type: "referRejected", callId });
  assert.equal(refused.statusCode, 603);
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(
    (await phone.call("listCalls")).map((c) => c.id),
    [callId],
    "no hidden call was placed"
  );
  assert.equal(toCarol(), before, "no INVITE from the agent to carol");
  await phone.call("hangup", callId);
  await phone.waitEvent({ type: "callEnded", callId });
  await hangUpEverything();
});
