import { test } from "node:test";
import assert from "node:assert/strict";
import { median, percentile, round1, summarize } from "./lib/stats.mjs";

test("nearest-rank percentiles are measured values", () => {
  const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted order
  assert.equal(percentile(values, 95), 95);
  assert.equal(percentile(values, 100), 100);
  assert.equal(percentile(values, 1), 1);
  assert.equal(percentile([7, 3, 5], 50), 5);
});

test("with 10 runs the p95 is the maximum", () => {
  const values = [5, 1, 9, 3, 7, 2, 8, 4, 6, 10];
  assert.equal(percentile(values, 95), 10);
});

test("median of odd and even counts", () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([42]), 42);
});

test("summarize rounds to 0.1 and reports runs, median, p95, max, min", () => {
  assert.deepEqual(summarize([1.04, 2.06, 3.01, 10.55]), {
    runs: 4,
    median: 2.5,
    p95: 10.6,
    max: 10.6,
    min: 1
  });
  assert.equal(round1(-0.04), -0);
});

test("bad input is refused with a clear error", () => {
  assert.throws(() => median([]), /at least one value/);
  assert.throws(() => percentile([1], 0), /\(0, 100\]/);
  assert.throws(() => percentile([1], 101), /\(0, 100\]/);
  assert.throws(() => summarize([1, Number.NaN]), /not a finite number: NaN/);
  assert.throws(() => summarize([1, "2"]), /not a finite number: 2/);
});

test("inputs are not reordered", () => {
  const values = [3, 1, 2];
  summarize(values);
  assert.deepEqual(values, [3, 1, 2]);
});
