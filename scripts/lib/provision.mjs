/**
 * Makes sure the Debian packages the test suites need are present. As root on Debian/Ubuntu
 * they are installed with apt-get; otherwise we stop at once naming the exact command.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Debian package → a file that proves it is installed. */
export const REQUIRED_PACKAGES = {
  chromium: "/usr/bin/chromium",
  kamailio: "/usr/sbin/kamailio",
  "kamailio-websocket-modules": "/usr/lib/x86_64-linux-gnu/kamailio/modules/websocket.so",
  "libxml2-utils": "/usr/bin/xmllint",
  // nft: packet loss on the SIP test namespace's media path (e2e/sip quality and survival tests).
  nftables: "/usr/sbin/nft",
  // openssl: the self-signed certificates of the https workbench and the Voice shell.
  openssl: "/usr/bin/openssl",
  "openjdk-17-jre-headless": "java"
};

function hasJava17() {
  const r = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (r.status !== 0) return false;
  const m = /version "(\d+)/.exec(r.stderr + r.stdout);
  return m !== null && Number(m[1]) >= 17;
}

function present(pkg, proof) {
  if (proof === "java") return hasJava17();
  if (existsSync(proof)) return true;
  // Multi-arch library paths differ between machines; ask dpkg as the fallback.
  return (
    spawnSync("dpkg-query", ["-W", "-f=${Status}", pkg], { encoding: "utf8" }).stdout?.includes(
      "install ok installed"
    ) ?? false
  );
}

export function missingPackages() {
  return Object.entries(REQUIRED_PACKAGES)
    .filter(([pkg, proof]) => !present(pkg, proof))
    .map(([pkg]) => pkg);
}

export function provision() {
  const missing = missingPackages();
  if (missing.length === 0) return;
  const cmd = `apt-get update && apt-get install -y ${missing.join(" ")}`;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const isDebian = existsSync("/usr/bin/apt-get") && existsSync("/etc/debian_version");
  if (!isRoot || !isDebian) {
    console.error(`The tests need these Debian packages: ${missing.join(", ")}.`);
    console.error(`Install them first:\n  sudo sh -c '${cmd}'`);
    process.exit(2);
  }
  console.log(`Installing test prerequisites: ${missing.join(", ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", ...missing], {
    stdio: "inherit",
    env
  });
  const still = missingPackages();
  if (still.length) {
    console.error(`Still missing after apt-get: ${still.join(", ")}`);
    process.exit(2);
  }
}
