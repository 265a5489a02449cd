/**
 * Media faults for the SIP tests, with nftables inside the test's own loopback-only network
 * namespace (the `sip` suite runs under `unshare -n`): drop a share of all UDP (packet loss on
 * the RTP both ways), or every UDP packet to and from one port (the old ICE path is dead, as
 * when a laptop moves to another network). Linux's netem (delay, jitter) is not built into
 * this kernel, so loss is the impairment we can make.
 *
 * Refuses to touch a network that has anything but loopback: these rules would otherwise apply
 * to the whole machine.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { networkInterfaces } from "node:os";

const TABLE = "softphone_sip_test";
const NFT = ["/usr/sbin/nft", "/sbin/nft", "/usr/bin/nft"].find((p) => existsSync(p));

/** Why UDP faults cannot be made here, or null when they can. */
export function udpFaultsUnavailable() {
  if (!NFT) return "nft (Debian package nftables) is not installed";
  if (process.getuid?.() !== 0) return "nftables needs root";
  const names = Object.keys(networkInterfaces());
  if (names.some((n) => n !== "lo"))
    return `not in a loopback-only network namespace (interfaces: ${names.join(", ")})`;
  return null;
}

function nft(...args) {
  execFileSync(NFT, args, { stdio: ["ignore", "ignore", "pipe"] });
}

function ensureTable() {
  const why = udpFaultsUnavailable();
  if (why) throw new Error(`UDP faults unavailable: ${why}`);
  nft("add", "table", "inet", TABLE);
  nft("add", "chain", "inet", TABLE, "out", "{ type filter hook output priority 0; }");
}

/** Drops about `percent` % of all UDP packets (RTP, RTCP, STUN) in the namespace. */
export function loseUdp(percent) {
  ensureTable();
  nft(
    "add",
    "rule",
    "inet",
    TABLE,
    "out",
    "meta",
    "l4proto",
    "udp",
    "numgen",
    "random",
    "mod",
    "100",
    "<",
    String(Math.round(percent)),
    "drop"
  );
}

/** Drops every UDP packet from or to `port` (one ICE candidate's socket). */
export function blockUdpPort(port) {
  ensureTable();
  for (const dir of ["sport", "dport"])
    nft("add", "rule", "inet", TABLE, "out", "udp", dir, String(port), "drop");
}

/** Removes every rule this module added. */
export function clearUdpFaults() {
  if (udpFaultsUnavailable()) return;
  try {
    nft("delete", "table", "inet", TABLE);
  } catch {
    // no table: nothing to clear
  }
}
