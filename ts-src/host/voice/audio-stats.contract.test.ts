/**
 * Call quality and logout through the real, unmodified base over a MessagePort: the phone's
 * quality samples become UPDATE_AUDIO_STATS, the base's own validator checks them, and at the
 * end of the call the base answers UPDATE_AUDIO_STATS_COMPLETED with the MOS it computed.
 */
import { DemoPhone } from "../../phone/demo";
import type { CallQualitySample, PhoneEvent } from "../../phone/phone";
import { audioStatsFrom } from "./audio-stats";
import { openVoiceWorld, type VoiceWorld } from "./testing/world";

type Payload = Record<string, unknown>;
const CALLER = "+14155550123";

/** A demo phone that reports itself as SIP and emits quality samples like SipPhone's monitor. */
class MeasuredPhone extends DemoPhone {
  override readonly kind = "sip" as unknown as "demo";
  sample(callId: string, sample: CallQualitySample): void {
    const emit = (this as unknown as { emit(event: PhoneEvent): void }).emit.bind(this);
    const summary = { samples: 1, mosMin: sample.mos, mosAvg: sample.mos, last: sample };
    emit({ type: "callQuality", callId, sample, summary });
  }
}

const SAMPLE: CallQualitySample = {
  at: 1,
  mos: 4.3,
  rating: "good",
  packetLossPercent: 2,
  jitterMs: 10,
  roundTripMs: 40,
  bitrateKbps: { send: 40, receive: 40 },
  codec: "opus",
  streams: {
    inbound: { packets: 100, packetsLost: 2, jitterMs: 8, jitterBufferMs: 20 },
    outbound: { packets: 100, packetsLost: null, jitterMs: 10, jitterBufferMs: null }
  }
};

/** The base's simplified E-model for one direction (VOICE-HOST.md). */
function eModel(rtt: number, jitterBuffer: number, lost: number, packets: number): number {
  const latency = rtt + 2 * jitterBuffer + 10;
  let r = latency < 160 ? 93.2 - latency / 40 : 93.2 - (latency - 120) / 10;
  r -= (lost / packets) * 2.5;
  return 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
}

const worlds: VoiceWorld[] = [];
beforeEach(() => {
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  jest.spyOn(console, "info").mockImplementation(() => undefined);
});
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
  jest.restoreAllMocks();
});

function errors(w: VoiceWorld): unknown[] {
  return w.salesforce
    .events()
    .filter((e) => e.type === "ERROR")
    .map((e) => e.payload);
}

async function measuredWorld(): Promise<{ w: VoiceWorld; phone: MeasuredPhone }> {
  const phone = new MeasuredPhone({ answerDelayMs: 40, callerGiveUpMs: 5_000 });
  const w = openVoiceWorld({ createPhone: async () => phone });
  worlds.push(w);
  await w.setup();
  return { w, phone };
}

async function connectInbound(w: VoiceWorld): Promise<Payload> {
  w.salesforce.send("MESSAGE", { message: { simulate: "inbound", number: CALLER } });
  const call = (await w.salesforce.event("CALL_STARTED")) as Payload;
  w.salesforce.send("ACCEPT_CALL", { call });
  await w.salesforce.event("CALL_CONNECTED");
  return call;
}

describe("audio statistics (MOS)", () => {
  test("a sample becomes the base's AudioStats, one element with both directions", () => {
    const stats = audioStatsFrom("call-1", SAMPLE);
    expect(stats).toEqual({
      callId: "call-1",
      stats: [
        {
          inputChannelStats: {
            statsCount: 0,
            packetsCount: 100,
            packetsLost: 2,
            jitterBufferMillis: 20,
            roundTripTimeMillis: 40
          },
          outputChannelStats: {
            statsCount: 0,
            packetsCount: 100,
            packetsLost: 0,
            jitterBufferMillis: 10,
            roundTripTimeMillis: 40
          }
        }
      ]
    });
    expect(audioStatsFrom("call-1", { ...SAMPLE, streams: undefined })).toBeNull();
  });

  test("a phone that measures audio claims MOS; the demo phone does not", async () => {
    const { w } = await measuredWorld();
    const readyMessage = w.salesforce.received.find((m) => m.type === "CONNECTOR_READY");
    expect((readyMessage?.payload as Payload).capabilities).toMatchObject({ MOS: true });
    const demo = openVoiceWorld();
    worlds.push(demo);
    await demo.setup();
    const demoReady = demo.salesforce.received.find((m) => m.type === "CONNECTOR_READY");
    expect((demoReady?.payload as Payload).capabilities).toMatchObject({ MOS: false });
  });

  test("samples during a call: UPDATE_AUDIO_STATS_COMPLETED with the base's MOS after HANGUP", async () => {
    const { w, phone } = await measuredWorld();
    const call = await connectInbound(w);
    const callId = call.callId as string;
    phone.sample(callId, SAMPLE);
    phone.sample(callId, { ...SAMPLE, at: 2 });
    w.salesforce.send("END_CALL", { call });
    await w.salesforce.event("HANGUP");
    const completed = (await w.salesforce.event("UPDATE_AUDIO_STATS_COMPLETED")) as Payload;
    const expected = Math.min(eModel(40, 20, 2, 100), eModel(40, 10, 0, 100));
    expect(completed.callId).toBe(callId);
    expect(completed.mos).toBeCloseTo(expected, 6);
    expect(completed.mos as number).toBeGreaterThan(4);
    expect(errors(w)).toEqual([]);
  });

  test("a call without samples sends no audio statistics", async () => {
    const { w } = await measuredWorld();
    const call = await connectInbound(w);
    w.salesforce.send("END_CALL", { call });
    await w.salesforce.event("AFTER_CALL_WORK_STARTED");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(w.salesforce.eventTypes()).not.toContain("UPDATE_AUDIO_STATS_COMPLETED");
  });
});

describe("logout", () => {
  test("LOGOUT unregisters the phone: registration ends, the agent is offline", async () => {
    const { w, phone } = await measuredWorld();
    const unregister = jest.spyOn(phone, "unregister");
    w.salesforce.send("LOGOUT");
    expect(await w.salesforce.event("LOGOUT_RESULT")).toEqual({
      success: true,
      loginFrameHeight: 320
    });
    expect(unregister).toHaveBeenCalledTimes(1);
    await w.salesforce.until(
      () => w.store.getState().registration === "unregistered",
      "unregistered"
    );
    expect(w.store.getState().agent).toBe("offline");
    expect(errors(w)).toEqual([]);
  });

  test("LOGOUT during a call is refused and the call goes on", async () => {
    const { w, phone } = await measuredWorld();
    const unregister = jest.spyOn(phone, "unregister");
    await connectInbound(w);
    w.salesforce.send("LOGOUT");
    await w.salesforce.until(() => errors(w).length > 0, "an error");
    expect(w.salesforce.eventTypes()).not.toContain("LOGOUT_RESULT");
    expect(unregister).not.toHaveBeenCalled();
    expect(w.store.getState().call?.state).toBe("connected");
  });
});
