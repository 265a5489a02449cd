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

test("size figures: start-up next to the floor and Salesforce's demo adapter, with targets", async () => {
  const { sizeFigures, SALESFORCE_DEMO_ADAPTER_BYTES } = await import("./lib/size.mjs");
  const { evaluate } = await import("./lib/report.mjs");
  const sizes = { startup: { gzipBytes: 39 * 1024 }, sip: { chunk: { gzipBytes: 56 * 1024 } } };
  const figures = evaluate(
    sizeFigures(sizes, {
      floor: { gzipBytes: 700 },
      numbers: { gzipBytes: 29 * 1024 },
      connector: { withoutBase: { gzipBytes: 61 * 1024 }, withBase: { gzipBytes: 78 * 1024 } }
    })
  );
  const byId = Object.fromEntries(figures.map((f) => [f.id, f]));
  assert.equal(byId["size.startup"].met, true);
  assert.equal(byId["size.startup"].target.max, 40 * 1024);
  assert.equal(byId["size.floor"].summary.median, 700);
  assert.equal(byId["size.floor"].met, null);
  assert.equal(byId["size.salesforceDemo"].summary.median, SALESFORCE_DEMO_ADAPTER_BYTES);
  assert.match(byId["size.salesforceDemo"].label, /published/);
  assert.equal(byId["size.sip"].met, false);
  assert.equal(byId["size.sip"].target.max, 55 * 1024);
  assert.equal(byId["size.numbers"].summary.median, 29 * 1024);
  assert.equal(byId["size.connector"].met, false);
  assert.equal(byId["size.connector"].target.max, 60 * 1024);
  assert.equal(byId["size.connector.shipped"].summary.median, 78 * 1024);
});

test("size figures say why the floor and the connector were not measured", async () => {
  const { sizeFigures } = await import("./lib/size.mjs");
  const sizes = { startup: { gzipBytes: 1 }, sip: { chunk: { gzipBytes: 1 } } };
  const figures = sizeFigures(sizes);
  const byId = Object.fromEntries(figures.map((f) => [f.id, f]));
  assert.match(byId["size.floor"].notMeasured, /bench\/floor/);
  assert.ok(byId["size.connector"].notMeasured);
  assert.equal(byId["size.numbers"], undefined);
});

test("the floor's size is its main.js and main.css, gzip; null without main.js", async () => {
  const { measureFloorSize } = await import("./lib/size.mjs");
  const dir = mkdtempSync(join(tmpdir(), "floor-size-"));
  try {
    assert.equal(measureFloorSize(dir), null);
    writeFileSync(join(dir, "main.js"), "console.log('ready');");
    writeFileSync(join(dir, "main.css"), "body{margin:0}");
    const expected =
      gzipSync("console.log('ready');", { level: 9 }).length +
      gzipSync("body{margin:0}", { level: 9 }).length;
    assert.deepEqual(measureFloorSize(dir), {
      files: ["main.js", "main.css"],
      gzipBytes: expected
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a lazy chunk is found by the input it holds", async () => {
  const { measureChunk } = await import("./lib/size.mjs");
  const dir = mkdtempSync(join(tmpdir(), "chunk-size-"));
  try {
    writeFileSync(join(dir, "numbers.js"), "export const n=1;");
    const meta = {
      outputs: {
        "numbers.js": { inputs: { "ts-src/core/phone-numbers-lib.ts": {} }, imports: [] }
      }
    };
    const found = measureChunk(meta, {
      workingDir: dir,
      inputPrefix: "ts-src/core/phone-numbers-lib.ts"
    });
    assert.equal(found.bytes, 17);
    assert.equal(measureChunk(meta, { workingDir: dir, inputPrefix: "ts-src/nothing" }), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
