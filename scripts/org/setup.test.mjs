/**
 * org:setup against a stand-in `sf` (scripts/org/fixtures/sf) first on PATH: the exact commands,
 * their order and arguments, and a clear error naming the step whenever one fails.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const stubDir = join(root, "scripts/org/fixtures");
const work = mkdtempSync(join(tmpdir(), "org-setup-"));
after(() => rmSync(work, { recursive: true, force: true }));
const PLAN = "scripts/org/fixtures/sample-data-plan.json";
let runs = 0;

function setup(args, env = {}) {
  const log = join(work, `sf-${runs++}.log`);
  const r = spawnSync(process.execPath, [join(root, "scripts/org-setup.mjs"), ...args], {
    encoding: "utf8",
    cwd: work,
    env: {
      ...process.env,
      PATH: `${stubDir}${delimiter}${process.env.PATH}`,
      SF_STUB_LOG: log,
      ...env
    }
  });
  const calls = existsSync(log)
    ? readFileSync(log, "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l))
    : [];
  for (const c of calls) assert.equal(c.cwd, root, "sf runs in the project directory");
  return { ...r, calls: calls.map((c) => c.args) };
}

const USER = "test-rjr3xy0vq1ab@example.com";
const expected = (
  org,
  {
    create = [
      "-f",
      "config/project-scratch-def.json",
      "-a",
      org,
      "-d",
      "--duration-days",
      "7",
      "--wait",
      "15"
    ],
    plan = PLAN
  } = {}
) => [
  ["org", "create", "scratch", ...create, "--json"],
  ["project", "deploy", "start", "--target-org", org, "--wait", "30", "--json"],
  ["org", "assign", "permset", "--name", "Softphone_Agent", "--target-org", org, "--json"],
  [
    "data",
    "query",
    "--query",
    "SELECT Id FROM CallCenter WHERE InternalName = 'OpenCtiSoftphone'",
    "--target-org",
    org,
    "--json"
  ],
  [
    "data",
    "update",
    "record",
    "--sobject",
    "User",
    "--where",
    `Username='${USER}'`,
    "--values",
    "CallCenterId=04v8N000000GmgqQAC",
    "--target-org",
    org,
    "--json"
  ],
  ...(plan ? [["data", "import", "tree", "--plan", plan, "--target-org", org, "--json"]] : []),
  [
    "org",
    "open",
    "--url-only",
    "--path",
    "/lightning/app/c__Softphone_Console",
    "--target-org",
    org,
    "--json"
  ]
];

test("creates, deploys, assigns, sets the call center, imports data and prints the app URL, in order", () => {
  const r = setup(["--plan", PLAN]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.calls, expected("opencti"));
  assert.match(
    r.stdout,
    /Softphone Console: https:\/\/speed-ruby-4242-dev-ed\.scratch\.my\.salesforce\.com\/secur\/frontdoor\.jsp\?.*c__Softphone_Console/
  );
  assert.match(r.stdout, new RegExp(`uses call center 04v8N000000GmgqQAC`));
});

test("alias, duration and Dev Hub are passed through", () => {
  const r = setup(["--alias", "agent1", "--duration-days", "2", "--dev-hub", "hub", "--no-data"]);
  assert.equal(r.status, 0, r.stderr);
  const create = [
    "-f",
    "config/project-scratch-def.json",
    "-a",
    "agent1",
    "-d",
    "--duration-days",
    "2",
    "--wait",
    "15",
    "--target-dev-hub",
    "hub"
  ];
  assert.deepEqual(r.calls, expected("agent1", { create, plan: null }));
  assert.match(r.stdout, /sample data skipped/);
});

test("--target-org uses an existing org: no scratch org is created", () => {
  const r = setup(["--target-org", "mydev", "--plan", PLAN]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.calls[0], ["org", "display", "--target-org", "mydev", "--json"]);
  assert.deepEqual(r.calls.slice(1), expected("mydev").slice(1));
});

test("a failed deploy stops the run and names the step and the failing component", () => {
  const r = setup(["--plan", PLAN], { SF_STUB_FAIL: "project deploy start" });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /Step "deploy the project" failed: Deploy failed\./);
  assert.match(
    r.stderr,
    /ApexClass SoftphoneCallerLookup \(line 12\): Variable does not exist: phon/
  );
  assert.equal(r.calls.length, 2, "nothing runs after the failed step");
});

test("a failed scratch org creation reports sf's message", () => {
  const r = setup([], { SF_STUB_FAIL: "org create scratch" });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /Step "create the scratch org" failed: No default dev hub found/);
  assert.equal(r.calls.length, 1);
});

test("a missing call center is a clear error, and the user is not updated", () => {
  const r = setup(["--plan", PLAN], { SF_STUB_NO_CALLCENTER: "1" });
  assert.equal(r.status, 1);
  assert.match(
    r.stderr,
    /Step "find the OpenCtiSoftphone call center" failed: no call center with InternalName OpenCtiSoftphone/
  );
  assert.ok(!r.calls.some((c) => c[0] === "data" && c[1] === "update"));
});

test("re-running after the permission set was assigned carries on", () => {
  const r = setup(["--plan", PLAN], { SF_STUB_PERMSET_ASSIGNED: "1" });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /already assigned/);
  assert.deepEqual(r.calls, expected("opencti"));
});

test("the default sample data plan is data/sample-data-plan.json", () => {
  const r = setup([]);
  assert.deepEqual(r.calls[5], [
    "data",
    "import",
    "tree",
    "--plan",
    "data/sample-data-plan.json",
    "--target-org",
    "opencti",
    "--json"
  ]);
  if (existsSync(join(root, "data/sample-data-plan.json"))) assert.equal(r.status, 0, r.stderr);
  else assert.match(r.stderr, /Step "import the sample data" failed: ENOENT/);
});

test("without sf on PATH the error says how to get it", () => {
  const r = spawnSync(process.execPath, [join(root, "scripts/org-setup.mjs")], {
    encoding: "utf8",
    env: { ...process.env, PATH: work }
  });
  assert.equal(r.status, 1);
  assert.match(
    r.stderr,
    /Step "create the scratch org" failed: the Salesforce CLI \(sf\) was not found/
  );
});

test("bad options are refused before anything runs", () => {
  for (const args of [["--duration-days", "45"], ["--alias"], ["--frobnicate"]]) {
    const r = setup(args);
    assert.equal(r.status, 2, args.join(" "));
    assert.deepEqual(r.calls, []);
  }
});
