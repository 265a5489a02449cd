/**
 * A follower's store: the leader's state, mirrored, and the agent's actions forwarded to the
 * leader, whose reply settles the action's promise. Like the leader's store, actions never
 * reject: when the leader does not answer (or refuses), this tab shows a notice. Sign-in is not
 * forwarded (see coordinator.ts): credentials never leave the tab they were typed in.
 */
import type { SipCredentials } from "../../phone/phone";
import type { Clock, TimerHandle } from "../clock";
import type { SoftphoneActions, SoftphoneState, SoftphoneStore } from "../model";
import type { TabBus } from "./bus";
import { validActionArgs, type ForwardedAction, type TabMessage } from "./protocol";

export const REPLY_TIMEOUT_MS = 10_000;

export class LeaderUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LeaderUnavailableError";
  }
}

interface Waiting {
  resolve(): void;
  reject(error: Error): void;
  timer: TimerHandle;
}

export class MirrorStore implements SoftphoneStore {
  private state: SoftphoneState;
  private readonly listeners = new Set<(state: SoftphoneState) => void>();
  private readonly waiting = new Map<string, Waiting>();
  private sequence = 0;
  /** A notice about this tab's own forwarding, shown over the leader's state until dismissed. */
  private localNotice: string | undefined;
  readonly actions: SoftphoneActions;

  constructor(
    private readonly bus: TabBus,
    private readonly clock: Clock,
    initial: SoftphoneState,
    /** What signIn does in a follower (the coordinator takes leadership first). */
    signIn: (credentials: SipCredentials) => Promise<void>
  ) {
    this.state = initial;
    const forward =
      (name: ForwardedAction) =>
      (...args: unknown[]) =>
        this.request(name, args).catch((error: unknown) =>
          this.showNotice(error instanceof Error ? error.message : String(error))
        );
    const fireAndForget =
      (name: ForwardedAction) =>
      (...args: unknown[]) => {
        void forward(name)(...args);
      };
    this.actions = {
      signIn,
      setReady: forward("setReady"),
      dial: forward("dial"),
      answer: forward("answer"),
      decline: forward("decline"),
      hangup: forward("hangup"),
      hold: forward("hold"),
      mute: forward("mute"),
      sendDigits: forward("sendDigits"),
      transfer: forward("transfer"),
      chooseMatch: forward("chooseMatch"),
      setRelatedTo: fireAndForget("setRelatedTo"),
      setNotes: fireAndForget("setNotes"),
      setDisposition: fireAndForget("setDisposition"),
      saveWrapUp: forward("saveWrapUp"),
      extendWrapUp: forward("extendWrapUp"),
      searchDirectory: forward("searchDirectory"),
      dismissNotice: () => {
        if (this.localNotice === undefined) {
          fireAndForget("dismissNotice")();
          return;
        }
        this.localNotice = undefined;
        this.notify();
      },
      simulateIncomingCall: forward("simulateIncomingCall"),
      callFeature: forward("callFeature"),
      loadDevices: forward("loadDevices"),
      selectDevice: forward("selectDevice"),
      setAudioProcessing: forward("setAudioProcessing"),
      simulateNetwork: forward("simulateNetwork"),
      confirmTransfer: forward("confirmTransfer"),
      cancelTransfer: fireAndForget("cancelTransfer")
    };
  }

  getState(): SoftphoneState {
    return this.localNotice === undefined
      ? this.state
      : { ...this.state, notice: this.localNotice };
  }

  /** Shows a notice in this tab only (the leader's next notice replaces it). */
  showNotice(message: string): void {
    this.localNotice = message;
    this.notify();
  }

  private notify(): void {
    const state = this.getState();
    for (const listener of [...this.listeners]) listener(state);
  }

  subscribe(listener: (state: SoftphoneState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the leader (whoever it is now) for its state. */
  hello(): void {
    this.bus.send({ type: "hello" });
  }

  receive(message: TabMessage): void {
    switch (message.type) {
      case "state":
        if (message.state.notice !== undefined && message.state.notice !== this.state.notice)
          this.localNotice = undefined;
        this.state = message.state;
        this.notify();
        return;
      case "reply": {
        const waiting = this.waiting.get(message.id);
        if (!waiting) return;
        this.waiting.delete(message.id);
        this.clock.clearTimeout(waiting.timer);
        if (message.ok) waiting.resolve();
        else waiting.reject(new Error(message.error ?? "The softphone could not do that."));
        return;
      }
      case "leader":
        // The old leader is gone: what it had not answered will not be answered.
        this.failAll("The softphone moved to another tab; try again.");
        this.hello();
        return;
      default:
        return;
    }
  }

  /** Rejects everything still waiting (the tab becomes leader, or closes). */
  failAll(reason: string): void {
    for (const [id, waiting] of [...this.waiting]) {
      this.waiting.delete(id);
      this.clock.clearTimeout(waiting.timer);
      waiting.reject(new LeaderUnavailableError(reason));
    }
  }

  private request(name: ForwardedAction, args: unknown[]): Promise<void> {
    // Trailing undefined arguments (an optional recordId) are not sent.
    while (args.length > 0 && args[args.length - 1] === undefined) args = args.slice(0, -1);
    if (!validActionArgs(name, args)) {
      return Promise.reject(
        new RangeError("The softphone could not send that to the tab that holds the phone.")
      );
    }
    const id = `${this.bus.tabId}.a${++this.sequence}`;
    return new Promise<void>((resolve, reject) => {
      const timer = this.clock.setTimeout(() => {
        this.waiting.delete(id);
        reject(
          new LeaderUnavailableError("The softphone tab that holds the phone did not answer.")
        );
      }, REPLY_TIMEOUT_MS);
      this.waiting.set(id, { resolve, reject, timer });
      this.bus.send({ type: "action", id, name, args });
    });
  }
}
