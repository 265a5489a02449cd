/**
 * The stand-in `sf` accepts any flag, so this test asks the installed Salesforce CLI whether
 * every command and flag that org:setup, the org CI workflow and package:version use really exists.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const sfBin = join(root, "node_modules/.bin/sf");
const work = mkdtempSync(join(tmpdir(), "sf-flags-"));
after(() => rmSync(work, { recursive: true, force: true }));
const env = {
  ...process.env,
  SF_DISABLE_TELEMETRY: "true",
  SF_AUTOUPDATE_DISABLE: "true",
  SF_SKIP_NEW_VERSION_CHECK: "true"
};

/** Every sf command line org:setup runs, recorded by the stand-in sf. */
function setupCommandLines() {
  const lines = [];
  for (const args of [
    ["--dev-hub", "hub"],
    ["--target-org", "mine"]
  ]) {
    const log = join(work, `log-${lines.length}`);
    const r = spawnSync(process.execPath, [join(root, "scripts/org-setup.mjs"), ...args], {
      encoding: "utf8",
      env: {
        ...env,
        PATH: `${join(root, "scripts/org/fixtures")}${delimiter}${process.env.PATH}`,
        SF_STUB_LOG: log
      }
    });
    assert.equal(r.status, 0, r.stderr);
    lines.push(
      ...readFileSync(log, "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).args)
    );
  }
  return lines;
}

/** Every `npx sf …` command line of the workflow, split like a shell would (quotes dropped). */
function workflowCommandLines() {
  const workflow = parse(readFileSync(join(root, ".github/workflows/org-ci.yml"), "utf8"));
  return Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .flatMap((step) => String(step.run ?? "").split("\n"))
    .map((line) => line.trim())
    .filter((line) => line.startsWith("npx sf "))
    .map((line) =>
      line
        .slice("npx sf ".length)
        .match(/"[^"]*"|\S+/g)
        .map((w) => w.replace(/^"|"$/g, ""))
    );
}

const split = (args) => {
  const firstFlag = args.findIndex((a) => a.startsWith("-"));
  const words = firstFlag < 0 ? args : args.slice(0, firstFlag);
  return { command: words.join(" "), flags: args.filter((a) => a.startsWith("-")) };
};

/** `sf package version create …` from package.json's package:version script. */
function packageScriptCommandLine() {
  const script = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts[
    "package:version"
  ];
  return script
    .replace(/^sf /, "")
    .match(/"[^"]*"|\S+/g)
    .map((w) => w.replace(/^"|"$/g, ""));
}

test(
  "every flag org:setup, org-ci and package:version pass is a flag of the installed sf",
  { skip: !existsSync(sfBin) && "sf is not installed" },
  () => {
    // One `sf commands --json` lists every command with its flags (one CLI start-up, not one per command).
    const r = spawnSync(sfBin, ["commands", "--json"], {
      encoding: "utf8",
      env,
      maxBuffer: 64 << 20
    });
    assert.equal(r.status, 0, r.stderr);
    const catalogue = new Map(
      JSON.parse(r.stdout).map((c) => [
        c.id,
        new Set(
          Object.entries({ ...c.baseFlags, ...c.flags }).flatMap(([name, f]) => [
            `--${name}`,
            ...(f.char ? [`-${f.char}`] : []),
            ...(f.allowNo ? [`--no-${name}`] : [])
          ])
        )
      ])
    );
    const lines = [...setupCommandLines(), ...workflowCommandLines(), packageScriptCommandLine()];
    const commands = new Set();
    for (const args of lines) {
      const { command, flags } = split(args);
      commands.add(command);
      const known = catalogue.get(command.replace(/ /g, ":"));
      assert.ok(known, `sf ${command} is a command`);
      assert.deepEqual(
        flags.filter((f) => !known.has(f)),
        [],
        `sf ${command}`
      );
    }
    assert.ok(commands.size >= 10, [...commands].join(", "));
  }
);
