#!/usr/bin/env node
/**
 * `npm test`: every suite, one after another, with one total at the end.
 *   unit         Jest over ts-src (core, host, phone, ui, workbench)
 *   lwc          sfdx-lwc-jest over force-app/main/default/lwc
 *   scripts      node:test over scripts/, data/ and bench/ (validators, generators, org set-up)
 *   validate     the offline deploy checks (npm run validate)
 *   build-drift  the committed static resource equals a fresh build
 *   e2e          browser tests on the workbench (playwright-core + Debian chromium)
 *   sip          real SIP calls against Kamailio in a loopback-only network namespace
 * Options: --only a,b  run only these suites; --skip a,b  leave these out (the summary says so).
 * Extra validate arguments (e.g. --wsdl PATH) are passed through.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, existsSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { provision } from "./lib/provision.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const tmp = join(root, ".tmp");
mkdirSync(tmp, { recursive: true });

const args = process.argv.slice(2);
const listArg = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return null;
  const v = args[i + 1] ?? "";
  args.splice(i, 2);
  return new Set(v.split(",").filter(Boolean));
};
const only = listArg("--only");
const skip = listArg("--skip") ?? new Set();
const passThrough = args;

const bin = (name) => join(root, "node_modules/.bin", name);
const filesIn = (dir, suffix) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith(suffix) && !f.includes("node_modules") && !f.includes("fixtures"))
        .sort()
        .map((f) => join(dir, f))
    : [];
const reporterArgs = (out) => [
  "--test-reporter=spec",
  "--test-reporter-destination=stdout",
  `--test-reporter=${join(root, "scripts/lib/count-reporter.mjs")}`,
  `--test-reporter-destination=${out}`
];
const jestCounts = (file) => {
  const r = JSON.parse(readFileSync(file, "utf8"));
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + r.numRuntimeErrorTestSuites,
    skipped: r.numPendingTests + r.numTodoTests
  };
};
const jsonCounts = (file) => JSON.parse(readFileSync(file, "utf8"));

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

const suites = [
  {
    name: "unit",
    run: (out) => [bin("jest"), ["--config", "jest.config.cjs", "--json", `--outputFile=${out}`]],
    counts: jestCounts
  },
  {
    name: "lwc",
    run: (out) => [
      bin("sfdx-lwc-jest"),
      ["--", "--config", "jest.lwc.config.cjs", "--json", `--outputFile=${out}`]
    ],
    counts: jestCounts
  },
  {
    name: "scripts",
    files: () => ["scripts", "data", "bench"].flatMap((dir) => filesIn(dir, ".test.mjs")),
    run: (out, files) => [process.execPath, ["--test", ...reporterArgs(out), ...files]],
    counts: jsonCounts
  },
  {
    name: "validate",
    run: (out) => [process.execPath, ["scripts/validate.mjs", "--result", out, ...passThrough]],
    counts: jsonCounts
  },
  {
    name: "build-drift",
    run: () => [process.execPath, ["scripts/build.mjs", "--check"]],
    counts: null
  },
  {
    name: "e2e",
    files: () => filesIn("e2e", ".e2e.mjs").filter((f) => !f.startsWith(join("e2e", "sip"))),
    run: (out, files) => [
      process.execPath,
      ["--test", "--test-concurrency=1", ...reporterArgs(out), ...files]
    ],
    counts: jsonCounts
  },
  {
    name: "sip",
    files: () => filesIn(join("e2e", "sip"), ".e2e.mjs"),
    // A loopback-only network namespace: nothing a test starts can reach another address.
    run: (out, files) => [
      "unshare",
      [
        "-n",
        "sh",
        "-c",
        'ip link set lo up && exec "$0" "$@"',
        process.execPath,
        "--test",
        "--test-concurrency=1",
        ...reporterArgs(out),
        ...files
      ]
    ],
    needsRoot: true,
    counts: jsonCounts
  }
];

provision();

const results = [];
for (const suite of suites) {
  if ((only && !only.has(suite.name)) || skip.has(suite.name)) {
    results.push({
      name: suite.name,
      status: "left out (--only/--skip)",
      passed: 0,
      failed: 0,
      skipped: 0
    });
    continue;
  }
  const files = suite.files ? suite.files() : null;
  if (files && files.length === 0) {
    results.push({
      name: suite.name,
      status: "FAILED: no test files found",
      passed: 0,
      failed: 1,
      skipped: 0
    });
    continue;
  }
  if (suite.needsRoot && !isRoot) {
    console.error(
      `${suite.name}: needs root for a loopback-only network namespace (unshare -n). Run: sudo npm test`
    );
    results.push({
      name: suite.name,
      status: "FAILED: needs root",
      passed: 0,
      failed: 1,
      skipped: 0
    });
    continue;
  }
  const out = join(tmp, `${suite.name}-result.json`);
  rmSync(out, { force: true });
  const [cmd, cmdArgs] = suite.run(out, files ?? []);
  console.log(`\n=== ${suite.name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, cmdArgs, {
    stdio: "inherit",
    env: { ...process.env, FORCE_COLOR: "0" }
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let counts;
  if (!suite.counts)
    counts =
      r.status === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
  else {
    try {
      counts = suite.counts(out);
    } catch {
      counts = { passed: 0, failed: 0, skipped: 0 };
    }
  }
  if (r.status !== 0 && counts.failed === 0) counts.failed = 1; // a crash counts, even with no test result
  if (r.status === 0 && counts.passed + counts.failed === 0) counts.failed = 1; // a suite that ran no test fails
  results.push({ name: suite.name, status: counts.failed ? "FAILED" : "ok", seconds, ...counts });
}

console.log("\nsuite        status                           passed  failed  skipped  seconds");
for (const r of results)
  console.log(
    `${r.name.padEnd(12)} ${r.status.padEnd(32)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.skipped).padStart(7)}  ${String(r.seconds ?? "-").padStart(7)}`
  );
const total = results.reduce(
  (t, r) => ({
    passed: t.passed + r.passed,
    failed: t.failed + r.failed,
    skipped: t.skipped + r.skipped
  }),
  { passed: 0, failed: 0, skipped: 0 }
);
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
