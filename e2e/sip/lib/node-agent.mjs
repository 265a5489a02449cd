/**
 * A headless far end in Node: sip.js over `ws` with werift as its WebRTC stack. Unlike a browser
 * page it can read the RTP it receives, so it decodes RFC 4733 telephone-events (DTMF) for real.
 * `telephoneEvent: false` leaves telephone-event out of its answer, forcing the SIP INFO fallback.
 */
import WebSocket from "ws";
import { RTCPeerConnection, RTCRtpCodecParameters } from "werift";
import { UserAgent, Registerer, RegistererState, SessionState } from "sip.js";
import { PASSWORD } from "./kamailio.mjs";

globalThis.WebSocket ??= WebSocket;

const DIGITS = "0123456789*#ABCD";

class WeriftDescriptionHandler {
  constructor(agent) {
    this.agent = agent;
    const audio = [
      new RTCRtpCodecParameters({ mimeType: "audio/opus", clockRate: 48000, channels: 2 })
    ];
    if (agent.telephoneEvent)
      audio.push(
        new RTCRtpCodecParameters({ mimeType: "audio/telephone-event", clockRate: 48000 })
      );
    this.pc = new RTCPeerConnection({
      codecs: { audio },
      iceServers: [],
      iceUseIpv6: false,
      iceAdditionalHostAddresses: ["127.0.0.1"]
    });
    this.pc.onTrack.subscribe((track) => {
      track.onReceiveRtp.subscribe((rtp) => this.onRtp(rtp));
    });
    this.dtmfPayloadTypes = new Set();
    this.lastEventTimestamp = undefined;
  }

  onRtp(rtp) {
    if (!this.dtmfPayloadTypes.has(rtp.header.payloadType)) return;
    const payload = rtp.payload;
    const end = (payload[1] & 0x80) !== 0;
    // The end packet is sent three times with the same timestamp: count it once.
    if (!end || rtp.header.timestamp === this.lastEventTimestamp) return;
    this.lastEventTimestamp = rtp.header.timestamp;
    this.agent.rfc4733.push(DIGITS[payload[0]] ?? `?${payload[0]}`);
  }

  async setDescription(sdp) {
    // Chromium may pick telephone-event/8000 or /48000: accept every one offered.
    if (this.agent.telephoneEvent)
      for (const m of sdp.matchAll(/a=rtpmap:(\d+) telephone-event\//gi))
        this.dtmfPayloadTypes.add(Number(m[1]));
    const type = this.pc.signalingState === "have-local-offer" ? "answer" : "offer";
    await this.pc.setRemoteDescription({ type, sdp });
  }

  async getDescription() {
    if (this.pc.signalingState === "have-remote-offer") {
      await this.pc.setLocalDescription(await this.pc.createAnswer());
    } else {
      if (this.pc.getTransceivers().length === 0)
        this.pc.addTransceiver("audio", { direction: "sendrecv" });
      await this.pc.setLocalDescription(await this.pc.createOffer());
    }
    await new Promise((resolve) => {
      if (this.pc.iceGatheringState === "complete") return resolve();
      this.pc.iceGatheringStateChange.subscribe((s) => s === "complete" && resolve());
    });
    return { body: this.pc.localDescription.sdp, contentType: "application/sdp" };
  }

  hasDescription(contentType) {
    return contentType === "application/sdp";
  }

  sendDtmf() {
    return false;
  }

  close() {
    this.pc.close().catch(() => undefined);
  }
}

export class NodeAgent {
  constructor({ url, domain, username, telephoneEvent = true }) {
    Object.assign(this, { url, domain, username, telephoneEvent });
    this.rfc4733 = [];
    this.info = [];
    this.sessions = [];
  }

  async start() {
    this.ua = new UserAgent({
      uri: UserAgent.makeURI(`sip:${this.username}@${this.domain}`),
      authorizationUsername: this.username,
      authorizationPassword: PASSWORD,
      transportOptions: { server: this.url },
      logLevel: "error",
      sessionDescriptionHandlerFactory: () => new WeriftDescriptionHandler(this),
      delegate: {
        onInvite: (invitation) => {
          this.sessions.push(invitation);
          invitation.delegate = {
            onInfo: (info) => {
              const signal = /Signal=\s*([0-9A-D*#])/i.exec(info.request.body)?.[1];
              if (signal) this.info.push(signal.toUpperCase());
              info.accept().catch(() => undefined);
            }
          };
          invitation.accept().catch(() => undefined);
        }
      }
    });
    await this.ua.start();
    this.registerer = new Registerer(this.ua, { expires: 600 });
    await new Promise((resolve, reject) => {
      this.registerer.stateChange.addListener((s) => s === RegistererState.Registered && resolve());
      this.registerer
        .register({
          requestDelegate: {
            onReject: (r) => reject(new Error(`REGISTER ${r.message.statusCode}`))
          }
        })
        .catch(reject);
    });
    return this;
  }

  async hangupAll() {
    for (const s of this.sessions)
      if (s.state === SessionState.Established) await s.bye().catch(() => undefined);
  }

  async stop() {
    await this.hangupAll();
    await this.registerer?.unregister().catch(() => undefined);
    await this.ua?.stop().catch(() => undefined);
  }
}
