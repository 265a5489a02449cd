/**
 * `npm run package:version` uses only flags the installed Salesforce CLI knows, names the
 * package declared in sfdx-project.json, and waits for the version.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const script = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts[
  "package:version"
];
const sfBin = join(root, "node_modules/.bin/sf");

test("package:version creates a version of this project's package and waits for it", () => {
  const project = JSON.parse(readFileSync(join(root, "sfdx-project.json"), "utf8"));
  const name = /--package "([^"]+)"/.exec(script)?.[1];
  assert.ok(name, "names the package");
  assert.ok(
    project.packageDirectories.some((d) => d.package === name),
    `sfdx-project.json declares package "${name}"`
  );
  assert.match(script, /^sf package version create /);
  assert.match(script, /--wait \d+/);
  assert.match(script, /--code-coverage/, "a version can only be promoted with code coverage");
  assert.match(
    script,
    /--installation-key-bypass|--installation-key /,
    "sf requires one of the two"
  );
  const def = /--definition-file (\S+)/.exec(script)?.[1];
  if (def) assert.ok(existsSync(join(root, def)), `${def} exists`);
});

test(
  "every flag of package:version is a flag of the installed sf",
  { skip: !existsSync(sfBin) && "sf is not installed" },
  () => {
    const help = spawnSync(sfBin, ["package", "version", "create", "--help"], {
      encoding: "utf8",
      env: {
        ...process.env,
        SF_DISABLE_TELEMETRY: "true",
        SF_AUTOUPDATE_DISABLE: "true",
        SF_SKIP_NEW_VERSION_CHECK: "true"
      }
    });
    assert.equal(help.status, 0, help.stderr);
    const known = new Set(
      [...help.stdout.matchAll(/--(?:\[no-\])?([a-z][a-z-]+)/g)].map((m) => m[1])
    );
    const used = [...script.matchAll(/\s--([a-z][a-z-]+)/g)].map((m) => m[1]);
    assert.ok(used.length >= 4);
    assert.deepEqual(
      used.filter((f) => !known.has(f)),
      []
    );
  }
);
