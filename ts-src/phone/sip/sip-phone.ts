/**
 * SipPhone: the Phone interface over sip.js 0.21 (core API) and WebRTC audio.
 * One UserAgent and one Registerer per signed-in agent; one sip.js Session per call, keyed by
 * its SIP Call-ID. The password lives only in this object's memory (and sip.js's).
 * Connected calls survive a lost WebSocket for a grace period: the phone reconnects,
 * re-registers and re-INVITEs each call with an ICE restart (recovery.ts).
 */
import {
  defaultSessionDescriptionHandlerFactory,
  Invitation,
  Inviter,
  Registerer,
  RegistererState,
  Session,
  SessionState,
  UserAgent,
  type IncomingResponse,
  type Info,
  type Notification,
  type Referral,
  type SessionDescriptionHandler,
  type SessionDescriptionHandlerOptions
} from "./sip-lib";
import { AudioDevices, type DeviceChange, type MediaDevicesLike } from "../devices";
import {
  PhoneError,
  type AudioDeviceRole,
  type AudioDeviceState,
  type AudioProcessing,
  type CallConnection,
  type CallDirection,
  type CallEndCause,
  type CallEndReason,
  type CallQualitySummary,
  type DeviceFallback,
  type InboundPolicy,
  type Phone,
  type PhoneCall,
  type PhoneCallState,
  type PhoneEvent,
  type PhoneRinger,
  type RegistrationState,
  type SipCredentials
} from "../phone";
import { backoffDelay } from "./backoff";
import {
  type NetworkEvents,
  type SipPhoneConfig,
  type ValidSipConfig,
  validateSipConfig
} from "./config";
import {
  callFailure,
  droppedCallError,
  graceExpiredError,
  isPermanentRegistrationError,
  mediaError,
  reconnectingError,
  registrationError,
  unreachableError
} from "./errors";
import { stableInstanceId } from "./instance-id";
import { LiveMedia, type LiveCallMedia } from "./live-media";
import { playAudioFile, type FetchLike, type FileAudioContext } from "./audio-file-track";
import { ConferenceMixer, type MixerAudioContext, type MixerLeg } from "./conference-mixer";
import { CallAudio, SipMedia } from "./media";
import { QualityMonitor } from "./quality-monitor";
import { iceLost, iceUp, reinviteWithIceRestart, watchIce } from "./recovery";
import { aorFor, displayNumber, targetUri, uriFromNameAddr } from "./uri";

const DTMF_DIGITS = /^[0-9A-D*#,]+$/i;
const DTMF_TONE_MS = 100;
const DTMF_GAP_MS = 70;
const DTMF_READY_WAIT_MS = 2000;
/** How long a transferor waits for the transferee's final NOTIFY before hanging up anyway. */
const TRANSFER_NOTIFY_TIMEOUT_MS = 15_000;
/** ICE `disconnected` often heals by itself within a second or two; restart only after this. */
const ICE_DISCONNECTED_WAIT_MS = 2000;
/** Spacing of re-INVITE retries (glare, 5xx, a connection that is not up yet). */
const RECOVERY_RETRY_MS = 1000;
/** A restarted ICE that has not connected after this gets another restart. */
const ICE_RESTART_RETRY_MS = 5000;

interface CallEntry {
  id: string;
  session: Session;
  direction: CallDirection;
  remoteNumber: string;
  remoteName?: string;
  state: PhoneCallState;
  muted: boolean;
  held: boolean;
  /** Set by whoever knows why the call is ending, before sip.js reports Terminated. */
  endReason?: CallEndReason;
  endError?: PhoneError;
  endCause?: CallEndCause;
  audio: CallAudio;
  /** Reached Established at least once (tells a missed call from a dropped one). */
  established: boolean;
  ended: boolean;
  /** Set while the call is being recovered; the call ends when its grace period runs out. */
  connection?: CallConnection;
  graceTimer?: ReturnType<typeof setTimeout>;
  /** A recovery re-INVITE is in flight. */
  recovering: boolean;
  retryTimer?: ReturnType<typeof setTimeout>;
  iceTimer?: ReturnType<typeof setTimeout>;
  unwatchIce?: () => void;
  ringing: boolean;
}

type SipSession = Inviter | Invitation;

export class SipPhone implements Phone {
  readonly kind = "sip" as const;
  private readonly config: ValidSipConfig;
  private readonly instanceId: string;
  private readonly devices: AudioDevices;
  private readonly media: SipMedia;
  private readonly liveMedia: LiveMedia;
  private readonly quality: QualityMonitor;
  private readonly network?: NetworkEvents;
  private readonly ringer?: PhoneRinger;
  private readonly onOnline = () => this.networkChanged(true);
  private readonly onOffline = () => this.networkChanged(false);
  private readonly listeners = new Set<(event: PhoneEvent) => void>();
  private readonly calls = new Map<string, CallEntry>();
  /** The calls mixed into a local conference (conference-mixer.ts). */
  private readonly mixer = new ConferenceMixer(
    () => new AudioContext() as unknown as MixerAudioContext
  );
  /** Calls with a recorded message playing (voicemail drop): how to stop it. */
  private readonly playing = new Map<string, () => void>();
  private ua?: UserAgent;
  private registerer?: Registerer;
  /** Calls cut off by a lost connection, still to be hung up once it is back. */
  private readonly orphans = new Set<SipSession>();
  private registration: RegistrationState = "unregistered";
  private reconnectAttempt = 0;
  private reconnectTimer?: ReturnType<typeof setTimeout>;
  /** True while the agent wants to be registered (between register() and unregister()). */
  private wanted = false;
  private disposed = false;
  /** Bumped whenever the UserAgent is replaced, so late callbacks of an old one are ignored. */
  private generation = 0;
  private inboundPolicy: InboundPolicy = { mode: "accept" };

  constructor(config: SipPhoneConfig) {
    this.config = validateSipConfig(config);
    this.instanceId = stableInstanceId(config.instanceId, config.storage);
    this.ringer = config.ringer;
    const mediaDevices: MediaDevicesLike | undefined =
      config.media?.mediaDevices ??
      (typeof navigator !== "undefined" ? navigator.mediaDevices : undefined);
    this.devices = new AudioDevices(mediaDevices, config.storage);
    this.media = new SipMedia(this.devices, config.media);
    this.liveMedia = new LiveMedia(this.media, this.devices, (fallback) =>
      this.emitDevices(fallback)
    );
    this.devices.watch((change) => void this.onDeviceChange(change));
    this.quality = new QualityMonitor(
      this.config.qualityIntervalMs,
      () =>
        this.liveEntries()
          .filter((e) => e.session.state === SessionState.Established)
          .map((e) => ({ id: e.id, pc: this.sdhOf(e)?.peerConnection, held: e.held })),
      (callId, sample, summary) => this.emit({ type: "callQuality", callId, sample, summary })
    );
    this.network =
      config.network ?? (typeof window !== "undefined" ? (window as NetworkEvents) : undefined);
    this.network?.addEventListener("online", this.onOnline);
    this.network?.addEventListener("offline", this.onOffline);
  }

  on(listener: (event: PhoneEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Connects and registers; resolves once the registrar accepted the binding. */
  async register(credentials?: SipCredentials): Promise<void> {
    this.assertUsable();
    if (
      !credentials ||
      typeof credentials.username !== "string" ||
      typeof credentials.password !== "string"
    )
      throw new PhoneError("CONFIG", "SIP sign-in needs a user name and a password.");
    const uri = UserAgent.makeURI(aorFor(credentials.username, this.config.sipDomain));
    if (!uri)
      throw new PhoneError(
        "CONFIG",
        `SIP user name ${JSON.stringify(credentials.username)} is not valid.`
      );
    await this.teardownAgent();
    this.wanted = true;
    this.reconnectAttempt = 0;
    const generation = ++this.generation;
    this.ua = this.createUserAgent(uri, credentials, generation);
    this.registerer = this.createRegisterer(this.ua, generation);
    this.setRegistration("registering");
    try {
      await this.ua.start();
    } catch (cause) {
      const error = unreachableError(this.config.webSocketUrl, cause);
      this.setRegistration("failed", error);
      this.scheduleReconnect(generation);
      throw error;
    }
    await this.sendRegister(generation);
  }

  async unregister(): Promise<void> {
    this.wanted = false;
    this.clearReconnect();
    const registerer = this.registerer;
    if (registerer && registerer.state === RegistererState.Registered) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 3000);
        registerer
          .unregister({ requestDelegate: { onAccept: () => resolve(), onReject: () => resolve() } })
          .catch(() => resolve());
        registerer.stateChange.addListener((s) => {
          if (s !== RegistererState.Registered) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
    }
    await this.teardownAgent();
    this.setRegistration("unregistered");
  }

  async dial(target: string): Promise<string> {
    const ua = this.requireRegistered();
    const uri = UserAgent.makeURI(targetUri(target, this.config.sipDomain));
    if (!uri)
      throw new PhoneError(
        "INVALID_STATE",
        `${JSON.stringify(target)} is not a number or SIP address.`
      );
    const inviter = new Inviter(ua, uri, {
      earlyMedia: true,
      sessionDescriptionHandlerOptions: this.mediaOptions()
    });
    const entry = this.track(
      inviter,
      "outbound",
      displayNumber(uri.user, uri.host),
      undefined,
      "dialing"
    );
    try {
      await inviter.invite({
        requestDelegate: {
          onProgress: () => this.attachAudio(entry),
          onReject: (response: IncomingResponse) => {
            const failure = callFailure(
              response.message.statusCode ?? 0,
              response.message.reasonPhrase
            );
            entry.endReason = failure.reason;
            entry.endError = failure.error;
          }
        }
      });
    } catch (cause) {
      const error = mediaError(cause);
      entry.endReason ??= "failed";
      entry.endError ??= error;
      this.finish(entry);
      throw error;
    }
    return entry.id;
  }

  async answer(callId: string): Promise<void> {
    const entry = this.requireCall(callId);
    if (!(entry.session instanceof Invitation) || entry.state !== "ringing")
      throw new PhoneError("INVALID_STATE", "Only a ringing inbound call can be answered.");
    try {
      await entry.session.accept({ sessionDescriptionHandlerOptions: this.mediaOptions() });
    } catch (cause) {
      const error = mediaError(cause);
      entry.endReason ??= "failed";
      entry.endError ??= error;
      if (entry.session.state !== SessionState.Terminated) {
        await entry.session.reject({ statusCode: 480 }).catch(() => undefined);
      }
      this.finish(entry);
      throw error;
    }
  }

  /** Declines a ringing call: 486 Busy Here, or 603 Decline when `decline` is asked for. */
  async decline(callId: string, statusCode: 486 | 603 = 486): Promise<void> {
    const entry = this.requireCall(callId);
    if (!(entry.session instanceof Invitation) || entry.state !== "ringing")
      throw new PhoneError("INVALID_STATE", "Only a ringing inbound call can be declined.");
    entry.endReason = "declined";
    await entry.session.reject({
      statusCode,
      reasonPhrase: statusCode === 603 ? "Decline" : "Busy Here"
    });
  }

  async hangup(callId: string): Promise<void> {
    const entry = this.requireCall(callId);
    const session = entry.session as SipSession;
    entry.endReason ??= "local";
    if (!this.ua?.isConnected()) {
      // No way to send the BYE now: end here, and send it once the connection is back.
      this.abandon(entry);
      return;
    }
    switch (session.state) {
      case SessionState.Initial:
      case SessionState.Establishing:
        if (session instanceof Inviter) await session.cancel();
        else {
          entry.endReason = "declined";
          await session.reject({ statusCode: 486 });
        }
        return;
      case SessionState.Established:
        await session.bye();
        return;
      default:
        this.finish(entry);
    }
  }

  /** Hold by re-INVITE: our offer becomes sendonly (or inactive if the far end holds too). */
  async hold(callId: string, on: boolean): Promise<void> {
    const entry = this.requireEstablished(callId);
    if (entry.held === on) return;
    const session = entry.session;
    const previous = session.sessionDescriptionHandlerOptionsReInvite;
    session.sessionDescriptionHandlerOptionsReInvite = {
      ...this.mediaOptions(),
      hold: on
    } as object;
    await new Promise<void>((resolve, reject) => {
      session
        .invite({
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (response) => {
              session.sessionDescriptionHandlerOptionsReInvite = previous;
              reject(
                new PhoneError(
                  "CALL_FAILED",
                  `The phone system refused to ${on ? "hold" : "resume"} the call (${response.message.statusCode}).`
                )
              );
            }
          }
        })
        .catch((cause) => {
          session.sessionDescriptionHandlerOptionsReInvite = previous;
          reject(
            cause instanceof PhoneError
              ? cause
              : new PhoneError(
                  "INVALID_STATE",
                  `Cannot ${on ? "hold" : "resume"} now: ${String(cause)}`
                )
          );
        });
    });
    entry.held = on;
    this.applyTrackState(entry);
    this.update(entry, on ? "held" : "connected");
  }

  async mute(callId: string, on: boolean): Promise<void> {
    const entry = this.requireCall(callId);
    if (entry.ended) throw new PhoneError("INVALID_STATE", "The call has ended.");
    entry.muted = on;
    this.applyTrackState(entry);
    this.emit({ type: "callUpdated", call: this.snapshot(entry) });
  }

  /** RFC 4733 telephone-events when negotiated, otherwise SIP INFO (application/dtmf-relay). */
  async sendDigits(callId: string, digits: string): Promise<void> {
    const entry = this.requireEstablished(callId);
    if (typeof digits !== "string" || !DTMF_DIGITS.test(digits))
      throw new PhoneError(
        "INVALID_STATE",
        `Only 0-9, *, #, A-D and "," can be sent as tones, got ${JSON.stringify(digits)}.`
      );
    const sender = await this.dtmfSender(entry);
    if (sender) {
      // insertDTMF replaces the queue, so append to what is still playing.
      sender.insertDTMF(sender.toneBuffer + digits.toUpperCase(), DTMF_TONE_MS, DTMF_GAP_MS);
      return;
    }
    for (const digit of digits.toUpperCase()) {
      if (digit === ",") {
        await delay(2000);
        continue;
      }
      await entry.session.info({
        requestOptions: {
          body: {
            contentDisposition: "render",
            contentType: "application/dtmf-relay",
            content: `Signal=${digit}\r\nDuration=${DTMF_TONE_MS}`
          }
        }
      });
      await delay(DTMF_TONE_MS + DTMF_GAP_MS);
    }
  }

  /** Blind transfer: REFER to the target, hang up once the transferee reports success. */
  async transfer(callId: string, target: string): Promise<void> {
    const entry = this.requireEstablished(callId);
    const uri = UserAgent.makeURI(targetUri(target, this.config.sipDomain));
    if (!uri)
      throw new PhoneError(
        "INVALID_STATE",
        `${JSON.stringify(target)} is not a number or SIP address.`
      );
    await this.refer(entry, uri);
  }

  /** Attended transfer: REFER the original caller to the consulted party with Replaces. */
  async attendedTransfer(callId: string, consultCallId: string): Promise<void> {
    const entry = this.requireEstablished(callId);
    const consult = this.requireEstablished(consultCallId);
    if (entry === consult)
      throw new PhoneError("INVALID_STATE", "Pick two different calls to connect.");
    // The target's INVITE with Replaces may end the consult call before the final NOTIFY.
    consult.endReason = "transferred";
    try {
      await this.refer(entry, consult.session);
    } catch (error) {
      consult.endReason = undefined;
      throw error;
    }
    // The target's INVITE with Replaces ends the consult dialog; end it ourselves if it does not.
    setTimeout(() => {
      if (!consult.ended && consult.session.state === SessionState.Established)
        consult.session.bye().catch(() => undefined);
    }, 5000);
  }

  /** Mixes the calls in the browser: each leg hears the agent and the other legs. */
  async conference(callIds: readonly string[]): Promise<void> {
    const entries = callIds.map((id) => this.requireEstablished(id));
    if (new Set(entries).size < 2)
      throw new PhoneError("INVALID_STATE", "A conference needs two different calls.");
    for (const entry of entries) if (entry.held) await this.hold(entry.id, false);
    const legs: MixerLeg[] = entries.map((entry) => {
      const sdh = this.sdhOf(entry);
      const sender = sdh?.peerConnection?.getSenders().find((x) => x.track?.kind === "audio");
      if (!sdh || !sender) throw new PhoneError("INVALID_STATE", "A call has no audio to mix.");
      return { id: entry.id, remote: sdh.remoteMediaStream, sender };
    });
    try {
      await this.mixer.start(legs);
    } catch (cause) {
      throw new PhoneError("CALL_FAILED", `Cannot mix the calls: ${String(cause)}`);
    }
    for (const entry of entries) this.applyTrackState(entry);
  }

  /** Plays a recorded message in place of the microphone, then puts the microphone back. */
  async playMessage(callId: string, url: string): Promise<void> {
    const entry = this.requireEstablished(callId);
    if (this.playing.has(callId))
      throw new PhoneError("INVALID_STATE", "A message is already playing.");
    const sender = this.sdhOf(entry)
      ?.peerConnection?.getSenders()
      .find((x) => x.track?.kind === "audio");
    if (!sender) throw new PhoneError("INVALID_STATE", "The call has no audio to replace.");
    let message;
    try {
      message = await playAudioFile(
        url,
        globalThis.fetch.bind(globalThis) as unknown as FetchLike,
        () => new AudioContext() as unknown as FileAudioContext
      );
    } catch (cause) {
      throw new PhoneError("CALL_FAILED", cause instanceof Error ? cause.message : String(cause));
    }
    const microphone = sender.track;
    this.playing.set(callId, message.stop);
    try {
      await sender.replaceTrack(message.track);
      await message.ended;
    } finally {
      this.playing.delete(callId);
      message.stop();
      if (!entry.ended) await sender.replaceTrack(microphone).catch(() => undefined);
    }
    if (entry.ended)
      throw new PhoneError("NOT_FOUND", "The call ended before the message finished.");
  }

  async listDevices(): Promise<AudioDeviceState> {
    await this.devices.ready();
    return this.devices.state();
  }

  /**
   * Chooses the microphone, the call audio output or the ringer output (null: the default),
   * for new calls and the calls in progress. A microphone that cannot be opened leaves the
   * previous choice in place.
   */
  async selectDevice(role: AudioDeviceRole, deviceId: string | null): Promise<void> {
    this.assertUsable();
    let previous: string | null;
    try {
      previous = await this.devices.choose(role, deviceId);
    } catch (cause) {
      // An unknown microphone is one that cannot be opened, as when getUserMedia says so.
      if (role === "input") throw mediaError({ name: "NotFoundError" });
      throw new PhoneError("INVALID_STATE", cause instanceof Error ? cause.message : String(cause));
    }
    try {
      if (role === "input")
        await this.liveMedia.applyMicrophone(this.liveCallMedia(), { probe: true });
      else if (role === "output") await this.liveMedia.applyOutput(this.liveCallMedia());
    } catch (cause) {
      this.devices.revert(role, previous);
      if (role === "output")
        await this.liveMedia.applyOutput(this.liveCallMedia()).catch(() => undefined);
      throw role === "input"
        ? mediaError(cause)
        : new PhoneError("MEDIA_DENIED", `The chosen speaker cannot be used: ${String(cause)}`);
    }
    this.emitDevices();
  }

  /** Microphone for new calls and the calls in progress (selectDevice("input", …)). */
  setInputDevice(deviceId: string | null): Promise<void> {
    return this.selectDevice("input", deviceId || null);
  }

  /** Speaker for every call's audio (selectDevice("output", …)). */
  setOutputDevice(deviceId: string | null): Promise<void> {
    return this.selectDevice("output", deviceId || null);
  }

  /** Echo cancellation, noise suppression, auto gain: re-opens the microphone of live calls. */
  async setAudioProcessing(processing: Partial<AudioProcessing>): Promise<void> {
    this.assertUsable();
    this.devices.setProcessing(processing);
    await this.liveMedia.applyMicrophone(this.liveCallMedia()).catch((cause) => {
      throw mediaError(cause);
    });
    this.emitDevices();
  }

  callQuality(callId: string): CallQualitySummary | undefined {
    return this.quality.summary(callId);
  }

  /** The calls currently known, for hosts that reattach after a reload of their UI. */
  setInboundPolicy(policy: InboundPolicy): void {
    this.inboundPolicy = policy;
  }

  listCalls(): PhoneCall[] {
    return [...this.calls.values()].filter((c) => !c.ended).map((c) => this.snapshot(c));
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.wanted = false;
    this.clearReconnect();
    this.network?.removeEventListener("online", this.onOnline);
    this.network?.removeEventListener("offline", this.onOffline);
    this.devices.dispose();
    for (const entry of [...this.calls.values()]) {
      entry.endReason ??= "local";
      await this.hangup(entry.id).catch(() => this.finish(entry));
    }
    await this.teardownAgent();
    this.quality.stop();
    this.disposed = true;
    this.listeners.clear();
  }

  // ---- registration -------------------------------------------------------------------------

  private createUserAgent(
    uri: ReturnType<typeof UserAgent.makeURI> & object,
    credentials: SipCredentials,
    generation: number
  ): UserAgent {
    return new UserAgent({
      uri,
      displayName: credentials.displayName,
      authorizationUsername: credentials.authorizationUser || credentials.username,
      authorizationPassword: credentials.password,
      instanceId: this.instanceId,
      instanceIdAlwaysAdded: true,
      // We run our own back-off (capped, jittered, followed by a re-REGISTER).
      reconnectionAttempts: 0,
      logLevel: "error",
      userAgentString: "OpenCTI-Softphone (sip.js 0.21)",
      transportOptions: { server: this.config.webSocketUrl, connectionTimeout: 5 },
      sessionDescriptionHandlerFactory: defaultSessionDescriptionHandlerFactory((constraints) =>
        this.liveMedia.openMicrophone(constraints)
      ),
      sessionDescriptionHandlerFactoryOptions: {
        peerConnectionConfiguration: { iceServers: this.config.iceServers },
        iceGatheringTimeout: this.config.iceGatheringTimeoutMs
      },
      delegate: {
        onInvite: (invitation) => {
          if (generation === this.generation) this.onIncoming(invitation);
          else invitation.reject({ statusCode: 480 }).catch(() => undefined);
        },
        onDisconnect: (error) => {
          if (generation !== this.generation || !error || !this.wanted) return;
          this.onConnectionLost();
          this.setRegistration("registering", unreachableError(this.config.webSocketUrl, error));
          this.scheduleReconnect(generation);
        }
      }
    });
  }

  private createRegisterer(ua: UserAgent, generation: number): Registerer {
    // Refresh at 90% of the granted lifetime: sip.js's default 99% leaves too little slack when
    // a busy browser delays timers or the registrar grants short lifetimes.
    const registerer = new Registerer(ua, {
      expires: this.config.registerExpires,
      refreshFrequency: 90
    });
    registerer.stateChange.addListener((state) => {
      if (generation !== this.generation) return;
      if (state === RegistererState.Registered) this.markRegistered();
      else if (
        state === RegistererState.Unregistered &&
        this.wanted &&
        this.registration === "registered"
      ) {
        // A refresh failed or the registrar dropped us: try again with back-off.
        this.setRegistration("registering");
        this.scheduleReconnect(generation);
      }
    });
    return registerer;
  }

  /** Sends REGISTER and waits for the final answer. */
  private sendRegister(generation: number): Promise<void> {
    const registerer = this.registerer;
    if (!registerer)
      return Promise.reject(new PhoneError("INVALID_STATE", "The phone is not signed in."));
    return new Promise<void>((resolve, reject) => {
      const fail = (error: PhoneError) => {
        if (generation !== this.generation) return reject(error);
        this.setRegistration("failed", error);
        if (isPermanentRegistrationError(error)) {
          // Wrong password or unknown user: retrying would only hammer the PBX (and may lock the account).
          this.wanted = false;
          this.clearReconnect();
          void this.ua?.stop().catch(() => undefined);
        } else {
          this.scheduleReconnect(generation);
        }
        reject(error);
      };
      registerer
        .register({
          requestDelegate: {
            onAccept: () => {
              // A re-REGISTER after reconnecting leaves sip.js in Registered: no state change.
              if (generation === this.generation) this.markRegistered();
              resolve();
            },
            onReject: (response) =>
              fail(
                registrationError(response.message.statusCode ?? 0, response.message.reasonPhrase)
              )
          }
        })
        .catch((cause) => fail(unreachableError(this.config.webSocketUrl, cause)));
    });
  }

  private markRegistered(): void {
    this.reconnectAttempt = 0;
    if (this.registration !== "registered") this.setRegistration("registered");
  }

  private scheduleReconnect(generation: number): void {
    if (!this.wanted || this.disposed || this.reconnectTimer !== undefined) return;
    this.reconnectAttempt += 1;
    const wait = backoffDelay(this.reconnectAttempt, {
      baseMs: this.config.reconnectBaseMs,
      maxMs: this.config.reconnectMaxMs
    });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.reconnect(generation);
    }, wait);
  }

  private async reconnect(generation: number): Promise<void> {
    const ua = this.ua;
    if (!ua || generation !== this.generation || !this.wanted) return;
    try {
      if (!ua.isConnected()) await ua.reconnect();
    } catch (cause) {
      if (generation !== this.generation) return;
      this.setRegistration("registering", unreachableError(this.config.webSocketUrl, cause));
      this.scheduleReconnect(generation);
      return;
    }
    this.releaseOrphans();
    // In parallel with the REGISTER: in-dialog requests need no registration.
    this.recoverCalls();
    await this.sendRegister(generation).catch(() => undefined);
  }

  // ---- call survival -------------------------------------------------------------------------

  /**
   * The WebSocket dropped. Connected calls are kept (their media may well still flow) until
   * the grace period runs out; calls not yet connected cannot be recovered and end at once.
   */
  private onConnectionLost(): void {
    for (const entry of this.liveEntries()) {
      if (entry.session.state === SessionState.Established && this.config.reconnectGraceMs > 0)
        this.markReconnecting(entry, "signalling");
      else {
        entry.endReason = "failed";
        entry.endError = droppedCallError();
        entry.endCause = "connectionLost";
        this.abandon(entry);
      }
    }
  }

  /** Shows the call as reconnecting; the first loss of an incident sets the deadline. */
  private markReconnecting(entry: CallEntry, lost: CallConnection["lost"]): void {
    const current = entry.connection;
    if (current?.lost === lost || (current && lost === "media")) return;
    const since = current?.since ?? Date.now();
    const graceEndsAt = current?.graceEndsAt ?? since + this.config.reconnectGraceMs;
    entry.connection = { state: "reconnecting", lost, since, graceEndsAt };
    if (!entry.graceTimer)
      entry.graceTimer = setTimeout(() => this.graceExpired(entry), graceEndsAt - Date.now());
    this.emit({ type: "callUpdated", call: this.snapshot(entry) });
  }

  private recovered(entry: CallEntry): void {
    if (entry.ended || !entry.connection) return;
    clearTimeout(entry.graceTimer);
    clearTimeout(entry.retryTimer);
    entry.graceTimer = entry.retryTimer = undefined;
    entry.connection = undefined;
    this.emit({ type: "callUpdated", call: this.snapshot(entry) });
  }

  /** Re-INVITEs every call that is waiting to be recovered (we are connected again). */
  private recoverCalls(): void {
    for (const entry of this.liveEntries()) if (entry.connection) void this.recover(entry);
  }

  /**
   * One recovery attempt: a re-INVITE with an ICE restart over the current connection. The far
   * end learns our new contact from it (a target refresh), so its BYE finds us again.
   */
  private async recover(entry: CallEntry): Promise<void> {
    if (entry.ended || entry.recovering || !entry.connection || !this.ua?.isConnected()) return;
    clearTimeout(entry.retryTimer);
    entry.retryTimer = undefined;
    entry.recovering = true;
    const { outcome } = await reinviteWithIceRestart(entry.session, {
      ...this.mediaOptions(),
      hold: entry.held
    });
    entry.recovering = false;
    if (entry.ended || !entry.connection) return;
    if (outcome === "gone") {
      // The far end hung up (or vanished) while we could not hear its BYE.
      entry.endReason = "remote";
      entry.session.bye().catch(() => this.finish(entry));
      return;
    }
    if (outcome === "retry") {
      entry.retryTimer = setTimeout(() => void this.recover(entry), RECOVERY_RETRY_MS);
      return;
    }
    const pc = this.sdhOf(entry)?.peerConnection;
    if (!pc || iceUp(pc.iceConnectionState) || outcome === "refused") {
      this.recovered(entry);
      return;
    }
    if (entry.connection.lost === "signalling") {
      // Signalling is back; the audio path is still coming up (the ICE watch finishes it).
      entry.connection = { ...entry.connection, lost: "media" };
      this.emit({ type: "callUpdated", call: this.snapshot(entry) });
    }
    // Still no audio path a while later (the network is not back yet): restart ICE again.
    entry.retryTimer = setTimeout(() => {
      if (!iceUp(pc.iceConnectionState)) void this.recover(entry);
    }, ICE_RESTART_RETRY_MS);
  }

  private graceExpired(entry: CallEntry): void {
    entry.graceTimer = undefined;
    const connection = entry.connection;
    if (entry.ended || !connection) return;
    entry.endReason = "failed";
    entry.endCause = connection.lost === "signalling" ? "connectionLost" : "mediaLost";
    entry.endError = graceExpiredError(connection.lost, this.config.reconnectGraceMs);
    if (this.ua?.isConnected() && entry.session.state === SessionState.Established) {
      // sip.js holds the BYE until a pending re-INVITE completes; the call ends here now.
      entry.session.bye().catch(() => undefined);
      this.sdhOf(entry)?.close();
      this.finish(entry);
    } else this.abandon(entry);
  }

  /** Watches the call's audio path: a broken one gets an ICE restart without a WebSocket cut. */
  private watchMedia(entry: CallEntry): void {
    const pc = this.sdhOf(entry)?.peerConnection;
    if (!pc || entry.unwatchIce) return;
    entry.unwatchIce = watchIce(pc, (state) => {
      if (entry.ended) return;
      clearTimeout(entry.iceTimer);
      entry.iceTimer = undefined;
      if (iceUp(state)) {
        if (entry.connection?.lost === "media" && !entry.recovering) this.recovered(entry);
        return;
      }
      if (!iceLost(state) || this.config.reconnectGraceMs === 0) return;
      const restart = () => {
        if (entry.ended || !iceLost(pc.iceConnectionState)) return;
        this.markReconnecting(entry, "media");
        void this.recover(entry);
      };
      if (state === "failed") restart();
      else entry.iceTimer = setTimeout(restart, ICE_DISCONNECTED_WAIT_MS);
    });
  }

  /**
   * `online` after `offline` (or a network change): reconnect now instead of waiting for the
   * back-off, and restart ICE on connected calls since the network path may be new.
   * `offline`: the calls are shown as reconnecting; their grace period starts.
   */
  private networkChanged(online: boolean): void {
    if (this.disposed || !this.wanted) return;
    const established = this.liveEntries().filter(
      (e) => e.session.state === SessionState.Established
    );
    if (!online) {
      if (this.config.reconnectGraceMs > 0)
        for (const entry of established) this.markReconnecting(entry, "signalling");
      return;
    }
    if (!this.ua?.isConnected()) {
      this.clearReconnect();
      void this.reconnect(this.generation);
      return;
    }
    for (const entry of established) {
      if (!entry.connection && this.config.reconnectGraceMs > 0)
        this.markReconnecting(entry, "media");
      void this.recover(entry);
    }
    void this.sendRegister(this.generation).catch(() => undefined);
  }

  /**
   * Ends a call here without signalling (none is possible now); its media is released and the
   * far end gets our BYE (or CANCEL) once we are connected again.
   */
  private abandon(entry: CallEntry): void {
    this.orphans.add(entry.session as SipSession);
    this.sdhOf(entry)?.close();
    this.finish(entry);
  }

  private releaseOrphans(): void {
    for (const session of [...this.orphans]) {
      this.orphans.delete(session);
      const done =
        session.state === SessionState.Established
          ? session.bye()
          : session instanceof Inviter && session.state !== SessionState.Terminated
            ? session.cancel()
            : session.dispose();
      Promise.resolve(done).catch(() => undefined);
    }
  }

  private clearReconnect(): void {
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
  }

  private async teardownAgent(): Promise<void> {
    this.generation += 1;
    this.clearReconnect();
    for (const session of this.orphans) session.dispose().catch(() => undefined);
    this.orphans.clear();
    const registerer = this.registerer;
    const ua = this.ua;
    this.registerer = undefined;
    this.ua = undefined;
    await registerer?.dispose().catch(() => undefined);
    await ua?.stop().catch(() => undefined);
  }

  private setRegistration(state: RegistrationState, error?: PhoneError): void {
    this.registration = state;
    this.emit(error ? { type: "registration", state, error } : { type: "registration", state });
  }

  // ---- calls -----------------------------------------------------------------------------------

  private onIncoming(invitation: Invitation): void {
    if (this.inboundPolicy.mode === "refuse") {
      // Not ready: the PBX hears "busy" and routes the caller on; the agent is never alerted.
      invitation
        .reject({ statusCode: this.inboundPolicy.statusCode ?? 486 })
        .catch(() => undefined);
      return;
    }
    const asserted = uriFromNameAddr(invitation.request.getHeader("P-Asserted-Identity"));
    const assertedUri = asserted ? UserAgent.makeURI(asserted) : undefined;
    const identity = invitation.remoteIdentity;
    const number = assertedUri
      ? displayNumber(assertedUri.user, assertedUri.host)
      : displayNumber(identity.uri.user, identity.uri.host);
    const entry = this.track(
      invitation,
      "inbound",
      number,
      identity.displayName || undefined,
      "ringing"
    );
    invitation.delegate = {
      ...invitation.delegate,
      onCancel: () => {
        entry.endReason ??= "missed";
      }
    };
    // 180 Ringing tells the caller (and the PBX's ring timer) that the agent is being alerted.
    invitation.progress().catch(() => undefined);
    this.emit({ type: "incoming", call: this.snapshot(entry) });
    this.ring(entry);
  }

  private ring(entry: CallEntry): void {
    const ringer = this.ringer;
    if (!ringer) return;
    entry.ringing = true;
    const waiting = this.liveEntries().some((e) => e !== entry);
    ringer
      .start({
        callId: entry.id,
        caller: entry.remoteName || entry.remoteNumber,
        waiting,
        sinkId: this.devices.effective("ringer")
      })
      .then(({ outcome, detail }) => {
        if (!entry.ringing) return;
        this.emit(
          detail
            ? { type: "ringer", callId: entry.id, outcome, detail }
            : { type: "ringer", callId: entry.id, outcome }
        );
      })
      .catch(() => undefined);
  }

  private stopRinging(entry: CallEntry): void {
    if (!entry.ringing) return;
    entry.ringing = false;
    this.ringer?.stop(entry.id);
  }

  private track(
    session: SipSession,
    direction: CallDirection,
    remoteNumber: string,
    remoteName: string | undefined,
    state: PhoneCallState
  ): CallEntry {
    const entry: CallEntry = {
      id: session.request.callId,
      session,
      direction,
      remoteNumber,
      remoteName,
      state,
      muted: false,
      held: false,
      audio: new CallAudio(this.media),
      established: false,
      ended: false,
      recovering: false,
      ringing: false
    };
    this.calls.set(entry.id, entry);
    session.delegate = {
      ...session.delegate,
      onBye: () => {
        entry.endReason ??= "remote";
      },
      onInfo: (info: Info) => {
        info.accept().catch(() => undefined);
      },
      // Following a far end's REFER would let any caller make the agent's phone call anywhere
      // (and sip.js would do so silently, outside our call list): refuse it.
      onRefer: (referral: Referral) => {
        referral.reject({ statusCode: 603, reasonPhrase: "Decline" }).catch(() => undefined);
      }
    };
    session.stateChange.addListener((sessionState) => {
      if (sessionState === SessionState.Established) {
        this.stopRinging(entry);
        this.attachAudio(entry);
        this.applyTrackState(entry);
        this.watchMedia(entry);
        this.quality.start();
        this.update(entry, entry.held ? "held" : "connected");
      } else if (sessionState === SessionState.Terminated) {
        // sip.js terminates an Inviter before calling the request delegate's onReject, which
        // tells us why; let that run first.
        queueMicrotask(() => this.finish(entry));
      }
    });
    if (direction === "outbound") this.emit({ type: "callUpdated", call: this.snapshot(entry) });
    return entry;
  }

  private async refer(
    entry: CallEntry,
    target: ReturnType<typeof UserAgent.makeURI> & object
  ): Promise<void>;
  private async refer(entry: CallEntry, target: Session): Promise<void>;
  private async refer(
    entry: CallEntry,
    target: Session | (ReturnType<typeof UserAgent.makeURI> & object)
  ): Promise<void> {
    const session = entry.session;
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const done = (error?: PhoneError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) {
          entry.endReason = undefined;
          return reject(error);
        }
        session.bye().catch(() => undefined);
        resolve();
      };
      // A transferee that hangs up once connected to the target ends this call as transferred.
      entry.endReason = "transferred";
      // No final NOTIFY (some PBXs only send 100 Trying): the REFER was accepted, so hand off.
      const timer = setTimeout(() => done(), TRANSFER_NOTIFY_TIMEOUT_MS);
      session
        .refer(target, {
          requestDelegate: {
            onReject: (response) =>
              done(
                new PhoneError(
                  "CALL_FAILED",
                  `The transfer was refused (${response.message.statusCode}).`
                )
              )
          },
          onNotify: (notification: Notification) => {
            notification.accept().catch(() => undefined);
            const status = sipfragStatus(notification.request.body);
            if (status === undefined || status < 200) return;
            if (status < 300) done();
            else
              done(
                new PhoneError("CALL_FAILED", `The transfer target did not answer (${status}).`)
              );
          }
        })
        .catch((cause) =>
          done(new PhoneError("INVALID_STATE", `Cannot transfer now: ${String(cause)}`))
        );
    });
  }

  private finish(entry: CallEntry): void {
    if (entry.ended) return;
    entry.ended = true;
    entry.state = "ended";
    entry.connection = undefined;
    this.stopRinging(entry);
    for (const timer of [entry.graceTimer, entry.retryTimer, entry.iceTimer]) clearTimeout(timer);
    entry.unwatchIce?.();
    entry.audio.detach();
    this.calls.delete(entry.id);
    this.playing.get(entry.id)?.();
    if (this.mixer.has(entry.id))
      // The calls left get their microphones back, with their own mute and hold applied.
      void this.mixer
        .remove(entry.id)
        .then(() => this.liveEntries().forEach((live) => this.applyTrackState(live)));
    const reason =
      entry.endReason ??
      (entry.direction === "inbound" && !entry.established ? "missed" : "failed");
    const event: PhoneEvent & { type: "callEnded" } = {
      type: "callEnded",
      call: this.snapshot(entry),
      reason
    };
    if (entry.endError) event.error = entry.endError;
    if (entry.endCause) event.cause = entry.endCause;
    const quality = this.quality.end(entry.id);
    if (quality) event.quality = quality;
    this.emit(event);
  }

  private attachAudio(entry: CallEntry): void {
    const sdh = this.sdhOf(entry);
    if (sdh) entry.audio.attach(sdh.remoteMediaStream);
  }

  private sdhOf(entry: CallEntry): SessionDescriptionHandler | undefined {
    return entry.session.sessionDescriptionHandler as SessionDescriptionHandler | undefined;
  }

  private liveEntries(): CallEntry[] {
    return [...this.calls.values()].filter((entry) => !entry.ended);
  }

  private liveCallMedia(): LiveCallMedia[] {
    return this.liveEntries().map((entry) => ({
      sdh: this.sdhOf(entry),
      audio: entry.audio,
      applyTrackState: () => this.applyTrackState(entry)
    }));
  }

  /** Hot-plug: re-apply what changed (a removed headset falls back to the default) and tell. */
  private async onDeviceChange(change: DeviceChange): Promise<void> {
    if (this.disposed) return;
    if (change.changed.includes("input"))
      await this.liveMedia.applyMicrophone(this.liveCallMedia()).catch(() => undefined);
    if (change.changed.includes("output"))
      await this.liveMedia.applyOutput(this.liveCallMedia()).catch(() => undefined);
    if (change.fallbacks.length === 0) this.emitDevices();
    for (const fallback of change.fallbacks) this.emitDevices(fallback);
  }

  private emitDevices(fallback?: DeviceFallback): void {
    const devices = this.devices.state();
    this.emit(fallback ? { type: "devices", devices, fallback } : { type: "devices", devices });
  }

  private applyTrackState(entry: CallEntry): void {
    const sdh = this.sdhOf(entry);
    if (!sdh) return;
    if (this.mixer.has(entry.id)) {
      // The sender carries the mix: mute silences only the agent's voice in it.
      this.mixer.setMicEnabled(!entry.muted);
      sdh.enableSenderTracks(!entry.held);
      sdh.enableReceiverTracks(!entry.held);
      return;
    }
    sdh.enableSenderTracks(!entry.muted && !entry.held);
    sdh.enableReceiverTracks(!entry.held);
  }

  /**
   * The RTCDTMFSender when the far end negotiated telephone-event. Chromium reports
   * canInsertDTMF only once the media transport is up, which can trail the SIP 200 OK.
   */
  private async dtmfSender(entry: CallEntry): Promise<RTCDTMFSender | undefined> {
    const sdh = entry.session.sessionDescriptionHandler as SessionDescriptionHandler | undefined;
    const pc = sdh?.peerConnection;
    const dtmf = pc?.getSenders().find((s) => s.track?.kind === "audio")?.dtmf;
    if (!pc || !dtmf || !/telephone-event/i.test(pc.remoteDescription?.sdp ?? "")) return undefined;
    const deadline = Date.now() + DTMF_READY_WAIT_MS;
    while (!dtmf.canInsertDTMF && Date.now() < deadline && pc.connectionState !== "closed")
      await delay(25);
    return dtmf.canInsertDTMF ? dtmf : undefined;
  }

  private update(entry: CallEntry, state: PhoneCallState): void {
    if (entry.ended) return;
    if (state === "held" || entry.state === "held") this.quality.reset(entry.id);
    entry.state = state;
    entry.established = true;
    this.emit({ type: "callUpdated", call: this.snapshot(entry) });
  }

  private snapshot(entry: CallEntry): PhoneCall {
    const call: { -readonly [K in keyof PhoneCall]: PhoneCall[K] } = {
      id: entry.id,
      direction: entry.direction,
      remoteNumber: entry.remoteNumber,
      state: entry.state,
      muted: entry.muted
    };
    if (entry.remoteName) call.remoteName = entry.remoteName;
    if (entry.connection) call.connection = entry.connection;
    return call;
  }

  private mediaOptions(): SessionDescriptionHandlerOptions {
    return { constraints: this.media.constraints() };
  }

  private requireRegistered(): UserAgent {
    this.assertUsable();
    if (!this.ua || this.registration !== "registered")
      throw new PhoneError("INVALID_STATE", "The phone is not registered yet.");
    return this.ua;
  }

  private requireCall(callId: string): CallEntry {
    this.assertUsable();
    const entry = this.calls.get(callId);
    if (!entry) throw new PhoneError("INVALID_STATE", `No call with id ${JSON.stringify(callId)}.`);
    return entry;
  }

  /** A connected call whose signalling works (hold, transfer, DTMF need it). */
  private requireEstablished(callId: string): CallEntry & { session: Session } {
    const entry = this.requireCall(callId);
    if (entry.session.state !== SessionState.Established)
      throw new PhoneError("INVALID_STATE", "The call is not connected.");
    if (entry.connection?.lost === "signalling" || !this.ua?.isConnected())
      throw reconnectingError();
    return entry;
  }

  private assertUsable(): void {
    if (this.disposed) throw new PhoneError("INVALID_STATE", "The phone was disposed.");
  }

  private emit(event: PhoneEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error("SipPhone listener failed", error);
      }
    }
  }
}

/** Status code of a message/sipfrag body such as "SIP/2.0 200 OK". */
export function sipfragStatus(body: string | undefined): number | undefined {
  const match = /^SIP\/2\.0\s+(\d{3})/m.exec(body ?? "");
  return match ? Number(match[1]) : undefined;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
