/**
 * Starts the workbench for a test on a free loopback port. The softphone bundle is rebuilt
 * first when any ts-src file is newer than the static resource (so tests never run stale code;
 * `npm test` checks separately that the committed resource is a fresh build).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadWorkbenchServer, root } from "../../scripts/start.mjs";

const resourceMain = join(root, "force-app/main/default/staticresources/softphone/main.js");

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
  const mod = await loadWorkbenchServer();
  const wb = await mod.startWorkbenchServer({
    root,
    port: 0,
    settings: options.settings ?? {},
    connectOrigins: options.connectOrigins ?? []
  });
  return { url: wb.url, origin: wb.url.replace(/\/$/, ""), port: wb.port, close: () => wb.close() };
}
