#!/usr/bin/env node
/**
 * Records real getStats() reports of a SIP call in Chromium for the quality unit tests
 * (ts-src/phone/sip/fixtures/chromium-stats.json): two readings 2 s apart on a clean loopback
 * call, then two with 30 % UDP loss (nftables in the loopback-only namespace). Only the stats
 * the quality module reads are kept (RTP, codec, transport and the selected candidate pair).
 * Re-runs itself in a loopback-only network namespace (needs root and nft):
 *   node e2e/sip/record-stats.mjs
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

if (!process.env.SIP_RECORD_IN_NETNS) {
  const r = spawnSync(
    "unshare",
    [
      "-n",
      "sh",
      "-c",
      'ip link set lo up && exec "$0" "$@"',
      process.execPath,
      fileURLToPath(import.meta.url)
    ],
    { stdio: "inherit", env: { ...process.env, SIP_RECORD_IN_NETNS: "1" } }
  );
  process.exit(r.status ?? 1);
}

const { Kamailio } = await import("./lib/kamailio.mjs");
const { launchBrowser, sleep } = await import("./lib/browser.mjs");
const { startHarnessServer } = await import("./lib/harness-server.mjs");
const { SoftphoneParty, AgentParty, waitForAudio } = await import("./lib/parties.mjs");
const { loseUdp, clearUdpFaults } = await import("./lib/udp-faults.mjs");

const KEEP = new Set(["inbound-rtp", "outbound-rtp", "remote-inbound-rtp", "codec", "transport"]);
const out = fileURLToPath(
  new URL("../../ts-src/phone/sip/fixtures/chromium-stats.json", import.meta.url)
);

const server = await startHarnessServer();
const browser = await launchBrowser();
const pbx = await new Kamailio({ auth: true }).start();
try {
  const phone = await SoftphoneParty.open(browser, server.origin, pbx, "rec1");
  const caller = await AgentParty.open(browser, server.origin, pbx, "rec2");
  const callId = await caller.run("call", "rec1");
  await phone.waitEvent({ type: "incoming", callId });
  await phone.call("answer", callId);
  await waitForAudio(phone);
  await sleep(3000);
  const reading = async () => {
    const stats = await phone.page.evaluate(() => window.harness.rawStats());
    const transport = stats.find((s) => s.type === "transport");
    return stats.filter(
      (s) =>
        (KEEP.has(s.type) && (s.kind ?? "audio") === "audio") ||
        s.id === transport?.selectedCandidatePairId
    );
  };
  const clean = [await reading()];
  await sleep(2000);
  clean.push(await reading());
  loseUdp(30);
  await sleep(4000);
  const lossy = [await reading()];
  await sleep(2000);
  lossy.push(await reading());
  clearUdpFaults();
  writeFileSync(
    out,
    `${JSON.stringify({ chromium: browser.version(), recorded: new Date().toISOString().slice(0, 10), clean, lossy }, null, 1)}\n`
  );
  console.log(`wrote ${out}`);
  await phone.call("hangup", callId);
} finally {
  await browser.close();
  await server.close();
  await pbx.dispose();
}
