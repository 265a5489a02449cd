/**
 * The softphone's composition root: builds the state cell and the wings (agent, calls,
 * caller id, after-call work, directory), runs start-up in order, routes phone and host events
 * to the wing that owns them, maps message-channel commands to actions, and assembles the
 * actions table the UI and the tabs see. No softphone rule lives here.
 */
import type { CtiHost } from "../host/cti-host";
import type { Phone, PhoneEvent } from "../phone/phone";
import { Agent, canSimulate } from "./agent";
import { CallLogger, retentionMs } from "./after-call/call-logger";
import { CallJournal } from "./after-call/journal";
import { loadRecentCalls } from "./after-call/recent-calls";
import { CallBook } from "./calls/call-book";
import { CallDesk } from "./calls/call-desk";
import { CallFeatures } from "./calls/call-features";
import { CallHealth, canSimulateNetwork } from "./calls/call-health";
import { associationForRecord, associationFromClick } from "./calls/call-view";
import { CallerId } from "./calls/caller-id";
import { channelState, SoftphoneChannel, type ChannelCommand } from "./channel";
import { DEFAULT_CHANNEL_COMMANDS } from "./channel-commands";
import { ChannelGuard } from "./channel-guard";
import { systemClock, type Clock } from "./clock";
import { readIdentity, type Crm, type CrmResult, type Identity } from "./crm";
import { Directory } from "./directory";
import { describeError } from "./errors";
import type { MicrophoneState, SoftphoneActions, SoftphoneState, SoftphoneStore } from "./model";
import { NumbersGate } from "./numbers-first";
import type { LoadPhoneNumbers } from "./phone-numbers";
import { Reporter } from "./reporter";
import { parseSettings, type Settings } from "./settings";
import { firstState, preloadWhenInitialized, presenceState } from "./start-state";
import {
  DeferredStorage,
  MemoryStorage,
  ScopedStorage,
  scopePrefix,
  type KeyValueStorage
} from "./storage";
import { StateCell, type StoreLogger } from "./store";
import { followUtilityItem } from "./utility-item";

export { NOT_READY_KEY } from "./agent";

export type SoftphoneLogger = StoreLogger;

export interface SoftphoneDeps {
  /** null when the page is not inside Salesforce. */
  host: CtiHost | null;
  /** Salesforce data: caller lookup, logged-call check, directory, SIP account. */
  crm: Crm | null;
  /** Why there is no host, for diagnostics. */
  noHostReason?: string;
  createPhone(settings: Settings): Promise<Phone>;
  /** Durable storage (localStorage): call-log outbox, open-call journal and recent calls. */
  storage: KeyValueStorage;
  /** False when `storage` is a memory fallback because the browser blocked Web Storage. */
  storageDurable?: boolean;
  /** Parts of the host's library that are missing and skipped, for diagnostics. */
  unavailableFeatures?: readonly string[];
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
   * Loads the phone-number rules (a lazy chunk), started once the softphone is initialized;
   * a dial or a call that comes first waits for it. Without it numbers stay as signalled.
   */
  loadPhoneNumbers?: LoadPhoneNumbers;
}

export interface SoftphoneController extends SoftphoneStore {
  /** Runs the start-up sequence once; never rejects. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export function createSoftphone(deps: SoftphoneDeps): SoftphoneController {
  return new Softphone(deps);
}

class Softphone implements SoftphoneController {
  readonly #clock: Clock;
  /** Browser storage as this user sees it: nothing until Salesforce says who is signed in. */
  readonly #storage: KeyValueStorage;
  readonly #session: KeyValueStorage | undefined;
  readonly #logger: SoftphoneLogger;
  readonly #cell: StateCell;
  readonly #report: Reporter;
  readonly #agent: Agent;
  readonly #book: CallBook;
  readonly #callerId: CallerId;
  readonly #desk: CallDesk;
  readonly #features: CallFeatures;
  readonly #health: CallHealth;
  readonly #callLogger: CallLogger;
  readonly #directory: Directory;
  readonly #guard: ChannelGuard;
  readonly #stops: Array<() => void> = [];
  #settings: Settings | null = null;
  #channel: SoftphoneChannel | null = null;
  #journal: CallJournal | null = null;
  #starting: Promise<void> | null = null;
  readonly actions: SoftphoneActions;

  readonly #deps: SoftphoneDeps;

  constructor(deps: SoftphoneDeps) {
    this.#deps = deps;
    const { host, crm } = deps;
    const clock = (this.#clock = deps.clock ?? systemClock);
    // Shared PCs: with a Crm that can tell who is signed in, every key is scoped by org and user.
    const scoped = typeof crm?.whoAmI === "function";
    const storage = (this.#storage = scoped ? new DeferredStorage() : deps.storage);
    const session = (this.#session =
      scoped && deps.sessionStorage ? new DeferredStorage() : deps.sessionStorage);
    this.#logger = deps.logger ?? console;
    const cell = (this.#cell = new StateCell(
      firstState(deps, clock, storage, session),
      this.#logger
    ));
    const report = (this.#report = new Reporter(cell, clock, host));
    const settings = () => this.#settings;
    this.#agent = new Agent({
      cell,
      host,
      crm,
      report,
      createPhone: deps.createPhone,
      onPhoneEvent: (event) => this.#onPhoneEvent(event),
      sessionStorage: session,
      clock,
      microphone: deps.microphone
    });
    const phone = () => this.#agent.currentPhone();
    const numbers = new NumbersGate({
      load: deps.loadPhoneNumbers,
      clock,
      onProblem: (message) => report.error("dial", message)
    });
    this.#book = new CallBook(cell, clock);
    this.#callerId = new CallerId({
      cell,
      book: this.#book,
      host,
      crm,
      report,
      numbers,
      settings
    });
    this.#callLogger = new CallLogger({
      cell,
      clock,
      host,
      crm,
      report,
      storage,
      random: deps.random
    });
    this.#desk = new CallDesk({
      cell,
      clock,
      book: this.#book,
      callerId: this.#callerId,
      logger: this.#callLogger,
      report,
      numbers,
      settings,
      phone
    });
    this.#features = new CallFeatures({
      cell,
      clock,
      book: this.#book,
      desk: this.#desk,
      report,
      phone,
      settings,
      numbers
    });
    this.#health = new CallHealth({ cell, book: this.#book, report, phone });
    this.#directory = new Directory(cell, crm, report);
    this.#guard = new ChannelGuard({
      cell,
      crm,
      allowed: () => this.#settings?.channelCommands ?? DEFAULT_CHANNEL_COMMANDS,
      logger: this.#logger,
      notice: (message) => report.notice(message, "channel"),
      run: (command) => this.#runCommand(command)
    });
    this.#stops.push(this.#agent.followClickToDial(), preloadWhenInitialized(cell, numbers));
    if (host) {
      this.#stops.push(
        followUtilityItem(cell, host, (what, error) =>
          report.error("host", `${what}: ${describeError(error)}`)
        )
      );
    }
    this.actions = this.#buildActions();
  }

  getState(): SoftphoneState {
    return this.#cell.getState();
  }

  subscribe(listener: (state: SoftphoneState) => void): () => void {
    return this.#cell.subscribe(listener);
  }

  start(): Promise<void> {
    this.#starting ??= this.#runStart().catch((error: unknown) =>
      this.#report.error("host", describeError(error))
    );
    return this.#starting;
  }

  async dispose(): Promise<void> {
    this.#cell.dispose();
    for (const stop of this.#stops.splice(0)) stop();
    this.#channel?.stop();
    // Open calls stay in the journal: the next page logs them.
    this.#journal?.stop();
    this.#callLogger.stop();
    this.#desk.dispose();
    await this.#agent.dispose();
  }

  async #runStart(): Promise<void> {
    const { host, noHostReason } = this.#deps;
    const cell = this.#cell;
    const report = this.#report;
    void this.#agent.checkMicrophone();
    if (!host) {
      report.error(
        "host",
        noHostReason ?? "Not inside Salesforce: open the softphone from the utility bar or console."
      );
      return;
    }
    this.#stops.push(
      host.onClickToDial(
        (event) => void this.#desk.placeCall(event.number, associationFromClick(event))
      ),
      host.onNavigationChange((page) => this.#callerId.onNavigation(page)),
      host.onWorkStart((work) => this.#callLogger.rememberWork(work, this.#clock.now()))
    );
    host
      .getPageInfo()
      .then((page) => cell.set({ page }))
      .catch(() => undefined);

    // Asked alongside the settings: storage is scoped before the outbox or journal touch it.
    const identity = this.#whoAmI();
    let raw;
    try {
      raw = await host.getCallCenterSettings();
    } catch (error) {
      report.error("settings", `Could not read the call center settings: ${describeError(error)}`);
      return;
    }
    const parsed = parseSettings(raw);
    if (!parsed.ok) {
      cell.set({ settingsLoaded: true, setupProblems: parsed.problems });
      return;
    }
    const settings = (this.#settings = parsed.settings);
    this.#useIdentity(settings, await identity);
    const { notReadyReasons, dispositions, dispositionRequired } = settings.callFlow;
    cell.set({
      settingsLoaded: true,
      setupProblems: [],
      callFlow: { notReadyReasons, dispositions, dispositionRequired }
    });
    this.#startAfterCall(settings, host);
    // The subscription's round trip runs beside the phone's start, not before it: "ready"
    // (notifyInitializationComplete) does not wait for the message channel.
    void this.#startChannel(host);
    await this.#agent.startPhone(settings);
    this.#features.publishOffer();
    this.#health.onPhoneStarted();
  }

  /** Points storage at this org and user's keys (or memory when Salesforce cannot tell). */
  async #whoAmI(): Promise<CrmResult<Identity> | null> {
    const crm = this.#deps.crm;
    if (!(this.#storage instanceof DeferredStorage) || !crm?.whoAmI) return null;
    try {
      return readIdentity(await crm.whoAmI());
    } catch (error) {
      return { ok: false, message: describeError(error) };
    }
  }

  #useIdentity(settings: Settings, identity: CrmResult<Identity> | null): void {
    const storage = this.#storage;
    if (!identity || !(storage instanceof DeferredStorage)) return;
    const session = this.#session instanceof DeferredStorage ? this.#session : null;
    if (!identity.ok) {
      storage.use(new MemoryStorage());
      session?.use(new MemoryStorage());
      this.#cell.set({ storageDurable: false });
      this.#report.error(
        "log",
        `Could not tell who is signed in, so call logs are kept in this tab only: ${identity.message}`
      );
      return;
    }
    const prefix = scopePrefix(identity.value.orgId, identity.value.userId);
    storage.use(new ScopedStorage(this.#deps.storage, prefix));
    if (session && this.#deps.sessionStorage)
      session.use(new ScopedStorage(this.#deps.sessionStorage, prefix));
    this.#cell.set({
      recentCalls: loadRecentCalls(storage, this.#clock.now() - retentionMs(settings)),
      ...presenceState(session ?? undefined, this.#clock.now())
    });
  }

  /** Logs what an earlier page left open, starts the outbox, then journals this page's calls. */
  #startAfterCall(settings: Settings, host: CtiHost): void {
    const random = this.#deps.random ?? Math.random;
    const tabId =
      this.#deps.tabId ?? `page-${this.#clock.now()}-${random().toString(36).slice(2, 10)}`;
    this.#callLogger.start(settings, host, tabId);
    const journal = (this.#journal = new CallJournal(this.#storage, this.#clock, tabId));
    this.#stops.push(this.#cell.subscribe((state) => journal.track(state)));
    journal.track(this.#cell.getState());
  }

  async #startChannel(host: CtiHost): Promise<void> {
    const channel = (this.#channel = new SoftphoneChannel(
      host,
      this.#logger,
      (command) => void this.#guard.receive(command),
      (message) => this.#report.error("channel", message),
      (command) => this.#guard.admits(command)
    ));
    channel.publish(channelState(this.#cell.getState()));
    this.#stops.push(this.#cell.subscribe((state) => channel.publish(channelState(state))));
    this.#cell.set({ channelAvailable: await channel.start() });
  }

  #onPhoneEvent(event: PhoneEvent): void {
    if (event.type === "registration") {
      this.#agent.onRegistration(event.state, event.error ? describeError(event.error) : undefined);
    } else {
      this.#health.beforeDesk(event);
      if (!this.#features.onPhoneEvent(event)) this.#desk.onPhoneEvent(event);
      this.#health.afterDesk(event);
    }
  }

  async #runCommand(command: ChannelCommand): Promise<void> {
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
        if (!canSimulate(this.#agent.currentPhone())) {
          this.#logger.warn("Softphone__c: ignored simulateIncoming: the demo phone is not active");
          return;
        }
        return a.simulateIncomingCall(command.number, command.name);
      case "simulateNetwork":
        if (!canSimulateNetwork(this.#agent.currentPhone())) {
          this.#logger.warn("Softphone__c: ignored simulateNetwork: the demo phone is not active");
          return;
        }
        return a.simulateNetwork(command.what);
      case "requestState":
        return;
    }
  }

  #buildActions(): SoftphoneActions {
    const agent = this.#agent;
    const desk = this.#desk;
    const callerId = this.#callerId;
    const cell = this.#cell;
    const report = this.#report;
    return {
      signIn: (credentials) => agent.signIn(credentials),
      setReady: (ready, reason) => agent.setReady(ready, reason),
      dial: (number, recordId) => {
        const { page, recentCalls } = cell.getState();
        return desk.placeCall(number, associationForRecord(recordId, page, recentCalls));
      },
      answer: () => desk.answer(),
      decline: () => desk.decline(),
      hangup: () => desk.hangup(),
      hold: (on) => desk.hold(on),
      mute: (on) => desk.mute(on),
      sendDigits: (digits) => desk.sendDigits(digits),
      transfer: (target) => desk.transfer(target),
      chooseMatch: async (recordId) => callerId.chooseMatch(recordId),
      setRelatedTo: (record) => callerId.setRelatedTo(record),
      setNotes: (notes) => desk.setNotes(notes),
      setDisposition: (disposition) => desk.setDisposition(disposition),
      saveWrapUp: () => desk.saveWrapUp(),
      extendWrapUp: async () => desk.extendWrapUp(),
      searchDirectory: (query) => this.#directory.search(query),
      confirmTransfer: () => this.#guard.confirm(),
      cancelTransfer: () => this.#guard.cancel(),
      dismissNotice: () => {
        if (cell.getState().notice !== undefined) cell.set({ notice: undefined });
      },
      callFeature: (intent) => this.#features.run(intent),
      simulateIncomingCall: async (number, name) => {
        const phone = agent.currentPhone();
        if (!canSimulate(phone)) {
          report.notice("Simulated calls need the demo phone (provider = demo).");
          return;
        }
        try {
          await phone.simulateIncoming(number, name);
        } catch (error) {
          report.notice(`Could not simulate a call: ${describeError(error)}`, "phone");
        }
      },
      loadDevices: () => this.#health.loadDevices(),
      selectDevice: (role, deviceId) => this.#health.selectDevice(role, deviceId),
      setAudioProcessing: (processing) => this.#health.setAudioProcessing(processing),
      simulateNetwork: (what) => this.#health.simulateNetwork(what)
    };
  }
}
