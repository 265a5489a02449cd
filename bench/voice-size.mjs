#!/usr/bin/env node
/**
 * The Salesforce Voice connector's start-up load (connector.js and the chunks it imports
 * statically; the SIP chunk is lazy), gzip, measured two ways from fresh esbuild builds:
 * as shipped, and with @salesforce/scv-connector-base left out, which is reported separately
 * (target: ≤ 60 KB gzip without the base). `node bench/voice-size.mjs [--json]`; the
 * integrator can hook `measureConnectorSize()` into bench/run.mjs.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { buildConnectorInto } from "../scripts/build.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const BASE = "@salesforce/scv-connector-base";
export const TARGET_GZIP_BYTES = 60 * 1024;

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** connector.js plus its static imports, from an esbuild metafile. */
function startupFiles(metafile, outdir) {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((p) => p.endsWith("/connector.js"));
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imp of outputs[path].imports ?? [])
      if (imp.kind === "import-statement" && outputs[imp.path]) visit(imp.path);
  };
  visit(entry);
  return [...seen].map((p) => join(root, p)).filter((p) => p.startsWith(outdir));
}

function measure(files) {
  const bytes = files.map((f) => readFileSync(f));
  return {
    files: files.map((f) => relative(root, f)),
    rawBytes: bytes.reduce((n, b) => n + b.length, 0),
    gzipBytes: gzip(Buffer.concat(bytes))
  };
}

export async function measureConnectorSize() {
  const shipped = mkdtempSync(join(tmpdir(), "voice-size-"));
  const bare = mkdtempSync(join(tmpdir(), "voice-size-bare-"));
  try {
    const full = await buildConnectorInto(shipped, { metafile: true });
    const withBase = measure(startupFiles(full.metafile, shipped));
    const { metafile } = await build({
      absWorkingDir: root,
      entryPoints: { connector: "ts-src/connector.ts" },
      outdir: bare,
      bundle: true,
      format: "esm",
      splitting: true,
      minify: true,
      platform: "browser",
      target: ["es2022", "chrome110", "firefox115", "safari16"],
      entryNames: "[name]",
      chunkNames: "chunks/connector-[name]-[hash]",
      legalComments: "none",
      metafile: true,
      logLevel: "warning",
      external: [BASE],
      define: { "process.env.NODE_ENV": '"production"' }
    });
    const withoutBase = measure(startupFiles(metafile, bare));
    const baseDist = readFileSync(join(root, "node_modules", BASE, "dist/scv-connector-base.js"));
    return {
      withBase,
      withoutBase,
      base: { rawBytes: baseDist.length, gzipBytes: gzip(baseDist) },
      targetGzipBytes: TARGET_GZIP_BYTES,
      withinTarget: withoutBase.gzipBytes <= TARGET_GZIP_BYTES
    };
  } finally {
    rmSync(shipped, { recursive: true, force: true });
    rmSync(bare, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await measureConnectorSize();
  if (process.argv.includes("--json")) console.log(JSON.stringify(sizes, null, 2));
  else {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`connector start-up, gzip: ${kb(sizes.withBase.gzipBytes)} as shipped`);
    console.log(
      `  without ${BASE}: ${kb(sizes.withoutBase.gzipBytes)} (target ${kb(TARGET_GZIP_BYTES)}: ${sizes.withinTarget ? "met" : "missed"})`
    );
    console.log(`  ${BASE} alone (dist): ${kb(sizes.base.gzipBytes)}`);
  }
}
