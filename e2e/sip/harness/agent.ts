/**
 * A plain sip.js agent for the far end of test calls (caller, callee, transfer target).
 * It records what it sees (INVITEs, re-INVITE directions, INFO digits, REFERs) for assertions.
 */
import {
  Invitation,
  Inviter,
  Registerer,
  RegistererState,
  Session,
  SessionState,
  SIPExtension,
  UserAgent
} from "sip.js";

export interface AgentOptions {
  url: string;
  domain: string;
  username: string;
  password: string;
  /** Answer inbound calls by itself (after this many ms). */
  autoAnswerMs?: number;
}

export interface AgentLogEntry {
  t: number;
  type: string;
  callId?: string;
  [key: string]: unknown;
}

const directionOf = (sdp: string | undefined): string | null =>
  /a=(sendrecv|sendonly|recvonly|inactive)/.exec(sdp ?? "")?.[1] ?? null;

export class Agent {
  readonly log: AgentLogEntry[] = [];
  readonly sessions: Session[] = [];
  private ua!: UserAgent;
  private registerer!: Registerer;

  constructor(private readonly options: AgentOptions) {}

  private record(type: string, extra: Record<string, unknown> = {}): void {
    this.log.push({ t: performance.now(), type, ...extra });
  }

  async start(): Promise<void> {
    const { url, domain, username, password } = this.options;
    this.ua = new UserAgent({
      uri: UserAgent.makeURI(`sip:${username}@${domain}`),
      authorizationUsername: username,
      authorizationPassword: password,
      displayName: `Agent ${username}`,
      transportOptions: { server: url },
      sipExtensionReplaces: SIPExtension.Supported,
      logLevel: "error",
      sessionDescriptionHandlerFactoryOptions: {
        peerConnectionConfiguration: { iceServers: [] },
        iceGatheringTimeout: 2000
      },
      delegate: { onInvite: (invitation) => this.onInvite(invitation) }
    });
    await this.ua.start();
    this.registerer = new Registerer(this.ua, { expires: 600 });
    await new Promise<void>((resolve, reject) => {
      this.registerer.stateChange.addListener((s) => s === RegistererState.Registered && resolve());
      this.registerer
        .register({
          requestDelegate: {
            onReject: (r) => reject(new Error(`REGISTER ${r.message.statusCode}`))
          }
        })
        .catch(reject);
    });
  }

  private onInvite(invitation: Invitation): void {
    const replaces = invitation.request.getHeader("Replaces");
    this.record("invite", {
      callId: invitation.request.callId,
      from: invitation.remoteIdentity.uri.user,
      replaces: replaces ?? null,
      referredBy: invitation.request.getHeader("Referred-By") ?? null
    });
    this.watch(invitation);
    const auto = this.options.autoAnswerMs;
    if (auto !== undefined)
      setTimeout(() => {
        if (invitation.state === SessionState.Initial) invitation.accept().catch(() => undefined);
      }, auto);
  }

  private watch(session: Session): void {
    this.sessions.push(session);
    const callId =
      session instanceof Inviter ? session.request.callId : (session as Invitation).request.callId;
    session.stateChange.addListener((state) => {
      this.record(`state:${state}`, { callId });
      // Chromium decodes (and measures energy of) remote audio only while something plays it.
      if (state === SessionState.Established) {
        const sdh = session.sessionDescriptionHandler as unknown as {
          remoteMediaStream: MediaStream;
        };
        const audio = document.createElement("audio");
        audio.autoplay = true;
        audio.srcObject = sdh.remoteMediaStream;
        document.body.appendChild(audio);
        session.stateChange.addListener((s) => s === SessionState.Terminated && audio.remove());
      }
    });
    session.delegate = {
      onBye: () => this.record("bye", { callId }),
      onInvite: (request) =>
        this.record("reinvite", {
          callId,
          direction: directionOf(request.body),
          ufrag: /a=ice-ufrag:(\S+)/.exec(request.body ?? "")?.[1] ?? null
        }),
      onInfo: (info) => {
        const signal = /Signal=\s*([0-9A-D*#])/i.exec(info.request.body)?.[1];
        this.record("info", {
          callId,
          contentType: info.request.getHeader("Content-Type"),
          signal
        });
        info.accept().catch(() => undefined);
      },
      onRefer: (referral) => {
        this.record("refer", { callId, referTo: referral.referTo.toString() });
        referral
          .accept()
          .then(() => {
            const inviter = referral.makeInviter({
              sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } }
            });
            this.watch(inviter);
            return inviter.invite();
          })
          .catch((e) => this.record("referFailed", { callId, message: String(e) }));
      }
    };
  }

  async call(target: string): Promise<string> {
    const uri = UserAgent.makeURI(`sip:${target}@${this.options.domain}`);
    if (!uri) throw new Error(`bad target ${target}`);
    const inviter = new Inviter(this.ua, uri, {
      sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } }
    });
    this.watch(inviter);
    const callId = inviter.request.callId;
    await inviter.invite({
      requestDelegate: {
        onReject: (r) => this.record("rejected", { callId, statusCode: r.message.statusCode })
      }
    });
    return callId;
  }

  private live(): Session {
    const session = [...this.sessions].reverse().find((s) => s.state !== SessionState.Terminated);
    if (!session) throw new Error("no live session");
    return session;
  }

  async answer(): Promise<void> {
    const session = this.live();
    if (!(session instanceof Invitation)) throw new Error("not an inbound call");
    await session.accept();
  }

  async reject(statusCode = 486): Promise<void> {
    const session = this.live();
    if (!(session instanceof Invitation)) throw new Error("not an inbound call");
    await session.reject({ statusCode });
  }

  async hangup(): Promise<void> {
    const session = this.live();
    if (session.state === SessionState.Established) await session.bye();
    else if (session instanceof Inviter) await session.cancel();
    else await (session as Invitation).reject();
  }

  /** Asks the other side of the live call to call `target` (REFER); records the answer. */
  async refer(target: string): Promise<void> {
    const session = this.live();
    const uri = UserAgent.makeURI(`sip:${target}@${this.options.domain}`);
    if (!uri) throw new Error(`bad target ${target}`);
    const callId = session.dialog?.callId;
    await session.refer(uri, {
      requestDelegate: {
        onAccept: () => this.record("referAccepted", { callId }),
        onReject: (r) => this.record("referRejected", { callId, statusCode: r.message.statusCode })
      }
    });
  }

  /** The ICE ufrag of the live call's last remote offer/answer (tells an ICE restart). */
  remoteUfrag(): string | null {
    const session = this.live() as unknown as {
      sessionDescriptionHandler?: { peerConnection?: RTCPeerConnection };
    };
    const sdp = session.sessionDescriptionHandler?.peerConnection?.remoteDescription?.sdp;
    return /a=ice-ufrag:(\S+)/.exec(sdp ?? "")?.[1] ?? null;
  }

  liveCount(): number {
    return this.sessions.filter((s) => s.state !== SessionState.Terminated).length;
  }

  async stop(): Promise<void> {
    await this.registerer?.unregister().catch(() => undefined);
    await this.ua?.stop().catch(() => undefined);
  }
}
