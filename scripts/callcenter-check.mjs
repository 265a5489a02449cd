#!/usr/bin/env node
/**
 * npm run callcenter:check [--format import|metadata] [file ...]
 * Checks call center definitions (the import format or the Metadata API format, detected from
 * the root element) against the rules of the Open CTI guide's "Call Center Definition Files"
 * chapter and this softphone's own settings. Prints file:line: message [rule] for every problem
 * and exits 1 when there is any (2 when a file cannot be read).
 * With no file it checks this project's two definitions.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { checkCallCenter } from "./callcenter/rules.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
let format = "auto";
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--format") {
    format = args[++i];
    if (format !== "import" && format !== "metadata") {
      console.error(
        `callcenter:check: --format must be "import" or "metadata", not "${format ?? ""}".`
      );
      process.exit(2);
    }
  } else if (args[i] === "--help" || args[i] === "-h") {
    console.log("Usage: npm run callcenter:check -- [--format import|metadata] [file ...]");
    process.exit(0);
  } else files.push(args[i]);
}
if (files.length === 0)
  files.push(
    join(root, "force-app/main/default/callCenters/OpenCtiSoftphone.callCenter-meta.xml"),
    join(root, "config/callcenter/OpenCtiSoftphone.xml")
  );

let problemCount = 0;
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
  const problems = checkCallCenter(text, { format, fileName: file });
  for (const p of problems) console.error(`${shown}:${p.line}: ${p.message} [${p.rule}]`);
  if (problems.length === 0) console.log(`${shown}: ok`);
  problemCount += problems.length;
}
if (problemCount > 0) console.error(`\n${problemCount} problem(s) found.`);
process.exit(unreadable ? 2 : problemCount > 0 ? 1 : 0);
