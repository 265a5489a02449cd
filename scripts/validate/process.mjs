/** Runs a child process without blocking the event loop, so independent checks overlap. */
import { spawn } from "node:child_process";

/** Environment for the Salesforce CLI: no telemetry, no update or version checks. */
export const SF_ENV = {
  ...process.env,
  SF_DISABLE_TELEMETRY: "true",
  SF_AUTOUPDATE_DISABLE: "true",
  SF_SKIP_NEW_VERSION_CHECK: "true",
  FORCE_COLOR: "0"
};

/** Resolves with { code, stdout, stderr }; rejects only when the program cannot start. */
export function runProcess(cmd, args, { cwd, env = process.env, input } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (err) =>
      reject(
        new Error(
          `cannot run ${cmd}: ${err.code === "ENOENT" ? "it is not installed (not found on PATH)" : err.message}`
        )
      )
    );
    child.on("close", (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr })
    );
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}
