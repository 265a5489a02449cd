/**
 * SIP timings, measured by the SIP end-to-end suite's own bench (e2e/sip/bench.mjs with
 * e2e/sip/lib/measure.mjs): real calls from the SipPhone in chromium through Kamailio in a
 * loopback-only network namespace. That needs root (unshare -n); otherwise we say so.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";

/** Runs e2e/sip/bench.mjs --json; resolves with its report or { notMeasured: reason }. */
export function measureSip(root, { calls, timeoutMs = 180_000 }) {
  if (typeof process.getuid !== "function" || process.getuid() !== 0)
    return Promise.resolve({
      notMeasured:
        "needs root for a loopback-only network namespace (unshare -n); run `sudo npm run bench`"
    });
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(root, "e2e/sip/bench.mjs"), "--calls", String(calls), "--json"],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] }
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const line = stdout
        .trim()
        .split("\n")
        .reverse()
        .find((l) => l.startsWith("{"));
      if (code === 0 && line) {
        try {
          resolve(JSON.parse(line));
          return;
        } catch {
          // fall through to the failure below
        }
      }
      const why = signal ? `killed by ${signal} after ${timeoutMs} ms` : `exit code ${code}`;
      const tail = stderr.trim().split("\n").slice(-3).join(" / ");
      resolve({ notMeasured: `e2e/sip/bench.mjs failed (${why})${tail ? `: ${tail}` : ""}` });
    });
  });
}
