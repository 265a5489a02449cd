#!/usr/bin/env node
/**
 * SIP timings on this machine: registration, INVITE→established and established→first audio
 * over 10 real calls (SipPhone in Chromium → sip.js agent, through Kamailio with digest auth).
 * Runs itself in a loopback-only network namespace (needs root). `--json` prints JSON only.
 *   node e2e/sip/bench.mjs [--calls 10] [--json]
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const json = args.includes("--json");
const callsArg = args.indexOf("--calls");
const n = callsArg >= 0 ? Number(args[callsArg + 1]) : 10;

if (!process.env.SIP_BENCH_IN_NETNS) {
  if (process.getuid?.() !== 0) {
    console.error("sip bench: needs root for a loopback-only network namespace (unshare -n)");
    process.exit(1);
  }
  const r = spawnSync(
    "unshare",
    [
      "-n",
      "sh",
      "-c",
      'ip link set lo up && exec "$0" "$@"',
      process.execPath,
      fileURLToPath(import.meta.url),
      ...args
    ],
    { stdio: "inherit", env: { ...process.env, SIP_BENCH_IN_NETNS: "1" } }
  );
  process.exit(r.status ?? 1);
}

const { Kamailio } = await import("./lib/kamailio.mjs");
const { launchBrowser } = await import("./lib/browser.mjs");
const { startHarnessServer } = await import("./lib/harness-server.mjs");
const { SoftphoneParty, AgentParty } = await import("./lib/parties.mjs");
const { summarize, timeCalls, timeRegistrations } = await import("./lib/measure.mjs");

const kamailio = await new Kamailio({ auth: true }).start();
const server = await startHarnessServer();
const browser = await launchBrowser();
try {
  const phone = await SoftphoneParty.open(browser, server.origin, kamailio, "bench1", {
    register: false
  });
  await AgentParty.open(browser, server.origin, kamailio, "answer", { autoAnswerMs: 0 });
  const registration = summarize(await timeRegistrations(phone, n));
  const result = await timeCalls(phone, "answer", n);
  const report = {
    calls: n,
    registrationMs: registration,
    inviteToEstablishedMs: result.inviteToEstablished,
    establishedToAudioMs: result.establishedToAudio,
    targets: { inviteToEstablishedMedianMs: 700, establishedToAudioMs: 150 }
  };
  if (json) console.log(JSON.stringify(report));
  else {
    console.log(`SIP timings over ${n} runs (ms)      median      max`);
    for (const [label, s] of [
      ["registration", registration],
      ["INVITE → established", result.inviteToEstablished],
      ["established → first audio", result.establishedToAudio]
    ])
      console.log(
        `  ${label.padEnd(30)} ${String(s.median).padStart(8)} ${String(s.max).padStart(8)}`
      );
  }
} finally {
  await browser.close();
  await server.close();
  await kamailio.dispose();
}
