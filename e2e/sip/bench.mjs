#!/usr/bin/env node
/**
 * SIP timings on this machine: registration, INVITE→established and established→first audio
 * over 10 real calls (SipPhone in Chromium → sip.js agent, through Kamailio with digest auth),
 * and the reconnect of a call whose WebSocket and media path were cut (5 runs: WebSocket
 * restored → the far end hears the agent again; needs nftables, lib/udp-faults.mjs).
 * Runs itself in a loopback-only network namespace (needs root). `--json` prints JSON only.
 *   node e2e/sip/bench.mjs [--calls 10] [--reconnects 5] [--json]
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const json = args.includes("--json");
const callsArg = args.indexOf("--calls");
const n = callsArg >= 0 ? Number(args[callsArg + 1]) : 10;
const reconnectsArg = args.indexOf("--reconnects");
const reconnects = reconnectsArg >= 0 ? Number(args[reconnectsArg + 1]) : 5;

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
const { summarize, timeCalls, timeReconnect, timeRegistrations } =
  await import("./lib/measure.mjs");
const { startRelay } = await import("./faults-relay.mjs");
const udp = await import("./lib/udp-faults.mjs");

const kamailio = await new Kamailio({ auth: true }).start();
const server = await startHarnessServer();
const browser = await launchBrowser();
const relay = await startRelay(kamailio.port);
try {
  const phone = await SoftphoneParty.open(browser, server.origin, kamailio, "bench1", {
    register: false
  });
  const farEnd = await AgentParty.open(browser, server.origin, kamailio, "answer", {
    autoAnswerMs: 0
  });
  const registration = summarize(await timeRegistrations(phone, n));
  const result = await timeCalls(phone, "answer", n);
  let reconnectToAudioMs;
  let cutToAudioMs;
  const noUdp = udp.udpFaultsUnavailable();
  if (noUdp) reconnectToAudioMs = { notMeasured: `cannot cut the media path: ${noUdp}` };
  else {
    // Default reconnect settings (back-off from 1 s), through the relay.
    const mobile = await SoftphoneParty.open(browser, server.origin, { url: relay.url }, "bench2");
    const runs = [];
    for (let i = 0; i < reconnects; i++)
      runs.push(await timeReconnect(mobile, farEnd, relay, "answer", udp));
    reconnectToAudioMs = summarize(runs.map((r) => r.reconnectToAudio));
    cutToAudioMs = summarize(runs.map((r) => r.cutToAudio));
  }
  const report = {
    calls: n,
    registrationMs: registration,
    inviteToEstablishedMs: result.inviteToEstablished,
    establishedToAudioMs: result.establishedToAudio,
    reconnectToAudioMs,
    cutToAudioMs,
    targets: {
      inviteToEstablishedMedianMs: 700,
      establishedToAudioMs: 150,
      reconnectToAudioMs: 3000
    }
  };
  if (json) console.log(JSON.stringify(report));
  else {
    console.log(`SIP timings over ${n} runs (ms)      median      max`);
    for (const [label, s] of [
      ["registration", registration],
      ["INVITE → established", result.inviteToEstablished],
      ["established → first audio", result.establishedToAudio],
      ["reconnect: restored → audio", reconnectToAudioMs],
      ["reconnect: cut → audio", cutToAudioMs]
    ])
      if (s?.notMeasured) console.log(`  ${label.padEnd(30)} not measured: ${s.notMeasured}`);
      else if (s)
        console.log(
          `  ${label.padEnd(30)} ${String(s.median).padStart(8)} ${String(s.max).padStart(8)}`
        );
  }
} finally {
  udp.clearUdpFaults();
  await relay.close();
  await browser.close();
  await server.close();
  await kamailio.dispose();
}
