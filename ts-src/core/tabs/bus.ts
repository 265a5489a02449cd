/**
 * The tabs' message bus over a BroadcastChannel: stamps outgoing messages with this tab's id,
 * validates every incoming one (invalid: one warning, dropped), and drops messages addressed
 * to another tab.
 */
import type { TabChannel, TabLogger } from "./ports";
import { readTabMessage, TABS_APP, type TabBody, type TabMessage } from "./protocol";

export type TabListener = (message: TabMessage) => void;

export class TabBus {
  readonly #listeners = new Set<TabListener>();
  readonly #stopListening: () => void;
  #closed = false;

  readonly #channel: TabChannel;
  readonly #logger: TabLogger;

  constructor(
    readonly tabId: string,
    channel: TabChannel,
    logger: TabLogger
  ) {
    this.#channel = channel;
    this.#logger = logger;
    this.#stopListening = channel.onMessage((raw) => this.#receive(raw));
  }

  /** Broadcasts to every tab, or to one when `to` is given. */
  send(body: TabBody, to?: string): void {
    if (this.#closed) return;
    const message: Record<string, unknown> = { ...body, app: TABS_APP, from: this.tabId };
    if (to !== undefined) message.to = to;
    try {
      this.#channel.post(message);
    } catch (error) {
      this.#logger.warn(
        `Softphone tabs: could not send ${body.type}: ${error instanceof Error ? error.message : String(error)}`
      );
    }
  }

  on(listener: TabListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#stopListening();
    this.#channel.close();
    this.#listeners.clear();
  }

  #receive(raw: unknown): void {
    if (this.#closed) return;
    const read = readTabMessage(raw);
    if (read.kind === "invalid") {
      this.#logger.warn(`Softphone tabs: ignored a message: ${read.reason}`);
      return;
    }
    const message = read.message;
    if (message.from === this.tabId) return;
    if (message.to !== undefined && message.to !== this.tabId) return;
    for (const listener of [...this.#listeners]) {
      try {
        listener(message);
      } catch (error) {
        this.#logger.warn(
          `Softphone tabs: handling ${message.type} failed: ${error instanceof Error ? error.message : String(error)}`
        );
      }
    }
  }
}
