import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { findOutputs, measureSizes, staticClosure } from "./lib/size.mjs";

/** A metafile shaped like esbuild's for a build in out/ (paths relative to the working dir). */
const metafile = {
  outputs: {
    "out/main.js": {
      entryPoint: "ts-src/main.ts",
      cssBundle: "out/main.css",
      inputs: { "ts-src/main.ts": {} },
      imports: [
        { path: "out/chunks/shared.js", kind: "import-statement" },
        { path: "out/chunks/sip.js", kind: "dynamic-import" }
      ]
    },
    "out/chunks/shared.js": {
      inputs: { "ts-src/phone/phone.ts": {} },
      imports: [{ path: "out/chunks/deep.js", kind: "import-statement" }]
    },
    "out/chunks/deep.js": { inputs: { "ts-src/x.ts": {} }, imports: [] },
    "out/chunks/sip.js": {
      entryPoint: "ts-src/phone/sip/index.ts",
      inputs: { "ts-src/phone/sip/index.ts": {}, "node_modules/sip.js/lib/index.js": {} },
      imports: [
        { path: "out/chunks/shared.js", kind: "import-statement" },
        { path: "out/chunks/sip-only.js", kind: "import-statement" }
      ]
    },
    "out/chunks/sip-only.js": { inputs: { "node_modules/x.js": {} }, imports: [] },
    "out/main.css": { inputs: { "ts-src/ui/softphone.css": {} }, imports: [] }
  }
};

test("the start-up load follows static imports transitively, not dynamic ones", () => {
  assert.deepEqual([...staticClosure(metafile.outputs, "out/main.js")].sort(), [
    "out/chunks/deep.js",
    "out/chunks/shared.js",
    "out/main.js"
  ]);
});

test("the SIP chunk is the one holding ts-src/phone/sip", () => {
  assert.deepEqual(
    findOutputs(metafile.outputs, {
      entryPoint: "ts-src/main.ts",
      inputPrefix: "ts-src/phone/sip/"
    }),
    {
      entry: "out/main.js",
      holder: "out/chunks/sip.js"
    }
  );
  assert.throws(
    () =>
      findOutputs(metafile.outputs, {
        entryPoint: "ts-src/main.ts",
        inputPrefix: "ts-src/nowhere/"
      }),
    /expected one chunk holding ts-src\/nowhere\/, found 0/
  );
});

test("gzipped sizes of the start-up files and of what SIP adds", () => {
  const dir = mkdtempSync(join(tmpdir(), "bench-size-"));
  try {
    const contents = {
      "out/main.js": "console.log('main');".repeat(50),
      "out/chunks/shared.js": "export const a = 1;",
      "out/chunks/deep.js": "export const b = 2;",
      "out/chunks/sip.js": "export const sip = 'sip';".repeat(20),
      "out/chunks/sip-only.js": "export const c = 3;",
      "out/main.css": ".a{color:red}"
    };
    mkdirSync(join(dir, "out/chunks"), { recursive: true });
    for (const [p, text] of Object.entries(contents)) writeFileSync(join(dir, p), text);
    const gz = (p) => gzipSync(Buffer.from(contents[p]), { level: 9 }).length;
    const sizes = measureSizes(metafile, { workingDir: dir, outdir: join(dir, "out") });
    assert.deepEqual(sizes.startup.files.map((f) => f.file).sort(), [
      "chunks/deep.js",
      "chunks/shared.js",
      "main.css",
      "main.js"
    ]);
    assert.equal(
      sizes.startup.gzipBytes,
      gz("out/main.js") + gz("out/chunks/shared.js") + gz("out/chunks/deep.js") + gz("out/main.css")
    );
    assert.equal(sizes.sip.chunk.file, "chunks/sip.js");
    assert.equal(sizes.sip.chunk.gzipBytes, gz("out/chunks/sip.js"));
    assert.equal(sizes.sip.chunk.bytes, contents["out/chunks/sip.js"].length);
    assert.deepEqual(sizes.sip.addedFiles.map((f) => f.file).sort(), [
      "chunks/sip-only.js",
      "chunks/sip.js"
    ]);
    assert.equal(sizes.sip.addedGzipBytes, gz("out/chunks/sip.js") + gz("out/chunks/sip-only.js"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
