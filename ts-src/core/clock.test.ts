import { systemClock } from "./clock";

describe("systemClock", () => {
  it("uses the real time and timers", () => {
    jest.useFakeTimers({ now: new Date("2026-01-15T15:00:00Z") });
    try {
      expect(systemClock.now()).toBe(Date.parse("2026-01-15T15:00:00Z"));
      const fired: string[] = [];
      systemClock.setTimeout(() => fired.push("a"), 100);
      const cancelled = systemClock.setTimeout(() => fired.push("b"), 100);
      systemClock.clearTimeout(cancelled);
      jest.advanceTimersByTime(100);
      expect(fired).toEqual(["a"]);
    } finally {
      jest.useRealTimers();
    }
  });
});
