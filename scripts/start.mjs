#!/usr/bin/env node
/**
 * `npm start`: builds the softphone bundle, then serves the workbench on 127.0.0.1
 * (PORT, default 3000): a Salesforce-like shell hosting the unmodified softphone page.
 *   npm start -- --sip wss://pbx.example.com:8089/ws [--sip-domain D] [--ice URLs] [--credentials prompt|salesforce]
 * The workbench server is TypeScript (ts-src/workbench/server); it is bundled into .tmp first.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Bundles the workbench server for Node and imports it. */
export async function loadWorkbenchServer() {
  const outfile = join(root, ".tmp/workbench-server", `server-${process.pid}.mjs`);
  await build({
    absWorkingDir: root,
    entryPoints: ["ts-src/workbench/server/index.ts"],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning"
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(outfile, { force: true });
  }
}

async function main() {
  if (process.argv.includes("--voice"))
    return (await import("./voice-workbench.mjs")).main(process.argv.slice(2));
  const mod = await loadWorkbenchServer();
  let cli;
  try {
    cli = mod.parseWorkbenchArgs(process.argv.slice(2), process.env);
  } catch (e) {
    if (e instanceof mod.CliError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { stdio: "inherit" });
  const wb = await mod.startWorkbenchServer({
    root,
    port: cli.port ?? 3000,
    settings: cli.settings,
    connectOrigins: cli.connectOrigins
  });
  const provider = cli.settings["/softphoneSettings/provider"] ?? "demo";
  console.log(`Softphone workbench (${provider} phone): ${wb.url}`);
  console.log(`  Classic mode: ${wb.url}classic`);
  console.log("Press Ctrl+C to stop.");
  const stop = () => wb.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
