/**
 * Lightning message service stand-in: channels by name, delivery to every subscriber (the
 * publisher's own subscriptions included, as LMS does), asynchronous and as a JSON copy.
 */

export type MessageListener = (message: Record<string, unknown>) => void;

export class FakeMessageBus {
  private readonly channels = new Map<string, Set<MessageListener>>();
  readonly published: { channelName: string; message: Record<string, unknown> }[] = [];

  constructor(private readonly schedule: (task: () => void) => void) {}

  subscribe(channelName: string, listener: MessageListener): () => void {
    let listeners = this.channels.get(channelName);
    if (!listeners) {
      listeners = new Set();
      this.channels.set(channelName, listeners);
    }
    const entry: MessageListener = (message) => listener(message);
    listeners.add(entry);
    return () => {
      listeners.delete(entry);
    };
  }

  publish(channelName: string, message: Record<string, unknown>): void {
    const copy = JSON.parse(JSON.stringify(message)) as Record<string, unknown>;
    this.published.push({ channelName, message: copy });
    const listeners = [...(this.channels.get(channelName) ?? [])];
    for (const listener of listeners) {
      this.schedule(() => {
        try {
          listener(JSON.parse(JSON.stringify(copy)) as Record<string, unknown>);
        } catch (error) {
          console.error(`fake message channel ${channelName}: a subscriber failed`, error);
        }
      });
    }
  }

  subscriberCount(channelName: string): number {
    return this.channels.get(channelName)?.size ?? 0;
  }
}
