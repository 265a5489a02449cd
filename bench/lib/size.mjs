/**
 * What the softphone page loads, from the esbuild metafile of a build: the start-up load
 * (main.js, its CSS bundle and every chunk main.js imports statically, transitively) and what
 * switching to the SIP phone adds (the chunk holding ts-src/phone/sip and any static imports
 * of it not already loaded). Sizes are gzip (level 9, as a static-resource server would
 * compress once and cache) of the exact bytes the build wrote.
 */
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";

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
