/**
 * KeyValueStorage over the browser's Web Storage. Storage can be blocked (third-party iframe
 * settings) or full: then the softphone keeps working on memory and says so in diagnostics.
 */
import { MemoryStorage, type KeyValueStorage } from "../core/storage";

export interface WebStorageResult {
  storage: KeyValueStorage;
  /** False when the browser refused storage and memory is used instead. */
  durable: boolean;
}

function probe(storage: Storage): boolean {
  const key = "softphone.probe";
  storage.setItem(key, "1");
  storage.removeItem(key);
  return true;
}

export function webStorage(get: () => Storage | null | undefined): WebStorageResult {
  let storage: Storage | null | undefined;
  try {
    storage = get();
    if (!storage || !probe(storage)) throw new Error("no storage");
  } catch {
    return { storage: new MemoryStorage(), durable: false };
  }
  const web = storage;
  return {
    durable: true,
    storage: {
      getItem: (key) => web.getItem(key),
      setItem: (key, value) => web.setItem(key, value),
      removeItem: (key) => web.removeItem(key),
      keys: () => {
        const keys: string[] = [];
        for (let i = 0; i < web.length; i++) {
          const key = web.key(i);
          if (key !== null) keys.push(key);
        }
        return keys;
      }
    }
  };
}
