/**
 * The CtiHost the leader's store talks to. Most calls run on the leader tab's own host; what
 * the agent must see where they are looking (screen pops, opening the panel) goes to the
 * agent's tab; what every tab shows (utility item label and icon, click-to-dial, initialized,
 * message-channel state) is repeated in every tab; and host events of the other tabs
 * (click-to-dial, navigation, Sales Engagement work, message-channel commands) arrive here as
 * if they were the leader's own.
 */
import type {
  CallCenterSettings,
  ChannelMessage,
  ClickToDialEvent,
  CompleteWorkAttributes,
  CtiHost,
  LogFields,
  PageInfo,
  PanelSize,
  ScreenPopTarget,
  SearchAndScreenPopRequest,
  SearchResultRecord,
  Unsubscribe,
  WorkItem
} from "../../host/cti-host";
import type { TabBus } from "./bus";
import type { PopRouter } from "./pop-router";
import type { HostEffect, HostEvent, PopRequest } from "./protocol";

/** Runs a pop request on a tab's own host. */
export async function runPopOn(host: CtiHost, request: PopRequest): Promise<unknown> {
  switch (request.op) {
    case "screenPop":
      return host.screenPop(request.target);
    case "searchAndScreenPop":
      return host.searchAndScreenPop(request.request);
    case "showPanel":
      return host.setPanelVisible(true);
  }
}

/**
 * Whether this page's own Open CTI host has click-to-dial on, as far as this tab has set it:
 * a page starts with it off, so a leader's first "off" needs no round trip (it would sit on
 * the path to notifyInitializationComplete).
 */
export interface PageClickToDial {
  on: boolean;
}

export class LeaderHost implements CtiHost {
  readonly kind: CtiHost["kind"];
  readonly #clickToDialListeners = new Set<(event: ClickToDialEvent) => void>();
  readonly #navigationListeners = new Set<(page: PageInfo) => void>();
  readonly #workListeners = new Set<(work: WorkItem) => void>();
  readonly #channelListeners = new Map<string, Set<(message: ChannelMessage) => void>>();
  /** The effects a tab that opens later must apply to look like the others. */
  readonly #lasting = new Map<string, HostEffect>();

  readonly #local: CtiHost;
  readonly #bus: TabBus;
  readonly #router: PopRouter;
  readonly #clickToDial: PageClickToDial;
  /** The settings read while the tab waited for the lock: the store's first read gets them. */
  #earlySettings: Promise<CallCenterSettings> | null;

  constructor(
    local: CtiHost,
    bus: TabBus,
    router: PopRouter,
    earlySettings: Promise<CallCenterSettings> | null = null,
    clickToDial: PageClickToDial = { on: true }
  ) {
    this.#clickToDial = clickToDial;
    this.#local = local;
    this.#bus = bus;
    this.#router = router;
    this.#earlySettings = earlySettings;
    this.kind = local.kind;
  }

  /** A host event from another tab. */
  deliver(event: HostEvent): void {
    switch (event.name) {
      case "clickToDial":
        for (const listener of [...this.#clickToDialListeners]) listener(event.event);
        return;
      case "navigation":
        for (const listener of [...this.#navigationListeners]) listener(event.page);
        return;
      case "workStart":
        for (const listener of [...this.#workListeners]) listener(event.work);
        return;
      case "channelMessage":
        for (const listener of [...(this.#channelListeners.get(event.channel) ?? [])])
          listener(event.message);
        return;
    }
  }

  /** Repeats the lasting effects to one tab (a follower that just opened). */
  replayTo(tabId: string): void {
    for (const effect of this.#lasting.values()) this.#bus.send({ type: "effect", effect }, tabId);
  }

  #everywhere(effect: HostEffect, lasting: boolean): void {
    if (lasting)
      this.#lasting.set(
        effect.name === "publish" ? `publish:${effect.channel}` : effect.name,
        effect
      );
    this.#bus.send({ type: "effect", effect });
  }

  getCallCenterSettings(): Promise<CallCenterSettings> {
    const early = this.#earlySettings;
    this.#earlySettings = null;
    return early ?? this.#local.getCallCenterSettings();
  }

  async notifyInitializationComplete(): Promise<void> {
    await this.#local.notifyInitializationComplete();
    this.#everywhere({ name: "initialized" }, true);
  }

  async enableClickToDial(): Promise<void> {
    this.#everywhere({ name: "clickToDial", on: true }, true);
    this.#clickToDial.on = true;
    await this.#local.enableClickToDial();
  }

  async disableClickToDial(): Promise<void> {
    this.#everywhere({ name: "clickToDial", on: false }, true);
    if (!this.#clickToDial.on) return;
    this.#clickToDial.on = false;
    await this.#local.disableClickToDial();
  }

  onClickToDial(listener: (event: ClickToDialEvent) => void): Unsubscribe {
    return this.#both(this.#clickToDialListeners, listener, this.#local.onClickToDial(listener));
  }

  getPageInfo(): Promise<PageInfo> {
    return this.#local.getPageInfo();
  }

  onNavigationChange(listener: (page: PageInfo) => void): Unsubscribe {
    return this.#both(
      this.#navigationListeners,
      listener,
      this.#local.onNavigationChange(listener)
    );
  }

  saveLog(entityApiName: string, fields: LogFields): Promise<{ recordId: string }> {
    return this.#local.saveLog(entityApiName, fields);
  }

  async refreshView(): Promise<void> {
    // The new Task shows where the agent looks; the leader's own view is refreshed as well.
    const agentTab = this.#router.attention.agentTab();
    if (agentTab !== null && agentTab !== this.#bus.tabId)
      this.#bus.send({ type: "effect", effect: { name: "refresh" } }, agentTab);
    await this.#local.refreshView();
  }

  screenPop(target: ScreenPopTarget, options?: { deferred?: boolean }): Promise<unknown> {
    // A deferred pop only prepares data for later: it stays where it is asked for.
    if (options?.deferred) return this.#local.screenPop(target, options);
    return this.#router.route({ op: "screenPop", target });
  }

  async searchAndScreenPop(
    request: SearchAndScreenPopRequest
  ): Promise<Record<string, SearchResultRecord>> {
    if (request.deferred) return this.#local.searchAndScreenPop(request);
    const result = await this.#router.route({ op: "searchAndScreenPop", request });
    return (typeof result === "object" && result !== null ? result : {}) as Record<
      string,
      SearchResultRecord
    >;
  }

  isPanelVisible(): Promise<boolean> {
    return this.#local.isPanelVisible();
  }

  async setPanelVisible(visible: boolean): Promise<void> {
    if (!visible) return this.#local.setPanelVisible(false);
    await this.#router.route({ op: "showPanel" });
  }

  setPanelSize(size: PanelSize): Promise<void> {
    return this.#local.setPanelSize(size);
  }

  async setItemLabel(label: string): Promise<void> {
    this.#everywhere({ name: "label", value: label }, true);
    await this.#local.setItemLabel(label);
  }

  async setItemIcon(icon: string): Promise<void> {
    this.#everywhere({ name: "icon", value: icon }, true);
    await this.#local.setItemIcon(icon);
  }

  async subscribe(
    channel: string,
    listener: (message: ChannelMessage) => void
  ): Promise<Unsubscribe> {
    const localUnsubscribe = await this.#local.subscribe(channel, listener);
    let listeners = this.#channelListeners.get(channel);
    if (!listeners) this.#channelListeners.set(channel, (listeners = new Set()));
    const forwarded = listeners;
    forwarded.add(listener);
    return () => {
      forwarded.delete(listener);
      localUnsubscribe();
    };
  }

  async publish(channel: string, message: ChannelMessage): Promise<void> {
    this.#everywhere({ name: "publish", channel, message }, true);
    await this.#local.publish(channel, message);
  }

  onWorkStart(listener: (work: WorkItem) => void): Unsubscribe {
    return this.#both(this.#workListeners, listener, this.#local.onWorkStart(listener));
  }

  completeWork(workId: string, attributes: CompleteWorkAttributes): Promise<void> {
    return this.#local.completeWork(workId, attributes);
  }

  #both<T>(set: Set<T>, listener: T, localUnsubscribe: Unsubscribe): Unsubscribe {
    set.add(listener);
    return () => {
      set.delete(listener);
      localUnsubscribe();
    };
  }
}
