/**
 * Starts and stops the test Kamailio (registrar + proxy over ws:// on 127.0.0.1) and keeps its
 * log, so tests can wait for it to be ready and count what it received.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const CONFIG = join(dirname(fileURLToPath(import.meta.url)), "..", "kamailio.cfg");
export const PASSWORD = "secret";

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export class Kamailio {
  /** @param {{auth?: boolean, port?: number, defines?: string[]}} [options] */
  constructor({ auth = true, port, defines = [] } = {}) {
    this.auth = auth;
    this.defines = defines;
    this.port = port;
    this.lines = [];
    this.proc = undefined;
    this.runDir = mkdtempSync(join(tmpdir(), "kamailio-run-"));
  }

  get url() {
    return `ws://127.0.0.1:${this.port}`;
  }

  async start(timeoutMs = 10_000) {
    if (this.proc) throw new Error("Kamailio already running");
    this.port ??= await freePort();
    const args = ["-DD", "-E", "-f", CONFIG, "-Y", this.runDir, "-A", `WS_PORT=${this.port}`];
    if (this.auth) args.push("-A", "WITH_AUTH");
    for (const define of this.defines) args.push("-A", define);
    const proc = spawn("kamailio", args, { stdio: ["ignore", "ignore", "pipe"] });
    this.proc = proc;
    let buffer = "";
    proc.stderr.setEncoding("utf8");
    proc.stderr.on("data", (chunk) => {
      buffer += chunk;
      const parts = buffer.split("\n");
      buffer = parts.pop();
      this.lines.push(...parts);
    });
    await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Kamailio not ready:\n${this.lines.slice(-20).join("\n")}`)),
        timeoutMs
      );
      timer.unref();
      const check = setInterval(() => {
        if (this.lines.some((l) => l.includes("KAMAILIO_READY"))) {
          clearInterval(check);
          clearTimeout(timer);
          resolve();
        }
      }, 5);
      proc.once("exit", (code) => {
        clearInterval(check);
        clearTimeout(timer);
        reject(new Error(`Kamailio exited with ${code}:\n${this.lines.slice(-20).join("\n")}`));
      });
    });
    // Ready lines from an earlier run must not satisfy the next start().
    this.lines = this.lines.map((l) => l.replace("KAMAILIO_READY", "KAMAILIO_WAS_READY"));
    return this;
  }

  async stop() {
    const proc = this.proc;
    if (!proc) return;
    this.proc = undefined;
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        proc.kill("SIGKILL");
      }, 3000);
      timer.unref();
      proc.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      proc.kill("SIGTERM");
    });
  }

  async restart() {
    await this.stop();
    await this.start();
  }

  async dispose() {
    await this.stop();
    rmSync(this.runDir, { recursive: true, force: true });
  }

  /** Log lines of requests Kamailio received, e.g. requests("REGISTER", "alice"). */
  requests(method, fromUser) {
    return this.lines.filter(
      (l) =>
        l.includes(`REQ ${method} `) &&
        (fromUser === undefined || l.includes(`fu=sip:${fromUser}@`))
    );
  }

  /** Binding counts logged after each accepted REGISTER of this user. */
  bindings(user) {
    return this.lines
      .filter((l) => l.includes(`REGISTERED sip:${user}@`))
      .map((l) => {
        // $ulc is <null> when the AOR has no binding left (after REGISTER with Expires: 0).
        const value = /bindings=(\d+|<null>)/.exec(l)?.[1];
        return value === "<null>" ? 0 : Number(value ?? NaN);
      });
  }
}
