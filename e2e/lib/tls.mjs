/**
 * A self-signed certificate for the browser tests' workbench, made at test time with openssl
 * (never committed): the shell is served as https://workbench.lightning.force.com, a name the
 * test browser maps to 127.0.0.1, so the stand-in Open CTI library sees a Salesforce origin.
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync
} from "node:fs";
import { join } from "node:path";
import { root } from "../../scripts/start.mjs";

/** The shell's host name in browser tests; every *.force.com name resolves to loopback there. */
export const WORKBENCH_HOST = "workbench.lightning.force.com";
const dir = join(root, ".tmp/e2e-tls");
const MAX_AGE_MS = 12 * 60 * 60 * 1000;

export function testCertificate() {
  const key = join(dir, "key.pem");
  const cert = join(dir, "cert.pem");
  const fresh = existsSync(cert) && Date.now() - statSync(cert).mtimeMs < MAX_AGE_MS;
  if (!fresh || !existsSync(key)) {
    mkdirSync(dir, { recursive: true });
    const work = mkdtempSync(join(dir, "new-"));
    try {
      execFileSync(
        "openssl",
        [
          "req",
          "-x509",
          "-newkey",
          "ec",
          "-pkeyopt",
          "ec_paramgen_curve:prime256v1",
          "-nodes",
          "-days",
          "2",
          "-subj",
          `/CN=${WORKBENCH_HOST}`,
          "-addext",
          `subjectAltName=DNS:${WORKBENCH_HOST},DNS:*.lightning.force.com,DNS:*.force.com`,
          "-keyout",
          join(work, "key.pem"),
          "-out",
          join(work, "cert.pem")
        ],
        { stdio: ["ignore", "ignore", "pipe"] }
      );
    } catch (e) {
      rmSync(work, { recursive: true, force: true });
      throw new Error(
        `could not make the test certificate with openssl (apt-get install openssl): ${e.message}`
      );
    }
    renameSync(join(work, "key.pem"), key);
    renameSync(join(work, "cert.pem"), cert);
    rmSync(work, { recursive: true, force: true });
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}
