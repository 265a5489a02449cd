/**
 * The agent's side of the phone: starting it, signing in (the agent's Salesforce-stored SIP
 * account or a sign-in form), registration turning into ready or offline, the not-ready
 * choice, the microphone permission, and click-to-dial enabled exactly while ready.
 */
import type { CtiHost } from "../host/cti-host";
import type { Phone, PhoneEvent, RegistrationState, SipCredentials } from "../phone/phone";
import type { Clock } from "./clock";
import { readSipAccount, type Crm } from "./crm";
import { describeError } from "./errors";
import type { AgentState, MicrophoneState, SoftphoneState } from "./model";
import { chooseReason, followInboundPolicy, readPresence, writePresence } from "./presence";
import type { Reporter } from "./reporter";
import type { Settings } from "./settings";
import type { KeyValueStorage } from "./storage";
import type { StateCell } from "./store";

export { NOT_READY_KEY } from "./presence";

/** A phone that can simulate inbound calls (the demo phone). */
export interface IncomingSimulator {
  simulateIncoming(number: string, name?: string): Promise<string>;
}

export function canSimulate(phone: Phone | null): phone is Phone & IncomingSimulator {
  return (
    phone !== null && typeof (phone as Partial<IncomingSimulator>).simulateIncoming === "function"
  );
}

/** Where an agent without a call stands: ready once the phone works, unless they chose not to be. */
export function idleAgentState(state: SoftphoneState): AgentState {
  return state.registration === "registered" && !state.notReady ? "ready" : "offline";
}

/** The agent's "not ready" choice from an earlier page of this browser session. */
export function readNotReady(session: KeyValueStorage | undefined): boolean {
  return readPresence(session).notReady;
}

export interface AgentDeps {
  cell: StateCell;
  host: CtiHost | null;
  crm: Crm | null;
  report: Reporter;
  createPhone(settings: Settings): Promise<Phone>;
  /** Every event of the phone once it is started. */
  onPhoneEvent(event: PhoneEvent): void;
  sessionStorage?: KeyValueStorage;
  clock: Clock;
  microphone?: (onChange: (state: MicrophoneState) => void) => Promise<MicrophoneState>;
}

export class Agent {
  #phone: Phone | null = null;
  #stopPhoneEvents: (() => void) | null = null;
  #initialized = false;
  #clickToDial: boolean | null = null;
  #hostQueue: Promise<void> = Promise.resolve();
  #disposed = false;
  #settings: Settings | null = null;
  #stopPolicy: (() => void) | null = null;

  readonly #deps: AgentDeps;

  constructor(deps: AgentDeps) {
    this.#deps = deps;
  }

  currentPhone(): Phone | null {
    return this.#phone;
  }

  /** Keeps click-to-dial enabled exactly while the agent is ready. */
  followClickToDial(): () => void {
    return this.#deps.cell.subscribe((state) => this.#syncClickToDial(state));
  }

  async checkMicrophone(): Promise<void> {
    const { microphone, cell } = this.#deps;
    if (!microphone) return;
    try {
      cell.set({ microphone: await microphone((state) => cell.set({ microphone: state })) });
    } catch {
      cell.set({ microphone: "unknown" });
    }
  }

  async startPhone(settings: Settings): Promise<void> {
    const { cell, report } = this.#deps;
    let phone: Phone;
    try {
      phone = await this.#deps.createPhone(settings);
    } catch (error) {
      cell.set({ registration: "failed" });
      report.error(
        "phone",
        `Could not start the ${settings.provider} phone: ${describeError(error)}`
      );
      return;
    }
    if (this.#disposed) {
      await phone.dispose().catch(() => undefined);
      return;
    }
    this.#phone = phone;
    this.#settings = settings;
    this.#stopPolicy = followInboundPolicy(cell, phone, settings.callFlow);
    this.#stopPhoneEvents = phone.on((event) => this.#deps.onPhoneEvent(event));
    cell.set({ phoneKind: phone.kind, canSimulateIncoming: canSimulate(phone) });
    if (settings.provider === "demo" || !settings.sip) {
      await this.#register();
      return;
    }
    if (settings.sip.credentials === "prompt") {
      cell.set({ needsSignIn: true });
      return;
    }
    await this.#signInWithStoredAccount();
  }

  async signIn(credentials: SipCredentials): Promise<void> {
    const { cell } = this.#deps;
    if (!this.#phone || !cell.getState().needsSignIn) return;
    if (credentials.username.trim() === "" || credentials.password === "") {
      cell.set({ signInError: "Enter your SIP user name and password." });
      return;
    }
    cell.set({ signInError: undefined, registration: "registering" });
    if (!(await this.#register({ ...credentials, username: credentials.username.trim() }))) {
      this.#offerSignIn();
    }
  }

  async setReady(ready: boolean, reason?: string): Promise<void> {
    const { cell, sessionStorage, clock } = this.#deps;
    const reasons = this.#settings?.callFlow.notReadyReasons ?? [];
    const chosen = ready ? undefined : chooseReason(reasons, reason);
    if (chosen === null) {
      this.#deps.report.notice(`"${reason ?? ""}" is not a not-ready reason here.`);
      return;
    }
    const state = cell.getState();
    const unchanged = state.notReady === !ready && state.notReadyReason === chosen;
    const since = unchanged ? state.presenceSince : clock.now();
    writePresence(sessionStorage, { notReady: !ready, reason: chosen, since });
    const patch: Partial<SoftphoneState> = {
      notReady: !ready,
      notReadyReason: chosen,
      presenceSince: since
    };
    if (!state.call) patch.agent = idleAgentState({ ...state, notReady: !ready });
    cell.set(patch);
  }

  onRegistration(registration: RegistrationState, error?: string): void {
    const { cell, report } = this.#deps;
    if (registration === "registered") {
      if (!cell.getState().needsSignIn || this.#initialized) this.#onRegistered();
      else cell.set({ registration });
      return;
    }
    const patch: Partial<SoftphoneState> = { registration };
    if (registration !== "registering" && !cell.getState().call) patch.agent = "offline";
    cell.set(patch);
    if (error) report.error("phone", error);
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    this.#stopPhoneEvents?.();
    this.#stopPolicy?.();
    await this.#phone?.dispose().catch(() => undefined);
  }

  async #signInWithStoredAccount(): Promise<void> {
    const { cell, crm } = this.#deps;
    try {
      if (!crm) throw new Error("Salesforce data is not available here.");
      const account = readSipAccount(await crm.getSipAccount());
      if (!account.ok) {
        cell.set({ needsSignIn: true, signInError: account.message });
        return;
      }
      // The stored account did not work: let the agent sign in by hand instead.
      if (!(await this.#register(account.value))) this.#offerSignIn();
    } catch (error) {
      cell.set({
        needsSignIn: true,
        signInError: `Could not read your SIP account: ${describeError(error)}`
      });
    }
  }

  /** Shows the sign-in form with the last error recorded. */
  #offerSignIn(): void {
    const { cell } = this.#deps;
    const last = cell.getState().errors.at(-1);
    cell.set({ needsSignIn: true, signInError: last?.message ?? "Sign-in failed." });
  }

  /** Registers; resolves false (with the error shown) when the phone refused. */
  async #register(credentials?: SipCredentials): Promise<boolean> {
    const { cell, report } = this.#deps;
    const phone = this.#phone;
    if (!phone) return false;
    try {
      await phone.register(credentials);
    } catch (error) {
      cell.set({ registration: "failed" });
      report.error("phone", `Registration failed: ${describeError(error)}`);
      return false;
    }
    this.#onRegistered();
    return true;
  }

  #onRegistered(): void {
    const { cell, host, report } = this.#deps;
    const state = cell.getState();
    if (state.registration !== "registered" || state.needsSignIn) {
      cell.set({ registration: "registered", needsSignIn: false, signInError: undefined });
    }
    if (!cell.getState().call) cell.set({ agent: idleAgentState(cell.getState()) });
    if (this.#initialized) return;
    this.#initialized = true;
    if (!host) return;
    // Click-to-dial was queued by the state change just above; initialization follows it.
    this.#hostQueue = this.#hostQueue
      .then(() => host.notifyInitializationComplete())
      .then(() => cell.set({ initialized: true }))
      .catch((error: unknown) =>
        report.error("host", `notifyInitializationComplete: ${describeError(error)}`)
      );
  }

  #syncClickToDial(state: SoftphoneState): void {
    const host = this.#deps.host;
    const wanted = state.agent === "ready";
    const usable = state.settingsLoaded && state.setupProblems.length === 0;
    if (!host || !usable || this.#clickToDial === wanted) return;
    this.#clickToDial = wanted;
    this.#hostQueue = this.#hostQueue
      .then(() => (wanted ? host.enableClickToDial() : host.disableClickToDial()))
      .catch((error: unknown) => {
        this.#clickToDial = null;
        this.#deps.report.error("host", `Click-to-dial: ${describeError(error)}`);
      });
  }
}
