/** TabChannel over BroadcastChannel (same origin; the sender does not get its own messages). */
import type { TabChannel } from "../core/tabs/ports";

export function broadcastChannel(
  name: string,
  create: (name: string) => BroadcastChannel = (n) => new BroadcastChannel(n)
): TabChannel | null {
  let channel: BroadcastChannel;
  try {
    channel = create(name);
  } catch {
    return null;
  }
  return {
    post: (message) => channel.postMessage(message),
    onMessage: (listener) => {
      const handler = (event: MessageEvent) => listener(event.data);
      channel.addEventListener("message", handler);
      return () => channel.removeEventListener("message", handler);
    },
    close: () => channel.close()
  };
}

/** Where BroadcastChannel is missing: a channel that reaches no other tab. */
export function loneChannel(): TabChannel {
  return { post: () => undefined, onMessage: () => () => undefined, close: () => undefined };
}
