/**
 * The leader's side of the bus: broadcasts every state of its store, runs the actions
 * followers forward and replies, feeds their host events to the leader's host and their
 * attention to the pop router.
 */
import type { SoftphoneStore } from "../model";
import type { TabBus } from "./bus";
import type { LeaderHost } from "./leader-host";
import type { PopRouter } from "./pop-router";
import type { TabMessage } from "./protocol";

export class LeaderService {
  readonly #unsubscribe: () => void;

  readonly #store: SoftphoneStore;
  readonly #bus: TabBus;
  readonly #router: PopRouter;
  readonly #host: LeaderHost | null;

  constructor(store: SoftphoneStore, bus: TabBus, router: PopRouter, host: LeaderHost | null) {
    this.#store = store;
    this.#bus = bus;
    this.#router = router;
    this.#host = host;
    this.#unsubscribe = store.subscribe((state) => this.#bus.send({ type: "state", state }));
  }

  /** Tells every tab who leads now and what it shows. */
  announce(): void {
    this.#bus.send({ type: "leader" });
    this.#bus.send({ type: "state", state: this.#store.getState() });
  }

  stop(): void {
    this.#unsubscribe();
  }

  receive(message: TabMessage): void {
    switch (message.type) {
      case "hello":
        this.#bus.send({ type: "state", state: this.#store.getState() }, message.from);
        this.#host?.replayTo(message.from);
        return;
      case "action":
        void this.#run(message);
        return;
      case "hostEvent":
        this.#host?.deliver(message.event);
        return;
      case "attention":
      case "bye":
      case "popAck":
      case "popDone":
        this.#router.receive(message);
        return;
      default:
        return;
    }
  }

  async #run(message: Extract<TabMessage, { type: "action" }>): Promise<void> {
    const action = this.#store.actions[message.name] as (...args: unknown[]) => unknown;
    try {
      await action(...message.args);
      this.#bus.send({ type: "reply", id: message.id, ok: true }, message.from);
    } catch (error) {
      this.#bus.send(
        {
          type: "reply",
          id: message.id,
          ok: false,
          error: (error instanceof Error ? error.message : String(error)).slice(0, 500)
        },
        message.from
      );
    }
  }
}
