/**
 * A follower tab's own Open CTI host: it applies what the leader shows everywhere (label, icon,
 * click-to-dial, initialized, message-channel state), pops when the leader asks, and hands its
 * host events (click-to-dial, navigation, work items, message-channel commands) to the leader.
 */
import type { CtiHost, Unsubscribe } from "../../host/cti-host";
import type { Clock } from "../clock";
import { CHANNEL_NAME, OWN_SOURCE } from "../channel";
import type { TabBus } from "./bus";
import { runPopOn, type PageClickToDial } from "./leader-host";
import { PopResponder } from "./pop-router";
import type { HostEffect, TabMessage } from "./protocol";
import type { TabLogger } from "./ports";

export class FollowerHostAgent {
  readonly #subscriptions: Unsubscribe[] = [];
  readonly #responder: PopResponder;
  #initialized = false;
  #clickToDial: boolean | null = null;
  #stopped = true;
  /** Bumped by every start(), so a subscription of an earlier run is dropped when it arrives. */
  #generation = 0;

  readonly #host: CtiHost;
  readonly #bus: TabBus;
  readonly #logger: TabLogger;

  readonly #page: PageClickToDial;

  constructor(
    host: CtiHost,
    bus: TabBus,
    clock: Clock,
    logger: TabLogger,
    page: PageClickToDial = { on: true }
  ) {
    this.#page = page;
    this.#host = host;
    this.#bus = bus;
    this.#logger = logger;
    this.#responder = new PopResponder(bus, clock, (request) => runPopOn(host, request));
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    const generation = ++this.#generation;
    const host = this.#host;
    this.#subscriptions.push(
      host.onClickToDial((event) =>
        this.#bus.send({ type: "hostEvent", event: { name: "clickToDial", event: { ...event } } })
      ),
      host.onNavigationChange((page) =>
        this.#bus.send({ type: "hostEvent", event: { name: "navigation", page: { ...page } } })
      ),
      host.onWorkStart((work) =>
        this.#bus.send({ type: "hostEvent", event: { name: "workStart", work: { ...work } } })
      )
    );
    host
      .subscribe(CHANNEL_NAME, (message) => {
        // The softphone's own state messages come back to every subscriber: not commands.
        if (message.source === OWN_SOURCE) return;
        this.#bus.send({
          type: "hostEvent",
          event: { name: "channelMessage", channel: CHANNEL_NAME, message: { ...message } }
        });
      })
      .then((unsubscribe) => {
        if (this.#stopped || generation !== this.#generation) unsubscribe();
        else this.#subscriptions.push(unsubscribe);
      })
      // Classic has no message service: nothing to forward.
      .catch(() => undefined);
  }

  stop(): void {
    this.#stopped = true;
    for (const unsubscribe of this.#subscriptions.splice(0)) unsubscribe();
  }

  receive(message: TabMessage): void {
    if (this.#stopped) return;
    if (message.type === "pop") this.#responder.receive(message);
    else if (message.type === "effect") this.#apply(message.effect);
  }

  #apply(effect: HostEffect): void {
    const host = this.#host;
    const run = (what: string, call: () => Promise<unknown>) =>
      call().catch((error: unknown) =>
        this.#logger.warn(
          `Softphone tabs: ${what} failed: ${error instanceof Error ? error.message : String(error)}`
        )
      );
    switch (effect.name) {
      case "label":
        void run("setItemLabel", () => host.setItemLabel(effect.value));
        return;
      case "icon":
        void run("setItemIcon", () => host.setItemIcon(effect.value));
        return;
      case "clickToDial":
        if (this.#clickToDial === effect.on) return;
        this.#clickToDial = effect.on;
        this.#page.on = effect.on;
        void run("click-to-dial", () =>
          effect.on ? host.enableClickToDial() : host.disableClickToDial()
        );
        return;
      case "initialized":
        if (this.#initialized) return;
        this.#initialized = true;
        void run("notifyInitializationComplete", () => host.notifyInitializationComplete());
        return;
      case "refresh":
        void run("refreshView", () => host.refreshView());
        return;
      case "publish":
        // Classic rejects: there is no message service to publish on.
        void host.publish(effect.channel, effect.message).catch(() => undefined);
        return;
    }
  }
}
