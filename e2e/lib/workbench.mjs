/**
 * Starts the workbench for a test on a free loopback port. The softphone bundle is rebuilt
 * first when any ts-src file is newer than the static resource (so tests never run stale code;
 * `npm test` checks separately that the committed resource is a fresh build).
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { join } from "node:path";
import { loadWorkbenchServer, root } from "../../scripts/start.mjs";
import { WORKBENCH_HOST, testCertificate } from "./tls.mjs";

const resourceDir = join(root, "force-app/main/default/staticresources/softphone");
const resourceMain = join(resourceDir, "main.js");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "workbench" || entry.name === "__tests__") continue;
      newest = Math.max(newest, newestSource(p));
    } else if (/\.(ts|tsx|css)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      newest = Math.max(newest, statSync(p).mtimeMs);
    }
  }
  return newest;
}

export function ensureSoftphoneBuilt() {
  const built = existsSync(resourceMain) ? statSync(resourceMain).mtimeMs : 0;
  if (built >= newestSource(join(root, "ts-src"))) return;
  execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { stdio: "inherit" });
}

/**
 * By default the shell is served over https as https://workbench.lightning.force.com:<port>
 * (the test browser maps the name to 127.0.0.1): the origin Salesforce's library rule accepts.
 * `secure: false` serves plain http://127.0.0.1 as `npm start` does.
 * @param {{ settings?: Record<string, string>, connectOrigins?: string[], secure?: boolean,
 *   view?: "lightning"|"classic", adapter?: string, adapterCsp?: "visualforce"|"strict",
 *   replaceBundledLibrary?: boolean }} [options]
 * @returns {Promise<{ url: string, origin: string, port: number,
 *   get(path: string): Promise<{ status: number, headers: Record<string, string>, body: string }>,
 *   close(): Promise<void> }>}
 */
export async function startWorkbench(options = {}) {
  ensureSoftphoneBuilt();
  const snapshot = snapshotResource();
  const mod = await loadWorkbenchServer();
  const secure = options.secure ?? true;
  const wb = await mod.startWorkbenchServer({
    root,
    port: 0,
    settings: options.settings ?? {},
    connectOrigins: options.connectOrigins ?? [],
    resourceDir: snapshot,
    ...(secure ? { tls: testCertificate(), hostName: WORKBENCH_HOST } : {}),
    ...(options.view ? { view: options.view } : {}),
    ...(options.adapter ? { adapter: mod.resolveAdapter(options.adapter, root) } : {}),
    ...(options.adapterCsp ? { adapterCsp: options.adapterCsp } : {}),
    ...(options.replaceBundledLibrary ? { replaceBundledLibrary: true } : {})
  });
  return {
    url: wb.url,
    origin: wb.url.replace(/\/$/, ""),
    port: wb.port,
    /** GET from Node: always to 127.0.0.1 (the force.com name never goes to DNS). */
    get: (path) => getLocal(wb, path),
    close: async () => {
      await wb.close();
      rmSync(snapshot, { recursive: true, force: true });
    }
  };
}

/**
 * A private copy of the built resource: the working tree is shared, and a rebuild empties the
 * folder first, so a test serving it directly could load half a bundle.
 */
function snapshotResource() {
  mkdirSync(join(root, ".tmp"), { recursive: true });
  for (let attempt = 0; attempt < 20; attempt++) {
    const dir = mkdtempSync(join(root, ".tmp", "e2e-resource-"));
    try {
      cpSync(resourceDir, dir, { recursive: true });
      if (existsSync(join(dir, "main.js"))) return dir;
    } catch {
      // the folder changed while it was copied; try again
    }
    rmSync(dir, { recursive: true, force: true });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
  }
  throw new Error(`could not copy a complete softphone bundle from ${resourceDir}`);
}

function getLocal(wb, path) {
  const url = new URL(wb.url);
  const secure = url.protocol === "https:";
  const request = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    request(
      {
        host: "127.0.0.1",
        port: wb.port,
        path,
        headers: { host: url.host },
        ...(secure ? { servername: url.hostname, rejectUnauthorized: false } : {})
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body }));
      }
    )
      .on("error", reject)
      .end();
  });
}
