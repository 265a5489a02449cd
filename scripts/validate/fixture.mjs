/**
 * Test helper: a throw-away copy of fixtures/minimal-project with this repository's live
 * configuration (prettier, ESLint, .forceignore, PMD ruleset) and its node_modules linked in,
 * so the tests exercise exactly what `npm run validate` uses.
 */
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  unlinkSync
} from "node:fs";
import { dirname, join } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const FIXTURE = join(REPO_ROOT, "scripts/validate/fixtures/minimal-project");
const LIVE_CONFIG = [
  ".prettierrc",
  ".prettierignore",
  ".forceignore",
  ".gitignore",
  "eslint.config.js",
  "config/pmd-ruleset.xml"
];

/** Copies the fixture project; returns an object to plant mistakes and clean up. */
export function fixtureProject(label = "clean") {
  const root = mkdtempSync(join(tmpdir(), `validate-${label}-`));
  cpSync(FIXTURE, root, { recursive: true });
  for (const f of LIVE_CONFIG) cpSync(join(REPO_ROOT, f), join(root, f));
  symlinkSync(join(REPO_ROOT, "node_modules"), join(root, "node_modules"), "dir");
  return {
    root,
    path: (rel) => join(root, rel),
    read: (rel) => readFileSync(join(root, rel), "utf8"),
    write: (rel, text) => writeFileSync(join(root, rel), text),
    /** Replaces `from` (which must occur) with `to` in a file. */
    replace(rel, from, to) {
      const text = readFileSync(join(root, rel), "utf8");
      if (!text.includes(from)) throw new Error(`${rel} does not contain ${from}`);
      writeFileSync(join(root, rel), text.replace(from, to));
    },
    remove: (rel) => unlinkSync(join(root, rel)),
    /** 1-based line of the first line containing `needle`. */
    lineOf(rel, needle) {
      const i = readFileSync(join(root, rel), "utf8")
        .split("\n")
        .findIndex((l) => l.includes(needle));
      if (i < 0) throw new Error(`${rel} has no line with ${needle}`);
      return i + 1;
    },
    cleanup: () => rmSync(root, { recursive: true, force: true })
  };
}
