import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readStats, sampleBetween } from "./call-stats";

/** getStats() reports recorded from a real call in Chromium (e2e/sip/record-stats.mjs). */
interface Recording {
  clean: Array<Array<Record<string, unknown>>>;
  lossy: Array<Array<Record<string, unknown>>>;
}
const recording = JSON.parse(
  readFileSync(join(__dirname, "fixtures", "chromium-stats.json"), "utf8")
) as Recording;

type Stat = Record<string, unknown> & { type: string; id: string };
const report = (stats: Array<Record<string, unknown>>) =>
  new Map(stats.map((s) => [s.id as string, s as Stat]));
const reading = (stats: Array<Record<string, unknown>>) => readStats(report(stats));

describe("readStats on recorded Chromium reports", () => {
  it("reads counters, codec and the ICE round trip", () => {
    const r = reading(recording.clean[1]);
    expect(r.codec).toBe("opus");
    expect(r.packetsReceived).toBeGreaterThan(100);
    expect(r.bytesSent).toBeGreaterThan(0);
    expect(r.roundTripTime).toBeGreaterThanOrEqual(0);
    expect(r.roundTripTime).toBeLessThan(0.05);
    expect(r.at).toBeGreaterThan(0);
  });
});

describe("sampleBetween", () => {
  it("rates the clean loopback call good, with bit rates", () => {
    const sample = sampleBetween(reading(recording.clean[0]), reading(recording.clean[1]), 1_000);
    expect(sample.packetLossPercent).toBeLessThan(1);
    expect(sample.rating).toBe("good");
    expect(sample.reason).toBeUndefined();
    expect(sample.codec).toBe("opus");
    expect(sample.bitrateKbps.receive).toBeGreaterThan(10);
    expect(sample.bitrateKbps.send).toBeGreaterThan(10);
    expect(sample.at).toBe(1_000);
    // Raw per-direction figures for hosts such as Salesforce Voice (UPDATE_AUDIO_STATS).
    const { inbound, outbound } = sample.streams!;
    expect(inbound.packets).toBeGreaterThan(50);
    expect(inbound.packetsLost).toBe(0);
    expect(inbound.jitterBufferMs).toBeGreaterThan(0);
    expect(outbound.packets).toBeGreaterThan(50);
    expect(outbound.packetsLost).not.toBeNull();
  });

  it("shows the loss of the impaired interval, a lower MOS and why", () => {
    const clean = sampleBetween(reading(recording.clean[0]), reading(recording.clean[1]), 0);
    const lossy = sampleBetween(reading(recording.lossy[0]), reading(recording.lossy[1]), 0);
    expect(lossy.packetLossPercent).toBeGreaterThan(3);
    expect(lossy.mos).toBeLessThan(clean.mos);
    expect(lossy.rating).not.toBe("good");
    expect(lossy.reason).toMatch(/^network: packet loss \d+(\.\d)? %/);
  });

  const base = {
    at: 10_000,
    packetsReceived: 500,
    packetsLost: 0,
    bytesReceived: 40_000,
    bytesSent: 40_000,
    jitter: 0.002,
    packetsSent: 500,
    jitterBufferDelay: 24_000,
    jitterBufferEmitted: 480_000,
    roundTripTime: 0.02,
    codec: "opus"
  };

  it("reports an interval without any audio as silence, not as a good call", () => {
    const sample = sampleBetween(base, { ...base, at: 12_000, bytesSent: 50_000 }, 5);
    expect(sample).toMatchObject({
      mos: 1,
      rating: "poor",
      packetLossPercent: 100,
      reason: "network: no audio from the other side",
      roundTripMs: 20,
      bitrateKbps: { send: 40, receive: 0 }
    });
  });

  it("takes the worse direction: the far end's reported loss and jitter", () => {
    const next = {
      ...base,
      at: 12_000,
      packetsReceived: 600,
      bytesReceived: 50_000,
      remoteFractionLost: 0.08,
      remoteJitter: 0.04
    };
    const sample = sampleBetween(base, next, 0);
    expect(sample.packetLossPercent).toBe(8);
    expect(sample.jitterMs).toBe(40);
    expect(sample.reason).toBe("network: packet loss 8 %, jitter 40 ms");
  });

  it("counts inbound loss over the interval only", () => {
    const next = {
      ...base,
      at: 12_000,
      packetsReceived: 594,
      packetsLost: 6,
      packetsSent: 600,
      jitterBufferDelay: 28_800,
      jitterBufferEmitted: 576_000
    };
    const sample = sampleBetween(base, next, 0);
    expect(sample.packetLossPercent).toBe(6);
    expect(sample.streams).toEqual({
      inbound: { packets: 94, packetsLost: 6, jitterMs: 2, jitterBufferMs: 50 },
      outbound: { packets: 100, packetsLost: null, jitterMs: null, jitterBufferMs: null }
    });
  });
});
