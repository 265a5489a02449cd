/**
 * Timings of real SIP calls, reusable by tests and `npm run bench`:
 *   registration    register() called → registrar accepted (200 OK)
 *   inviteToEstablished   dial() called (offer built, INVITE sent) → 200 OK/ACK, call connected
 *   establishedToAudio    call connected → first inbound RTP audio bytes (getStats, 5 ms polling)
 */

export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const round = (v) => Math.round(v * 10) / 10;
  return {
    n: sorted.length,
    median: round(median),
    max: round(sorted.at(-1)),
    min: round(sorted[0])
  };
}

/** One outbound call from the softphone page to an auto-answering agent, timed in the page. */
export async function timeOutboundCall(phone, target) {
  const r = await phone.page.evaluate(async (to) => {
    const h = window.harness;
    const started = performance.now();
    const dialed = await h.invoke("dial", to);
    if (!dialed.ok) return { error: `${dialed.code} ${dialed.message}` };
    const callId = dialed.value;
    const deadline = started + 15_000;
    let connectedAt;
    while (performance.now() < deadline) {
      const ev = h.events.find(
        (e) => e.type === "callUpdated" && e.call.id === callId && e.call.state === "connected"
      );
      if (ev) {
        connectedAt = ev.t;
        break;
      }
      const ended = h.events.find((e) => e.type === "callEnded" && e.call.id === callId);
      if (ended) return { error: `call ended: ${ended.reason}` };
      await new Promise((res) => setTimeout(res, 2));
    }
    if (connectedAt === undefined) return { error: "not connected within 15 s" };
    let audioAt;
    while (performance.now() < deadline) {
      const stats = await h.audioStats();
      if ((stats.at(-1)?.bytesReceived ?? 0) > 0) {
        audioAt = performance.now();
        break;
      }
      await new Promise((res) => setTimeout(res, 5));
    }
    if (audioAt === undefined) return { error: "no audio within 15 s" };
    return {
      callId,
      inviteToEstablished: connectedAt - started,
      establishedToAudio: Math.max(0, audioAt - connectedAt)
    };
  }, target);
  if (r.error) throw new Error(`timed call to ${target} failed: ${r.error}`);
  return r;
}

/** Times `n` sign-ins (fresh register after unregister) of the softphone page. */
export async function timeRegistrations(phone, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) await phone.call("unregister");
    const r = await phone.register();
    if (!r.ok) throw new Error(`registration failed: ${r.code} ${r.message}`);
    out.push(r.ms);
  }
  return out;
}

/** Places `n` timed calls; the caller hangs each one up before the next. */
export async function timeCalls(phone, target, n) {
  const calls = [];
  for (let i = 0; i < n; i++) {
    const c = await timeOutboundCall(phone, target);
    calls.push(c);
    await phone.call("hangup", c.callId);
    await phone.waitEvent({ type: "callEnded", callId: c.callId });
  }
  return {
    calls,
    inviteToEstablished: summarize(calls.map((c) => c.inviteToEstablished)),
    establishedToAudio: summarize(calls.map((c) => c.establishedToAudio))
  };
}

/**
 * One reconnect, timed: a connected call through `relay`; the WebSocket is cut and the call's
 * old media path (its ICE candidate's UDP port) is blocked, as when a laptop changes network.
 * The phone reconnects after its back-off, and audio can only come back through the ICE
 * restart re-INVITE. Timed from the relay accepting the new WebSocket ("restored") until the
 * far end's inbound audio grows again; `cutToAudioMs` adds the back-off wait.
 */
export async function timeReconnect(phone, farEnd, relay, target, udp) {
  const dialed = await phone.invoke("dial", target);
  if (!dialed.ok) throw new Error(`dial failed: ${dialed.code} ${dialed.message}`);
  const callId = dialed.value;
  await phone.waitEvent({ type: "callUpdated", callId, state: "connected" }, { timeoutMs: 15_000 });
  const farAudio = async () => (await farEnd.stats()).at(-1);
  const deadline = Date.now() + 15_000;
  while (((await farAudio())?.bytesReceived ?? 0) < 2000 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  const ice = await phone.iceInfo();
  const accepted = relay.accepted.length;
  const cutAt = Date.now();
  udp.blockUdpPort(ice.localPort);
  relay.cut();
  while (relay.accepted.length === accepted && Date.now() < cutAt + 15_000)
    await new Promise((r) => setTimeout(r, 2));
  if (relay.accepted.length === accepted) throw new Error("the phone did not reconnect in 15 s");
  const restoredAt = relay.accepted[accepted];
  const base = await farAudio();
  let audioAt;
  while (Date.now() < restoredAt + 15_000) {
    const s = await farAudio();
    if (
      s &&
      s.bytesReceived > base.bytesReceived + 500 &&
      s.totalAudioEnergy > base.totalAudioEnergy
    ) {
      audioAt = Date.now();
      break;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  udp.clearUdpFaults();
  if (audioAt === undefined)
    throw new Error("no audio at the far end within 15 s of the reconnect");
  await phone.call("hangup", callId);
  await phone.waitEvent({ type: "callEnded", callId });
  return { reconnectToAudio: audioAt - restoredAt, cutToAudio: audioAt - cutAt };
}
