#!/usr/bin/env node
/**
 * `npm start`: builds the softphone bundle, then serves the workbench on 127.0.0.1
 * (PORT, default 3000): a Salesforce-like shell hosting the unmodified softphone page.
 *   npm start -- --sip wss://pbx.example.com:8089/ws [--sip-domain D] [--ice URLs] [--credentials prompt|salesforce]
 *   npm start -- --adapter <folder|page.html|url> [--classic] [--strict-csp] [--replace-bundled-opencti] [--trust origin]
 *     hosts YOUR Open CTI adapter page instead, with the same shell, org and stand-in library.
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
  let adapter;
  try {
    adapter = cli.adapter ? mod.resolveAdapter(cli.adapter, process.cwd()) : undefined;
  } catch (e) {
    if (e instanceof mod.AdapterError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  // A foreign adapter does not need our bundle, only the shell and the stand-in library.
  if (!adapter)
    execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { stdio: "inherit" });
  const wb = await mod.startWorkbenchServer({
    root,
    port: cli.port ?? 3000,
    settings: cli.settings,
    connectOrigins: cli.connectOrigins,
    ...(cli.view ? { view: cli.view } : {}),
    ...(adapter ? { adapter } : {}),
    ...(cli.adapterCsp ? { adapterCsp: cli.adapterCsp } : {}),
    ...(cli.replaceBundledLibrary ? { replaceBundledLibrary: true } : {})
  });
  if (adapter) {
    const where =
      adapter.kind === "folder"
        ? join(adapter.dir, adapter.entry)
        : new URL(adapter.entry, adapter.base).href;
    console.log(`Open CTI adapter workbench: ${where}`);
    console.log(`  Lightning utility bar: ${wb.url}${cli.view === "classic" ? "lightning" : ""}`);
    console.log(`  Classic sidebar:       ${wb.url}classic`);
    console.log(
      `  CSP of the adapter page: ${cli.adapterCsp === "strict" ? "strict (--strict-csp)" : "Visualforce default (inline scripts allowed)"}`
    );
  } else {
    const provider = cli.settings["/softphoneSettings/provider"] ?? "demo";
    console.log(`Softphone workbench (${provider} phone): ${wb.url}`);
    console.log(`  Classic mode: ${wb.url}classic`);
  }
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
