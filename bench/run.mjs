#!/usr/bin/env node
/**
 * `npm run bench`: size, start-up, screen-pop latency, the 1,000-call soak and SIP timings of
 * the softphone, each compared with its target. Builds the working tree's ts-src into a
 * temporary folder (never the committed static resource), serves that build on the workbench
 * and drives it in headless Debian chromium. Writes bench/report.json and prints a table.
 * Method: bench/README.md.
 *   node bench/run.mjs [--only size,startup,pop,soak,sip] [--startup-runs 20] [--pop-calls 100]
 *                      [--soak-calls 1000] [--sip-calls 10] [--figures docs/bench-figures.md]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { buildInto } from "../scripts/build.mjs";
import { provision } from "../scripts/lib/provision.mjs";
import { loadWorkbenchServer, root } from "../scripts/start.mjs";
import * as prettier from "prettier";
import { launchBrowser } from "../e2e/lib/browser.mjs";
import { measurePopLatency, measureStartupOnce, runSoak } from "./lib/browser-bench.mjs";
import { evaluate, formatMarkdown, formatTable, KB, MB, missed, single } from "./lib/report.mjs";
import { measureSizes } from "./lib/size.mjs";
import { measurePopLatencyInNode } from "./lib/pop-node.mjs";
import { measureSip } from "./lib/sip.mjs";
import { round1, summarize } from "./lib/stats.mjs";

const BENCHES = ["size", "startup", "pop", "soak", "sip"];

/** Reads the command line; unknown options are an error rather than silently ignored. */
export function parseArgs(argv) {
  const options = {
    only: new Set(BENCHES),
    startupRuns: 20,
    popCalls: 100,
    soakCalls: 1000,
    sipCalls: 10,
    figures: null
  };
  const counts = {
    "--startup-runs": "startupRuns",
    "--pop-calls": "popCalls",
    "--soak-calls": "soakCalls",
    "--sip-calls": "sipCalls"
  };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = argv[i + 1];
    if (name === "--") continue;
    if (name === "--only") {
      const picked = (value ?? "").split(",").filter(Boolean);
      const unknown = picked.filter((b) => !BENCHES.includes(b));
      if (picked.length === 0 || unknown.length)
        throw new Error(`--only takes a comma-separated list of ${BENCHES.join(", ")}`);
      options.only = new Set(picked);
      i++;
    } else if (name in counts) {
      if (!/^[1-9]\d{0,4}$/.test(value ?? "")) throw new Error(`${name} takes a whole number ≥ 1`);
      options[counts[name]] = Number(value);
      i++;
    } else if (name === "--figures") {
      if (!value || value.startsWith("--")) throw new Error("--figures takes a file path");
      options.figures = value;
      i++;
    } else throw new Error(`unknown option ${name}`);
  }
  return options;
}

function gitCommit() {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: root,
      encoding: "utf8"
    }).trim();
  } catch {
    return null;
  }
}

/** Whether ts-src differs from the commit (the bench measures the working tree). */
function sourcesModified() {
  try {
    return (
      execFileSync("git", ["status", "--porcelain", "--", "ts-src"], {
        cwd: root,
        encoding: "utf8"
      }).trim() !== ""
    );
  } catch {
    return null;
  }
}

function chromiumVersion(browser) {
  try {
    return browser.version();
  } catch {
    return null;
  }
}

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

function withQuery(url, params) {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.href;
}

function sizeFigures(sizes) {
  return [
    {
      id: "size.startup",
      label: "size: start-up load, demo (gzip)",
      unit: "bytes",
      summary: single(sizes.startup.gzipBytes),
      target: { stat: "max", max: 45 * KB }
    },
    {
      id: "size.sip",
      label: "size: SIP chunk (gzip)",
      unit: "bytes",
      summary: single(sizes.sip.chunk.gzipBytes),
      target: { stat: "max", max: 55 * KB }
    }
  ];
}

function percentChange(before, after) {
  return before === 0 ? 0 : round1(((after - before) / before) * 100);
}

export function soakFigures(soak) {
  const { before, after } = soak;
  const heap = after.jsHeapUsedBytes - before.jsHeapUsedBytes;
  return [
    {
      id: "soak.heap",
      label: `soak: JS heap growth, ${soak.calls} calls`,
      unit: "bytes",
      summary: single(heap),
      target: { stat: "max", max: 1 * MB }
    },
    {
      id: "soak.nodes",
      label: "soak: DOM nodes change",
      unit: "%",
      summary: single(percentChange(before.nodes, after.nodes)),
      target: { stat: "max", max: 5, abs: true }
    },
    {
      id: "soak.listeners",
      label: "soak: JS event listeners change",
      unit: "%",
      summary: single(percentChange(before.jsEventListeners, after.jsEventListeners)),
      target: { stat: "max", max: 5, abs: true }
    }
  ];
}

export function sipFigures(sip) {
  const labels = [
    ["sip.registration", "SIP: registration", "registrationMs", null],
    ["sip.invite", "SIP: INVITE → established", "inviteToEstablishedMs", 700],
    ["sip.audio", "SIP: established → first audio", "establishedToAudioMs", 150],
    [
      "sip.reconnect",
      "reconnect: WebSocket restored → remote audio again",
      "reconnectToAudioMs",
      3000
    ]
  ];
  return labels.map(([id, label, key, target]) => {
    const base = {
      id,
      label,
      unit: "ms",
      target: target === null ? null : { stat: "median", max: target }
    };
    if (sip.notMeasured) return { ...base, notMeasured: sip.notMeasured };
    const s = sip[key];
    if (!s || s.notMeasured) return { ...base, notMeasured: s?.notMeasured ?? "not reported" };
    // The SIP bench reports median, max and min; with its 10 runs the nearest-rank p95 is the max.
    const p95 = s.n <= 19 ? s.max : null;
    return { ...base, summary: { runs: s.n, median: s.median, p95, max: s.max } };
  });
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`bench: ${e.message}`);
    process.exit(2);
  }
  const needsBrowser = ["startup", "pop", "soak"].some((b) => options.only.has(b));
  if (needsBrowser || options.only.has("sip")) provision();

  const started = Date.now();
  const report = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    sourcesModified: sourcesModified(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      memoryBytes: totalmem(),
      node: process.version,
      loadAverageAtStart: loadavg().map(round1)
    },
    build:
      "a fresh esbuild build of the working tree's ts-src (scripts/build.mjs buildInto) in a temporary folder",
    figures: [],
    details: {}
  };
  const figures = [];

  mkdirSync(join(root, ".tmp"), { recursive: true });
  const buildDir = mkdtempSync(join(root, ".tmp", "bench-build-"));
  let wb = null;
  let browser = null;
  try {
    log("building the softphone bundle");
    const built = await buildInto(buildDir, { metafile: true });
    if (options.only.has("size")) {
      const sizes = measureSizes(built.metafile, { workingDir: root, outdir: buildDir });
      report.details.size = sizes;
      figures.push(...sizeFigures(sizes));
    }

    if (needsBrowser) {
      const mod = await loadWorkbenchServer();
      wb = await mod.startWorkbenchServer({
        root,
        port: 0,
        settings: {},
        connectOrigins: [],
        resourceDir: buildDir
      });
      browser = await launchBrowser();
      report.machine.chromium = chromiumVersion(browser);
    }

    if (options.only.has("startup")) {
      log(`start-up: 1 warm-up + ${options.startupRuns} runs, a fresh page each`);
      await measureStartupOnce(browser, wb.url);
      const runs = [];
      for (let i = 0; i < options.startupRuns; i++)
        runs.push(await measureStartupOnce(browser, wb.url));
      report.details.startup = {
        runs,
        frameNavigationToInitMs: summarize(runs.map((r) => r.frameNavigationToInitMs)),
        mainFetchMs: summarize(runs.map((r) => r.mainFetchMs))
      };
      figures.push({
        id: "startup",
        label: "start-up: main.js loaded → notifyInitializationComplete",
        unit: "ms",
        summary: summarize(runs.map((r) => r.bundleToInitMs)),
        target: { stat: "median", max: 150 }
      });
    }

    if (options.only.has("pop")) {
      log(`pop latency: ${options.popCalls} inbound calls in Node (core + fake host + DemoPhone)`);
      const inNode = await measurePopLatencyInNode(root, options.popCalls);
      log(`pop latency: ${options.popCalls} inbound calls on the workbench`);
      const onWorkbench = await measurePopLatency(
        browser,
        withQuery(wb.url, { wrapUpSeconds: "0" }),
        { calls: options.popCalls }
      );
      const latencies = onWorkbench.latenciesMs;
      const trips = onWorkbench.lookupRoundTripMs.filter((v) => v !== null);
      report.details.pop = {
        node: { latenciesMs: inNode.latenciesMs.map(round1), warnings: inNode.warnings },
        workbench: {
          latenciesMs: latencies.map(round1),
          lookupRoundTripMs: trips.length ? summarize(trips) : null,
          withoutLookupRoundTripMs: summarize(
            latencies.map((v, i) => v - (onWorkbench.lookupRoundTripMs[i] ?? 0))
          )
        }
      };
      figures.push(
        {
          id: "pop.node",
          label: "pop latency: incoming → screenPop (Node, fake host)",
          unit: "ms",
          summary: summarize(inNode.latenciesMs),
          target: { stat: "p95", max: 15 }
        },
        {
          id: "pop.workbench",
          label: "pop latency: incoming → screenPop (workbench)",
          unit: "ms",
          summary: summarize(latencies),
          target: { stat: "p95", max: 15 }
        }
      );
    }

    if (options.only.has("soak")) {
      log(`soak: ${options.soakCalls} calls (ring, answer, hold, hang up, log) in one page`);
      const soak = await runSoak(
        browser,
        withQuery(wb.url, { wrapUpSeconds: "0", noMatchPop: "none" }),
        { calls: options.soakCalls, warmup: 25 }
      );
      report.details.soak = soak;
      figures.push(...soakFigures(soak));
    }

    if (browser) {
      await browser.close();
      browser = null;
    }
    if (wb) {
      await wb.close();
      wb = null;
    }

    if (options.only.has("sip")) {
      log(`SIP: ${options.sipCalls} calls through Kamailio (e2e/sip/bench.mjs)`);
      const sip = await measureSip(root, { calls: options.sipCalls });
      report.details.sip = sip;
      figures.push(...sipFigures(sip));
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await wb?.close().catch(() => undefined);
    rmSync(buildDir, { recursive: true, force: true });
  }

  report.figures = evaluate(figures);
  report.missed = missed(report.figures);
  report.machine.loadAverageAtEnd = loadavg().map(round1);
  report.seconds = round1((Date.now() - started) / 1000);
  const out = join(root, "bench/report.json");
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);

  console.log(formatTable(report.figures));
  console.log(
    report.missed.length
      ? `\nMissed targets: ${report.missed.map((m) => m.label).join("; ")}`
      : "\nAll measured figures meet their targets."
  );
  console.log(
    `Load average ${report.machine.loadAverageAtStart.join(" ")} → ${report.machine.loadAverageAtEnd.join(" ")} on ${report.machine.cpus} CPUs; ${report.seconds} s. Wrote ${relative(root, out)}.`
  );
  if (options.figures) {
    const path = join(root, options.figures);
    const previous = existsSync(path) ? readFileSync(path, "utf8") : "";
    // Formatted as `npx prettier --write` would, so the committed page stays prettier-clean.
    const config = (await prettier.resolveConfig(path)) ?? {};
    const text = figuresDocument(report, notesOf(previous));
    writeFileSync(path, await prettier.format(text, { ...config, filepath: path }));
    console.log(`Wrote ${options.figures}.`);
  }
}

/** The hand-written "## Notes" section of a figures document (kept when the table is redone). */
export function notesOf(document) {
  const at = document.indexOf("\n## Notes");
  return at < 0 ? "" : document.slice(at + 1);
}

/**
 * docs/bench-figures.md: the table, with when, where and under what load it was measured,
 * followed by `notes` (the previous document's own "## Notes" section).
 */
export function figuresDocument(report, notes = "") {
  const m = report.machine;
  const missedText = report.missed.length
    ? `Missed: ${report.missed.map((x) => x.label).join("; ")}.`
    : "All measured figures meet their targets.";
  return `# Bench figures

Measured by \`npm run bench\` (method: [bench/README.md](../bench/README.md)) on ${report.date.slice(0, 10)}
at commit ${report.commit ?? "(unknown)"}${report.sourcesModified ? " (with uncommitted changes in ts-src)" : ""}: ${m.cpus} CPUs (${m.cpuModel ?? "unknown"}), Node ${m.node},
Chromium ${m.chromium ?? "(not used)"}. Load average during the run: ${m.loadAverageAtStart.join(" ")} at the
start, ${m.loadAverageAtEnd.join(" ")} at the end.

${formatMarkdown(report.figures)}

${missedText}
${notes ? `\n${notes.trimEnd()}\n` : ""}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
