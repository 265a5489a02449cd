import { STORAGE_CHANNEL_PREFIX, storageChannel } from "./storage-channel";

/** Windows of one origin: a write in one fires "storage" in every other, as browsers do. */
function origin() {
  const data = new Map<string, string>();
  const windows: Array<{ fire(key: string, newValue: string | null): void }> = [];
  const open = () => {
    const listeners = new Set<(e: StorageEvent) => void>();
    const notifyOthers = (key: string, newValue: string | null) => {
      for (const w of windows) if (w !== self) w.fire(key, newValue);
    };
    const localStorage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => {
        data.set(k, v);
        notifyOthers(k, v);
      },
      removeItem: (k: string) => {
        data.delete(k);
        notifyOthers(k, null);
      }
    };
    const self = {
      fire: (key: string, newValue: string | null) => {
        for (const l of [...listeners]) l({ key, newValue } as StorageEvent);
      }
    };
    windows.push(self);
    const win = {
      localStorage,
      addEventListener: (_: string, l: (e: StorageEvent) => void) => listeners.add(l),
      removeEventListener: (_: string, l: (e: StorageEvent) => void) => listeners.delete(l)
    } as unknown as Window;
    return { win, listeners };
  };
  return { data, open };
}

describe("storageChannel (no BroadcastChannel)", () => {
  it("delivers each message to the other tabs, twice when sent twice, never to the sender", () => {
    const o = origin();
    const a = o.open();
    const b = o.open();
    const c = o.open();
    const channelA = storageChannel("tabs", a.win);
    const channelB = storageChannel("tabs", b.win);
    const other = storageChannel("other", c.win);
    if (!channelA || !channelB || !other) throw new Error("no channel");
    const gotA: unknown[] = [];
    const gotB: unknown[] = [];
    const gotOther: unknown[] = [];
    channelA.onMessage((m) => gotA.push(m));
    channelB.onMessage((m) => gotB.push(m));
    other.onMessage((m) => gotOther.push(m));
    channelA.post({ type: "hello" });
    channelA.post({ type: "hello" });
    expect(gotB).toEqual([{ type: "hello" }, { type: "hello" }]);
    expect(gotA).toEqual([]);
    expect(gotOther).toEqual([]);
    // Nothing stays behind in storage.
    expect([...o.data.keys()].filter((k) => k.startsWith(STORAGE_CHANNEL_PREFIX))).toEqual([]);
    channelB.close();
    expect(b.listeners.size).toBe(0);
    channelA.post({ type: "bye" });
    expect(gotB).toHaveLength(2);
  });

  it("is null where storage cannot be reached", () => {
    const win = {
      get localStorage(): Storage {
        throw new Error("SecurityError");
      }
    } as unknown as Window;
    expect(storageChannel("tabs", win)).toBeNull();
  });
});
