/**
 * `npm audit` for what ships: every runtime library here is a devDependency because esbuild
 * bundles it into the static resource, so `npm audit --omit=dev` would audit nothing. Instead
 * the packages really bundled are read from esbuild's metafile, and `npm audit --json` must
 * report no high or critical advisory for any of them (or their dependencies). An endpoint that
 * does not answer fails the test: no answer is not a clean bill of health. A registry that
 * answers that it does not offer the audit API at all (HTTP 404/405/501, as the package mirror
 * of the development sandbox does) makes the test report itself skipped with that reason.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { buildInto } from "../scripts/build.mjs";
import { root } from "../scripts/start.mjs";

/** Package names under node_modules that esbuild put into the softphone bundle. */
async function bundledPackages() {
  const out = mkdtempSync(join(root, ".tmp", "audit-build-"));
  try {
    const { metafile } = await buildInto(out, { metafile: true });
    const names = new Set();
    for (const input of Object.keys(metafile.inputs)) {
      const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (m) names.add(m[1]);
    }
    return names;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The packages and, from package-lock.json, everything they depend on. */
function withDependencies(names) {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
  const all = new Set();
  const visit = (name) => {
    if (all.has(name)) return;
    all.add(name);
    const entry = lock.packages[`node_modules/${name}`];
    for (const dep of Object.keys({ ...entry?.dependencies, ...entry?.peerDependencies }))
      visit(dep);
  };
  for (const n of names) visit(n);
  return all;
}

function npmAuditJson() {
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["audit", "--json"],
      { cwd: root, maxBuffer: 64 * 1024 * 1024, timeout: 120000 },
      (error, stdout, stderr) => resolve({ error, stdout, stderr })
    );
  });
}

test("the bundled libraries are the expected ones (preact, sip.js, libphonenumber-js)", async () => {
  const bundled = await bundledPackages();
  for (const expected of ["preact", "sip.js", "libphonenumber-js"])
    assert.ok(bundled.has(expected), `${expected} is bundled (found ${[...bundled].join(", ")})`);
});

/** HTTP statuses with which a registry says it has no audit API (a final "no", not an outage). */
const AUDIT_NOT_OFFERED = new Set([404, 405, 501]);

test("npm audit: no high or critical advisory for anything bundled into the static resource", async (t) => {
  const shipped = withDependencies(await bundledPackages());
  const { stdout, stderr } = await npmAuditJson();
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    assert.fail(`npm audit gave no JSON report: ${String(stderr).slice(0, 500)}`);
  }
  if (!report.vulnerabilities || !report.metadata) {
    const status = Number(
      /\b(\d{3})\b/.exec(
        String(report.statusCode ?? report.message ?? report.error?.summary ?? "")
      )?.[1]
    );
    if (AUDIT_NOT_OFFERED.has(status)) {
      t.skip(
        `this registry does not offer the npm audit API (HTTP ${status}); the bundled packages ` +
          `(${[...shipped].join(", ")}) are audited where it does`
      );
      return;
    }
    assert.fail(
      `the npm audit endpoint did not answer, so the bundled packages (${[...shipped].join(", ")}) ` +
        `could not be checked: ${report.statusCode ?? ""} ${report.message ?? report.error?.summary ?? JSON.stringify(report).slice(0, 300)}`
    );
  }
  const serious = Object.values(report.vulnerabilities).filter(
    (v) => shipped.has(v.name) && (v.severity === "high" || v.severity === "critical")
  );
  assert.deepEqual(
    serious.map((v) => `${v.name} (${v.severity}): ${v.via.map((x) => x.title ?? x).join("; ")}`),
    [],
    "high or critical advisories in bundled code"
  );
});
