/**
 * Plays Salesforce's side of the connector protocol in node: posts SETUP_CONNECTOR with a
 * real MessagePort from a Salesforce origin to the `window` the unmodified base listens on,
 * sends requests over the port and records everything the connector sends back.
 */
export const SALESFORCE_ORIGIN = "https://contact-center.lightning.force.com";

export interface WireMessage {
  type: string;
  payload?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface TelephonyEvent {
  type: string;
  payload: unknown;
}

export class SalesforceSide {
  readonly received: WireMessage[] = [];
  private readonly channel = new MessageChannel();
  private waiters: (() => void)[] = [];

  constructor(private readonly win: EventTarget) {
    this.channel.port2.onmessage = (event: MessageEvent) => {
      this.received.push(event.data as WireMessage);
      for (const wake of this.waiters.splice(0)) wake();
    };
  }

  /** SETUP_CONNECTOR as Salesforce sends it: ports[0] is the connector's end of the channel. */
  setup(connectorConfig: Record<string, unknown>, origin = SALESFORCE_ORIGIN): void {
    const event = new Event("message");
    Object.defineProperties(event, {
      data: { value: { type: "SETUP_CONNECTOR", connectorConfig } },
      origin: { value: origin },
      ports: { value: [this.channel.port1] }
    });
    this.win.dispatchEvent(event);
  }

  send(type: string, data: Record<string, unknown> = {}): void {
    this.channel.port2.postMessage({ type, ...data });
  }

  /** Telephony events in the order they arrived (TELEPHONY_EVENT_DISPATCHED). */
  events(): TelephonyEvent[] {
    return this.received
      .filter((m) => m.type === "TELEPHONY_EVENT_DISPATCHED")
      .map((m) => ({
        type: String(m.payload?.telephonyEventType),
        payload: m.payload?.telephonyEventPayload
      }));
  }

  eventTypes(): string[] {
    return this.events().map((e) => e.type);
  }

  /** Waits until `check` holds for what arrived so far (or fails after `ms`). */
  async until<T>(check: () => T | undefined | false, what: string, ms = 4000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = check();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`Timed out waiting for ${what}; events: ${this.eventTypes().join(", ")}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 50));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for the `n`-th event of a type (1-based) and returns its payload. */
  event(type: string, n = 1, ms?: number): Promise<unknown> {
    return this.until(
      () => {
        const found = this.events().filter((e) => e.type === type);
        return found.length >= n ? { payload: found[n - 1].payload } : undefined;
      },
      `${type} #${n}`,
      ms
    ).then((found) => found.payload);
  }

  close(): void {
    this.channel.port1.close();
    this.channel.port2.close();
  }
}
