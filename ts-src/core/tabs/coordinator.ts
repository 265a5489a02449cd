/**
 * One phone across browser tabs. Every tab asks for the leader lock; the tab holding it runs
 * the real store (phone, outbox, call logs) over a tab-aware host, and every other tab mirrors
 * its state and forwards the agent's actions. The UI gets this object as its store and never
 * knows which role its tab plays.
 *
 * Leadership moves only when the leader tab goes away (the browser releases its lock) or, while
 * the phone waits for a sign-in and has no call, when the agent signs in from another tab: that
 * tab takes the lock and signs in itself, so a password never travels between tabs.
 */
import type { CallCenterSettings, CtiHost } from "../../host/cti-host";
import type { SipCredentials } from "../../phone/phone";
import { systemClock, type Clock } from "../clock";
import type { SoftphoneActions, SoftphoneState, SoftphoneStore } from "../model";
import { TabBus } from "./bus";
import { FollowerHostAgent } from "./follower-host";
import { LeaderHost, runPopOn, type PageClickToDial } from "./leader-host";
import { LeaderService } from "./leader-service";
import { MirrorStore } from "./mirror-store";
import { PopRouter } from "./pop-router";
import type { HeldLock, TabAttention, TabChannel, TabLocks, TabLogger } from "./ports";
import type { TabMessage } from "./protocol";

export const LEADER_LOCK = "softphone.leader";
export const SIGN_IN_WAIT_MS = 15_000;
const ATTENTION_REPEAT_MS = 500;

/** The leader's store: what createSoftphone returns. */
export interface LeaderStore extends SoftphoneStore {
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export interface TabsDeps {
  /** Unique per tab (and per page load). */
  tabId: string;
  locks: TabLocks;
  channel: TabChannel;
  /** Whether the agent looks at this tab; null where unknown (pops fall back to the leader). */
  attention: TabAttention | null;
  /** This tab's own Open CTI host; null outside Salesforce. */
  host: CtiHost | null;
  /**
   * The real store, over the tab-aware host; called each time this tab becomes leader. Pass
   * `tabId` on to createSoftphone: its open-call journal (./journal.ts) then knows which
   * journalled calls are this tab's and which a vanished leader left to log.
   */
  createStore(host: CtiHost | null, tabId: string): LeaderStore;
  /** What a follower shows until the leader's state arrives. */
  initialState: SoftphoneState;
  clock?: Clock;
  logger?: TabLogger;
}

export type TabRole = "follower" | "leader";

export interface TabsController extends SoftphoneStore {
  /** Joins the other tabs and queues for leadership; resolves at once. */
  start(): void;
  role(): TabRole;
  /** True while this tab holds the phone with a call: closing it would end the call. */
  shouldWarnBeforeUnload(): boolean;
  /** The tab is going away: a leader disposes its store (unregisters); the lock is freed. */
  dispose(): Promise<void>;
}

interface Leadership {
  lock: HeldLock;
  store: LeaderStore;
  service: LeaderService;
  router: PopRouter;
  unsubscribe: () => void;
}

export function createTabs(deps: TabsDeps): TabsController {
  return new Tabs(deps);
}

class Tabs implements TabsController {
  readonly #clock: Clock;
  readonly #logger: TabLogger;
  readonly #bus: TabBus;
  readonly #mirror: MirrorStore;
  readonly #follower: FollowerHostAgent | null;
  /** This page's click-to-dial, shared by its follower agent and each leadership's host. */
  readonly #clickToDial: PageClickToDial = { on: false };
  readonly #listeners = new Set<(state: SoftphoneState) => void>();
  #leadership: Leadership | null = null;
  /** Cancels the queued lock request (a tab that steals the lock must not queue too). */
  #queued: AbortController | null = null;
  #attentionSince = 0;
  #stopAttention: (() => void) | null = null;
  #disposed = false;
  readonly actions: SoftphoneActions;

  readonly #deps: TabsDeps;

  constructor(deps: TabsDeps) {
    this.#deps = deps;
    this.#clock = deps.clock ?? systemClock;
    this.#logger = deps.logger ?? console;
    this.#bus = new TabBus(deps.tabId, deps.channel, this.#logger);
    this.#mirror = new MirrorStore(this.#bus, this.#clock, deps.initialState, (credentials) =>
      this.#signInHere(credentials)
    );
    this.#mirror.subscribe((state) => {
      if (!this.#leadership) this.#emit(state);
    });
    this.#follower = deps.host
      ? new FollowerHostAgent(deps.host, this.#bus, this.#clock, this.#logger, this.#clickToDial)
      : null;
    this.actions = this.#delegatingActions();
  }

  start(): void {
    this.#bus.on((message) => this.#receive(message));
    const attention = this.#deps.attention;
    if (attention) {
      this.#attentionSince = this.#clock.now();
      let was = { visible: attention.visible(), focused: attention.focused(), since: 0 };
      this.#stopAttention = attention.onChange(() => {
        const now = { visible: attention.visible(), focused: attention.focused() };
        const gained = now.visible && !was.visible;
        // Shown, focused or used (a click, a key) just now: the agent is here.
        if (now.visible && (gained || now.focused)) this.#attentionSince = this.#clock.now();
        const changed = now.visible !== was.visible || now.focused !== was.focused;
        // Typing in the softphone must not flood the other tabs: repeat at most twice a second.
        if (changed || this.#attentionSince - was.since >= ATTENTION_REPEAT_MS) {
          was = { ...now, since: this.#attentionSince };
          this.#announceAttention();
        }
      });
    }
    // Reading the settings is harmless in any tab: it runs beside the lock request (a round
    // trip to the browser process, tens of ms while the page loads), and a lone tab's store
    // starts with them in hand.
    const host = this.#deps.host;
    // async: a host that throws instead of rejecting fails the read, not the tab's start.
    const settings = host ? (async () => host.getCallCenterSettings())() : null;
    settings?.catch(() => undefined);
    void this.#elect(settings);
  }

  /**
   * A lone tab leads at once: the lock is taken only if free, so start-up never waits for the
   * queue. Only when another tab holds it does this tab start following (its host agent
   * subscribes to the message channel then, never before the tab knows it will not lead).
   */
  async #elect(settings: Promise<CallCenterSettings> | null): Promise<void> {
    let lock: HeldLock | null = null;
    try {
      lock = await this.#deps.locks.tryAcquire(LEADER_LOCK);
    } catch {
      // No answer from the lock manager: queue as a follower like any other tab.
    }
    if (this.#disposed) {
      lock?.release();
      return;
    }
    if (lock) {
      await this.#lead(lock, settings);
      return;
    }
    this.#follow();
    this.#queue();
  }

  /** Serves this tab as a follower: its host hands events to the leader; state is asked for. */
  #follow(): void {
    this.#follower?.start();
    this.#emit(this.#mirror.getState());
    this.#mirror.hello();
    this.#announceAttention();
  }

  role(): TabRole {
    return this.#leadership ? "leader" : "follower";
  }

  getState(): SoftphoneState {
    return this.#leadership ? this.#leadership.store.getState() : this.#mirror.getState();
  }

  subscribe(listener: (state: SoftphoneState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  shouldWarnBeforeUnload(): boolean {
    if (!this.#leadership) return false;
    const state = this.#leadership.store.getState();
    return state.call !== null || state.waitingCall !== null;
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#queued?.abort();
    this.#stopAttention?.();
    this.#follower?.stop();
    this.#mirror.failAll("This tab is closing.");
    this.#bus.send({ type: "bye" });
    const leadership = this.#leadership;
    this.#leadership = null;
    if (leadership) await this.#endLeadership(leadership);
    this.#bus.close();
    this.#listeners.clear();
  }

  // ---- election ----

  #queue(steal = false): Promise<HeldLock> {
    const controller = new AbortController();
    this.#queued = controller;
    const request = this.#deps.locks.acquire(LEADER_LOCK, { steal, signal: controller.signal });
    request.then(
      (lock) => {
        if (this.#queued === controller) this.#queued = null;
        if (!steal) void this.#lead(lock);
      },
      () => {
        // Aborted (this tab steals the lock or closes): nothing to do.
      }
    );
    return request;
  }

  /** `settings`: read at start-up, while electing (only a tab that leads at once has them). */
  async #lead(lock: HeldLock, settings: Promise<CallCenterSettings> | null = null): Promise<void> {
    if (this.#disposed || this.#leadership) {
      lock.release();
      return;
    }
    this.#follower?.stop();
    const host = this.#deps.host;
    const router = new PopRouter(this.#bus, this.#clock, (request) =>
      host ? runPopOn(host, request) : Promise.resolve(undefined)
    );
    const leaderHost = host
      ? new LeaderHost(host, this.#bus, router, settings, this.#clickToDial)
      : null;
    // The store journals its open calls and, before its outbox starts, logs those of a leader
    // that vanished mid-call: only the lock holder has a store, so only it recovers.
    const store = this.#deps.createStore(leaderHost, this.#deps.tabId);
    const service = new LeaderService(store, this.#bus, router, leaderHost);
    const unsubscribe = store.subscribe((state) => {
      if (this.#leadership?.store === store) this.#emit(state);
    });
    this.#leadership = { lock, store, service, router, unsubscribe };
    this.#mirror.failAll("This tab now holds the phone; try again.");
    this.#announceAttention();
    service.announce();
    this.#emit(store.getState());
    void lock.lost.then(() => this.#lostLock(store));
    if (this.#disposed) return;
    await store.start();
  }

  /** The lock was taken from this tab (a sign-in elsewhere): back to following. */
  async #lostLock(store: LeaderStore): Promise<void> {
    const leadership = this.#leadership;
    if (this.#disposed || !leadership || leadership.store !== store) return;
    this.#leadership = null;
    await this.#endLeadership(leadership);
    if (this.#disposed) return;
    this.#follow();
    this.#queue();
  }

  async #endLeadership(leadership: Leadership): Promise<void> {
    leadership.unsubscribe();
    leadership.service.stop();
    await leadership.store.dispose().catch(() => undefined);
    leadership.lock.release();
  }

  /**
   * Sign-in typed in a follower: the password stays here. While the leader waits for a sign-in
   * and has no call, this tab takes the lock, starts the phone and signs in itself.
   */
  async #signInHere(credentials: SipCredentials): Promise<void> {
    if (this.#leadership) return this.#leadership.store.actions.signIn(credentials);
    const mirrored = this.#mirror.getState();
    if (!mirrored.needsSignIn || mirrored.call !== null || mirrored.waitingCall !== null) {
      this.#mirror.showNotice("The phone is not waiting for a sign-in.");
      return;
    }
    this.#queued?.abort();
    const lock = await this.#queue(true);
    await this.#lead(lock);
    const store = (this.#leadership as Leadership | null)?.store;
    if (!store) {
      this.#mirror.showNotice("This tab could not take over the phone; sign in again.");
      return;
    }
    await this.#waitFor(
      store,
      (s) => s.needsSignIn || s.registration === "registered" || s.setupProblems.length > 0
    );
    if (store.getState().needsSignIn) await store.actions.signIn(credentials);
  }

  #waitFor(store: SoftphoneStore, ready: (state: SoftphoneState) => boolean): Promise<void> {
    if (ready(store.getState())) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = this.#clock.setTimeout(done, SIGN_IN_WAIT_MS);
      const unsubscribe = store.subscribe((state) => {
        if (ready(state)) done();
      });
      const clock = this.#clock;
      function done(): void {
        clock.clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    });
  }

  // ---- messages ----

  #receive(message: TabMessage): void {
    const leadership = this.#leadership;
    if (leadership) {
      leadership.service.receive(message);
      return;
    }
    this.#mirror.receive(message);
    this.#follower?.receive(message);
    // A new leader needs to know where the agent looks.
    if (message.type === "leader") this.#announceAttention();
  }

  #announceAttention(): void {
    const attention = this.#deps.attention;
    if (!attention) return;
    const own = {
      visible: attention.visible(),
      focused: attention.focused(),
      since: this.#attentionSince
    };
    if (this.#leadership) this.#leadership.router.attention.set(this.#deps.tabId, own);
    else this.#bus.send({ type: "attention", ...own });
  }

  #emit(state: SoftphoneState): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(state);
      } catch (error) {
        this.#logger.warn(
          `Softphone state listener failed: ${error instanceof Error ? error.message : String(error)}`
        );
      }
    }
  }

  /** The UI's actions go to whichever store serves this tab right now. */
  #delegatingActions(): SoftphoneActions {
    const current = (): SoftphoneActions =>
      this.#leadership ? this.#leadership.store.actions : this.#mirror.actions;
    return {
      signIn: (credentials) => this.#signInHere(credentials),
      setReady: (ready, reason) => current().setReady(ready, reason),
      dial: (number, recordId) => current().dial(number, recordId),
      answer: () => current().answer(),
      decline: () => current().decline(),
      hangup: () => current().hangup(),
      hold: (on) => current().hold(on),
      mute: (on) => current().mute(on),
      sendDigits: (digits) => current().sendDigits(digits),
      transfer: (target) => current().transfer(target),
      chooseMatch: (recordId) => current().chooseMatch(recordId),
      setRelatedTo: (record) => current().setRelatedTo(record),
      setNotes: (notes) => current().setNotes(notes),
      setDisposition: (disposition) => current().setDisposition(disposition),
      saveWrapUp: () => current().saveWrapUp(),
      extendWrapUp: () => current().extendWrapUp(),
      searchDirectory: (query) => current().searchDirectory(query),
      dismissNotice: () => current().dismissNotice(),
      simulateIncomingCall: (number, name) => current().simulateIncomingCall(number, name),
      callFeature: (intent) => current().callFeature(intent),
      loadDevices: () => current().loadDevices(),
      selectDevice: (role, deviceId) => current().selectDevice(role, deviceId),
      setAudioProcessing: (processing) => current().setAudioProcessing(processing),
      simulateNetwork: (what) => current().simulateNetwork(what),
      confirmTransfer: async () => current().confirmTransfer?.(),
      cancelTransfer: () => current().cancelTransfer?.()
    };
  }
}
