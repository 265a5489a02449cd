/**
 * TabChannel over localStorage "storage" events, for browsers without BroadcastChannel (they
 * lack Web Locks too, and the storage lease needs followers that hear the leader). A message
 * is written under one key and removed at once; every other same-origin tab gets the event
 * for the write (the sender gets none, as with BroadcastChannel). Messages travel as JSON.
 */
import type { TabChannel } from "../core/tabs/ports";

export const STORAGE_CHANNEL_PREFIX = "softphone.bus:";

export function storageChannel(name: string, win: Window): TabChannel | null {
  let storage: Storage;
  try {
    storage = win.localStorage;
    if (!storage) return null;
  } catch {
    return null;
  }
  const key = STORAGE_CHANNEL_PREFIX + name;
  let sequence = 0;
  const stops = new Set<() => void>();
  return {
    post: (message) => {
      try {
        // The sequence makes each write a change, so two equal messages both arrive.
        storage.setItem(key, JSON.stringify({ n: ++sequence, r: Math.random(), message }));
        storage.removeItem(key);
      } catch {
        // Storage full or blocked: the message is lost, as a closed channel's would be.
      }
    },
    onMessage: (listener) => {
      const handler = (event: StorageEvent) => {
        if (event.key !== key || event.newValue === null) return;
        try {
          const parsed = JSON.parse(event.newValue) as { message?: unknown };
          listener(parsed.message);
        } catch {
          // Not ours or damaged: the bus drops what it cannot read anyway.
        }
      };
      win.addEventListener("storage", handler);
      const stop = () => win.removeEventListener("storage", handler);
      stops.add(stop);
      return () => {
        stops.delete(stop);
        stop();
      };
    },
    close: () => {
      for (const stop of [...stops]) stop();
      stops.clear();
    }
  };
}
