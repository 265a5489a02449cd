/** Bundles pop-node-entry.mjs (TypeScript sources included) for Node and runs it. */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

export async function measurePopLatencyInNode(root, calls) {
  const outfile = join(root, ".tmp", `bench-pop-node-${process.pid}.mjs`);
  await build({
    absWorkingDir: root,
    entryPoints: [join(root, "bench/lib/pop-node-entry.mjs")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    minify: true,
    logLevel: "warning",
    define: { "process.env.NODE_ENV": '"production"' }
  });
  try {
    const mod = await import(pathToFileURL(outfile).href);
    return await mod.measurePopLatencyInNode(calls);
  } finally {
    rmSync(outfile, { force: true });
  }
}
