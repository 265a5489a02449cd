/**
 * The softphone store: owns SoftphoneState, runs start-up, reacts to phone and host events and
 * carries out the agent's intents (from the UI, click-to-dial and the message channel).
 */
import type { ClickToDialEvent, CtiHost, PageInfo, Unsubscribe, WorkItem } from "../host/cti-host";
import { isHostError } from "../host/cti-host";
import type { CallEndReason, Phone, PhoneCall, PhoneEvent, SipCredentials } from "../phone/phone";
import { readCallerMatches, readDirectory, readLoggedCall, readSipAccount } from "./apex";
import { buildTaskFields, isSalesforceId, isWhoId } from "./call-log";
import { SoftphoneChannel, type ChannelCommand } from "./channel";
import { systemClock, type Clock, type TimerHandle } from "./clock";
import { DTMF_DIGITS, formatNumber, normaliseNumber, planDial, type DialingRules } from "./dialing";
import {
  DISPOSITIONS,
  type CallView,
  type Disposition,
  type LoggedError,
  type MicrophoneState,
  type RecentCall,
  type RelatedRecord,
  type SoftphoneActions,
  type SoftphoneState,
  type SoftphoneStore
} from "./model";
import { Outbox, type OutboxEntry } from "./outbox";
import { popInbound } from "./screen-pop";
import { parseSettings, type Settings } from "./settings";
import {
  channelState,
  initialState,
  loadRecentCalls,
  MAX_RECENT_CALLS,
  recentFromCall,
  saveRecentCalls,
  withError
} from "./state";
import type { KeyValueStorage } from "./storage";
import { CallJournal, recoverOrphanedCalls } from "./tabs/journal";
import { WorkItems } from "./work-items";

export interface SoftphoneLogger {
  warn(message: string): void;
}

/** A phone that can simulate inbound calls (the demo phone). */
interface IncomingSimulator {
  simulateIncoming(number: string, name?: string): Promise<string>;
}

function canSimulate(phone: Phone | null): phone is Phone & IncomingSimulator {
  return (
    phone !== null && typeof (phone as Partial<IncomingSimulator>).simulateIncoming === "function"
  );
}

export interface SoftphoneDeps {
  /** null when the page is not inside Salesforce. */
  host: CtiHost | null;
  /** Why there is no host, for diagnostics. */
  noHostReason?: string;
  createPhone(settings: Settings): Promise<Phone>;
  /** Durable storage (localStorage): call-log outbox and recent calls. */
  storage: KeyValueStorage;
  /** False when `storage` is a memory fallback because the browser blocked Web Storage. */
  storageDurable?: boolean;
  /**
   * This page's id for the open-call journal: calls left open by another page (closed or
   * reloaded mid-call) are logged at start-up. A tabs coordinator passes its own tab id.
   */
  tabId?: string;
  /** Per-session storage (sessionStorage): the agent's "not ready" choice. */
  sessionStorage?: KeyValueStorage;
  clock?: Clock;
  logger?: SoftphoneLogger;
  /** The microphone permission now; calls `onChange` when it changes later. */
  microphone?: (onChange: (state: MicrophoneState) => void) => Promise<MicrophoneState>;
  random?: () => number;
  /**
   * Asks Salesforce whether a call was already logged (after an attempt that may have landed);
   * defaults to runApex SoftphoneCallLog.findByCallObject.
   */
  findLoggedCall?: (callId: string) => Promise<string | null>;
}

export interface SoftphoneController extends SoftphoneStore {
  /** Runs the start-up sequence once; never rejects. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

interface CallMeta {
  /** The agent (or an explicit association) chose relatedTo: navigation no longer changes it. */
  relatedPinned: boolean;
  popped: boolean;
  internal: boolean;
  transferredTo?: string;
  wrapTimer?: TimerHandle;
  finished: boolean;
}

interface Association {
  relatedTo?: RelatedRecord;
  caller?: RelatedRecord;
  /** Pop this record unless the agent is already on it. */
  popRecordId?: string;
}

interface PendingOutbound {
  number: string;
  displayNumber: string;
  internal: boolean;
  association: Association;
  startedAt: number;
}

export const NOT_READY_KEY = "softphone.notReady";
export const IDLE_LABEL = "Phone";
export const IDLE_ICON = "call";
const MAX_NOTES = 32_000;
const MAX_NAME = 255;
const MAX_SIGNALLED_NUMBER = 64;
const MAX_QUERY = 80;
const ID15 = (id: string) => id.slice(0, 15);

function describe(error: unknown): string {
  if (isHostError(error)) return `${error.code}: ${error.description || error.message}`;
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : "Unexpected error";
}

export function createSoftphone(deps: SoftphoneDeps): SoftphoneController {
  return new Softphone(deps);
}

class Softphone implements SoftphoneController {
  private state: SoftphoneState;
  private readonly listeners = new Set<(state: SoftphoneState) => void>();
  private readonly clock: Clock;
  private readonly logger: SoftphoneLogger;
  private readonly meta = new Map<string, CallMeta>();
  private readonly workItems = new WorkItems();
  /** Calls turned away while two were in progress, kept only until their end is logged. */
  private readonly pendingThird = new Map<string, CallView>();
  private readonly hostSubscriptions: Unsubscribe[] = [];
  private settings: Settings | null = null;
  private phone: Phone | null = null;
  private phoneUnsubscribe: (() => void) | null = null;
  private outbox: Outbox | null = null;
  private channel: SoftphoneChannel | null = null;
  private journal: CallJournal | null = null;
  private starting: Promise<void> | null = null;
  private initialized = false;
  private clickToDial: boolean | null = null;
  private clickToDialQueue: Promise<void> = Promise.resolve();
  private pendingOutbound: PendingOutbound | null = null;
  private directorySequence = 0;
  private disposed = false;
  readonly actions: SoftphoneActions;

  constructor(private readonly deps: SoftphoneDeps) {
    this.clock = deps.clock ?? systemClock;
    this.logger = deps.logger ?? console;
    this.state = initialState(deps.host ? deps.host.kind : "none");
    this.state = {
      ...this.state,
      notReady: this.readNotReady(),
      recentCalls: loadRecentCalls(deps.storage),
      storageDurable: deps.storageDurable ?? true
    };
    if (deps.storageDurable === false) {
      this.state.errors = withError(this.state.errors, {
        at: this.clock.now(),
        source: "log",
        message: "Browser storage is blocked: unsent call logs are lost if this page closes."
      });
    }
    this.actions = this.buildActions();
  }

  getState(): SoftphoneState {
    return this.state;
  }

  subscribe(listener: (state: SoftphoneState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): Promise<void> {
    this.starting ??= this.runStart().catch((error: unknown) =>
      this.logError("host", describe(error))
    );
    return this.starting;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const unsubscribe of this.hostSubscriptions.splice(0)) unsubscribe();
    this.channel?.stop();
    // Open calls stay in the journal: the next page logs them.
    this.journal?.stop();
    this.outbox?.stop();
    for (const meta of this.meta.values()) this.clearWrapTimer(meta);
    this.phoneUnsubscribe?.();
    await this.phone?.dispose().catch(() => undefined);
    this.listeners.clear();
  }

  // ---- state plumbing ----

  private set(patch: Partial<SoftphoneState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    this.journal?.track(this.state);
    this.channel?.publish(channelState(this.state));
    this.syncClickToDial();
    for (const listener of [...this.listeners]) {
      try {
        listener(this.state);
      } catch (error) {
        this.logger.warn(`Softphone state listener failed: ${describe(error)}`);
      }
    }
  }

  private logError(source: LoggedError["source"], message: string): void {
    this.set({ errors: withError(this.state.errors, { at: this.clock.now(), source, message }) });
  }

  private notice(message: string, source?: LoggedError["source"]): void {
    const errors = source
      ? withError(this.state.errors, { at: this.clock.now(), source, message })
      : this.state.errors;
    this.set({ notice: message, errors });
  }

  private updateCall(id: string, patch: Partial<CallView>): void {
    if (this.state.call?.id === id) this.set({ call: { ...this.state.call, ...patch } });
    else if (this.state.waitingCall?.id === id)
      this.set({ waitingCall: { ...this.state.waitingCall, ...patch } });
  }

  /** Fire-and-forget host calls: failures are diagnostics, not crashes. */
  private hostCall(what: string, run: (host: CtiHost) => Promise<unknown>): void {
    const host = this.deps.host;
    if (!host) return;
    run(host).catch((error: unknown) => this.logError("host", `${what}: ${describe(error)}`));
  }

  private syncClickToDial(): void {
    const wanted = this.state.agent === "ready";
    if (!this.deps.host || !this.initializedOrStarting() || this.clickToDial === wanted) return;
    this.clickToDial = wanted;
    const host = this.deps.host;
    this.clickToDialQueue = this.clickToDialQueue
      .then(() => (wanted ? host.enableClickToDial() : host.disableClickToDial()))
      .catch((error: unknown) => {
        this.clickToDial = null;
        this.logError("host", `Click-to-dial: ${describe(error)}`);
      });
  }

  private initializedOrStarting(): boolean {
    return this.state.settingsLoaded && this.state.setupProblems.length === 0;
  }

  // ---- start-up ----

  private async runStart(): Promise<void> {
    const host = this.deps.host;
    void this.checkMicrophone();
    if (!host) {
      this.logError(
        "host",
        this.deps.noHostReason ??
          "Not inside Salesforce: open the softphone from the utility bar or console."
      );
      return;
    }
    this.listenToHost(host);
    host
      .getPageInfo()
      .then((page) => this.set({ page }))
      .catch(() => undefined);

    let raw;
    try {
      raw = await host.getCallCenterSettings();
    } catch (error) {
      this.logError("settings", `Could not read the call center settings: ${describe(error)}`);
      return;
    }
    const parsed = parseSettings(raw);
    if (!parsed.ok) {
      this.set({ settingsLoaded: true, setupProblems: parsed.problems });
      return;
    }
    this.settings = parsed.settings;
    this.set({ settingsLoaded: true, setupProblems: [] });
    this.startJournal(parsed.settings);
    this.startOutbox(host);
    this.channel = new SoftphoneChannel(
      host,
      this.logger,
      (command) => void this.runCommand(command),
      (message) => this.logError("channel", message)
    );
    this.channel.publish(channelState(this.state));
    const channelAvailable = await this.channel.start();
    this.set({ channelAvailable });
    await this.startPhone(parsed.settings);
  }

  private listenToHost(host: CtiHost): void {
    this.hostSubscriptions.push(
      host.onClickToDial((event) => void this.onClickToDial(event)),
      host.onNavigationChange((page) => this.onNavigation(page)),
      host.onWorkStart((work) => this.onWorkStart(work))
    );
  }

  private async checkMicrophone(): Promise<void> {
    if (!this.deps.microphone) return;
    try {
      const onChange = (microphone: MicrophoneState) => this.set({ microphone });
      this.set({ microphone: await this.deps.microphone(onChange) });
    } catch {
      this.set({ microphone: "unknown" });
    }
  }

  private async startPhone(settings: Settings): Promise<void> {
    let phone: Phone;
    try {
      phone = await this.deps.createPhone(settings);
    } catch (error) {
      this.set({ registration: "failed" });
      this.logError("phone", `Could not start the ${settings.provider} phone: ${describe(error)}`);
      return;
    }
    if (this.disposed) {
      await phone.dispose().catch(() => undefined);
      return;
    }
    this.phone = phone;
    this.phoneUnsubscribe = phone.on((event) => this.onPhoneEvent(event));
    this.set({ phoneKind: phone.kind, canSimulateIncoming: canSimulate(phone) });
    if (settings.provider === "demo" || !settings.sip) {
      await this.register();
      return;
    }
    if (settings.sip.credentials === "prompt") {
      this.set({ needsSignIn: true });
      return;
    }
    try {
      const account = readSipAccount(
        await this.deps.host?.runApex("SoftphoneSipAccount", "getMine", {})
      );
      if (!account.ok) {
        this.set({ needsSignIn: true, signInError: account.message });
        return;
      }
      if (!(await this.register(account.value))) {
        // The stored account did not work: let the agent sign in by hand instead.
        const last = this.state.errors[this.state.errors.length - 1];
        this.set({ needsSignIn: true, signInError: last?.message ?? "Sign-in failed." });
      }
    } catch (error) {
      this.set({
        needsSignIn: true,
        signInError: `Could not read your SIP account: ${describe(error)}`
      });
    }
  }

  /** Registers; resolves false (with the error shown) when the phone refused. */
  private async register(credentials?: SipCredentials): Promise<boolean> {
    const phone = this.phone;
    if (!phone) return false;
    try {
      await phone.register(credentials);
    } catch (error) {
      this.set({ registration: "failed" });
      this.logError("phone", `Registration failed: ${describe(error)}`);
      return false;
    }
    this.onRegistered();
    return true;
  }

  private onRegistered(): void {
    if (this.state.registration !== "registered" || this.state.needsSignIn) {
      this.set({ registration: "registered", needsSignIn: false, signInError: undefined });
    }
    if (!this.state.call) this.set({ agent: this.state.notReady ? "offline" : "ready" });
    if (this.initialized) return;
    this.initialized = true;
    // Click-to-dial is queued by set(); initialization completes after it.
    const host = this.deps.host;
    if (!host) return;
    this.clickToDialQueue = this.clickToDialQueue
      .then(() => host.notifyInitializationComplete())
      .then(() => this.set({ initialized: true }))
      .catch((error: unknown) =>
        this.logError("host", `notifyInitializationComplete: ${describe(error)}`)
      );
  }

  /** Logs calls an earlier page left open, then journals this page's own. */
  private startJournal(settings: Settings): void {
    const random = this.deps.random ?? Math.random;
    const tabId =
      this.deps.tabId ?? `page-${this.clock.now()}-${random().toString(36).slice(2, 10)}`;
    try {
      const queued = recoverOrphanedCalls({
        storage: this.deps.storage,
        clock: this.clock,
        tabId,
        logCalls: settings.logCalls
      });
      if (queued.length > 0) this.set({ recentCalls: loadRecentCalls(this.deps.storage) });
    } catch (error) {
      this.logError("log", `Could not recover calls left open: ${describe(error)}`);
    }
    this.journal = new CallJournal(this.deps.storage, this.clock, tabId);
    this.journal.track(this.state);
  }

  private startOutbox(host: CtiHost): void {
    const findLoggedCall =
      this.deps.findLoggedCall ?? ((callId: string) => this.findLoggedCall(host, callId));
    this.outbox = new Outbox({
      storage: this.deps.storage,
      clock: this.clock,
      random: this.deps.random,
      send: (entry) => host.saveLog(entry.entityApiName, entry.fields),
      findExisting: (entry) => findLoggedCall(entry.callId),
      afterSaved: (entry, recordId) => this.afterLogSaved(host, entry, recordId),
      onChange: (pending) => {
        if (pending !== this.state.outboxPending) this.set({ outboxPending: pending });
      },
      onError: (entry, error) =>
        this.logError("log", `Call log for ${entry.callId} not saved yet: ${describe(error)}`)
    });
    void this.outbox.start();
  }

  /** Asks Salesforce for the Task of an earlier attempt; null (resend) when it cannot tell. */
  private async findLoggedCall(host: CtiHost, callId: string): Promise<string | null> {
    const result = readLoggedCall(
      await host.runApex("SoftphoneCallLog", "findByCallObject", { callObject: callId })
    );
    return result.ok ? result.value : null;
  }

  private async afterLogSaved(host: CtiHost, entry: OutboxEntry, recordId: string): Promise<void> {
    await host
      .refreshView()
      .catch((error: unknown) => this.logError("host", `refreshView: ${describe(error)}`));
    if (entry.work) {
      await host.completeWork(entry.work.workId, {
        disposition: entry.work.disposition,
        taskId: recordId,
        wasConnected: entry.work.wasConnected
      });
    }
  }

  // ---- host events ----

  private onNavigation(page: PageInfo): void {
    this.set({ page });
    const call = this.state.call;
    if (!call || !isSalesforceId(page.recordId)) return;
    const meta = this.meta.get(call.id);
    if (!meta || meta.relatedPinned) return;
    this.updateCall(call.id, { relatedTo: recordFromPage(page) });
  }

  private onWorkStart(work: WorkItem): void {
    this.workItems.remember(work, this.clock.now());
  }

  private async onClickToDial(event: ClickToDialEvent): Promise<void> {
    const association: Association = {};
    const name = event.recordName;
    if (event.personAccount && isSalesforceId(event.contactId)) {
      association.caller = { id: event.contactId, name, objectType: "Contact" };
      const accountId = isSalesforceId(event.accountId) ? event.accountId : event.recordId;
      if (isSalesforceId(accountId))
        association.relatedTo = { id: accountId, name, objectType: "Account" };
    } else if (isSalesforceId(event.recordId)) {
      const record: RelatedRecord = { id: event.recordId, name, objectType: event.objectType };
      association.relatedTo = record;
      if (isWhoId(record.id)) association.caller = record;
    }
    // Click-to-dial happens on the record: no pop.
    await this.placeCall(event.number, association);
  }

  // ---- phone events ----

  private onPhoneEvent(event: PhoneEvent): void {
    switch (event.type) {
      case "registration":
        this.onRegistration(event.state, event.error ? describe(event.error) : undefined);
        return;
      case "incoming":
        this.onIncoming(event.call);
        return;
      case "callUpdated":
        this.onCallUpdated(event.call);
        return;
      case "callEnded":
        this.onCallEnded(event.call, event.reason, event.error ? describe(event.error) : undefined);
        return;
    }
  }

  private onRegistration(registration: SoftphoneState["registration"], error?: string): void {
    if (registration === "registered") {
      if (!this.state.needsSignIn || this.initialized) this.onRegistered();
      else this.set({ registration });
      return;
    }
    const patch: Partial<SoftphoneState> = { registration };
    if (registration !== "registering" && !this.state.call) patch.agent = "offline";
    this.set(patch);
    if (error) this.logError("phone", error);
  }

  private newView(call: PhoneCall, extra: Partial<CallView>): CallView {
    const country = this.settings?.defaultCountry ?? "US";
    const view: CallView = {
      id: call.id,
      direction: call.direction,
      number: normaliseNumber(call.remoteNumber.slice(0, MAX_SIGNALLED_NUMBER), country),
      displayNumber: formatNumber(call.remoteNumber.slice(0, MAX_SIGNALLED_NUMBER), country),
      state: call.state === "ended" ? "ended" : call.state,
      muted: call.muted,
      startedAt: this.clock.now(),
      matchStatus: "off",
      matches: [],
      notes: "",
      ...extra
    };
    // Signalled names come from outside: keep them to a size every view and field can hold.
    const name = call.remoteName?.trim().slice(0, MAX_NAME);
    if (name && view.callerName === undefined) view.callerName = name;
    if (call.state === "connected") view.connectedAt = this.clock.now();
    return view;
  }

  private onIncoming(call: PhoneCall): void {
    const internal = /^[0-9*#]{1,6}$/.test(call.remoteNumber.trim());
    this.meta.set(call.id, { relatedPinned: false, popped: false, internal, finished: false });
    const view = this.newView(call, {});
    if (this.state.call) {
      if (this.state.waitingCall) {
        // Two calls already: a third caller is turned away (and logged as declined).
        this.pendingThird.set(call.id, view);
        void this.phone?.decline(call.id).catch(() => undefined);
        return;
      }
      this.set({ waitingCall: view });
      return;
    }
    this.beginInbound(view);
  }

  private beginInbound(view: CallView): void {
    this.set({ call: view, agent: "busy", notice: undefined });
    const party = view.callerName ?? view.displayNumber;
    this.hostCall("setPanelVisible", (host) => host.setPanelVisible(true));
    this.hostCall("setItemLabel", (host) => host.setItemLabel(`Incoming: ${party}`.slice(0, 80)));
    this.hostCall("setItemIcon", (host) => host.setItemIcon("incoming_call"));
    void this.popFor(view);
  }

  private async popFor(view: CallView): Promise<void> {
    const meta = this.meta.get(view.id);
    const host = this.deps.host;
    const settings = this.settings;
    if (!meta || meta.popped || !host || !settings) return;
    meta.popped = true;
    if (settings.screenPop === "off") return;
    this.updateCall(view.id, { matchStatus: "pending" });
    const outcome = await popInbound(
      host,
      settings.screenPop,
      settings.noMatchPop,
      { number: view.number, displayNumber: view.displayNumber },
      (recordId) => this.isOnRecord(recordId)
    ).catch((error: unknown) => ({
      matchStatus: "error" as const,
      matches: [],
      error: describe(error)
    }));
    const patch: Partial<CallView> = { matchStatus: outcome.matchStatus, matches: outcome.matches };
    if (outcome.matchStatus === "one") {
      const match = outcome.matches[0];
      const record: RelatedRecord = {
        id: match.id,
        name: match.name,
        objectType: match.objectType
      };
      if (isWhoId(match.id)) patch.caller = record;
      if (!meta.relatedPinned) patch.relatedTo = record;
      patch.callerName = match.name;
    }
    this.updateCall(view.id, patch);
    const now = this.state.call;
    if (patch.callerName && now?.id === view.id && now.state === "ringing") {
      const label = `Incoming: ${patch.callerName}`.slice(0, 80);
      this.hostCall("setItemLabel", (host) => host.setItemLabel(label));
    }
    if (outcome.error) this.logError("host", `Screen pop: ${outcome.error}`);
  }

  private onCallUpdated(call: PhoneCall): void {
    let view = this.findView(call.id);
    if (!view && call.direction === "outbound" && this.pendingOutbound && !this.state.call) {
      view = this.adoptOutbound(call);
    }
    if (!view) return;
    const patch: Partial<CallView> = { muted: call.muted };
    if (call.state !== "ended") patch.state = call.state;
    if (call.state === "connected" && view.connectedAt === undefined)
      patch.connectedAt = this.clock.now();
    this.updateCall(call.id, patch);
    const current = this.state.call;
    if (
      current?.id === call.id &&
      call.state !== view.state &&
      (call.state === "connected" || call.state === "held")
    ) {
      const party = current.callerName ?? current.caller?.name ?? current.displayNumber;
      const label = call.state === "held" ? `On hold: ${party}` : `On call: ${party}`;
      this.hostCall("setItemLabel", (host) => host.setItemLabel(label.slice(0, 80)));
      this.hostCall("setItemIcon", (host) =>
        host.setItemIcon(call.state === "held" ? "paused_call" : "call")
      );
    }
  }

  private findView(id: string): CallView | undefined {
    if (this.state.call?.id === id) return this.state.call;
    if (this.state.waitingCall?.id === id) return this.state.waitingCall;
    return undefined;
  }

  private adoptOutbound(call: PhoneCall): CallView {
    const pending = this.pendingOutbound as PendingOutbound;
    this.pendingOutbound = null;
    const { association } = pending;
    this.meta.set(call.id, {
      relatedPinned: association.relatedTo !== undefined,
      popped: true,
      internal: pending.internal,
      finished: false
    });
    const view = this.newView(call, {
      number: pending.number,
      displayNumber: pending.displayNumber,
      startedAt: pending.startedAt
    });
    const relatedTo =
      association.relatedTo ??
      (isSalesforceId(this.state.page?.recordId) ? recordFromPage(this.state.page) : undefined);
    if (relatedTo) view.relatedTo = relatedTo;
    if (association.caller) {
      view.caller = association.caller;
      if (association.caller.name) view.callerName = association.caller.name;
    }
    this.set({ call: view, agent: "busy" });
    const party = view.callerName ?? view.displayNumber;
    this.hostCall("setPanelVisible", (host) => host.setPanelVisible(true));
    this.hostCall("setItemLabel", (host) => host.setItemLabel(`Calling: ${party}`.slice(0, 80)));
    this.hostCall("setItemIcon", (host) => host.setItemIcon("outbound_call"));
    if (!association.caller && !pending.internal) void this.identifyCallee(view);
    return view;
  }

  /**
   * Names the person dialed from the keypad (one match of our lookup, never a pop), so the
   * agent sees who answers and the Task gets its WhoId.
   */
  private async identifyCallee(view: CallView): Promise<void> {
    const host = this.deps.host;
    if (!host || this.settings?.screenPop !== "apex") return;
    let matches;
    try {
      const result = readCallerMatches(
        await host.runApex("SoftphoneCallerLookup", "findByPhone", { phone: view.number })
      );
      if (!result.ok) return;
      matches = result.value;
    } catch {
      return;
    }
    const current = this.findView(view.id);
    if (matches.length !== 1 || !current || current.caller) return;
    const match = matches[0];
    const record: RelatedRecord = { id: match.id, name: match.name, objectType: match.objectType };
    const patch: Partial<CallView> = { callerName: match.name };
    if (isWhoId(match.id)) patch.caller = record;
    else if (!current.relatedTo) patch.relatedTo = record;
    this.updateCall(view.id, patch);
  }

  private onCallEnded(call: PhoneCall, reason: CallEndReason, error?: string): void {
    if (error) this.notice(`The call failed: ${error}`, "phone");
    const third = this.pendingThird.get(call.id);
    if (third) {
      this.pendingThird.delete(call.id);
      this.logUnanswered(third, reason);
      return;
    }
    if (this.state.waitingCall?.id === call.id) {
      const waiting = this.state.waitingCall;
      this.set({ waitingCall: null });
      if (waiting.connectedAt === undefined) this.logUnanswered(waiting, reason);
      else this.finishCall({ ...waiting, state: "wrapup", endedAt: this.clock.now() }, false);
      return;
    }
    const current = this.state.call;
    if (!current || current.id !== call.id) return;
    if (current.direction === "inbound" && current.connectedAt === undefined) {
      this.set({ call: null });
      this.logUnanswered(current, reason);
      this.afterCallCleared();
      return;
    }
    this.enterWrapUp(current, reason);
  }

  // ---- after-call work and logging ----

  private enterWrapUp(view: CallView, reason: CallEndReason): void {
    const settings = this.settings;
    const meta = this.meta.get(view.id);
    const disposition: Disposition =
      view.disposition ??
      (view.connectedAt !== undefined ? "Connected" : reason === "rejected" ? "Busy" : "No answer");
    const ended: CallView = {
      ...view,
      state: "wrapup",
      endedAt: this.clock.now(),
      disposition,
      muted: false
    };
    if (!settings || !settings.logCalls || settings.wrapUpSeconds === 0) {
      this.set({ call: ended });
      this.finishCall(ended, true);
      return;
    }
    if (settings.wrapUpSeconds !== null && meta) {
      ended.wrapUpDeadline = this.clock.now() + settings.wrapUpSeconds * 1000;
      meta.wrapTimer = this.clock.setTimeout(() => {
        meta.wrapTimer = undefined;
        if (this.state.call?.id === view.id && this.state.call.state === "wrapup") {
          this.finishCall(this.state.call, true);
        }
      }, settings.wrapUpSeconds * 1000);
    }
    this.set({ call: ended });
    this.hostCall("setItemLabel", (host) => host.setItemLabel("After-call work"));
    this.hostCall("setItemIcon", (host) => host.setItemIcon("log_a_call"));
  }

  private clearWrapTimer(meta: CallMeta): void {
    if (meta.wrapTimer !== undefined) this.clock.clearTimeout(meta.wrapTimer);
    meta.wrapTimer = undefined;
  }

  /** Writes the log for an answered or outbound call and, when it is the current one, clears it. */
  private finishCall(view: CallView, current: boolean): void {
    const meta = this.meta.get(view.id);
    if (meta?.finished) return;
    if (meta) {
      meta.finished = true;
      this.clearWrapTimer(meta);
    }
    const endedAt = view.endedAt ?? this.clock.now();
    let notes = view.notes;
    if (meta?.transferredTo)
      notes = `${notes}${notes ? "\n" : ""}Transferred to ${meta.transferredTo}.`;
    this.writeLog(view, {
      disposition: view.disposition ?? (view.connectedAt !== undefined ? "Connected" : "No answer"),
      notes,
      endedAt,
      internal: meta?.internal ?? false,
      missed: false
    });
    if (current && this.state.call?.id === view.id) {
      this.set({ call: null });
      this.afterCallCleared();
    }
    this.meta.delete(view.id);
  }

  private logUnanswered(view: CallView, reason: CallEndReason): void {
    const meta = this.meta.get(view.id);
    const notes =
      reason === "declined"
        ? "Declined by the agent."
        : "Missed call: the caller hung up before it was answered.";
    this.writeLog(view, {
      disposition: "No answer",
      notes,
      endedAt: this.clock.now(),
      internal: meta?.internal ?? false,
      missed: true
    });
    this.meta.delete(view.id);
  }

  private writeLog(
    view: CallView,
    log: { disposition: string; notes: string; endedAt: number; internal: boolean; missed: boolean }
  ): void {
    const recent = recentFromCall(view, log.endedAt, log.missed);
    const recentCalls: RecentCall[] = [
      recent,
      ...this.state.recentCalls.filter((c) => c.id !== view.id)
    ].slice(0, MAX_RECENT_CALLS);
    saveRecentCalls(this.deps.storage, recentCalls);
    this.set({ recentCalls });

    const recordIds = [view.caller?.id, view.relatedTo?.id].filter(
      (id): id is string => id !== undefined
    );
    const work = this.workItems.take(recordIds, view.startedAt, view.number);
    const wasConnected = view.connectedAt !== undefined;
    const host = this.deps.host;
    if (!this.settings?.logCalls || !this.outbox || !host) {
      if (work && host) {
        host
          .completeWork(work.workId, { disposition: log.disposition, wasConnected })
          .catch((error: unknown) => this.logError("host", `completeWork: ${describe(error)}`));
      }
      return;
    }
    const fields = buildTaskFields({
      callId: view.id,
      direction: view.direction,
      internal: log.internal,
      party: view.callerName ?? view.caller?.name ?? view.displayNumber,
      connectedAt: view.connectedAt,
      endedAt: log.endedAt,
      disposition: log.disposition,
      notes: log.notes,
      caller: view.caller,
      relatedTo: view.relatedTo
    });
    void this.outbox.enqueue({
      callId: view.id,
      entityApiName: "Task",
      fields,
      work: work ? { workId: work.workId, disposition: log.disposition, wasConnected } : undefined
    });
  }

  /** The current call is gone: back to ready, or on to a call that was waiting. */
  private afterCallCleared(): void {
    const waiting = this.state.waitingCall;
    if (waiting && waiting.state === "ringing") {
      this.set({ waitingCall: null });
      this.beginInbound(waiting);
      return;
    }
    if (waiting) {
      this.set({ waitingCall: null, call: waiting, agent: "busy" });
      return;
    }
    const usable = this.state.registration === "registered";
    this.set({ agent: usable && !this.state.notReady ? "ready" : "offline" });
    this.hostCall("setItemLabel", (host) => host.setItemLabel(IDLE_LABEL));
    this.hostCall("setItemIcon", (host) => host.setItemIcon(IDLE_ICON));
  }

  // ---- outbound ----

  private dialingRules(): DialingRules | null {
    const s = this.settings;
    return s
      ? { defaultCountry: s.defaultCountry, dialFormat: s.dialFormat, prefixes: s.prefixes }
      : null;
  }

  private async placeCall(number: string, association: Association): Promise<void> {
    const rules = this.dialingRules();
    const phone = this.phone;
    if (!rules || !phone || this.state.registration !== "registered") {
      this.notice("The phone is not ready to place calls yet.", "dial");
      return;
    }
    if (this.state.call || this.pendingOutbound) {
      this.notice(
        this.state.call?.state === "wrapup"
          ? "Finish after-call work before placing another call."
          : "Hang up the current call before placing another.",
        "dial"
      );
      return;
    }
    const plan = planDial(number, rules);
    if (!plan.ok) {
      this.notice(plan.message, "dial");
      return;
    }
    this.pendingOutbound = {
      number: plan.number,
      displayNumber: plan.displayNumber,
      internal: plan.extension,
      association,
      startedAt: this.clock.now()
    };
    this.set({ notice: undefined, agent: "busy" });
    const popRecordId = association.popRecordId;
    if (popRecordId && this.settings?.screenPop !== "off" && !this.isOnRecord(popRecordId)) {
      this.hostCall("screenPop", (host) =>
        host.screenPop({ type: "sobject", recordId: popRecordId })
      );
    }
    try {
      const id = await phone.dial(plan.dialString);
      if (!this.findView(id) && this.pendingOutbound) {
        this.adoptOutbound({
          id,
          direction: "outbound",
          remoteNumber: plan.dialString,
          state: "dialing",
          muted: false
        });
      }
    } catch (error) {
      this.pendingOutbound = null;
      if (!this.state.call) this.afterCallCleared();
      this.notice(`Could not call ${plan.displayNumber}: ${describe(error)}`, "dial");
    }
  }

  private isOnRecord(recordId: string): boolean {
    const current = this.state.page?.recordId;
    return typeof current === "string" && ID15(current) === ID15(recordId);
  }

  private associationFor(recordId: string | undefined): Association {
    if (!isSalesforceId(recordId)) return {};
    const page = this.state.page;
    const fromPage =
      page && isSalesforceId(page.recordId) && ID15(page.recordId) === ID15(recordId);
    const recent = this.state.recentCalls.find((c) => c.recordId === recordId);
    const record: RelatedRecord = { id: recordId };
    const name = fromPage ? page.recordName : recent?.name;
    if (name) record.name = name;
    if (fromPage && page.objectType) record.objectType = page.objectType;
    const association: Association = { relatedTo: record, popRecordId: recordId };
    if (isWhoId(recordId)) association.caller = record;
    return association;
  }

  // ---- commands from the message channel ----

  private async runCommand(command: ChannelCommand): Promise<void> {
    const a = this.actions;
    switch (command.type) {
      case "dial":
        return a.dial(command.number, command.recordId);
      case "answer":
        return a.answer();
      case "hangup":
        return a.hangup();
      case "hold":
        return a.hold(command.on);
      case "mute":
        return a.mute(command.on);
      case "sendDigits":
        return a.sendDigits(command.digits);
      case "transfer":
        return a.transfer(command.target);
      case "simulateIncoming":
        if (!canSimulate(this.phone)) {
          this.logger.warn("Softphone__c: ignored simulateIncoming: the demo phone is not active");
          return;
        }
        return a.simulateIncomingCall(command.number, command.name);
      case "requestState":
        return;
    }
  }

  // ---- agent intents ----

  /** Runs a phone operation on a call; failures become a notice, never a rejection. */
  private async withPhone(what: string, run: (phone: Phone) => Promise<void>): Promise<void> {
    const phone = this.phone;
    if (!phone) {
      this.notice("The phone is not started.", "phone");
      return;
    }
    try {
      await run(phone);
    } catch (error) {
      this.notice(`Could not ${what}: ${describe(error)}`, "phone");
    }
  }

  private liveCall(): CallView | null {
    const call = this.state.call;
    return call && ["dialing", "connected", "held", "ringing"].includes(call.state) ? call : null;
  }

  private buildActions(): SoftphoneActions {
    return {
      signIn: async (credentials) => {
        if (!this.phone || !this.state.needsSignIn) return;
        if (credentials.username.trim() === "" || credentials.password === "") {
          this.set({ signInError: "Enter your SIP user name and password." });
          return;
        }
        this.set({ signInError: undefined, registration: "registering" });
        const ok = await this.register({ ...credentials, username: credentials.username.trim() });
        if (!ok) {
          const last = this.state.errors[this.state.errors.length - 1];
          this.set({ needsSignIn: true, signInError: last?.message ?? "Sign-in failed." });
        }
      },
      setReady: async (ready) => {
        const store = this.deps.sessionStorage;
        try {
          if (ready) store?.removeItem(NOT_READY_KEY);
          else store?.setItem(NOT_READY_KEY, "1");
        } catch {
          // The choice still applies to this page when session storage is unavailable.
        }
        const patch: Partial<SoftphoneState> = { notReady: !ready };
        if (!this.state.call) {
          patch.agent = ready && this.state.registration === "registered" ? "ready" : "offline";
        }
        this.set(patch);
      },
      dial: (number, recordId) => this.placeCall(number, this.associationFor(recordId)),
      answer: async () => {
        const call = this.state.call;
        const waiting = this.state.waitingCall;
        if (call && call.state === "ringing" && call.direction === "inbound") {
          await this.withPhone("answer", (phone) => phone.answer(call.id));
          return;
        }
        if (!waiting) return;
        await this.answerWaiting(waiting);
      },
      decline: async () => {
        const call = this.state.call;
        if (call && call.state === "ringing" && call.direction === "inbound") {
          await this.withPhone("decline", (phone) => phone.decline(call.id));
          return;
        }
        const waiting = this.state.waitingCall;
        if (!waiting) return;
        if (waiting.state === "ringing")
          await this.withPhone("decline", (phone) => phone.decline(waiting.id));
        else await this.withPhone("hang up", (phone) => phone.hangup(waiting.id));
      },
      hangup: async () => {
        const call = this.liveCall();
        if (call) await this.withPhone("hang up", (phone) => phone.hangup(call.id));
      },
      hold: async (on) => {
        const call = this.liveCall();
        if (call && (call.state === "connected" || call.state === "held")) {
          await this.withPhone(on ? "hold" : "resume", (phone) => phone.hold(call.id, on));
        }
      },
      mute: async (on) => {
        const call = this.liveCall();
        if (call && call.state !== "ringing")
          await this.withPhone(on ? "mute" : "unmute", (p) => p.mute(call.id, on));
      },
      sendDigits: async (digits) => {
        const call = this.liveCall();
        if (!call || call.state !== "connected") return;
        if (!DTMF_DIGITS.test(digits)) {
          this.notice("Keypad digits are 0-9, *, # and A-D.", "dial");
          return;
        }
        await this.withPhone("send digits", (phone) => phone.sendDigits(call.id, digits));
      },
      transfer: async (target) => {
        const call = this.liveCall();
        const rules = this.dialingRules();
        if (!call || !rules || (call.state !== "connected" && call.state !== "held")) {
          this.notice("Only a connected call can be transferred.", "dial");
          return;
        }
        const plan = planDial(target, rules);
        if (!plan.ok) {
          this.notice(plan.message, "dial");
          return;
        }
        const meta = this.meta.get(call.id);
        if (meta) meta.transferredTo = plan.displayNumber;
        await this.withPhone("transfer", async (phone) => {
          try {
            await phone.transfer(call.id, plan.dialString);
          } catch (error) {
            if (meta) meta.transferredTo = undefined;
            throw error;
          }
        });
      },
      chooseMatch: async (recordId) => {
        const call = this.state.call;
        const match = call?.matches.find((m) => m.id === recordId);
        if (!call || !match) return;
        const record: RelatedRecord = {
          id: match.id,
          name: match.name,
          objectType: match.objectType
        };
        const patch: Partial<CallView> = {
          matchStatus: "one",
          relatedTo: record,
          callerName: match.name
        };
        if (isWhoId(match.id)) patch.caller = record;
        this.updateCall(call.id, patch);
        const meta = this.meta.get(call.id);
        if (meta) meta.relatedPinned = true;
        if (!this.isOnRecord(match.id)) {
          this.hostCall("screenPop", (host) =>
            host.screenPop({ type: "sobject", recordId: match.id })
          );
        }
      },
      setRelatedTo: (record) => {
        const call = this.state.call;
        if (!call) return;
        if (record !== null && !isSalesforceId(record.id)) {
          this.notice("That is not a Salesforce record Id.");
          return;
        }
        const meta = this.meta.get(call.id);
        if (meta) meta.relatedPinned = true;
        this.updateCall(call.id, { relatedTo: record ?? undefined });
      },
      setNotes: (notes) => {
        const call = this.state.call;
        if (call) this.updateCall(call.id, { notes: notes.slice(0, MAX_NOTES) });
      },
      setDisposition: (disposition) => {
        const call = this.state.call;
        if (call && (DISPOSITIONS as readonly string[]).includes(disposition))
          this.updateCall(call.id, { disposition });
      },
      saveWrapUp: async () => {
        const call = this.state.call;
        if (call && call.state === "wrapup") this.finishCall(call, true);
      },
      searchDirectory: async (query) => {
        const term = query.trim().slice(0, MAX_QUERY);
        const host = this.deps.host;
        const sequence = ++this.directorySequence;
        if (!host || term === "") {
          this.set({ directory: { query: term, status: "idle", entries: [] } });
          return;
        }
        this.set({
          directory: { query: term, status: "loading", entries: this.state.directory.entries }
        });
        let result;
        try {
          result = readDirectory(await host.runApex("SoftphoneDirectory", "search", { term }));
        } catch (error) {
          result = {
            ok: false as const,
            message: `The directory search failed: ${describe(error)}`
          };
        }
        if (sequence !== this.directorySequence) return;
        if (result.ok)
          this.set({ directory: { query: term, status: "idle", entries: result.value } });
        else {
          this.set({ directory: { query: term, status: "error", entries: [] } });
          this.logError("host", result.message);
        }
      },
      dismissNotice: () => {
        if (this.state.notice !== undefined) this.set({ notice: undefined });
      },
      simulateIncomingCall: async (number, name) => {
        const phone = this.phone;
        if (!canSimulate(phone)) {
          this.notice("Simulated calls need the demo phone (provider = demo).");
          return;
        }
        try {
          await phone.simulateIncoming(number, name);
        } catch (error) {
          this.notice(`Could not simulate a call: ${describe(error)}`, "phone");
        }
      }
    };
  }

  private async answerWaiting(waiting: CallView): Promise<void> {
    const current = this.state.call;
    if (current && current.state === "wrapup") {
      // Saving after-call work promotes the waiting call; then it is answered like any other.
      this.finishCall(current, true);
      const promoted = this.state.call;
      if (promoted?.id === waiting.id && promoted.state === "ringing") {
        await this.withPhone("answer", (phone) => phone.answer(waiting.id));
      } else if (promoted?.id === waiting.id && promoted.state === "held") {
        await this.withPhone("resume", (phone) => phone.hold(waiting.id, false));
      }
      return;
    }
    if (!current) return;
    if (waiting.state === "ringing") {
      await this.withPhone("answer", async (phone) => {
        if (current.state === "connected") await phone.hold(current.id, true);
        await phone.answer(waiting.id);
      });
    } else {
      await this.withPhone("swap calls", async (phone) => {
        if (current.state === "connected") await phone.hold(current.id, true);
        await phone.hold(waiting.id, false);
      });
    }
    // The answered call becomes the current one; the other waits on hold.
    const now = this.state;
    const answered = now.waitingCall;
    if (!answered || answered.id !== waiting.id || !now.call) return;
    this.set({ call: answered, waitingCall: now.call });
    if (!this.meta.get(answered.id)?.popped) void this.popFor(answered);
  }

  private readNotReady(): boolean {
    try {
      return this.deps.sessionStorage?.getItem(NOT_READY_KEY) === "1";
    } catch {
      return false;
    }
  }
}

function recordFromPage(page: PageInfo | undefined): RelatedRecord | undefined {
  if (!page || !isSalesforceId(page.recordId)) return undefined;
  const record: RelatedRecord = { id: page.recordId };
  if (page.recordName) record.name = page.recordName;
  if (page.objectType) record.objectType = page.objectType;
  return record;
}
