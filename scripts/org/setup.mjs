/**
 * The scratch-org set-up behind `npm run org:setup`, one named step at a time, each through
 * `sf … --json`. A failed step stops the run with a SetupError naming the step and sf's message.
 */
import { spawnSync } from "node:child_process";

export const CALL_CENTER = "OpenCtiSoftphone";
export const PERMISSION_SET = "Softphone_Agent";
export const APP_PATH = "/lightning/app/c__Softphone_Console";

export class SetupError extends Error {
  /** @param {string} step @param {string} detail */
  constructor(step, detail) {
    super(`Step "${step}" failed: ${detail}`);
    this.name = "SetupError";
    this.step = step;
    this.detail = detail;
  }
}

/** sf prints one JSON document with --json; tolerate a warning line before it. */
function parseSfOutput(stdout) {
  try {
    return JSON.parse(stdout);
  } catch {
    const start = stdout.indexOf("{");
    const end = stdout.lastIndexOf("}");
    if (start < 0 || end < start) return null;
    try {
      return JSON.parse(stdout.slice(start, end + 1));
    } catch {
      return null;
    }
  }
}

/** Deploy failures list each component, which is what the user needs to fix. */
function describeFailure(json) {
  const files = Array.isArray(json?.result?.files) ? json.result.files : [];
  const failures = files
    .filter((f) => f.state === "Failed")
    .map(
      (f) => `${f.type} ${f.fullName}${f.lineNumber ? ` (line ${f.lineNumber})` : ""}: ${f.error}`
    );
  const message = json?.message ?? "sf reported an error";
  return failures.length > 0 ? `${message}\n  ${failures.join("\n  ")}` : message;
}

/**
 * Runs `sf` with --json and returns its result, or throws a SetupError for the step.
 * @param {string} step
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv }} context
 */
export function runSf(step, args, context) {
  const r = spawnSync("sf", [...args, "--json"], {
    cwd: context.cwd,
    env: {
      SF_DISABLE_TELEMETRY: "true",
      SF_AUTOUPDATE_DISABLE: "true",
      SF_SKIP_NEW_VERSION_CHECK: "true",
      ...(context.env ?? process.env)
    },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024
  });
  if (r.error) {
    const detail =
      r.error.code === "ENOENT"
        ? "the Salesforce CLI (sf) was not found. Run it through npm (npm run org:setup), which puts node_modules/.bin on PATH, or install @salesforce/cli."
        : r.error.message;
    throw new SetupError(step, detail);
  }
  const json = parseSfOutput(r.stdout ?? "");
  if (r.status !== 0 || !json || json.status !== 0) {
    const detail = json
      ? describeFailure(json)
      : (r.stderr || r.stdout || `sf exited with ${r.status}`).trim();
    throw new SetupError(step, detail);
  }
  return json.result;
}

/**
 * @param {{ alias: string, durationDays: number, targetOrg?: string, devHub?: string,
 *   definitionFile: string, plan: string|null, cwd: string, env?: NodeJS.ProcessEnv,
 *   log?: (line: string) => void }} options  plan null skips the sample data
 * @returns {{ username: string, org: string, callCenterId: string, url: string }}
 */
export function setUpScratchOrg(options) {
  const log = options.log ?? ((line) => console.log(line));
  const sf = (step, args) => {
    log(`→ ${step}`);
    return runSf(step, args, options);
  };

  let org = options.targetOrg;
  let username;
  if (!org) {
    const created = sf("create the scratch org", [
      "org",
      "create",
      "scratch",
      "-f",
      options.definitionFile,
      "-a",
      options.alias,
      "-d",
      "--duration-days",
      String(options.durationDays),
      "--wait",
      "15",
      ...(options.devHub ? ["--target-dev-hub", options.devHub] : [])
    ]);
    org = options.alias;
    username = created?.username;
  } else {
    username = sf("look up the org", ["org", "display", "--target-org", org])?.username;
  }
  if (!username) throw new SetupError("look up the org", "sf did not report the org's username.");

  sf("deploy the project", ["project", "deploy", "start", "--target-org", org, "--wait", "30"]);

  try {
    sf(`assign the ${PERMISSION_SET} permission set`, [
      "org",
      "assign",
      "permset",
      "--name",
      PERMISSION_SET,
      "--target-org",
      org
    ]);
  } catch (e) {
    // Re-running against the same org: an existing assignment is what we want.
    if (!(e instanceof SetupError && /duplicate/i.test(e.detail))) throw e;
    log(`  (${PERMISSION_SET} was already assigned)`);
  }

  const step = `find the ${CALL_CENTER} call center`;
  const found = sf(step, [
    "data",
    "query",
    "--query",
    `SELECT Id FROM CallCenter WHERE InternalName = '${CALL_CENTER}'`,
    "--target-org",
    org
  ]);
  const callCenterId = found?.records?.[0]?.Id;
  if (!callCenterId)
    throw new SetupError(
      step,
      `no call center with InternalName ${CALL_CENTER} in the org; check that the deploy included force-app/main/default/callCenters.`
    );

  sf("set your user's call center", [
    "data",
    "update",
    "record",
    "--sobject",
    "User",
    "--where",
    `Username='${username.replace(/'/g, "\\'")}'`,
    "--values",
    `CallCenterId=${callCenterId}`,
    "--target-org",
    org
  ]);

  if (options.plan)
    sf("import the sample data", [
      "data",
      "import",
      "tree",
      "--plan",
      options.plan,
      "--target-org",
      org
    ]);
  else log("  (sample data skipped)");

  const opened = sf("get the app URL", [
    "org",
    "open",
    "--url-only",
    "--path",
    APP_PATH,
    "--target-org",
    org
  ]);
  if (!opened?.url) throw new SetupError("get the app URL", "sf did not report a URL.");
  return { username, org, callCenterId, url: opened.url };
}
