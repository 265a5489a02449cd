import {
  QualityTracker,
  describeQuality,
  estimateMos,
  mosFromR,
  qualityReason,
  qualitySample,
  rFactor,
  ratingOf
} from "./quality";

const figures = (roundTripMs: number, jitterMs: number, packetLossPercent: number) => ({
  roundTripMs,
  jitterMs,
  packetLossPercent
});

describe("E-model MOS (simplified G.107)", () => {
  // Expected values worked out by hand from the formula in the issue:
  // latency = RTT + 2·jitter + 10; R = 93.2 − latency/40 (latency < 160) or
  // 93.2 − (latency − 120)/10; R −= 2.5·loss%; MOS = 1 + 0.035R + 7e-6·R(R−60)(100−R).
  it.each([
    [0, 0, 0, 92.95, 4.4],
    [100, 20, 0, 89.45, 4.33],
    [200, 30, 0, 78.2, 3.95],
    [50, 10, 6, 76.2, 3.87],
    [0, 0, 10, 67.95, 3.5]
  ])("RTT %d ms, jitter %d ms, loss %d %% → R %d, MOS %d", (rtt, jitter, loss, r, mos) => {
    expect(rFactor(figures(rtt, jitter, loss))).toBeCloseTo(r, 6);
    expect(estimateMos(figures(rtt, jitter, loss))).toBe(mos);
  });

  it("is continuous where the latency term changes slope (160 ms)", () => {
    expect(rFactor(figures(150, 0, 0))).toBeCloseTo(93.2 - 160 / 40, 6);
    expect(rFactor(figures(149.999, 0, 0))).toBeCloseTo(89.2, 3);
  });

  it("clamps MOS to 1.0–4.5", () => {
    expect(mosFromR(-20)).toBe(1);
    expect(mosFromR(0)).toBe(1);
    expect(mosFromR(100)).toBe(4.5);
    expect(mosFromR(120)).toBe(4.5);
    expect(mosFromR(Number.NaN)).toBe(1);
    expect(mosFromR(60)).toBeCloseTo(3.1, 10);
    expect(estimateMos(figures(0, 0, 40))).toBe(1);
  });

  it("rates with the usual bands", () => {
    expect(ratingOf(4.4)).toBe("good");
    expect(ratingOf(4)).toBe("good");
    expect(ratingOf(3.99)).toBe("fair");
    expect(ratingOf(3.6)).toBe("fair");
    expect(ratingOf(3.59)).toBe("poor");
  });
});

describe("plain-language reason", () => {
  it("names what hurts, biggest first, only below good", () => {
    expect(qualityReason(figures(20, 2, 0), "good")).toBeUndefined();
    expect(qualityReason(figures(20, 2, 6), "fair")).toBe("network: packet loss 6 %");
    expect(qualityReason(figures(20, 2, 2.34), "fair")).toBe("network: packet loss 2.3 %");
    expect(qualityReason(figures(450, 45, 1.5), "poor")).toBe(
      "network: delay 450 ms, packet loss 1.5 %, jitter 45 ms"
    );
    expect(qualityReason(figures(10, 0, 0), "poor")).toBe("network: poor audio quality");
  });

  it("builds a sample with rounded figures and the reason", () => {
    const sample = qualitySample({
      ...figures(48.4, 3.26, 6.04),
      at: 1000,
      roundTripKnown: true,
      bitrateKbps: { send: 40.04, receive: 38.96 },
      codec: "opus"
    });
    expect(sample).toEqual({
      at: 1000,
      mos: 3.88,
      rating: "fair",
      packetLossPercent: 6,
      jitterMs: 3.3,
      roundTripMs: 48,
      bitrateKbps: { send: 40, receive: 39 },
      codec: "opus",
      reason: "network: packet loss 6 %"
    });
    expect(
      qualitySample({
        ...figures(0, 0, 0),
        at: 1,
        roundTripKnown: false,
        bitrateKbps: { send: 0, receive: 0 },
        codec: null
      }).roundTripMs
    ).toBeNull();
  });
});

describe("QualityTracker", () => {
  it("keeps min, average and the most frequent reason", () => {
    const tracker = new QualityTracker();
    expect(tracker.summary()).toBeUndefined();
    const make = (loss: number, at: number) =>
      qualitySample({
        ...figures(20, 2, loss),
        at,
        roundTripKnown: true,
        bitrateKbps: { send: 40, receive: 40 },
        codec: "opus"
      });
    tracker.add(make(0, 1));
    tracker.add(make(6, 2));
    const summary = tracker.add(make(6, 3));
    expect(summary.samples).toBe(3);
    expect(summary.mosMin).toBe(make(6, 0).mos);
    expect(summary.mosAvg).toBeCloseTo((make(0, 0).mos + 2 * make(6, 0).mos) / 3, 2);
    expect(summary.worstReason).toBe("network: packet loss 6 %");
    expect(summary.last.at).toBe(3);
    expect(describeQuality(summary)).toBe(
      `MOS min ${summary.mosMin.toFixed(1)} / avg ${summary.mosAvg.toFixed(1)} over 3 samples (network: packet loss 6 %)`
    );
  });
});
