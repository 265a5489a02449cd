import { describeQuality } from "../after-call/call-log";
import type { CallQualityView } from "../model";
import { isSoftphoneState } from "../tabs/protocol";
import { settle } from "../testing/fake-clock";
import { boot } from "../testing/harness";
import { host } from "../testing/softphone-fixtures";
import { devicesInUse } from "./call-health";

async function connectedCall(settings: Record<string, string> = {}) {
  const t = await boot(host({ "/sipSettings/reconnectGraceSeconds": "10", ...settings }), {
    demo: { reconnectGraceSeconds: 10 }
  });
  await t.store.actions.simulateIncomingCall("+14155550100");
  await t.store.actions.answer();
  await settle();
  return t;
}

describe("call health", () => {
  it("shows a lost connection as reconnecting on the call, and clears it when it comes back", async () => {
    const t = await connectedCall();
    await t.store.actions.simulateNetwork("connectionLoss");
    const call = t.store.getState().call;
    expect(call?.state).toBe("connected");
    expect(call?.connection).toMatchObject({ state: "reconnecting", lost: "signalling" });
    expect(call?.connection?.graceEndsAt).toBeGreaterThan(Date.now() - 1000);
    await t.store.actions.simulateNetwork("reconnect");
    expect(t.store.getState().call?.state).toBe("connected");
    expect(t.store.getState().call?.connection).toBeUndefined();
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await settle();
    expect(t.host.savedLogs).toHaveLength(1);
    expect(t.host.savedLogs[0].fields.CallDisposition).toBe("Connected");
  });

  it("logs a call whose grace period ran out once, with a disposition that says why", async () => {
    const t = await connectedCall({ "/softphoneSettings/wrapUpSeconds": "0" });
    await t.store.actions.simulateNetwork("connectionLoss");
    await t.clock.advance(9_999);
    expect(t.store.getState().call?.state).toBe("connected");
    await t.clock.advance(1);
    await settle();
    expect(t.store.getState().call).toBeNull();
    expect(t.host.savedLogs).toHaveLength(1);
    expect(t.host.savedLogs[0].fields.CallDisposition).toBe("Dropped: connection lost");
  });

  it("keeps the latest MOS and the call's min/avg, and writes them in the Task footer", async () => {
    const t = await connectedCall();
    await t.store.actions.simulateNetwork("qualityGood");
    const good = t.store.getState().call?.quality;
    expect(good?.rating).toBe("good");
    expect(good?.reason).toBeUndefined();
    await t.store.actions.simulateNetwork("qualityDip");
    const dip = t.store.getState().call?.quality as CallQualityView;
    expect(dip.rating).not.toBe("good");
    expect(dip.reason).toMatch(/^network: packet loss 6 %/);
    expect(dip.samples).toBe(2);
    expect(dip.mosMin).toBe(dip.mos);
    expect(dip.mosAvg).toBeGreaterThan(dip.mosMin);
    expect(dip.maxPacketLossPercent).toBe(6);
    expect(dip.maxJitterMs).toBe(35);
    expect(dip.maxRoundTripMs).toBe(180);
    t.store.actions.setNotes("Asked about an invoice");
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await settle();
    const description = String(t.host.savedLogs[0].fields.Description);
    expect(description).toBe(`Asked about an invoice\n${describeQuality(dip)}`);
    expect(description).toContain(
      `MOS min ${dip.mosMin.toFixed(1)} / avg ${dip.mosAvg.toFixed(1)}`
    );
    expect(t.store.getState().lastCallQuality).toEqual(dip);
  });

  it("writes no footer for a call that was never measured", async () => {
    const t = await connectedCall();
    t.store.actions.setNotes("Short call");
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await settle();
    expect(t.host.savedLogs[0].fields.Description).toBe("Short call");
  });

  it("lists devices, switches them, and tells the agent when a chosen one is unplugged", async () => {
    const t = await connectedCall();
    await settle();
    expect(t.store.getState().devices?.inputs.map((d) => d.id)).toContain("demo-headset-mic");
    await t.store.actions.selectDevice("output", "demo-headset");
    await t.store.actions.selectDevice("ringer", "demo-desk-speaker");
    await t.store.actions.setAudioProcessing({ noiseSuppression: false });
    const state = t.store.getState();
    expect(state.devices?.selected).toMatchObject({
      output: "demo-headset",
      ringer: "demo-desk-speaker"
    });
    expect(state.devices?.processing.noiseSuppression).toBe(false);
    expect(devicesInUse(state)).toEqual({
      input: "System default",
      output: "Demo headset",
      ringer: "Demo desk speaker"
    });
    expect(isSoftphoneState(state)).toBe(true);
    t.phone.simulatedDevices?.unplug("demo-headset");
    await settle();
    expect(t.store.getState().notice).toBe(
      "Demo headset was disconnected; using the default speaker."
    );
    expect(t.store.getState().devices?.selected.output).toBeNull();
  });

  it("turns an unknown device into a notice, never a rejection", async () => {
    const t = await connectedCall();
    await expect(t.store.actions.selectDevice("output", "no-such-device")).resolves.toBeUndefined();
    expect(t.store.getState().notice).toMatch(/^Could not switch the device: /);
  });
});

describe("describeQuality", () => {
  it("words min/avg MOS, loss, jitter, round trip and the reason", () => {
    expect(
      describeQuality({
        mos: 3.2,
        rating: "poor",
        mosMin: 3.21,
        mosAvg: 4.05,
        samples: 12,
        maxPacketLossPercent: 6,
        maxJitterMs: 35.4,
        maxRoundTripMs: null,
        worstReason: "network: packet loss 6 %"
      })
    ).toBe(
      "Call quality: MOS min 3.2 / avg 4.0 over 12 samples; packet loss up to 6 %, jitter up to 35 ms, round trip not measured (network: packet loss 6 %)"
    );
  });
});
