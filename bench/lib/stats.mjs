/**
 * Summary statistics for bench figures. Percentiles use the nearest-rank method (the value at
 * rank ceil(p/100 × n) of the sorted runs), so every reported figure is one that was measured;
 * with 10 runs the p95 is therefore the maximum.
 */

/** Rounds to one decimal: timings are not meaningful below 0.1 ms. */
export function round1(value) {
  return Math.round(value * 10) / 10;
}

/** The nearest-rank percentile `p` (0 < p ≤ 100) of `values`. */
export function percentile(values, p) {
  if (!Array.isArray(values) || values.length === 0)
    throw new RangeError("percentile needs at least one value");
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

/** The median (mean of the two middle values for an even count). */
export function median(values) {
  if (!Array.isArray(values) || values.length === 0)
    throw new RangeError("median needs at least one value");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** { runs, median, p95, max, min } of finite numbers, rounded to 0.1. */
export function summarize(values) {
  const bad = values.find((v) => typeof v !== "number" || !Number.isFinite(v));
  if (bad !== undefined) throw new TypeError(`not a finite number: ${String(bad)}`);
  return {
    runs: values.length,
    median: round1(median(values)),
    p95: round1(percentile(values, 95)),
    max: round1(Math.max(...values)),
    min: round1(Math.min(...values))
  };
}
