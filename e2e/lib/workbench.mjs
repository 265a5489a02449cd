/**
 * Starts the workbench for a test on a free loopback port. The softphone bundle is rebuilt
 * first when any ts-src file is newer than the static resource (so tests never run stale code;
 * `npm test` checks separately that the committed resource is a fresh build).
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadWorkbenchServer, root } from "../../scripts/start.mjs";

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
 * @param {{ settings?: Record<string, string>, connectOrigins?: string[] }} [options]
 * @returns {Promise<{ url: string, origin: string, port: number, close(): Promise<void> }>}
 */
export async function startWorkbench(options = {}) {
  ensureSoftphoneBuilt();
  const snapshot = snapshotResource();
  const mod = await loadWorkbenchServer();
  const wb = await mod.startWorkbenchServer({
    root,
    port: 0,
    settings: options.settings ?? {},
    connectOrigins: options.connectOrigins ?? [],
    resourceDir: snapshot
  });
  return {
    url: wb.url,
    origin: wb.url.replace(/\/$/, ""),
    port: wb.port,
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
