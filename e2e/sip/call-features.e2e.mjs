/**
 * Call features of the SipPhone through Kamailio, with audio measured at the far ends
 * (inbound-rtp totalAudioEnergy): a consult transfer that completes with audio between the
 * caller and the target; a conference mixed in the browser where each remote party hears the
 * other (the agent muted, so what they hear can only be the other party); a voicemail drop
 * whose audio reaches the remote party while the agent's microphone is muted.
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

/** Audio energy a party received over `ms` on its newest call. */
async function energyOver(party, ms = 1500) {
  const at = async () => (await party.stats()).at(-1)?.totalAudioEnergy ?? 0;
  const first = await at();
  await sleep(ms);
  return (await at()) - first;
}

async function answeredCallFromAlice() {
  const callId = await alice.run("call", "agent1");
  await phone.waitEvent({ type: "incoming", callId });
  await phone.call("answer", callId);
  await waitForAudio(alice);
  return callId;
}

async function consultCarol(customer) {
  await phone.call("hold", customer, true);
  const consult = await phone.call("dial", "carol");
  await phone.waitEvent({ type: "callUpdated", callId: consult, state: "connected" });
  await waitForAudio(carol);
  return consult;
}

async function hangUpEverything() {
  for (const call of await phone.call("listCalls"))
    await phone.call("hangup", call.id).catch(() => undefined);
  for (const party of [alice, carol]) {
    for (let i = 0; i < 50 && (await party.run("liveCount")) > 0; i++) {
      await party.run("hangup").catch(() => undefined);
      await sleep(20);
    }
    assert.equal(await party.run("liveCount"), 0, `${party.username} has no call left`);
  }
}

/** A 16-bit mono WAV of a tone, as a data: URL (fetch reads it like a static resource). */
function toneWav(seconds = 2.5, hz = 440, rate = 16000) {
  const samples = Math.round(seconds * rate);
  const buffer = Buffer.alloc(44 + samples * 2);
  buffer.write("RIFF", 0);
  buffer.writeUInt32LE(36 + samples * 2, 4);
  buffer.write("WAVEfmt ", 8);
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(rate, 24);
  buffer.writeUInt32LE(rate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write("data", 36);
  buffer.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++)
    buffer.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / rate) * 16000), 44 + i * 2);
  return `data:audio/wav;base64,${buffer.toString("base64")}`;
}

test("consult transfer: swap between the two, then complete; caller and target hear each other", async () => {
  const customer = await answeredCallFromAlice();
  const consult = await consultCarol(customer);
  await phone.call("hold", consult, true);
  await phone.call("hold", customer, false);
  await phone.call("hold", customer, true);
  await phone.call("hold", consult, false);
  await phone.call("attendedTransfer", customer, consult);
  assert.equal(
    (await phone.waitEvent({ type: "callEnded", callId: customer })).reason,
    "transferred"
  );
  await phone.waitEvent({ type: "callEnded", callId: consult });
  assert.deepEqual(await phone.call("listCalls"), []);
  // The agent is gone: what each hears now comes from the other.
  await sleep(500);
  assert.ok((await energyOver(alice)) > 0, "alice hears carol");
  assert.ok((await energyOver(carol)) > 0, "carol hears alice");
  await hangUpEverything();
});

test("conference mixed in the browser: with the agent muted, each remote party hears the other", async () => {
  const customer = await answeredCallFromAlice();
  const consult = await consultCarol(customer);
  await phone.call("conference", [customer, consult]);
  await phone.waitEvent({ type: "callUpdated", callId: customer, state: "connected" });
  await phone.call("mute", customer, true);
  await sleep(500);
  const aliceHears = await energyOver(alice);
  const carolHears = await energyOver(carol);
  assert.ok(aliceHears > 0, `alice hears carol through the mix (${aliceHears})`);
  assert.ok(carolHears > 0, `carol hears alice through the mix (${carolHears})`);
  // Carol leaves: alice stays, gets the (muted) microphone back and hears nothing more.
  await carol.run("hangup");
  await phone.waitEvent({ type: "callEnded", callId: consult });
  await sleep(500);
  const after = await energyOver(alice);
  assert.ok(after < aliceHears / 10, `alice hears only the muted agent now (${after})`);
  assert.deepEqual(
    (await phone.call("listCalls")).map((c) => c.id),
    [customer]
  );
  await phone.call("mute", customer, false);
  await sleep(500);
  assert.ok((await energyOver(alice)) > 0, "alice hears the agent again");
  await hangUpEverything();
});

test("voicemail drop: the message reaches the remote party in place of the (muted) microphone", async () => {
  const callId = await answeredCallFromAlice();
  await phone.call("mute", callId, true);
  await sleep(500);
  const silent = await energyOver(alice, 1000);
  const playing = phone.call("playMessage", callId, toneWav());
  await sleep(300);
  const message = await energyOver(alice, 1500);
  assert.ok(message > 0, `alice hears the message (${message})`);
  assert.ok(silent < message / 10, `before it, the muted agent was silent (${silent})`);
  await playing;
  await sleep(500);
  const afterwards = await energyOver(alice, 1000);
  assert.ok(afterwards < message / 10, `the muted microphone is back (${afterwards})`);
  await hangUpEverything();
});
