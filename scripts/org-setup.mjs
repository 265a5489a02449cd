#!/usr/bin/env node
/**
 * npm run org:setup [-- --alias opencti --duration-days 7 --target-org ALIAS --dev-hub ALIAS
 *                      --plan data/sample-data-plan.json --no-data]
 * Creates a scratch org (or uses --target-org), deploys this project, assigns the Softphone_Agent
 * permission set, makes the Open CTI Softphone call center yours, imports the sample data and
 * prints the Softphone Console's URL.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { APP_PATH, setUpScratchOrg, SetupError } from "./org/setup.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const options = {
  alias: "opencti",
  durationDays: 7,
  targetOrg: undefined,
  devHub: undefined,
  definitionFile: "config/project-scratch-def.json",
  plan: "data/sample-data-plan.json",
  cwd: root
};
const valueOf = (i) => {
  if (args[i + 1] === undefined || args[i + 1].startsWith("--")) {
    console.error(`org:setup: ${args[i]} needs a value.`);
    process.exit(2);
  }
  return args[i + 1];
};
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--alias") options.alias = valueOf(i++);
  else if (a === "--duration-days") {
    const days = Number(valueOf(i++));
    if (!Number.isInteger(days) || days < 1 || days > 30) {
      console.error("org:setup: --duration-days must be a whole number from 1 to 30.");
      process.exit(2);
    }
    options.durationDays = days;
  } else if (a === "--target-org") options.targetOrg = valueOf(i++);
  else if (a === "--dev-hub") options.devHub = valueOf(i++);
  else if (a === "--plan") options.plan = valueOf(i++);
  else if (a === "--no-data") options.plan = null;
  else if (a === "--help" || a === "-h") {
    console.log(
      "Usage: npm run org:setup -- [--alias opencti] [--duration-days 7] [--target-org ALIAS] [--dev-hub ALIAS] [--plan FILE | --no-data]"
    );
    process.exit(0);
  } else {
    console.error(`org:setup: unknown option ${a}. Try --help.`);
    process.exit(2);
  }
}

try {
  const result = setUpScratchOrg(options);
  console.log(
    `\nReady. Org ${result.org} (${result.username}) uses call center ${result.callCenterId}.`
  );
  console.log(`Softphone Console: ${result.url}`);
  console.log(
    `(a one-time sign-in link to ${APP_PATH}; do not share it. Later: sf org open -o ${result.org} -p ${APP_PATH})`
  );
} catch (e) {
  if (!(e instanceof SetupError)) throw e;
  console.error(`\norg:setup: ${e.message}`);
  process.exit(1);
}
