#!/usr/bin/env node
/**
 * npm run callcenter:check [--strict] [--format import|metadata] [file ...]
 * Checks call center definitions against the rules of the Open CTI guide's "Call Center
 * Definition Files" chapter, the Metadata API format, Service Cloud Voice contact centers and
 * this softphone's own settings. The format (import or Metadata API) and the kind (Open CTI or
 * Service Cloud Voice) are recognised from the content.
 * Prints file:line: error|warning: message [rule] for every problem. Exits 1 when there is an
 * error (with --strict, a warning too), 2 when a file cannot be read or the options are wrong.
 * With no file it checks this project's two definitions.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeCallCenter } from "./callcenter/rules.mjs";

const USAGE = "Usage: npm run callcenter:check -- [--strict] [--format import|metadata] [file ...]";
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
let format = "auto";
let strict = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--format") {
    format = args[++i];
    if (format !== "import" && format !== "metadata") {
      console.error(
        `callcenter:check: --format must be "import" or "metadata", not "${format ?? ""}".\n${USAGE}`
      );
      process.exit(2);
    }
  } else if (args[i] === "--strict") strict = true;
  else if (args[i] === "--help" || args[i] === "-h") {
    console.log(USAGE);
    process.exit(0);
  } else if (args[i].startsWith("--")) {
    console.error(`callcenter:check: unknown option ${args[i]}.\n${USAGE}`);
    process.exit(2);
  } else files.push(args[i]);
}
if (files.length === 0)
  files.push(
    join(root, "force-app/main/default/callCenters/OpenCtiSoftphone.callCenter-meta.xml"),
    join(root, "config/callcenter/OpenCtiSoftphone.xml")
  );

const FORMATS = { import: "import format", metadata: "Metadata API format" };
const KINDS = { "open-cti": "Open CTI call center", voice: "Service Cloud Voice contact center" };
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

let errors = 0;
let warnings = 0;
let unreadable = false;
for (const file of files) {
  const shown = relative(process.cwd(), file) || file;
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    console.error(`${shown}: cannot read the file: ${e.message}`);
    unreadable = true;
    continue;
  }
  const result = analyzeCallCenter(text, { format, fileName: file });
  for (const p of result.problems)
    console.error(`${shown}:${p.line}: ${p.severity}: ${p.message} [${p.rule}]`);
  const what =
    result.kind && result.format ? `${KINDS[result.kind]}, ${FORMATS[result.format]}` : null;
  const counts =
    result.problems.length === 0
      ? "ok"
      : `${plural(result.errors, "error")}, ${plural(result.warnings, "warning")}`;
  console.log(`${shown}: ${what ? `${what}: ` : ""}${counts}`);
  errors += result.errors;
  warnings += result.warnings;
}
if (errors + warnings > 0)
  console.error(
    `\n${plural(errors, "error")}, ${plural(warnings, "warning")}${strict && warnings > 0 ? " (--strict: warnings fail too)" : ""}.`
  );
process.exit(unreadable ? 2 : errors > 0 || (strict && warnings > 0) ? 1 : 0);
