/**
 * Test parties: the softphone under test (SipPhone in a page) and remote sip.js agents, with
 * helpers that wait for what a user would notice (ringing, connected, audio, hang-up).
 */
import { openParty, pollPage } from "./browser.mjs";
import { PASSWORD } from "./kamailio.mjs";

export const DOMAIN = "127.0.0.1";

export class SoftphoneParty {
  constructor(page, context, username) {
    this.page = page;
    this.context = context;
    this.username = username;
  }

  static async open(
    browser,
    origin,
    kamailio,
    username,
    {
      password = PASSWORD,
      register = true,
      reconnect,
      reconnectGraceSeconds,
      qualityIntervalMs,
      simulatedDevices,
      simulatedNetwork,
      ringer
    } = {}
  ) {
    const { page, context } = await openParty(browser, origin);
    const party = new SoftphoneParty(page, context, username);
    party.options = {
      url: kamailio.url,
      domain: DOMAIN,
      username,
      password,
      reconnect,
      reconnectGraceSeconds,
      qualityIntervalMs,
      simulatedDevices,
      simulatedNetwork,
      ringer
    };
    await page.evaluate((o) => window.harness.createPhone(o), party.options);
    if (register) {
      const r = await party.register();
      if (!r.ok) throw new Error(`softphone ${username} did not register: ${r.code} ${r.message}`);
    }
    return party;
  }

  register() {
    return this.page.evaluate((o) => window.harness.register(o), this.options);
  }

  invoke(method, ...args) {
    return this.page.evaluate(([m, a]) => window.harness.invoke(m, ...a), [method, args]);
  }

  async call(method, ...args) {
    const r = await this.invoke(method, ...args);
    if (!r.ok) throw new Error(`${method}(${args.join(", ")}) failed: ${r.code} ${r.message}`);
    return r.value;
  }

  events() {
    return this.page.evaluate(() => window.harness.events);
  }

  /** Waits for a phone event matching `match` (a partial object compared on type/state/reason/call id). */
  waitEvent(match, opts = {}) {
    return pollPage(
      this.page,
      (m) =>
        window.harness.events.find(
          (e) =>
            e.type === m.type &&
            (m.state === undefined || e.state === m.state || e.call?.state === m.state) &&
            (m.reason === undefined || e.reason === m.reason) &&
            (m.cause === undefined || e.cause === m.cause) &&
            (m.connection === undefined ||
              (m.connection === null
                ? e.call && !e.call.connection
                : e.call?.connection?.state === m.connection)) &&
            (m.callId === undefined || e.call?.id === m.callId || e.callId === m.callId) &&
            (m.after === undefined || e.t > m.after)
        ) ?? null,
      match,
      { what: `softphone event ${JSON.stringify(match)}`, ...opts }
    );
  }

  stats() {
    return this.page.evaluate(() => window.harness.audioStats());
  }

  /** Fires `online` or `offline` at the phone (simulatedNetwork phones only). */
  network(type) {
    return this.page.evaluate((t) => window.harness.network.fire(t), type);
  }

  iceInfo() {
    return this.page.evaluate(() => window.harness.iceInfo());
  }

  /** Events of one type (and call), in order. */
  async eventsOf(type, callId) {
    return (await this.events()).filter(
      (e) =>
        e.type === type && (callId === undefined || e.call?.id === callId || e.callId === callId)
    );
  }

  now() {
    return this.page.evaluate(() => performance.now());
  }

  close() {
    return this.context.close();
  }
}

export class AgentParty {
  constructor(page, context, username) {
    this.page = page;
    this.context = context;
    this.username = username;
  }

  static async open(browser, origin, kamailio, username, { autoAnswerMs } = {}) {
    const { page, context } = await openParty(browser, origin);
    await page.evaluate((o) => window.harness.startAgent(o), {
      url: kamailio.url,
      domain: DOMAIN,
      username,
      password: PASSWORD,
      autoAnswerMs
    });
    return new AgentParty(page, context, username);
  }

  run(method, ...args) {
    return this.page.evaluate(([m, a]) => window.harness.agent()[m](...a), [method, args]);
  }

  log() {
    return this.page.evaluate(() => window.harness.agent().log);
  }

  waitLog(match, opts = {}) {
    return pollPage(
      this.page,
      (m) =>
        window.harness
          .agent()
          .log.find((e) =>
            Object.entries(m).every(([k, v]) => (k === "after" ? e.t > v : e[k] === v))
          ) ?? null,
      match,
      { what: `agent log entry ${JSON.stringify(match)}`, ...opts }
    );
  }

  stats() {
    return this.page.evaluate(() => window.harness.audioStats());
  }

  close() {
    return this.context.close();
  }
}

/** Waits until the newest live peer connection on `party` has received real audio. */
export function waitForAudio(party, { minBytes = 1, timeoutMs = 10_000 } = {}) {
  return pollPage(
    party.page,
    async (min) => {
      const all = await window.harness.audioStats();
      const s = all[all.length - 1];
      return s && s.bytesReceived >= min && s.totalAudioEnergy > 0 ? s : null;
    },
    minBytes,
    { timeoutMs, intervalMs: 10, what: "inbound audio (bytesReceived and totalAudioEnergy > 0)" }
  );
}
