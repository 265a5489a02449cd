/**
 * The scratch-org workflow: skipped cleanly without the Dev Hub secret, and when it runs the
 * scratch org is always deleted, even after a failed deploy or failed tests. The `if:`
 * conditions are evaluated with a small model of GitHub's rules (success() unless stated).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const text = readFileSync(join(root, ".github/workflows/org-ci.yml"), "utf8");
const workflow = parse(text);
const job = workflow.jobs["scratch-org"];
const steps = job.steps;
const stepNamed = (re) => {
  const s = steps.find((st) => re.test(st.name));
  assert.ok(s, `a step matching ${re}`);
  return s;
};

/** Evaluates the `if:` forms this workflow uses: a && b, x == 'v', always(), env.X, steps.id.outcome. */
function evaluate(expression, context) {
  return expression.split("&&").every((part) => {
    const p = part.trim();
    if (p === "always()") return true;
    const m = /^([\w.]+) == '([^']*)'$/.exec(p);
    assert.ok(m, `unsupported condition: ${p}`);
    const [scope, a, b] = m[1].split(".");
    const value =
      scope === "env"
        ? context.env[a]
        : scope === "steps" && b === "outcome"
          ? context.outcomes[a]
          : undefined;
    return value === m[2];
  });
}

/** Runs the job: returns the names of the steps that execute. `failing` names a step that fails. */
function simulate({ hasDevHub, failing = null }) {
  const context = { env: { HAS_DEV_HUB: String(hasDevHub) }, outcomes: {} };
  let failed = false;
  const ran = [];
  for (const step of steps) {
    const runs = step.if
      ? evaluate(step.if, context) && (failed ? /always\(\)/.test(step.if) : true)
      : !failed;
    if (step.id)
      context.outcomes[step.id] = runs
        ? step.name === failing
          ? "failure"
          : "success"
        : "skipped";
    if (!runs) continue;
    ran.push(step.name);
    if (step.name === failing) failed = true;
  }
  return ran;
}

test("runs on pushes to main, pull requests and by hand, with read-only permissions", () => {
  assert.deepEqual(Object.keys(workflow.on).sort(), ["pull_request", "push", "workflow_dispatch"]);
  assert.deepEqual(workflow.permissions, { contents: "read" });
  assert.equal(job.env.HAS_DEV_HUB, "${{ secrets.SFDX_AUTH_URL != '' }}");
});

test("without SFDX_AUTH_URL only the check runs, so the job passes without touching an org", () => {
  const ran = simulate({ hasDevHub: false });
  assert.deepEqual(ran, ["Check for the Dev Hub secret"]);
  assert.doesNotMatch(String(steps[0].run), /\bsf\b/);
});

test("with the secret it authenticates, creates, deploys, tests with coverage and deletes, in that order", () => {
  const ran = simulate({ hasDevHub: true });
  const order = [
    /Authenticate/,
    /Create a scratch org/,
    /Deploy/,
    /Apex tests/,
    /Delete the scratch org/
  ].map((re) => ran.findIndex((n) => re.test(n)));
  assert.ok(
    order.every((i) => i >= 0),
    ran.join(", ")
  );
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order
  );
  const tests = stepNamed(/Apex tests/).run;
  for (const flag of [
    "--code-coverage",
    "--result-format human",
    "--wait 20",
    '--target-org "$SCRATCH_ALIAS"'
  ])
    assert.ok(tests.includes(flag), flag);
  assert.match(
    stepNamed(/Create a scratch org/).run,
    /--definition-file config\/project-scratch-def\.json/
  );
  assert.match(stepNamed(/Deploy/).run, /sf project deploy start --target-org "\$SCRATCH_ALIAS"/);
});

for (const failing of ["Deploy", "Run Apex tests with coverage"])
  test(`the scratch org is deleted even when "${failing}" fails`, () => {
    const ran = simulate({ hasDevHub: true, failing });
    assert.ok(ran.includes("Delete the scratch org"), ran.join(", "));
    assert.match(
      stepNamed(/Delete/).run,
      /sf org delete scratch --target-org "\$SCRATCH_ALIAS" --no-prompt/
    );
  });

test("no org is deleted when none was created", () => {
  const ran = simulate({ hasDevHub: true, failing: "Create a scratch org" });
  assert.ok(!ran.includes("Delete the scratch org"));
});

test("the auth URL never appears in a command line or the log", () => {
  for (const step of steps) assert.doesNotMatch(String(step.run ?? ""), /secrets\./, step.name);
  const auth = stepNamed(/Authenticate/);
  assert.equal(auth.env.SFDX_AUTH_URL, "${{ secrets.SFDX_AUTH_URL }}");
  assert.match(auth.run, /--sfdx-url-file "\$auth_file"/);
  assert.match(auth.run, /rm -f "\$auth_file"/);
  assert.doesNotMatch(auth.run, /echo "\$SFDX_AUTH_URL"/);
});
