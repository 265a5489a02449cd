/**
 * Browser side of the SIP tests: the real SipPhone (from ts-src) and a plain sip.js agent,
 * driven by playwright through `window.harness`.
 */
import {
  audioStats,
  iceInfo,
  peerConnections,
  rawStats,
  senderInfo,
  webSocketOpens
} from "./pc-registry";
import {
  listDevices,
  plugIn,
  simulatedDevices,
  simulatedGetUserMedia,
  toneFor,
  unplug
} from "./devices-sim";
import { createSipPhone } from "../../../ts-src/phone/sip";
import { browserNotifications } from "../../../ts-src/platform/notifications";
import { browserRinger, type Ringer } from "../../../ts-src/platform/ringer";
import type { PhoneEvent } from "../../../ts-src/phone/phone";
import { Agent, AgentOptions } from "./agent";

type AnyPhone = ReturnType<typeof createSipPhone>;

interface PhoneOptions {
  url: string;
  domain: string;
  username: string;
  password: string;
  instanceId?: string;
  reconnect?: { baseMs?: number; maxMs?: number };
  reconnectGraceSeconds?: number;
  qualityIntervalMs?: number;
  /** Device tests: the phone sees devices through devices-sim.ts (unplug, tones). */
  simulatedDevices?: boolean;
  /**
   * The phone hears `online` / `offline` from harness.network.fire() instead of the window:
   * in a loopback-only namespace Chromium believes it is offline from the start and never
   * fires either event (context.setOffline changes nothing there).
   */
  simulatedNetwork?: boolean;
  /** Rings incoming calls with the real ringer (platform/ringer.ts). */
  ringer?: boolean;
}

let ringer: Ringer | undefined;

const networkEvents = new EventTarget();
const simulatedNetwork = {
  addEventListener: (type: "online" | "offline", listener: () => void) =>
    networkEvents.addEventListener(type, listener),
  removeEventListener: (type: "online" | "offline", listener: () => void) =>
    networkEvents.removeEventListener(type, listener),
  fire: (type: "online" | "offline") => networkEvents.dispatchEvent(new Event(type))
};

const events: Array<PhoneEvent & { t: number }> = [];
let phone: AnyPhone | undefined;
let agent: Agent | undefined;

function errorResult(error: unknown) {
  const e = error as { code?: string; message?: string; name?: string };
  return {
    ok: false as const,
    code: e?.code ?? e?.name ?? "ERROR",
    message: e?.message ?? String(error)
  };
}

const harness = {
  events,
  peerConnections,
  audioStats,
  iceInfo,
  senderInfo,
  rawStats,
  webSocketOpens,
  devices: { list: listDevices, unplug, plugIn, toneFor },
  network: simulatedNetwork,
  ringerStatus: () => ringer?.status() ?? null,
  createPhone(options: PhoneOptions) {
    phone = createSipPhone({
      webSocketUrl: options.url,
      sipDomain: options.domain,
      iceServers: [],
      instanceId: options.instanceId,
      reconnect: options.reconnect,
      reconnectGraceSeconds: options.reconnectGraceSeconds,
      qualityIntervalMs: options.qualityIntervalMs,
      network: options.simulatedNetwork ? simulatedNetwork : undefined,
      ringer: options.ringer
        ? (ringer = browserRinger(document, browserNotifications(window)))
        : undefined,
      media: options.simulatedDevices
        ? { mediaDevices: simulatedDevices, getUserMedia: simulatedGetUserMedia }
        : undefined,
      storage: {
        get: (k) => window.localStorage.getItem(k),
        set: (k, v) => window.localStorage.setItem(k, v)
      }
    });
    // Plain copies: playwright would reduce a PhoneError to its message.
    phone.on((event) =>
      events.push({
        ...event,
        ...("error" in event && event.error
          ? { error: { code: event.error.code, message: event.error.message } }
          : {}),
        t: performance.now(),
        epoch: performance.timeOrigin + performance.now()
      } as PhoneEvent & { t: number })
    );
    return true;
  },
  async register(options: PhoneOptions) {
    if (!phone) harness.createPhone(options);
    const started = performance.now();
    try {
      await phone!.register({ username: options.username, password: options.password });
      return { ok: true as const, ms: performance.now() - started };
    } catch (error) {
      return { ...errorResult(error), ms: performance.now() - started };
    }
  },
  /** Calls a Phone method and returns {ok, value} or {ok:false, code, message}. */
  async invoke(method: string, ...args: unknown[]) {
    try {
      const fn = (phone as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[
        method
      ];
      const value = await fn.apply(phone, args);
      return { ok: true as const, value, t: performance.now() };
    } catch (error) {
      return errorResult(error);
    }
  },
  audioElements: () =>
    [...document.querySelectorAll("audio")].map((a) => ({
      playing: !a.paused,
      hasStream: a.srcObject !== null,
      sinkId: (a as HTMLAudioElement & { sinkId?: string }).sinkId ?? null,
      loop: a.loop,
      currentTime: a.currentTime,
      role: a.dataset.softphoneAudio ?? null
    })),
  async startAgent(options: AgentOptions) {
    agent = new Agent(options);
    await agent.start();
    return true;
  },
  agent: () => agent
};

Object.assign(window, { harness });
document.getElementById("role")!.textContent = "ready";
