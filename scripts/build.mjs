#!/usr/bin/env node
/**
 * Bundles ts-src/main.ts (the Open CTI softphone) and ts-src/connector.ts (the Salesforce Voice
 * connector) into the directory static resource `softphone`.
 * Deterministic: same sources, same bytes. `--check` builds into a temp folder and fails when
 * the committed static resource differs from a fresh build (used by `npm test`).
 * `--resource-dir DIR` builds into (or checks) DIR and DIR.resource-meta.xml instead of the
 * committed resource (used by scripts/build-drift.test.mjs).
 */
import { build } from "esbuild";
import {
  mkdtempSync,
  rmSync,
  mkdirSync,
  writeFileSync,
  readdirSync,
  readFileSync,
  statSync
} from "node:fs";
import { join, relative, dirname, resolve } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const resourceDir = join(root, "force-app/main/default/staticresources/softphone");
const metaFile = join(root, "force-app/main/default/staticresources/softphone.resource-meta.xml");

/** The resource directory and meta file to build or check: the committed ones unless --resource-dir. */
function targets(argv) {
  const i = argv.indexOf("--resource-dir");
  if (i < 0) return { dir: resourceDir, meta: metaFile };
  const dir = argv[i + 1];
  if (!dir || dir.startsWith("--")) throw new Error("--resource-dir needs a directory");
  const abs = resolve(dir);
  return { dir: abs, meta: `${abs}.resource-meta.xml` };
}
const META = `<?xml version="1.0" encoding="UTF-8"?>
<StaticResource xmlns="http://soap.sforce.com/2006/04/metadata">
    <cacheControl>Public</cacheControl>
    <contentType>application/zip</contentType>
    <description>Open CTI softphone bundle (built by npm run build from ts-src; do not edit)</description>
</StaticResource>
`;

/** Builds the bundle into `outdir`, which is emptied first so no stale chunk survives. */
export async function buildInto(outdir, { metafile = false } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build(bundleOptions(outdir, { main: "ts-src/main.ts" }, metafile));
  await buildConnectorInto(outdir);
  return result;
}

/**
 * The Salesforce Voice connector (SoftphoneConnector.page) in the same resource: a build of
 * its own, so main.js and its chunks are the same bytes with or without it.
 */
export async function buildConnectorInto(outdir, { metafile = false } = {}) {
  const options = bundleOptions(outdir, { connector: "ts-src/connector.ts" }, metafile);
  return build({ ...options, chunkNames: "chunks/connector-[name]-[hash]" });
}

function bundleOptions(outdir, entryPoints, metafile) {
  return {
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    format: "esm",
    splitting: true,
    minify: true,
    sourcemap: false,
    target: ["es2022", "chrome110", "firefox115", "safari16"],
    platform: "browser",
    entryNames: "[name]",
    chunkNames: "chunks/[name]-[hash]",
    assetNames: "assets/[name]-[hash]",
    jsx: "automatic",
    jsxImportSource: "preact",
    legalComments: "none",
    metafile,
    logLevel: "warning",
    define: { "process.env.NODE_ENV": '"production"' }
  };
}

function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

/** Lists files that differ between two directories (missing, extra or changed). */
export function diffDirs(expectedDir, actualDir) {
  const a = new Set(listFiles(expectedDir));
  let b;
  try {
    b = new Set(listFiles(actualDir));
  } catch {
    b = new Set();
  }
  const problems = [];
  for (const f of a) {
    if (!b.has(f)) problems.push(`missing from the committed resource: ${f}`);
    else if (!readFileSync(join(expectedDir, f)).equals(readFileSync(join(actualDir, f))))
      problems.push(`differs from a fresh build: ${f}`);
  }
  for (const f of b) if (!a.has(f)) problems.push(`stale file not produced by the build: ${f}`);
  return problems;
}

async function main() {
  const { dir: targetDir, meta: targetMeta } = targets(process.argv);
  if (process.argv.includes("--check")) {
    const tmp = mkdtempSync(join(tmpdir(), "softphone-build-"));
    try {
      await buildInto(tmp);
      const problems = diffDirs(tmp, targetDir);
      let metaOk = false;
      try {
        metaOk = readFileSync(targetMeta, "utf8") === META;
      } catch {
        metaOk = false;
      }
      if (!metaOk) problems.push("softphone.resource-meta.xml differs from what the build writes");
      if (problems.length) {
        console.error("build-drift: the committed static resource is not a fresh build of ts-src:");
        for (const p of problems) console.error(`  ${p}`);
        console.error("Run `npm run build` and commit force-app/main/default/staticresources.");
        process.exit(1);
      }
      console.log("build-drift: committed static resource matches a fresh build");
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    return;
  }
  await buildInto(targetDir);
  writeFileSync(targetMeta, META);
  const files = listFiles(targetDir);
  console.log(`built ${files.length} files into ${relative(root, targetDir)}: ${files.join(", ")}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
