#!/usr/bin/env node
/**
 * `npm start -- --voice`: the Salesforce Voice workbench. Builds the static resource, then
 * serves Salesforce's side of Partner Telephony over https on 127.0.0.1 under Salesforce-like
 * host names (a self-signed certificate made now). Open it with a browser that maps those
 * names to 127.0.0.1, e.g.
 *   chromium --host-resolver-rules="MAP wb.lightning.force.com 127.0.0.1, MAP wb--c.vf.force.com 127.0.0.1" \
 *     --ignore-certificate-errors https://wb.lightning.force.com:3443/
 * Options: --port N (default 3443); --sip URL [--sip-domain D] [--credentials prompt|salesforce].
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Bundles the Voice workbench server for Node and imports it. */
export async function loadVoiceWorkbench() {
  const outfile = join(root, ".tmp/voice-workbench", `server-${process.pid}-${Date.now()}.mjs`);
  await build({
    absWorkingDir: root,
    entryPoints: ["ts-src/workbench/voice/index.ts"],
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

/** `/section/item` settings from the command line. */
export function voiceSettingsFromArgs(args) {
  const value = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const settings = {};
  const sip = value("--sip");
  if (sip) {
    settings["/softphoneSettings/provider"] = "sip";
    settings["/sipSettings/webSocketUrl"] = sip;
    settings["/sipSettings/sipDomain"] = value("--sip-domain") ?? new URL(sip).hostname;
    settings["/sipSettings/credentials"] = value("--credentials") ?? "prompt";
  }
  return { settings, port: Number(value("--port") ?? 3443), sip };
}

export async function main(args) {
  const { settings, port, sip } = voiceSettingsFromArgs(args);
  execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { stdio: "inherit" });
  const mod = await loadVoiceWorkbench();
  const wb = await mod.startVoiceWorkbench({
    root,
    port,
    settings,
    connectOrigins: sip ? [new URL(sip).origin] : []
  });
  console.log(`Salesforce Voice workbench: ${wb.url}`);
  console.log(`  Map the names to 127.0.0.1 in the browser: ${mod.CHROMIUM_VOICE_ARGS[0]}`);
  const stop = () => wb.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
