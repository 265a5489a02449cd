/** Several softphone tabs over fake locks and a fake broadcast hub, sharing storage and a clock. */
import type { Phone } from "../../../phone/phone";
import { apexCrmOf, apexKey } from "../../../host/apex-crm";
import { DemoPhone } from "../../../phone/demo";
import { createSoftphone } from "../../softphone";
import { initialState } from "../../state";
import { MemoryStorage, type KeyValueStorage } from "../../storage";
import { DEMO_SETTINGS } from "../../testing/harness";
import { FakeClock, settle } from "../../testing/fake-clock";
import { loadNumbersNow } from "../../testing/numbers";
import { RecordingHost } from "../../testing/recording-host";
import { createTabs, LEADER_LOCK, type TabsController } from "../coordinator";
import { FakeAttention, FakeBroadcastHub, FakeLockHub } from "./fakes";

export const ADA = {
  id: "003000000000001AAA",
  name: "Ada Lovelace",
  objectType: "Contact",
  phone: "+14155550100"
};

/** A tab's view of the shared storage; a crashed tab's code can no longer reach it. */
class TabStorage implements KeyValueStorage {
  alive = true;
  constructor(private readonly shared: KeyValueStorage) {}
  getItem(key: string): string | null {
    return this.alive ? this.shared.getItem(key) : null;
  }
  setItem(key: string, value: string): void {
    if (this.alive) this.shared.setItem(key, value);
  }
  removeItem(key: string): void {
    if (this.alive) this.shared.removeItem(key);
  }
  keys(): string[] {
    return this.alive ? this.shared.keys() : [];
  }
}

export interface Tab {
  id: string;
  storage: TabStorage;
  host: RecordingHost;
  attention: FakeAttention;
  tabs: TabsController;
  warnings: string[];
  /** Phones this tab created (as leader). */
  phones: Phone[];
}

export interface TabsWorld {
  clock: FakeClock;
  storage: MemoryStorage;
  locks: FakeLockHub;
  hub: FakeBroadcastHub;
  tabs: Tab[];
  open(settings?: Record<string, string>): Tab;
  leader(): Tab;
  followers(): Tab[];
  /** The browser closes a tab: no clean-up code runs (a crash, or the page killed). */
  crash(tab: Tab): void;
  /** The tab closes normally: pagehide disposes, then the browser frees its lock. */
  close(tab: Tab): Promise<void>;
  allPhones(): Phone[];
}

export interface WorldOptions {
  settings?: Record<string, string>;
  matches?: unknown[];
  /** Undefined: the tab gets a DemoPhone. */
  createPhone?: (tab: string) => Phone | undefined;
}

export function createWorld(options: WorldOptions = {}): TabsWorld {
  const clock = new FakeClock();
  const storage = new MemoryStorage();
  const locks = new FakeLockHub();
  const hub = new FakeBroadcastHub();
  const tabs: Tab[] = [];
  let count = 0;
  let calls = 0;
  const world: TabsWorld = {
    clock,
    storage,
    locks,
    hub,
    tabs,
    open(settings = {}) {
      const id = `tab${++count}`;
      const host = new RecordingHost();
      host.settings = { ...DEMO_SETTINGS, ...options.settings, ...settings };
      const matches = options.matches ?? [ADA];
      host.apex.set(apexKey("findCaller"), () => JSON.stringify({ matches }));
      // One org behind every tab: the Task any tab saved for the call, if any.
      host.apex.set(apexKey("findLoggedCall"), (p) => {
        const logs = [host, ...world.tabs.map((t) => t.host)].flatMap((h) => h.savedLogs);
        const log = logs.find((l) => l.fields.CallObject === p.callObject);
        return JSON.stringify({ taskId: log?.recordId ?? null });
      });
      const attention = new FakeAttention();
      const warnings: string[] = [];
      const logger = { warn: (message: string) => warnings.push(message) };
      const phones: Phone[] = [];
      const tabStorage = new TabStorage(storage);
      const tabs = createTabs({
        tabId: id,
        locks: locks.forTab(id),
        channel: hub.channel(id),
        attention,
        host,
        clock,
        logger,
        initialState: initialState(host.kind),
        createStore: (tabHost, tabId) =>
          createSoftphone({
            host: tabHost,
            crm: apexCrmOf(host),
            tabId,
            createPhone: async () => {
              const phone =
                options.createPhone?.(id) ??
                new DemoPhone({
                  scheduler: clock,
                  answerDelayMs: 1000,
                  callerGiveUpMs: 20_000,
                  newId: () => `demo-call-${++calls}`
                });
              phones.push(phone);
              return phone;
            },
            storage: tabStorage,
            sessionStorage: new MemoryStorage(),
            clock,
            logger,
            microphone: async () => "granted",
            random: () => 0,
            loadPhoneNumbers: loadNumbersNow
          })
      });
      const tab: Tab = { id, storage: tabStorage, host, attention, tabs, warnings, phones };
      tabs.start();
      world.tabs.push(tab);
      return tab;
    },
    leader() {
      const holder = locks.holder(LEADER_LOCK);
      const found = tabs.filter((t) => t.tabs.role() === "leader");
      if (found.length !== 1 || found[0].id !== holder)
        throw new Error(`expected one leader holding the lock, got ${found.map((t) => t.id)}`);
      return found[0];
    },
    followers() {
      return tabs.filter((t) => t.tabs.role() === "follower");
    },
    crash(tab) {
      tabs.splice(tabs.indexOf(tab), 1);
      tab.storage.alive = false;
      hub.closeTab(tab.id);
      locks.closeTab(tab.id);
    },
    async close(tab) {
      await tab.tabs.dispose();
      world.crash(tab);
    },
    allPhones() {
      return tabs.flatMap((t) => t.phones);
    }
  };
  return world;
}

/** Lets messages, grants and store start-up run. */
export async function flush(world: TabsWorld, rounds = 4): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await settle(10);
    await world.clock.advance(0);
  }
}
