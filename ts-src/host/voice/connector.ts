/**
 * The Salesforce Voice (Partner Telephony) connector: the base library's VendorConnector over
 * the softphone store. Salesforce's requests (accept, end, hold, dial, transfer, status…)
 * become the store's actions; the store's call changes become the events Salesforce expects
 * (CALL_STARTED → CALL_CONNECTED → HANGUP → AFTER_CALL_WORK_STARTED → WRAP_UP_ENDED), in that
 * order per call. Where the base itself publishes the event for a request (CALL_CONNECTED
 * after ACCEPT_CALL, HANGUP after END_CALL or DECLINE_CALL, CALL_STARTED after DIAL), the
 * connector stays quiet so Salesforce never sees one twice.
 */
import {
  ActiveCallsResult,
  AgentConfigResult,
  AgentVendorStatusInfo,
  CallResult,
  Constants,
  Contact,
  CustomError,
  GenericResult,
  HangupResult,
  HoldToggleResult,
  InitResult,
  LogoutResult,
  MuteToggleResult,
  ParticipantResult,
  Phone as AgentPhone,
  PhoneContactsResult,
  VendorConnector,
  type AgentConfig,
  type AgentStatusInfo,
  type CapabilitiesResult,
  type PhoneCall
} from "@salesforce/scv-connector-base";
import type { CallView, LoggedError, SoftphoneState, SoftphoneStore } from "../../core/model";
import type { Phone, SipCredentials } from "../../phone/phone";
import { VoiceAudioStats } from "./audio-stats";
import { PHONE_NUMBER_CONTACT, publishError, publishEvent, publishLog } from "./base";
import type { CallFactsBook } from "./call-facts";
import { voiceCapabilities } from "./capabilities";
import { callCenterSettingsFrom, voiceSettingsFrom, type VoiceSettings } from "./config";
import { describeError, VoiceConnectorError } from "./errors";
import { callInfoFor, toPhoneCall, type WireCallState } from "./phone-call";
import type { VoiceCallRecords, VoiceCallStart } from "./voice-calls";

export interface VoiceScheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface VoiceConnectorDeps {
  store: SoftphoneStore;
  /** Hands SETUP_CONNECTOR's connectorConfig to the core host and starts the store. */
  start(config: unknown): void;
  records: VoiceCallRecords;
  facts: CallFactsBook;
  scheduler?: VoiceScheduler;
  now?: () => number;
  /** How long init waits for the phone to be usable. */
  initTimeoutMs?: number;
  /** How long a call's event waits for its VoiceCall to be created before it goes anyway. */
  createTimeoutMs?: number;
  /** Later attempts to create a VoiceCall that failed at the start of its call. */
  retryDelaysMs?: readonly number[];
  /** Shown by the connector page (Salesforce hides the frame, the console shows it too). */
  onProblem?(message: string): void;
  /** Overrides whether we claim MOS (default: the attached phone samples real audio). */
  audioStats?: boolean;
}

/** Custom label (namespace `c`) Salesforce shows with the connector's own error text. */
export const RECORD_ERROR_LABEL = "Softphone_Voice_Record_Error";
export const LOGIN_FRAME_HEIGHT = 320;

type Phase = "ringing" | "dialing" | "connected" | "wrapup";

interface Tracked {
  view: CallView;
  phase: Phase;
  voiceCallId?: string;
  /** Events for one call go out in order, after its CALL_STARTED. */
  chain: Promise<void>;
  /** Salesforce asked for the end: the base publishes HANGUP itself. */
  quietHangup: boolean;
  /** Salesforce ended after-call work: no WRAP_UP_ENDED back. */
  quietWrapUp: boolean;
  afterCallWork: "none" | "pending" | "published";
}

const LIVE = ["ringing", "dialing", "connected", "held"];
const E = Constants.EVENT_TYPE;
const ERR = {
  GENERIC: "GENERIC_ERROR",
  INVALID_PARAMS: "INVALID_PARAMS",
  LOGIN: "CAN_NOT_LOG_IN",
  DESTINATION: "INVALID_DESTINATION",
  STATUS: "INVALID_AGENT_STATUS",
  CONFIG: "CAN_NOT_SET_AGENT_CONFIG"
} as const;

const systemScheduler: VoiceScheduler = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>)
};

function phaseOf(view: CallView): Phase | null {
  switch (view.state) {
    case "ringing":
    case "dialing":
    case "wrapup":
      return view.state;
    case "connected":
    case "held":
      return "connected";
    default:
      return null;
  }
}

function isLive(view: CallView | null): view is CallView {
  return view !== null && LIVE.includes(view.state);
}

export class SoftphoneVoiceConnector extends VendorConnector {
  private readonly store: SoftphoneStore;
  private readonly scheduler: VoiceScheduler;
  private readonly now: () => number;
  private readonly tracked = new Map<string, Tracked>();
  private readonly turnedAway = new Set<string>();
  private readonly seenErrors = new WeakSet<LoggedError>();
  private readonly reported = new Set<string>();
  private voice: VoiceSettings = voiceSettingsFrom({});
  private unsubscribe: (() => void) | null = null;
  private phone: Pick<Phone, "kind" | "on" | "unregister"> | null = null;
  private readonly audio = new VoiceAudioStats();

  constructor(private readonly deps: VoiceConnectorDeps) {
    super();
    this.store = deps.store;
    this.scheduler = deps.scheduler ?? systemScheduler;
    this.now = deps.now ?? Date.now;
  }

  // ---- start-up ----

  /** The phone the store drives (the entry file hands it over): audio stats and logout. */
  attachPhone(phone: Pick<Phone, "kind" | "on" | "unregister">): void {
    this.phone = phone;
    this.audio.attach(phone);
  }

  override async init(config: unknown): Promise<InitResult> {
    this.voice = voiceSettingsFrom(callCenterSettingsFrom(config));
    if (!this.unsubscribe) {
      this.seed(this.store.getState());
      this.unsubscribe = this.store.subscribe((state) => this.onState(state));
    }
    this.deps.start(config);
    const outcome = await this.ready();
    if (outcome === "signIn")
      return new InitResult({ showLogin: true, loginFrameHeight: LOGIN_FRAME_HEIGHT });
    return new InitResult({});
  }

  /** The connector page's sign-in form (credentials=prompt): null once the phone is ready. */
  async signIn(credentials: SipCredentials): Promise<string | null> {
    await this.store.actions.signIn(credentials);
    const state = this.store.getState();
    if (state.registration === "registered" && !state.needsSignIn) {
      void publishEvent({
        eventType: E.LOGIN_RESULT,
        payload: new GenericResult({ success: true })
      });
      return null;
    }
    return state.signInError ?? "Sign-in failed.";
  }

  override async getCapabilities(): Promise<CapabilitiesResult> {
    return voiceCapabilities({ audioStats: this.deps.audioStats ?? this.audio.measuring });
  }

  override async getAgentConfig(): Promise<AgentConfigResult> {
    const softphone = Constants.PHONE_TYPE.SOFT_PHONE;
    return new AgentConfigResult({
      // The runtime (and its default) lists phone types, not Phone objects as declared.
      phones: [softphone] as unknown as AgentPhone[],
      selectedPhone: new AgentPhone({ type: softphone })
    });
  }

  override async setAgentConfig(config: AgentConfig): Promise<GenericResult> {
    const type = config?.selectedPhone?.type;
    if (type !== Constants.PHONE_TYPE.SOFT_PHONE)
      throw new VoiceConnectorError(ERR.CONFIG, "This connector is a softphone: no desk phone.");
    return new GenericResult({ success: true });
  }

  override async getActiveCalls(): Promise<ActiveCallsResult> {
    const call = this.store.getState().call;
    if (!isLive(call)) return new ActiveCallsResult({ activeCalls: [] });
    return new ActiveCallsResult({ activeCalls: [this.wire(call)] });
  }

  /** Not ready, then the phone leaves its registrar (SIP: REGISTER with Expires 0). */
  override async logout(): Promise<LogoutResult> {
    if (isLive(this.store.getState().call))
      throw new VoiceConnectorError(ERR.GENERIC, "End the call before logging out.");
    await this.store.actions.setReady(false);
    await this.phone?.unregister();
    return new LogoutResult({ success: true, loginFrameHeight: LOGIN_FRAME_HEIGHT });
  }

  // ---- calls ----

  override async acceptCall(call: PhoneCall): Promise<CallResult> {
    const view = this.ringing(call);
    const failure = await this.act(() => this.store.actions.answer());
    const after = this.store.getState().call;
    if (after?.id !== view.id || after.state !== "connected")
      throw new VoiceConnectorError(ERR.GENERIC, failure ?? "The call could not be answered.");
    return new CallResult({ call: this.wire(after) });
  }

  override async declineCall(call: PhoneCall): Promise<CallResult> {
    const view = this.ringing(call);
    const tracked = this.tracked.get(view.id);
    if (tracked) tracked.quietHangup = true;
    const failure = await this.act(() => this.store.actions.decline());
    if (this.store.getState().call?.id === view.id) {
      if (tracked) tracked.quietHangup = false;
      throw new VoiceConnectorError(ERR.GENERIC, failure ?? "The call could not be declined.");
    }
    return new CallResult({ call: this.wire(view, "ended") });
  }

  override async endCall(call: PhoneCall): Promise<HangupResult> {
    const view = this.live(call);
    const tracked = this.tracked.get(view.id);
    if (tracked) tracked.quietHangup = true;
    const ringing = view.state === "ringing" && view.direction === "inbound";
    const failure = await this.act(() =>
      ringing ? this.store.actions.decline() : this.store.actions.hangup()
    );
    const after = this.store.getState().call;
    if (after?.id === view.id && isLive(after)) {
      if (tracked) tracked.quietHangup = false;
      throw new VoiceConnectorError(ERR.GENERIC, failure ?? "The call could not be ended.");
    }
    return new HangupResult({ calls: [this.wire(view, "ended")] });
  }

  override async mute(): Promise<MuteToggleResult> {
    return this.setMuted(true);
  }

  override async unmute(): Promise<MuteToggleResult> {
    return this.setMuted(false);
  }

  override async hold(call: PhoneCall): Promise<HoldToggleResult> {
    return this.setHeld(call, true);
  }

  override async resume(call: PhoneCall): Promise<HoldToggleResult> {
    return this.setHeld(call, false);
  }

  override async dial(contact: Contact): Promise<CallResult> {
    const number = `${contact?.prefix ?? ""}${contact?.phoneNumber ?? ""}`.trim();
    if (number === "")
      throw new VoiceConnectorError(ERR.DESTINATION, "There is no number to dial.");
    const before = this.store.getState().call;
    if (before)
      throw new VoiceConnectorError(
        ERR.GENERIC,
        before.state === "wrapup"
          ? "Finish after-call work before placing another call."
          : "Hang up the current call before placing another."
      );
    const recordId = typeof contact.recordId === "string" ? contact.recordId : undefined;
    const failure = await this.act(() => this.store.actions.dial(number, recordId), ["dial"]);
    const view = this.store.getState().call;
    if (!view || view.direction !== "outbound") {
      const message = failure ?? this.store.getState().notice ?? "The call could not be placed.";
      const type = message.startsWith("Could not call") ? ERR.GENERIC : ERR.DESTINATION;
      throw new VoiceConnectorError(type, message);
    }
    const tracked = this.track(view);
    // Hold this call's later events until the base has published its CALL_STARTED.
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const previous = tracked.chain;
    tracked.chain = previous.then(() => released);
    tracked.voiceCallId = await this.createRecord(tracked);
    this.scheduler.setTimeout(release, 0);
    return new CallResult({ call: this.wire(tracked.view) });
  }

  override async sendDigits(digits: string): Promise<void> {
    const call = this.store.getState().call;
    if (!call || call.state !== "connected")
      throw new VoiceConnectorError(ERR.GENERIC, "Digits need a connected call.");
    const failure = await this.act(
      () => this.store.actions.sendDigits(String(digits)),
      ["phone", "dial"]
    );
    if (failure) throw new VoiceConnectorError(ERR.GENERIC, failure);
  }

  override async addParticipant(
    contact: Contact,
    call: PhoneCall,
    isBlindTransfer: boolean
  ): Promise<ParticipantResult> {
    if (!isBlindTransfer)
      throw new VoiceConnectorError(
        ERR.GENERIC,
        "Consult calls are not available with this phone yet: use a blind transfer."
      );
    const target = `${contact?.prefix ?? ""}${contact?.phoneNumber ?? ""}`.trim();
    if (target === "")
      throw new VoiceConnectorError(ERR.DESTINATION, "There is no number to transfer to.");
    const view = this.live(call);
    if (view.state !== "connected" && view.state !== "held")
      throw new VoiceConnectorError(ERR.GENERIC, "Only a connected call can be transferred.");
    const tracked = this.tracked.get(view.id);
    if (tracked) tracked.quietHangup = true;
    const failure = await this.act(() => this.store.actions.transfer(target), ["phone", "dial"]);
    if (failure) {
      if (tracked) tracked.quietHangup = false;
      throw new VoiceConnectorError(ERR.DESTINATION, failure);
    }
    return new ParticipantResult({
      initialCallHasEnded: true,
      callInfo: callInfoFor(view),
      phoneNumber: target,
      callId: view.id
    });
  }

  override async getPhoneContacts(filter?: unknown): Promise<PhoneContactsResult> {
    const contains = (filter as { contains?: unknown } | undefined)?.contains;
    await this.store.actions.searchDirectory(typeof contains === "string" ? contains : "");
    const directory = this.store.getState().directory;
    if (directory.status === "error")
      throw new VoiceConnectorError(ERR.GENERIC, "The directory search failed.");
    const contacts = directory.entries.map(
      (entry) =>
        new Contact({
          id: `${entry.kind}:${entry.number}`,
          type: PHONE_NUMBER_CONTACT,
          name: entry.name,
          phoneNumber: entry.number,
          ...(entry.description ? { description: entry.description } : {})
        })
    );
    return new PhoneContactsResult({
      contacts,
      contactTypes: [PHONE_NUMBER_CONTACT]
    });
  }

  override wrapUpCall(call: PhoneCall): void {
    const view = this.store.getState().call;
    if (!view || view.state !== "wrapup" || (call?.callId && call.callId !== view.id)) return;
    const tracked = this.tracked.get(view.id);
    if (tracked) tracked.quietWrapUp = true;
    void this.store.actions.saveWrapUp();
  }

  // ---- presence ----

  override async setAgentStatus(agentStatus: string): Promise<GenericResult> {
    switch (agentStatus) {
      case Constants.AGENT_STATUS.ONLINE:
        await this.store.actions.setReady(true);
        return new GenericResult({ success: this.store.getState().registration === "registered" });
      case Constants.AGENT_STATUS.OFFLINE:
        await this.store.actions.setReady(false);
        return new GenericResult({ success: true });
      case Constants.AGENT_STATUS.ACW:
        // After-call work follows the call; nothing to change on the phone.
        return new GenericResult({ success: true });
      default:
        throw new VoiceConnectorError(ERR.STATUS, `Unknown agent status ${String(agentStatus)}.`);
    }
  }

  /** The base validates an AgentVendorStatusInfo here; its declarations say AgentStatusInfo. */
  override async getAgentStatus(): Promise<AgentStatusInfo> {
    const state = this.store.getState();
    const names = { ready: "Ready", busy: "On a call", offline: "Not ready" } as const;
    return new AgentVendorStatusInfo({
      statusId: state.agent,
      statusType: state.agent === "ready" ? "routable" : state.agent,
      statusName: names[state.agent]
    }) as unknown as AgentStatusInfo;
  }

  /** Salesforce has no "simulate a call" message: the workbench sends `{simulate: "inbound"}`. */
  override handleMessage(message: unknown): void {
    const m = message as { simulate?: unknown; number?: unknown; name?: unknown } | null;
    if (m?.simulate === "inbound" && typeof m.number === "string") {
      const name = typeof m.name === "string" ? m.name : undefined;
      void this.store.actions.simulateIncomingCall(m.number, name);
      return;
    }
    publishLog({ eventType: "MESSAGE", payload: { ignored: true }, isError: false });
  }

  // ---- what the phones cannot do (capabilities say so too) ----

  override async pauseRecording(): Promise<never> {
    throw new VoiceConnectorError(ERR.GENERIC, "Recording is not available.");
  }

  override async resumeRecording(): Promise<never> {
    throw new VoiceConnectorError(ERR.GENERIC, "Recording is not available.");
  }

  override async swap(): Promise<never> {
    throw new VoiceConnectorError(ERR.GENERIC, "Swapping calls is not available.");
  }

  override async conference(): Promise<never> {
    throw new VoiceConnectorError(ERR.GENERIC, "Conference calls are not available.");
  }

  override async getSignedRecordingUrl(): Promise<never> {
    throw new VoiceConnectorError(ERR.GENERIC, "Recording is not available.");
  }

  override async superviseCall(): Promise<never> {
    throw new VoiceConnectorError(ERR.GENERIC, "Supervisor features are not available.");
  }

  override async supervisorDisconnect(): Promise<never> {
    throw new VoiceConnectorError(ERR.GENERIC, "Supervisor features are not available.");
  }

  override async supervisorBargeIn(): Promise<never> {
    throw new VoiceConnectorError(ERR.GENERIC, "Supervisor features are not available.");
  }

  // ---- helpers for requests ----

  private ringing(call: PhoneCall | undefined): CallView {
    const view = this.store.getState().call;
    if (!view || view.state !== "ringing" || view.direction !== "inbound")
      throw new VoiceConnectorError(ERR.GENERIC, "No call is ringing.");
    if (call?.callId && call.callId !== view.id)
      throw new VoiceConnectorError(ERR.GENERIC, "That call is no longer ringing.");
    return view;
  }

  private live(call: PhoneCall | undefined): CallView {
    const view = this.store.getState().call;
    if (!isLive(view)) throw new VoiceConnectorError(ERR.GENERIC, "There is no call.");
    if (call?.callId && call.callId !== view.id)
      throw new VoiceConnectorError(ERR.GENERIC, "That call has ended.");
    return view;
  }

  /** Runs an action; the message of an error it logged (core turns failures into notices). */
  private async act(
    run: () => Promise<void>,
    sources: readonly LoggedError["source"][] = ["phone"]
  ): Promise<string | null> {
    const before = this.store.getState().errors;
    const last = before[before.length - 1];
    await run();
    const errors = this.store.getState().errors;
    const fresh = errors.slice(last ? errors.lastIndexOf(last) + 1 : 0);
    const failure = fresh.filter((error) => sources.includes(error.source)).pop();
    return failure ? failure.message : null;
  }

  private async setMuted(on: boolean): Promise<MuteToggleResult> {
    const view = this.live(undefined);
    if (view.state === "ringing")
      throw new VoiceConnectorError(ERR.GENERIC, "A ringing call cannot be muted.");
    const failure = await this.act(() => this.store.actions.mute(on));
    const after = this.store.getState().call;
    if (after?.id !== view.id || after.muted !== on)
      throw new VoiceConnectorError(
        ERR.GENERIC,
        failure ?? `The call could not be ${on ? "muted" : "unmuted"}.`
      );
    return new MuteToggleResult({ isMuted: on });
  }

  private async setHeld(call: PhoneCall, on: boolean): Promise<HoldToggleResult> {
    const view = this.live(call);
    const failure = await this.act(() => this.store.actions.hold(on));
    const after = this.store.getState().call;
    if (after?.id !== view.id || (after.state === "held") !== on)
      throw new VoiceConnectorError(
        ERR.GENERIC,
        failure ?? `The call could not be ${on ? "held" : "resumed"}.`
      );
    return new HoldToggleResult({
      isThirdPartyOnHold: false,
      isCustomerOnHold: on,
      calls: { [after.id]: this.wire(after) }
    } as unknown as ConstructorParameters<typeof HoldToggleResult>[0]);
  }

  private wire(view: CallView, state?: WireCallState): PhoneCall {
    const voiceCallId =
      this.tracked.get(view.id)?.voiceCallId ?? this.deps.facts.get(view.id)?.voiceCallId;
    return toPhoneCall(view, { voiceCallId, state });
  }

  // ---- start-up helpers ----

  /** Resolves once the phone is usable (or needs the agent to sign in); rejects with why not. */
  private ready(): Promise<"ready" | "signIn"> {
    const timeoutMs = this.deps.initTimeoutMs ?? 30_000;
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        this.scheduler.clearTimeout(timer);
        unsubscribe();
        outcome();
      };
      const check = (state: SoftphoneState) => {
        if (state.setupProblems.length > 0) {
          const text = state.setupProblems
            .map((p) => `${p.item} is ${JSON.stringify(p.value)}: allowed ${p.allowed}`)
            .join("; ");
          finish(() => reject(new VoiceConnectorError(ERR.INVALID_PARAMS, text)));
        } else if (state.needsSignIn) finish(() => resolve("signIn"));
        else if (state.registration === "registered") finish(() => resolve("ready"));
        else if (state.registration === "failed") {
          const last = state.errors[state.errors.length - 1];
          finish(() =>
            reject(new VoiceConnectorError(ERR.LOGIN, last?.message ?? "The phone did not start."))
          );
        }
      };
      const unsubscribe = this.store.subscribe(check);
      const timer = this.scheduler.setTimeout(
        () =>
          finish(() =>
            reject(
              new VoiceConnectorError(
                ERR.LOGIN,
                `The phone did not start within ${Math.round(timeoutMs / 1000)} s.`
              )
            )
          ),
        timeoutMs
      );
      check(this.store.getState());
    });
  }

  /** Calls already live when the connector starts (another tab's): replayed by the base. */
  private seed(state: SoftphoneState): void {
    for (const error of state.errors) this.seenErrors.add(error);
    if (state.call && phaseOf(state.call) && state.call.state !== "wrapup") this.track(state.call);
  }

  // ---- store → events ----

  private onState(state: SoftphoneState): void {
    const present = new Set<string>();
    if (state.call) {
      present.add(state.call.id);
      this.observe(state.call);
    }
    if (state.waitingCall) {
      present.add(state.waitingCall.id);
      this.turnAway(state);
    }
    for (const [id, tracked] of [...this.tracked]) if (!present.has(id)) this.gone(id, tracked);
    this.reportErrors(state.errors);
  }

  private track(view: CallView): Tracked {
    let tracked = this.tracked.get(view.id);
    if (!tracked) {
      tracked = {
        view,
        phase: phaseOf(view) ?? "ringing",
        chain: Promise.resolve(),
        quietHangup: false,
        quietWrapUp: false,
        afterCallWork: "none"
      };
      this.tracked.set(view.id, tracked);
      if (!this.deps.facts.get(view.id)) this.deps.facts.note(view.id, this.factsFor(view));
    }
    return tracked;
  }

  private observe(view: CallView): void {
    const phase = phaseOf(view);
    if (!phase) return;
    const known = this.tracked.get(view.id);
    if (!known) {
      if (phase === "wrapup") return;
      const tracked = this.track(view);
      if (view.direction === "inbound" && phase === "ringing") this.announce(tracked);
      return;
    }
    const before = known.phase;
    known.view = view;
    known.phase = phase;
    if (before === phase) return;
    if (phase === "connected" && before === "dialing") {
      this.enqueue(known, () =>
        this.publish(E.CALL_CONNECTED, new CallResult({ call: this.wire(known.view) }))
      );
    }
    if (phase === "wrapup") this.hungUp(known);
  }

  /** A second caller while the agent is on a call: Salesforce shows one call, so busy. */
  private turnAway(state: SoftphoneState): void {
    const waiting = state.waitingCall;
    if (!waiting || this.turnedAway.has(waiting.id) || state.call?.state === "ringing") return;
    this.turnedAway.add(waiting.id);
    this.deps.facts.note(waiting.id, this.factsFor(waiting));
    this.scheduler.setTimeout(() => void this.store.actions.decline(), 0);
  }

  private announce(tracked: Tracked): void {
    this.enqueue(tracked, async () => {
      tracked.voiceCallId = await this.createRecord(tracked);
      this.publish(E.CALL_STARTED, new CallResult({ call: this.wire(tracked.view) }));
    });
  }

  private hungUp(tracked: Tracked): void {
    const { view } = tracked;
    this.deps.facts.ended(view.id, new Date(view.endedAt ?? this.now()).toISOString());
    if (!tracked.quietHangup) this.publishHangup(tracked);
    tracked.afterCallWork = "pending";
    this.enqueue(tracked, async () => {
      // After the base's own HANGUP for END_CALL, which follows a few promise turns later.
      await new Promise<void>((resolve) => this.scheduler.setTimeout(resolve, 0));
      if (this.tracked.get(view.id) !== tracked || tracked.afterCallWork !== "pending") return;
      tracked.afterCallWork = "published";
      this.publish(E.AFTER_CALL_WORK_STARTED, { callId: view.id });
    });
  }

  private gone(id: string, tracked: Tracked): void {
    this.tracked.delete(id);
    this.turnedAway.delete(id);
    if (tracked.phase === "wrapup") {
      const published = tracked.afterCallWork === "published";
      tracked.afterCallWork = "none";
      if (published && !tracked.quietWrapUp)
        this.enqueue(tracked, () => this.publish(E.WRAP_UP_ENDED, { callId: id }));
      return;
    }
    // Missed, declined or turned away before it was answered.
    this.deps.facts.ended(id, new Date(this.now()).toISOString());
    if (!tracked.quietHangup) this.publishHangup(tracked);
  }

  private publishHangup(tracked: Tracked): void {
    this.enqueue(tracked, () =>
      this.publish(E.HANGUP, new HangupResult({ calls: [this.wire(tracked.view, "ended")] }))
    );
  }

  private enqueue(tracked: Tracked, step: () => void | Promise<void>): void {
    tracked.chain = tracked.chain.then(step).catch((error: unknown) => {
      console.error("Softphone connector: could not publish an event", error);
    });
  }

  private publish(eventType: string, payload: unknown): void {
    publishEvent({ eventType, payload }).catch((error: unknown) =>
      console.error(`Softphone connector: ${eventType} was not published`, error)
    );
  }

  // ---- VoiceCall records ----

  private factsFor(view: CallView): {
    direction: CallView["direction"];
    from: string;
    to: string;
    startTime: string;
  } {
    const own = this.voice.contactCenterNumber;
    return {
      direction: view.direction,
      from: view.direction === "inbound" ? view.number : own,
      to: view.direction === "inbound" ? own : view.number,
      startTime: new Date(view.startedAt).toISOString()
    };
  }

  /** The VoiceCall Id, or undefined when it could not be created in time (retried later). */
  private async createRecord(tracked: Tracked): Promise<string | undefined> {
    const start: VoiceCallStart = {
      vendorCallKey: tracked.view.id,
      ...this.factsFor(tracked.view)
    };
    try {
      const id = await this.withTimeout(this.deps.records.create(start));
      this.deps.facts.recorded(start.vendorCallKey, id);
      return id;
    } catch (error) {
      this.problem(
        `The VoiceCall for call ${start.vendorCallKey} is not written yet (${describeError(error)}); the call goes on and the record is retried.`
      );
      this.retryCreate(tracked, start, 0);
      return undefined;
    }
  }

  private retryCreate(tracked: Tracked, start: VoiceCallStart, attempt: number): void {
    const delays = this.deps.retryDelaysMs ?? [2_000, 10_000, 30_000];
    if (attempt >= delays.length) return;
    this.scheduler.setTimeout(() => {
      if (this.tracked.get(start.vendorCallKey) !== tracked || tracked.voiceCallId) return;
      this.deps.records.create(start).then(
        (id) => {
          tracked.voiceCallId = id;
          this.deps.facts.recorded(start.vendorCallKey, id);
          publishLog({
            eventType: "VOICECALL_CREATED",
            payload: { attempt: attempt + 2 },
            isError: false
          });
        },
        () => this.retryCreate(tracked, start, attempt + 1)
      );
    }, delays[attempt]);
  }

  private withTimeout<T>(promise: Promise<T>): Promise<T> {
    const ms = this.deps.createTimeoutMs ?? 5_000;
    return new Promise<T>((resolve, reject) => {
      const timer = this.scheduler.setTimeout(
        () => reject(new Error(`no answer within ${Math.round(ms / 1000)} s`)),
        ms
      );
      promise.then(
        (value) => {
          this.scheduler.clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          this.scheduler.clearTimeout(timer);
          reject(error);
        }
      );
    });
  }

  /** Call-log (VoiceCall) failures core's outbox reports: once each, to Salesforce too. */
  private reportErrors(errors: readonly LoggedError[]): void {
    for (const error of errors) {
      if (this.seenErrors.has(error)) continue;
      this.seenErrors.add(error);
      if (error.source === "log") this.problem(error.message);
    }
  }

  private problem(message: string): void {
    if (this.reported.has(message)) return;
    if (this.reported.size > 200) this.reported.clear();
    this.reported.add(message);
    console.error(`Softphone connector: ${message}`);
    this.deps.onProblem?.(message);
    try {
      publishError({
        eventType: E.SOFTPHONE_ERROR,
        error: new CustomError({ labelName: RECORD_ERROR_LABEL, namespace: "c", message })
      });
    } catch (error) {
      console.error("Softphone connector: could not report an error to Salesforce", error);
    }
  }
}
