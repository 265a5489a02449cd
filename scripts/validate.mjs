#!/usr/bin/env node
/**
 * `npm run validate`: the offline deploy checks (see scripts/validate/checks.mjs).
 *   node scripts/validate.mjs [--wsdl PATH] [--result FILE] [--root DIR] [--only a,b]
 * --wsdl (or env SF_METADATA_WSDL) adds the strict XSD check of every -meta.xml.
 * --result writes {"passed","failed","skipped"}: one count per check, for scripts/test-all.mjs.
 * Prints file:line, rule and message for every problem; exits 1 when any check fails.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runChecks, CHECK_NAMES } from "./validate/checks.mjs";
import { formatProblem } from "./validate/report.mjs";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

function usage(message) {
  console.error(
    `${message}\nusage: node scripts/validate.mjs [--wsdl PATH] [--result FILE] [--root DIR] [--only ${CHECK_NAMES.join(",")}]`
  );
  process.exit(2);
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        wsdl: { type: "string" },
        result: { type: "string" },
        root: { type: "string" },
        only: { type: "string" }
      },
      strict: true
    }));
  } catch (e) {
    usage(e.message);
  }
  const root = resolve(values.root ?? repoRoot);
  const wsdlArg = values.wsdl ?? process.env.SF_METADATA_WSDL ?? null;
  const wsdl = wsdlArg ? resolve(wsdlArg) : null;
  const only = values.only ? new Set(values.only.split(",").filter(Boolean)) : null;
  for (const name of only ?? []) if (!CHECK_NAMES.includes(name)) usage(`unknown check ${name}`);

  const started = Date.now();
  const results = await runChecks({ root, wsdl, only });
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    const ok = r.problems.length === 0;
    if (ok) passed++;
    else failed++;
    const status = ok ? "ok  " : "FAIL";
    const detail = ok
      ? r.note
        ? `  (${r.note})`
        : ""
      : `  ${r.problems.length} problem${r.problems.length === 1 ? "" : "s"}`;
    console.log(`${status} ${r.name.padEnd(16)} ${r.seconds.toFixed(1).padStart(5)} s${detail}`);
    for (const p of r.problems) console.log(`     ${formatProblem(p)}`);
  }
  if (!wsdl && (!only || only.has("metadata-xsd")))
    console.log(
      "note metadata-xsd: not run — give a Metadata API WSDL with --wsdl PATH or SF_METADATA_WSDL for the strict XSD check"
    );
  console.log(
    `validate: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`
  );
  if (values.result) {
    mkdirSync(dirname(resolve(values.result)), { recursive: true });
    writeFileSync(values.result, JSON.stringify({ passed, failed, skipped: 0 }));
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
