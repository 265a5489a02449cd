import { backoffDelay } from "./backoff";

describe("backoffDelay", () => {
  const opts = { baseMs: 1000, maxMs: 30_000 };

  it("doubles per attempt within [ceiling/2, ceiling]", () => {
    expect(backoffDelay(1, { ...opts, random: () => 0 })).toBe(500);
    expect(backoffDelay(1, { ...opts, random: () => 0.999999 })).toBe(1000);
    expect(backoffDelay(2, { ...opts, random: () => 0 })).toBe(1000);
    expect(backoffDelay(3, { ...opts, random: () => 0 })).toBe(2000);
    expect(backoffDelay(5, { ...opts, random: () => 0.5 })).toBe(12_000);
  });

  it("is capped at maxMs however many attempts failed", () => {
    for (const attempt of [6, 10, 64, 1e6]) {
      const d = backoffDelay(attempt, { ...opts, random: () => 0.999999 });
      expect(d).toBeLessThanOrEqual(30_000);
      expect(d).toBeGreaterThanOrEqual(15_000);
    }
  });

  it("treats nonsense attempts as the first", () => {
    expect(backoffDelay(0, { ...opts, random: () => 0 })).toBe(500);
    expect(backoffDelay(-3, { ...opts, random: () => 0 })).toBe(500);
  });

  it("spreads reconnects (jitter) instead of a thundering herd", () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(4, { ...opts, random })));
    expect(delays.size).toBeGreaterThan(10);
  });
});
