#!/usr/bin/env node
/**
 * npm run org:trust -- wss://pbx.example.com:8089 [--name Softphone_PBX_Main] [--description TEXT] [--force]
 * Writes a CSP Trusted Site (connect-src, Visualforce context) for the PBX into
 * force-app/main/default/cspTrustedSites/, so the softphone page may open its WebSocket.
 * Deploy it with `sf project deploy start`. --dir DIR writes elsewhere.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import {
  checkSiteName,
  cspTrustedSiteXml,
  defaultSiteName,
  parseEndpoint,
  TrustInputError
} from "./org/trust.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const options = { force: false };
const positional = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--force") options.force = true;
  else if (a === "--name" || a === "--description" || a === "--dir") {
    if (args[i + 1] === undefined) {
      console.error(`org:trust: ${a} needs a value.`);
      process.exit(2);
    }
    options[a.slice(2)] = args[++i];
  } else if (a === "--help" || a === "-h") {
    console.log(
      "Usage: npm run org:trust -- wss://pbx.example.com[:port] [--name NAME] [--description TEXT] [--force]"
    );
    process.exit(0);
  } else if (a.startsWith("--")) {
    console.error(`org:trust: unknown option ${a}.`);
    process.exit(2);
  } else positional.push(a);
}

try {
  if (positional.length !== 1)
    throw new TrustInputError(
      positional.length === 0
        ? "Give the PBX URL, for example: npm run org:trust -- wss://pbx.example.com:8089"
        : `Give exactly one URL (got ${positional.length}); run the command once per PBX.`
    );
  const endpoint = parseEndpoint(positional[0]);
  const name = checkSiteName(options.name ?? defaultSiteName(endpoint.host));
  const dir = options.dir ?? join(root, "force-app/main/default/cspTrustedSites");
  const file = join(dir, `${name}.cspTrustedSite-meta.xml`);
  const xml = cspTrustedSiteXml({
    endpointUrl: endpoint.origin,
    description:
      options.description ?? `PBX for the Open CTI softphone (written by npm run org:trust)`
  });
  const rel = relative(process.cwd(), file);
  const shown = rel === "" || rel.startsWith("..") ? file : rel;
  if (existsSync(file) && !options.force) {
    const current = readFileSync(file, "utf8");
    if (current === xml) {
      console.log(`${shown} already trusts ${endpoint.origin}; nothing to do.`);
      process.exit(0);
    }
    const existing = /<endpointUrl>([^<]*)<\/endpointUrl>/.exec(current)?.[1] ?? "another endpoint";
    throw new TrustInputError(
      `${shown} already exists for ${existing}. Use --name for a second PBX, or --force to replace it.`
    );
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, xml);
  if (endpoint.droppedPath)
    console.log(
      `Note: trusted sites cover a whole origin, so the path ${endpoint.droppedPath} is not part of the entry.`
    );
  console.log(`Wrote ${shown} (connect-src ${endpoint.origin}, Visualforce pages).`);
  console.log(
    "Next: sf project deploy start, then set sipSettings/webSocketUrl in Setup > Call Centers."
  );
} catch (e) {
  if (!(e instanceof TrustInputError)) throw e;
  console.error(`org:trust: ${e.message}`);
  process.exit(1);
}
