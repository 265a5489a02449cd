/**
 * `npm run package:version` names the package declared in sfdx-project.json, measures coverage
 * and waits for the version (its flags are checked against the installed sf in sf-flags.test.mjs).
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const script = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts[
  "package:version"
];

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
