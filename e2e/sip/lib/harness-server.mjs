/**
 * Bundles e2e/sip/harness (which imports the real SipPhone from ts-src) with esbuild and serves
 * it on 127.0.0.1 so Chromium can load it from a secure-context origin.
 */
import { build } from "esbuild";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const harnessDir = join(here, "..", "harness");
const root = join(here, "..", "..", "..");

export async function bundleHarness() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(harnessDir, "entry.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["chrome110"],
    write: false,
    sourcemap: "inline",
    logLevel: "warning"
  });
  return result.outputFiles[0].contents;
}

export async function startHarnessServer() {
  const script = await bundleHarness();
  const html = readFileSync(join(harnessDir, "index.html"));
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://127.0.0.1").pathname;
    if (path === "/" || path === "/index.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(html);
    } else if (path === "/harness.js") {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" });
      res.end(script);
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        setTimeout(resolve, 500).unref();
      })
  };
}
