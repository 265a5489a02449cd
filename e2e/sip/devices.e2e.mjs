/**
 * The agent's audio devices during a real SIP call, with Chromium's fake devices (three
 * microphones, three outputs): switching the microphone mid-call changes what the far end
 * hears without renegotiation, outputs are chosen with setSinkId, an unplugged device falls
 * back to the default with a notice, and the choices are remembered per browser. The harness's
 * devices-sim.ts gives one fake microphone a 440 Hz tone and simulates unplugging.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Kamailio } from "./lib/kamailio.mjs";
import { launchBrowser, pollPage, sleep } from "./lib/browser.mjs";
import { startHarnessServer } from "./lib/harness-server.mjs";
import { SoftphoneParty, AgentParty, waitForAudio } from "./lib/parties.mjs";

let server, browser, pbx;

before(async () => {
  server = await startHarnessServer();
  browser = await launchBrowser();
  pbx = await new Kamailio({ auth: true }).start();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await pbx?.dispose();
});

/** Audio energy the far end receives per second, over `ms`. */
async function energyRate(caller, ms = 2000) {
  const a = (await caller.stats()).at(-1);
  await sleep(ms);
  const b = (await caller.stats()).at(-1);
  return ((b.totalAudioEnergy - a.totalAudioEnergy) * 1000) / ms;
}

const sender = (phone) => phone.page.evaluate(() => window.harness.senderInfo());
const audioElements = (phone) => phone.page.evaluate(() => window.harness.audioElements());

test("devices: switch microphone mid-call, choose outputs, fall back when unplugged, remember", async () => {
  const phone = await SoftphoneParty.open(browser, server.origin, pbx, "dev1", {
    simulatedDevices: true
  });
  const caller = await AgentParty.open(browser, server.origin, pbx, "caller51");
  const callId = await caller.run("call", "dev1");
  await phone.waitEvent({ type: "incoming", callId });
  await phone.call("answer", callId);
  await waitForAudio(phone);
  await waitForAudio(caller);

  const devices = await phone.call("listDevices");
  assert.equal(devices.canSelectOutput, true, "Chromium has setSinkId");
  const mic2 = devices.inputs.find((d) => d.label === "Fake Audio Input 2");
  const out1 = devices.outputs.find((d) => d.label === "Fake Audio Output 1");
  const out2 = devices.outputs.find((d) => d.label === "Fake Audio Output 2");
  assert.ok(mic2 && out1 && out2, `fake devices listed: ${JSON.stringify(devices)}`);
  assert.deepEqual(devices.selected, { input: null, output: null, ringer: null });
  assert.deepEqual(devices.processing, {
    echoCancellation: true,
    noiseSuppression: true,
    autoGainControl: true
  });

  // Audio processing off, so that automatic gain and noise suppression do not level the two.
  await phone.call("setAudioProcessing", {
    echoCancellation: false,
    noiseSuppression: false,
    autoGainControl: false
  });
  assert.equal((await sender(phone)).echoCancellation, false, "reopened without processing");

  // Microphone: the far end hears the other device (a quiet steady tone instead of loud beeps).
  await phone.page.evaluate((id) => window.harness.devices.toneFor(id), mic2.id);
  const beepRate = await energyRate(caller);
  const first = await sender(phone);
  const t0 = await phone.now();
  await phone.call("selectDevice", "input", mic2.id);
  const switched = await sender(phone);
  assert.notEqual(switched.id, first.id, "a new track is sent");
  assert.match(switched.label, /Fake Audio Input 2/);
  await sleep(500);
  const toneRate = await energyRate(caller);
  const rates = `energy/s ${beepRate.toFixed(4)} → ${toneRate.toFixed(5)}`;
  // The quiet tone (amplitude 0.05: about 0.0025 energy/s) instead of the loud beeps.
  assert.ok(toneRate < beepRate / 5, `the far end no longer hears the beeps (${rates})`);
  assert.ok(toneRate > 0.0005, `the far end hears the tone, not silence (${rates})`);
  assert.equal(
    (await caller.log()).filter((e) => e.type === "reinvite").length,
    0,
    "no renegotiation: the track was replaced"
  );
  const event = await phone.waitEvent({ type: "devices", after: t0 });
  assert.equal(event.devices.selected.input, mic2.id);

  // Outputs: the call audio and the ringer on chosen devices.
  await phone.call("selectDevice", "output", out1.id);
  await phone.call("selectDevice", "ringer", out2.id);
  const remote = (await audioElements(phone)).filter((a) => a.role === "remote");
  assert.deepEqual(
    remote.map((a) => a.sinkId),
    [out1.id],
    "the call plays on the chosen output"
  );
  assert.equal((await phone.call("listDevices")).selected.ringer, out2.id);
  const bad = await phone.invoke("selectDevice", "output", "no-such-device");
  assert.equal(bad.ok, false);
  assert.equal(bad.code, "INVALID_STATE");

  // Unplug the microphone in use: back to the default, with a notice; audio keeps flowing.
  const t1 = await phone.now();
  await phone.page.evaluate((id) => window.harness.devices.unplug(id), mic2.id);
  const fallback = await phone.waitEvent({ type: "devices", after: t1 });
  assert.equal(fallback.fallback?.role, "input");
  assert.equal(
    fallback.fallback?.message,
    "Fake Audio Input 2 was disconnected; using the default microphone."
  );
  assert.equal(fallback.devices.selected.input, null);
  await pollPage(
    phone.page,
    () => !/Fake Audio Input 2/.test(window.harness.senderInfo()?.label ?? ""),
    null,
    { what: "the default microphone in use" }
  );
  const afterFallback = await energyRate(caller);
  assert.ok(afterFallback > 0, "the far end still hears the agent");
  assert.ok(afterFallback > toneRate * 5, "and it is the default microphone again (beeps)");

  // Unplug the chosen output: the call audio moves to the default output.
  const t2 = await phone.now();
  await phone.page.evaluate((id) => window.harness.devices.unplug(id), out1.id);
  const outFallback = await phone.waitEvent({ type: "devices", after: t2 });
  assert.equal(outFallback.fallback?.role, "output");
  assert.match(outFallback.fallback.message, /Fake Audio Output 1 was disconnected/);
  await pollPage(
    phone.page,
    () =>
      window.harness
        .audioElements()
        .filter((a) => a.role === "remote")
        .every((a) => a.sinkId === ""),
    null,
    { what: "call audio back on the default output" }
  );

  // Plugged in again: the remembered microphone comes back by itself.
  await phone.page.evaluate((id) => window.harness.devices.plugIn(id), mic2.id);
  await pollPage(
    phone.page,
    () => /Fake Audio Input 2/.test(window.harness.senderInfo()?.label ?? ""),
    null,
    { what: "the remembered microphone back in use" }
  );

  await phone.call("hangup", callId);
  await caller.waitLog({ type: "bye", callId });

  // Remembered per browser: another phone in the same browser profile starts with the choices.
  const again = await phone.context.newPage();
  await again.goto(`${server.origin}/`);
  await again.waitForFunction(() => document.getElementById("role")?.textContent === "ready");
  const remembered = await again.evaluate(async (o) => {
    window.harness.createPhone(o);
    const r = await window.harness.invoke("listDevices");
    return r.value.selected;
  }, phone.options);
  assert.equal(remembered.ringer, out2.id);
  assert.equal(remembered.input, mic2.id);
  await caller.close();
  await phone.close();
});
