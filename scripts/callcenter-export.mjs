#!/usr/bin/env node
/**
 * npm run callcenter:export            writes config/callcenter/<Name>.xml from the metadata file
 * node scripts/callcenter-export.mjs --check
 *                                      exits 1 when the committed file differs from a fresh export
 * Options: --source PATH (default force-app/main/default/callCenters/OpenCtiSoftphone.callCenter-meta.xml)
 *          --out PATH    (default config/callcenter/<internal name>.xml)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { exportCallCenter, ExportError } from "./callcenter/export.mjs";
import { internalNameFromFileName } from "./callcenter/model.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const check = args.includes("--check");
const source =
  option("--source") ??
  join(root, "force-app/main/default/callCenters/OpenCtiSoftphone.callCenter-meta.xml");
const out =
  option("--out") ?? join(root, "config/callcenter", `${internalNameFromFileName(source)}.xml`);
const shown = (p) => relative(process.cwd(), p) || p;

let metadataXml;
try {
  metadataXml = readFileSync(source, "utf8");
} catch (e) {
  console.error(`callcenter:export: cannot read ${shown(source)}: ${e.message}`);
  process.exit(2);
}
let generated;
try {
  generated = exportCallCenter(metadataXml, source, {
    generatedFrom: relative(root, source).split("\\").join("/")
  });
} catch (e) {
  if (!(e instanceof ExportError)) throw e;
  console.error(`callcenter:export: ${e.message}`);
  for (const p of e.problems)
    console.error(`  ${shown(source)}:${p.line}: ${p.message} [${p.rule}]`);
  process.exit(1);
}

if (check) {
  const committed = existsSync(out) ? readFileSync(out, "utf8") : null;
  if (committed !== generated) {
    console.error(
      committed === null
        ? `callcenter:export --check: ${shown(out)} is missing. Run: npm run callcenter:export`
        : `callcenter:export --check: ${shown(out)} is stale: it differs from ${shown(source)}. Run: npm run callcenter:export`
    );
    process.exit(1);
  }
  console.log(`${shown(out)} is up to date.`);
} else {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, generated);
  console.log(`Wrote ${shown(out)}`);
}
