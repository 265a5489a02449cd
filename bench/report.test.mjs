import { test } from "node:test";
import assert from "node:assert/strict";
import {
  evaluate,
  formatMarkdown,
  formatTable,
  formatValue,
  KB,
  MB,
  missed,
  single
} from "./lib/report.mjs";

const figures = [
  {
    id: "size",
    label: "size",
    unit: "bytes",
    summary: single(50 * KB),
    target: { stat: "max", max: 45 * KB }
  },
  {
    id: "startup",
    label: "start-up",
    unit: "ms",
    summary: { runs: 20, median: 120, p95: 200, max: 250 },
    target: { stat: "median", max: 150 }
  },
  {
    id: "pop",
    label: "pop",
    unit: "ms",
    summary: { runs: 100, median: 1, p95: 15, max: 40 },
    target: { stat: "p95", max: 15 }
  },
  {
    id: "sip",
    label: "sip | audio",
    unit: "ms",
    target: { stat: "median", max: 150 },
    notMeasured: "needs root"
  },
  { id: "reg", label: "registration", unit: "ms", summary: single(20), target: null }
];

test("each figure is compared on its target's statistic, the limit included", () => {
  const result = evaluate(figures);
  assert.deepEqual(
    result.map((f) => [f.id, f.met]),
    [
      ["size", false],
      ["startup", true],
      ["pop", true],
      ["sip", null],
      ["reg", null]
    ]
  );
  assert.deepEqual(missed(result), [{ id: "size", label: "size" }]);
});

test("an absolute target holds for a fall as for a rise", () => {
  const flat = (change) => ({
    id: "n",
    label: "nodes",
    unit: "%",
    summary: single(change),
    target: { stat: "max", max: 5, abs: true }
  });
  assert.deepEqual(
    evaluate([flat(-6), flat(-5), flat(4.9), flat(5.1)]).map((f) => f.met),
    [false, true, true, false]
  );
  assert.match(formatTable(evaluate([flat(1)])), /\|change\| ≤ 5\.0 %/);
});

test("a figure whose statistic is not a number is an error, not a pass", () => {
  assert.throws(
    () =>
      evaluate([
        { id: "x", label: "x", unit: "ms", summary: { runs: 1 }, target: { stat: "p95", max: 1 } }
      ]),
    /x: p95 is not a number/
  );
});

test("values are shown in their units", () => {
  assert.equal(formatValue(512, "bytes"), "512 B");
  assert.equal(formatValue(69423, "bytes"), "67.8 KB");
  assert.equal(formatValue(1.5 * MB, "bytes"), "1.50 MB");
  assert.equal(formatValue(-2048, "bytes"), "-2.0 KB");
  assert.equal(formatValue(12.345, "ms"), "12.3 ms");
  assert.equal(formatValue(3, "%"), "3.0 %");
  assert.equal(formatValue(null, "ms"), "—");
});

test("the console table marks missed and unmeasured figures and says why", () => {
  const table = formatTable(evaluate(figures));
  const lines = table.split("\n");
  assert.match(lines[0], /^figure\s+runs\s+median\s+p95\s+max\s+target\s+status$/);
  assert.match(table, /size\s+1\s+50\.0 KB\s+50\.0 KB\s+50\.0 KB\s+≤ 45\.0 KB\s+MISSED/);
  assert.match(
    table,
    /start-up\s+20\s+120\.0 ms\s+200\.0 ms\s+250\.0 ms\s+median ≤ 150\.0 ms\s+met/
  );
  assert.match(table, /sip \| audio: not measured: needs root/);
});

test("the Markdown table escapes pipes and right-aligns numbers", () => {
  const md = formatMarkdown(evaluate(figures)).split("\n");
  assert.equal(md[0], "| figure | runs | median | p95 | max | target | status |");
  assert.equal(md[1], "| --- | ---: | ---: | ---: | ---: | --- | --- |");
  assert.ok(md.some((l) => l.startsWith("| sip \\| audio | — |")));
  assert.equal(md.length, 2 + figures.length);
});
