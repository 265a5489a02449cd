import { test } from "node:test";
import assert from "node:assert/strict";
import {
  figuresDocument,
  notesOf,
  parseArgs,
  sipFigures,
  soakFigures,
  startupFigures
} from "./run.mjs";
import { evaluate, formatTable, missed, single } from "./lib/report.mjs";

test("defaults are the issue's run counts and every bench", () => {
  const o = parseArgs([]);
  assert.deepEqual([...o.only], ["size", "startup", "pop", "soak", "sip"]);
  assert.deepEqual(
    [o.startupRuns, o.popCalls, o.soakCalls, o.sipCalls, o.figures],
    [20, 100, 1000, 10, null]
  );
});

test("options pick benches, counts and the figures file", () => {
  const o = parseArgs(["--", "--only", "size,pop", "--pop-calls", "7", "--figures", "docs/x.md"]);
  assert.deepEqual([...o.only], ["size", "pop"]);
  assert.equal(o.popCalls, 7);
  assert.equal(o.figures, "docs/x.md");
});

test("bad options are refused with a clear message", () => {
  assert.throws(() => parseArgs(["--only", "size,speed"]), /--only takes a comma-separated list/);
  assert.throws(() => parseArgs(["--soak-calls", "0"]), /--soak-calls takes a whole number ≥ 1/);
  assert.throws(() => parseArgs(["--soak-calls", "ten"]), /whole number/);
  assert.throws(() => parseArgs(["--figures"]), /--figures takes a file path/);
  assert.throws(() => parseArgs(["--fast"]), /unknown option --fast/);
});

test("the figures document names the machine, its load and what was missed", () => {
  const figures = evaluate([
    {
      id: "a",
      label: "size",
      unit: "bytes",
      summary: single(2048),
      target: { stat: "max", max: 1024 }
    }
  ]);
  const doc = figuresDocument({
    date: "2026-11-27T12:00:00.000Z",
    commit: "abc1234",
    machine: {
      cpus: 2,
      cpuModel: "Test CPU",
      node: "v20.0.0",
      chromium: "140.0",
      loadAverageAtStart: [17, 18, 19],
      loadAverageAtEnd: [20, 18, 19]
    },
    figures,
    missed: missed(figures)
  });
  assert.match(doc, /on 2026-11-27\s+at commit abc1234: 2 CPUs \(Test CPU\)/);
  assert.match(doc, /Load average during the run: 17 18 19 at the\s+start, 20 18 19 at the end/);
  assert.match(doc, /\| size \| 1 \| 2\.0 KB \| 2\.0 KB \| 2\.0 KB \| ≤ 1\.0 KB \| MISSED \|/);
  assert.match(doc, /Missed: size\./);
});

test("the figures page keeps its hand-written notes when the table is redone", () => {
  const previous = "# Bench figures\n\n| old | table |\n\n## Notes\n\n- why a target is missed\n";
  assert.equal(notesOf(previous), "## Notes\n\n- why a target is missed\n");
  assert.equal(notesOf("# Bench figures\n\nno notes\n"), "");
});

test("SIP figures: medians against targets, p95 is the max for 10 runs, or not measured", () => {
  const s = (median, max) => ({ n: 10, median, max, min: 1 });
  const figures = sipFigures({
    registrationMs: s(20, 60),
    inviteToEstablishedMs: s(300, 650),
    establishedToAudioMs: s(50, 90),
    reconnectToAudioMs: { n: 5, median: 900, max: 1400, min: 700 }
  });
  assert.deepEqual(
    figures.map((f) => [f.id, f.summary, f.target]),
    [
      ["sip.registration", { runs: 10, median: 20, p95: 60, max: 60 }, null],
      ["sip.invite", { runs: 10, median: 300, p95: 650, max: 650 }, { stat: "median", max: 700 }],
      ["sip.audio", { runs: 10, median: 50, p95: 90, max: 90 }, { stat: "median", max: 150 }],
      [
        "sip.reconnect",
        { runs: 5, median: 900, p95: 1400, max: 1400 },
        { stat: "median", max: 3000 }
      ]
    ]
  );
  const skipped = sipFigures({ notMeasured: "needs root" });
  assert.deepEqual(
    skipped.map((f) => f.notMeasured),
    ["needs root", "needs root", "needs root", "needs root"]
  );
  const noNft = sipFigures({
    registrationMs: s(20, 60),
    inviteToEstablishedMs: s(300, 650),
    establishedToAudioMs: s(50, 90),
    reconnectToAudioMs: { notMeasured: "cannot cut the media path: nft is not installed" }
  });
  assert.equal(noNft[3].notMeasured, "cannot cut the media path: nft is not installed");
  assert.equal(noNft[3].label, "reconnect: WebSocket restored → remote audio again");
});

test("soak figures: heap growth in bytes, nodes and listeners as percent change", () => {
  const m = (heap, nodes, listeners) => ({
    jsHeapUsedBytes: heap,
    nodes,
    jsEventListeners: listeners
  });
  const [heap, nodes, listeners] = soakFigures({
    calls: 1000,
    before: m(4_000_000, 1000, 50),
    after: m(4_500_000, 1060, 50)
  });
  assert.equal(heap.summary.max, 500_000);
  assert.equal(nodes.summary.max, 6);
  assert.equal(listeners.summary.max, 0);
  assert.equal(heap.target.max, 1024 * 1024);
});

test("start-up is reported next to the floor measured in the same run, with their ratio", () => {
  const ours = [100, 120, 140, 160, 400];
  const floor = [80, 90, 100, 110, 200];
  const figures = evaluate(startupFigures(ours, floor));
  assert.deepEqual(
    figures.map((f) => f.id),
    ["startup", "startup.floor", "startup.ratio"]
  );
  const [own, base, ratio] = figures;
  assert.equal(own.summary.median, 140);
  assert.equal(base.summary.median, 100);
  assert.equal(base.met, null);
  assert.deepEqual(ratio.summary, { runs: 5, median: 1.4, p95: 2, max: 2 });
  assert.equal(ratio.met, true);
  assert.equal(own.met, true);
  const table = formatTable(figures);
  assert.match(table, /start-up: floor page/);
  assert.match(table, /ours ÷ floor\s+5\s+1\.40×\s+2\.00×\s+2\.00×\s+median ≤ 1\.50×\s+met/);
});

test("a start-up more than 1.5× the floor, or over 150 ms, is MISSED", () => {
  const slow = evaluate(startupFigures([200, 210, 220], [100, 100, 100]));
  assert.deepEqual(
    missed(slow).map((m) => m.id),
    ["startup", "startup.ratio"]
  );
  assert.equal(slow[2].summary.median, 2.1);
  const justOver = evaluate(startupFigures([151, 151, 151], [101, 101, 101]));
  assert.deepEqual(
    missed(justOver).map((m) => m.id),
    ["startup"]
  );
  assert.equal(justOver[2].summary.median, 1.5);
});
