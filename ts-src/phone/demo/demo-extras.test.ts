/** The DemoPhone's simulated connection loss, quality, devices and ringer. */
import type { PhoneEvent, PhoneRinger } from "../phone";
import { DEVICE_PREFERENCES_KEY } from "../devices";
import { DemoPhone, type DemoPhoneOptions } from "./demo-phone";

class ManualScheduler {
  now = 0;
  private timers: Array<{ id: number; at: number; run: () => void }> = [];
  private next = 1;
  setTimeout(run: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.push({ id, at: this.now + ms, run });
    return id;
  }
  clearTimeout(id: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== id);
  }
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.now = due.at;
      due.run();
    }
    this.now = end;
  }
}

async function connected(options: DemoPhoneOptions = {}) {
  const scheduler = new ManualScheduler();
  let n = 0;
  const phone = new DemoPhone({
    scheduler,
    newId: () => `call-${++n}`,
    now: () => 1_000_000 + scheduler.now,
    ...options
  });
  const events: PhoneEvent[] = [];
  phone.on((e) => events.push(e));
  await phone.register();
  const id = await phone.simulateIncoming("+14155550123");
  await phone.answer(id);
  return { phone, scheduler, events, id };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("DemoPhone simulated connection loss", () => {
  it("keeps the call as reconnecting, and recovers it on reconnect", async () => {
    const { phone, scheduler, events, id } = await connected({ reconnectGraceSeconds: 10 });
    phone.simulateConnectionLoss();
    const lost = events.filter((e) => e.type === "callUpdated").pop();
    expect(lost).toMatchObject({
      call: {
        id,
        state: "connected",
        connection: {
          state: "reconnecting",
          lost: "signalling",
          since: 1_000_000,
          graceEndsAt: 1_010_000
        }
      }
    });
    expect(events).toContainEqual(
      expect.objectContaining({ type: "registration", state: "registering" })
    );
    await expect(phone.hold(id, true)).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(phone.dial("201")).rejects.toMatchObject({ code: "UNREACHABLE" });
    scheduler.advance(9_000);
    phone.simulateReconnect();
    const back = events.filter((e) => e.type === "callUpdated").pop();
    expect(back).toMatchObject({ call: { id, state: "connected" } });
    expect(back?.type === "callUpdated" && back.call.connection).toBeUndefined();
    scheduler.advance(60_000);
    expect(events.filter((e) => e.type === "callEnded")).toEqual([]);
    await phone.hold(id, true);
  });

  it("ends the call once when the grace period runs out, saying why", async () => {
    const { phone, scheduler, events, id } = await connected({ reconnectGraceSeconds: 5 });
    phone.simulateConnectionLoss();
    scheduler.advance(4_999);
    expect(events.filter((e) => e.type === "callEnded")).toEqual([]);
    scheduler.advance(1);
    const ended = events.filter((e) => e.type === "callEnded");
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({
      call: { id },
      reason: "failed",
      cause: "connectionLost",
      error: { code: "UNREACHABLE" }
    });
    expect(ended[0].type === "callEnded" && ended[0].error?.message).toMatch(/within 5 s/);
    phone.simulateReconnect();
    expect(phone.listCalls()).toEqual([]);
  });

  it("ends calls that were not connected yet at once", async () => {
    const scheduler = new ManualScheduler();
    const phone = new DemoPhone({ scheduler, newId: () => "ring-1" });
    const events: PhoneEvent[] = [];
    phone.on((e) => events.push(e));
    await phone.register();
    await phone.simulateIncoming("201");
    phone.simulateConnectionLoss();
    expect(events.pop()).toMatchObject({
      type: "callEnded",
      reason: "failed",
      cause: "connectionLost"
    });
  });
});

describe("DemoPhone simulated quality", () => {
  it("emits samples and a summary, and puts the summary on callEnded", async () => {
    const { phone, events, id } = await connected();
    phone.simulateQuality(id, { roundTripMs: 40, jitterMs: 2, packetLossPercent: 0 });
    phone.simulateQuality(id, { roundTripMs: 40, jitterMs: 5, packetLossPercent: 6 });
    const samples = events.filter((e) => e.type === "callQuality");
    expect(samples).toHaveLength(2);
    expect(samples[1]).toMatchObject({
      callId: id,
      sample: { rating: "fair", reason: "network: packet loss 6 %" },
      summary: { samples: 2 }
    });
    expect(phone.callQuality(id)?.mosMin).toBeLessThan(4);
    await phone.hangup(id);
    const ended = events.pop();
    expect(ended).toMatchObject({
      type: "callEnded",
      quality: { samples: 2, worstReason: "network: packet loss 6 %" }
    });
  });
});

describe("DemoPhone simulated devices", () => {
  it("lists, selects, remembers and falls back when a device is unplugged", async () => {
    const stored = new Map<string, string>();
    const storage = {
      get: (k: string) => stored.get(k) ?? null,
      set: (k: string, v: string) => void stored.set(k, v)
    };
    const { phone, events } = await connected({ storage });
    const devices = await phone.listDevices();
    expect(devices.inputs.map((d) => d.label)).toEqual([
      "Default microphone",
      "Demo headset microphone"
    ]);
    expect(devices.canSelectOutput).toBe(true);
    await phone.selectDevice("input", "demo-headset-mic");
    await phone.selectDevice("ringer", "demo-desk-speaker");
    await expect(phone.selectDevice("output", "nope")).rejects.toMatchObject({
      code: "INVALID_STATE"
    });
    expect(JSON.parse(stored.get(DEVICE_PREFERENCES_KEY) ?? "{}")).toMatchObject({
      input: "demo-headset-mic",
      ringer: "demo-desk-speaker"
    });

    phone.simulatedDevices?.unplug("demo-headset-mic");
    await flush();
    const fallback = events.filter((e) => e.type === "devices").pop();
    expect(fallback).toMatchObject({
      devices: { selected: { input: null, ringer: "demo-desk-speaker" } },
      fallback: {
        role: "input",
        lostLabel: "Demo headset microphone",
        message: "Demo headset microphone was disconnected; using the default microphone."
      }
    });

    phone.simulatedDevices?.plugIn({
      deviceId: "demo-headset-mic",
      kind: "audioinput",
      label: "Demo headset microphone"
    });
    await flush();
    expect((await phone.listDevices()).selected.input).toBe("demo-headset-mic");

    await phone.setAudioProcessing({ noiseSuppression: false });
    expect((await phone.listDevices()).processing).toEqual({
      echoCancellation: true,
      noiseSuppression: false,
      autoGainControl: true
    });
    const again = new DemoPhone({ storage });
    expect((await again.listDevices()).selected).toEqual({
      input: "demo-headset-mic",
      output: null,
      ringer: "demo-desk-speaker"
    });
  });
});

describe("DemoPhone ringer", () => {
  it("rings on the chosen output, reports how, and stops on answer", async () => {
    const started: unknown[] = [];
    const stopped: string[] = [];
    const ringer: PhoneRinger = {
      start: async (request) => {
        started.push(request);
        return { outcome: "notification", detail: "autoplay blocked" };
      },
      stop: (callId) => void stopped.push(callId)
    };
    const scheduler = new ManualScheduler();
    const phone = new DemoPhone({ scheduler, ringer, newId: () => "call-r" });
    const events: PhoneEvent[] = [];
    phone.on((e) => events.push(e));
    await phone.register();
    await phone.selectDevice("ringer", "demo-headset");
    const id = await phone.simulateIncoming("201", "Ada");
    await flush();
    expect(started).toEqual([
      { callId: id, caller: "Ada", waiting: false, sinkId: "demo-headset" }
    ]);
    expect(events.pop()).toEqual({
      type: "ringer",
      callId: id,
      outcome: "notification",
      detail: "autoplay blocked"
    });
    await phone.answer(id);
    expect(stopped).toEqual([id]);
    await phone.hangup(id);
    expect(stopped).toEqual([id]);
  });
});
