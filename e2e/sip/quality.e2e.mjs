/**
 * Call quality from a real, impaired call: the SipPhone samples getStats() every 2 s; after a
 * clean start, nftables in the test's network namespace drops 30 % of all UDP (RTP, RTCP and
 * STUN both ways: lib/udp-faults.mjs). Chromium sends Opus with RED (each packet repeats the
 * previous frame), so what the receiver counts as lost, and hears as lost, is about 0.3² ≈ 9 %.
 * The samples must show that loss, a lower MOS and the plain-language reason, and the call's
 * summary (min / average MOS) comes with callEnded for the Task. Delay and jitter cannot be
 * added here: this kernel has no netem.
 */
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { Kamailio } from "./lib/kamailio.mjs";
import { launchBrowser, pollPage } from "./lib/browser.mjs";
import { startHarnessServer } from "./lib/harness-server.mjs";
import { SoftphoneParty, AgentParty, waitForAudio } from "./lib/parties.mjs";
import { clearUdpFaults, loseUdp, udpFaultsUnavailable } from "./lib/udp-faults.mjs";

const noUdpFaults = udpFaultsUnavailable();
let server, browser, pbx;

before(async () => {
  server = await startHarnessServer();
  browser = await launchBrowser();
  pbx = await new Kamailio({ auth: true }).start();
});

afterEach(() => clearUdpFaults());

after(async () => {
  await browser?.close();
  await server?.close();
  await pbx?.dispose();
});

/** Waits for `count` quality samples of `callId` taken after page time `after`. */
function samplesAfter(phone, callId, after, count, timeoutMs = 20_000) {
  return pollPage(
    phone.page,
    ({ id, t, n }) => {
      const found = window.harness.events.filter(
        (e) => e.type === "callQuality" && e.callId === id && e.t > t
      );
      return found.length >= n ? found : null;
    },
    { id: callId, t: after, n: count },
    { timeoutMs, what: `${count} quality samples` }
  );
}

test(
  "30 % packet loss on the network → samples show the loss, a lower MOS and why; the summary comes with the end",
  { skip: noUdpFaults ?? false },
  async () => {
    const phone = await SoftphoneParty.open(browser, server.origin, pbx, "qual1");
    const caller = await AgentParty.open(browser, server.origin, pbx, "caller61");
    const callId = await caller.run("call", "qual1");
    await phone.waitEvent({ type: "incoming", callId });
    await phone.call("answer", callId);
    await waitForAudio(phone);

    const clean = await samplesAfter(phone, callId, 0, 2);
    for (const { sample } of clean) {
      assert.ok(
        sample.packetLossPercent < 1,
        `no loss on loopback (${sample.packetLossPercent} %)`
      );
      assert.equal(sample.rating, "good", `a clean call rates good (MOS ${sample.mos})`);
      assert.equal(sample.reason, undefined);
      assert.equal(sample.codec, "opus");
      assert.ok(
        sample.bitrateKbps.receive > 5,
        `audio arrives (${sample.bitrateKbps.receive} kbit/s)`
      );
      assert.ok(sample.roundTripMs !== null && sample.roundTripMs < 50, "loopback round trip");
    }
    const interval = clean[1].sample.at - clean[0].sample.at;
    assert.ok(interval > 1500 && interval < 3000, `sampled every 2 s (${interval} ms)`);

    const t0 = await phone.now();
    loseUdp(30);
    // The first sample after the change straddles it; judge the ones after.
    const lossy = (await samplesAfter(phone, callId, t0, 4)).slice(1);
    const seen = lossy.map((e) => e.sample);
    const described = seen.map((s) => `${s.packetLossPercent}% MOS ${s.mos} ${s.reason ?? ""}`);
    const average = seen.reduce((t, s) => t + s.packetLossPercent, 0) / seen.length;
    assert.ok(
      average > 3 && average < 25,
      `about 9 % loss after redundancy measured: ${described.join("; ")}`
    );
    assert.ok(
      seen.every((s) => s.mos < clean[0].sample.mos),
      `MOS drops with the loss: ${described.join("; ")}`
    );
    assert.ok(
      seen.some((s) => s.rating !== "good" && /^network: packet loss \d+(\.\d)? %/.test(s.reason)),
      `the reason names the packet loss: ${described.join("; ")}`
    );
    const live = await phone.call("callQuality", callId);
    assert.ok(live.mosMin < 4 && live.samples >= 5, `live summary ${JSON.stringify(live)}`);

    clearUdpFaults();
    await phone.call("hangup", callId);
    const ended = await phone.waitEvent({ type: "callEnded", callId });
    const q = ended.quality;
    assert.ok(q, "callEnded carries the quality summary");
    assert.ok(q.samples >= 5, `${q.samples} samples`);
    assert.ok(q.mosMin < 4 && q.mosMin <= q.mosAvg, `min ${q.mosMin} avg ${q.mosAvg}`);
    assert.match(q.worstReason ?? "", /^network: packet loss/);
    await caller.close();
    await phone.close();
  }
);
