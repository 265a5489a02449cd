/**
 * What the softphone page loads, from the esbuild metafile of a build: the start-up load
 * (main.js, its CSS bundle and every chunk main.js imports statically, transitively) and what
 * switching to the SIP phone adds (the chunk holding ts-src/phone/sip and any static imports
 * of it not already loaded). Sizes are gzip (level 9, as a static-resource server would
 * compress once and cache) of the exact bytes the build wrote.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { single } from "./report.mjs";

/** Output paths reachable from `start` through static imports (`import-statement`). */
export function staticClosure(outputs, start) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    const output = outputs[path];
    if (!output) throw new Error(`metafile has no output ${path}`);
    seen.add(path);
    for (const imported of output.imports ?? [])
      if (imported.kind === "import-statement") visit(imported.path);
  };
  visit(start);
  return seen;
}

/** The entry output of `entryPoint` and the chunk whose inputs include `inputPrefix`. */
export function findOutputs(outputs, { entryPoint, inputPrefix }) {
  const entries = Object.keys(outputs).filter((p) => outputs[p].entryPoint === entryPoint);
  if (entries.length !== 1)
    throw new Error(`expected one output for entry ${entryPoint}, found ${entries.length}`);
  const holders = Object.keys(outputs).filter(
    (p) =>
      p.endsWith(".js") && Object.keys(outputs[p].inputs).some((i) => i.startsWith(inputPrefix))
  );
  if (holders.length !== 1)
    throw new Error(`expected one chunk holding ${inputPrefix}, found ${holders.length}`);
  return { entry: entries[0], holder: holders[0] };
}

/**
 * Start-up and SIP sizes of a build. `metafile` paths are relative to `workingDir` (esbuild's
 * absWorkingDir); `outdir` is the build's output folder.
 */
export function measureSizes(metafile, { workingDir, outdir }) {
  const outputs = metafile.outputs;
  const { entry, holder } = findOutputs(outputs, {
    entryPoint: "ts-src/main.ts",
    inputPrefix: "ts-src/phone/sip/"
  });
  const file = (path) => {
    const bytes = readFileSync(resolve(workingDir, path));
    return {
      file: relative(outdir, resolve(workingDir, path)),
      bytes: bytes.length,
      gzipBytes: gzipSync(bytes, { level: 9 }).length
    };
  };
  const startPaths = [...staticClosure(outputs, entry)];
  const css = outputs[entry].cssBundle;
  if (css) startPaths.push(css);
  const startFiles = startPaths.map(file);
  const loaded = new Set(startPaths);
  const sipPaths = [...staticClosure(outputs, holder)].filter((p) => !loaded.has(p));
  const sipFiles = sipPaths.map(file);
  const total = (files) => files.reduce((t, f) => t + f.gzipBytes, 0);
  return {
    startup: { files: startFiles, gzipBytes: total(startFiles) },
    sip: {
      chunk: file(holder),
      addedFiles: sipFiles,
      addedGzipBytes: total(sipFiles)
    }
  };
}

/** Published size of Salesforce's demo Open CTI adapter's static resource: a fact from its repository, not measured here. */
export const SALESFORCE_DEMO_ADAPTER_BYTES = 4.1 * 1024 * 1024;

export const SIZE_TARGETS = {
  startupGzipBytes: 40 * 1024,
  sipGzipBytes: 55 * 1024,
  connectorWithoutBaseGzipBytes: 60 * 1024
};

/**
 * What the floor page (bench/floor: only what Open CTI needs to be "ready") loads from its
 * resource, gzip like ours; null when the folder is not there.
 */
export function measureFloorSize(floorDir) {
  const files = ["main.js", "main.css"].filter((f) => existsSync(join(floorDir, f)));
  if (!files.includes("main.js")) return null;
  const gzipBytes = files.reduce(
    (n, f) => n + gzipSync(readFileSync(join(floorDir, f)), { level: 9 }).length,
    0
  );
  return { files, gzipBytes };
}

/** The chunk holding `inputPrefix` (a lazy one), gzip; null when no chunk holds it. */
export function measureChunk(metafile, { workingDir, inputPrefix }) {
  const holder = Object.keys(metafile.outputs).find(
    (p) =>
      p.endsWith(".js") &&
      Object.keys(metafile.outputs[p].inputs).some((i) => i.startsWith(inputPrefix))
  );
  if (!holder) return null;
  const bytes = readFileSync(resolve(workingDir, holder));
  return { bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

const bytesFigure = (id, label, value, max) => ({
  id,
  label,
  unit: "bytes",
  summary: single(value),
  target: max === null ? null : { stat: "max", max }
});

const notMeasured = (id, label, reason) => ({ id, label, unit: "bytes", notMeasured: reason });

/**
 * The size lines of the report: our start-up load next to the floor page's and to Salesforce's
 * demo adapter, the lazy chunks (phone-number rules, SIP), and the Voice connector's start-up.
 * `floor`, `numbers` and `connector` may be null (not there / not measured).
 */
export function sizeFigures(sizes, { floor = null, numbers = null, connector = null } = {}) {
  const figures = [
    bytesFigure(
      "size.startup",
      "size: start-up load, demo (gzip)",
      sizes.startup.gzipBytes,
      SIZE_TARGETS.startupGzipBytes
    ),
    floor
      ? bytesFigure(
          "size.floor",
          "size: floor page (Open CTI's minimum), start-up (gzip)",
          floor.gzipBytes,
          null
        )
      : notMeasured(
          "size.floor",
          "size: floor page (Open CTI's minimum), start-up (gzip)",
          "bench/floor/main.js is not there"
        ),
    bytesFigure(
      "size.salesforceDemo",
      "size: Salesforce demo adapter's resource (published, from its repository; not measured)",
      SALESFORCE_DEMO_ADAPTER_BYTES,
      null
    ),
    bytesFigure(
      "size.sip",
      "size: SIP chunk (gzip)",
      sizes.sip.chunk.gzipBytes,
      SIZE_TARGETS.sipGzipBytes
    )
  ];
  if (numbers)
    figures.push(
      bytesFigure(
        "size.numbers",
        "size: phone-number rules chunk, lazy after ready (gzip)",
        numbers.gzipBytes,
        null
      )
    );
  const connectorLabel = "size: connector start-up without scv-connector-base (gzip)";
  if (connector) {
    figures.push(
      bytesFigure(
        "size.connector",
        connectorLabel,
        connector.withoutBase.gzipBytes,
        SIZE_TARGETS.connectorWithoutBaseGzipBytes
      ),
      bytesFigure(
        "size.connector.shipped",
        "size: connector start-up as shipped, with scv-connector-base (gzip)",
        connector.withBase.gzipBytes,
        null
      )
    );
  } else figures.push(notMeasured("size.connector", connectorLabel, "not measured in this run"));
  return figures;
}
