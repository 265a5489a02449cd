import { DemoPhone } from "../../phone/demo";
import type { CallView, SoftphoneActions, SoftphoneState } from "../model";
import { initialState } from "../state";
import { FakeSipPhone } from "../testing/fake-sip-phone";
import { createTabs, LEADER_LOCK, type LeaderStore } from "./coordinator";
import { FakeBroadcastHub, FakeLockHub } from "./testing/fakes";
import { createWorld, flush } from "./testing/tabs-harness";
import { createSoftphone } from "../softphone";
import { MemoryStorage } from "../storage";
import { DEMO_SETTINGS } from "../testing/harness";
import { FakeClock, settle } from "../testing/fake-clock";
import { RecordingHost } from "../testing/recording-host";

const SIP_SETTINGS = {
  "/softphoneSettings/provider": "sip",
  "/sipSettings/webSocketUrl": "wss://pbx.example.com/ws",
  "/sipSettings/sipDomain": "pbx.example.com"
};

describe("electing without waiting", () => {
  it("a lone tab takes the free lock at once and never starts as a follower", async () => {
    const world = createWorld();
    const tab = world.open();
    await flush(world);
    expect(world.leader()).toBe(tab);
    expect(world.locks.tryRequests).toEqual([tab.id]);
    expect(world.locks.waiting(LEADER_LOCK)).toEqual([]);
    // One set of host listeners and one message-channel subscription: the leader's own.
    expect(tab.host.callsTo("subscribe")).toHaveLength(1);
    expect(tab.host.callsTo("onClickToDial")).toHaveLength(1);
    expect(tab.host.callsTo("onNavigationChange")).toHaveLength(1);
    expect(tab.host.callsTo("getCallCenterSettings")).toHaveLength(1);
    expect(tab.host.callsTo("notifyInitializationComplete")).toHaveLength(1);
    // The page starts with click-to-dial off: no "off" round trip before the first "on".
    expect(tab.host.callsTo("disableClickToDial")).toHaveLength(0);
    expect(tab.host.callsTo("enableClickToDial")).toHaveLength(1);
  });

  it("a follower whose page has click-to-dial on turns it off when it leads a phone not ready", async () => {
    const world = createWorld({
      settings: SIP_SETTINGS,
      createPhone: (tab) => (tab === "tab1" ? undefined : new FakeSipPhone("pw"))
    });
    const first = world.open({ "/softphoneSettings/provider": "demo" });
    await flush(world);
    const second = world.open();
    await flush(world);
    expect(second.host.callsTo("enableClickToDial")).toHaveLength(1);
    // The new leader's SIP phone waits for a sign-in: click-to-dial must go off in its page.
    await world.close(first);
    await flush(world);
    expect(world.leader()).toBe(second);
    expect(second.tabs.getState().needsSignIn).toBe(true);
    expect(second.host.callsTo("disableClickToDial")).toHaveLength(1);
  });

  it("a second tab finds the lock taken, follows and queues behind the leader", async () => {
    const world = createWorld();
    const first = world.open();
    await flush(world);
    const second = world.open();
    await flush(world);
    expect(second.tabs.role()).toBe("follower");
    expect(world.locks.waiting(LEADER_LOCK)).toEqual([second.id]);
    // The follower forwards its page's channel commands: it subscribes once. It read the
    // settings beside its lock request, and reads them afresh when it leads, later.
    expect(second.host.callsTo("subscribe")).toHaveLength(1);
    expect(second.host.callsTo("getCallCenterSettings")).toHaveLength(1);
    expect(second.tabs.getState().registration).toBe("registered");
    await world.close(first);
    await flush(world);
    expect(world.leader()).toBe(second);
    expect(second.phones[0]).toBeInstanceOf(DemoPhone);
    expect(second.host.callsTo("getCallCenterSettings")).toHaveLength(2);
  });

  it("reads the settings while the lock manager answers, and the store uses that one read", async () => {
    const hub = new FakeLockHub();
    const locks = hub.forTab("t1");
    let answer!: () => void;
    const gate = new Promise<void>((resolve) => (answer = resolve));
    const host = new RecordingHost();
    host.settings = { ...DEMO_SETTINGS };
    const clock = new FakeClock();
    const tabs = createTabs({
      tabId: "t1",
      locks: {
        acquire: locks.acquire,
        tryAcquire: (name) => gate.then(() => locks.tryAcquire(name))
      },
      channel: new FakeBroadcastHub().channel("t1"),
      attention: null,
      host,
      clock,
      initialState: initialState(host.kind),
      createStore: (tabHost, tabId) =>
        createSoftphone({
          host: tabHost,
          crm: null,
          tabId,
          createPhone: async () => new DemoPhone({ scheduler: clock }),
          storage: new MemoryStorage(),
          clock,
          microphone: async () => "granted"
        })
    });
    tabs.start();
    expect(host.callsTo("getCallCenterSettings")).toHaveLength(1);
    expect(tabs.role()).toBe("follower");
    answer();
    await settle(10);
    expect(tabs.role()).toBe("leader");
    expect(tabs.getState()).toMatchObject({ settingsLoaded: true, registration: "registered" });
    expect(host.callsTo("getCallCenterSettings")).toHaveLength(1);
    expect(host.callsTo("notifyInitializationComplete")).toHaveLength(1);
    await tabs.dispose();
  });

  it("a host that throws on reading the settings: the tab still leads and shows why", async () => {
    const world = createWorld();
    const read = jest
      .spyOn(RecordingHost.prototype, "getCallCenterSettings")
      .mockImplementation(() => {
        throw new Error("no getCallCenterSettings here");
      });
    const tab = world.open();
    await flush(world);
    read.mockRestore();
    expect(world.leader()).toBe(tab);
    expect(
      tab.tabs
        .getState()
        .errors.map((e) => e.message)
        .join(" ")
    ).toContain("no getCallCenterSettings here");
  });

  it("a tab closed before the lock manager answers gives the lock back", async () => {
    const world = createWorld();
    const tab = world.open();
    await tab.tabs.dispose();
    await flush(world);
    expect(world.locks.holder(LEADER_LOCK)).toBeNull();
    expect(tab.phones).toHaveLength(0);
  });
});

describe("a leader whose lock was taken", () => {
  it("queues again: it leads once the tab that took the phone closes", async () => {
    const world = createWorld({
      settings: SIP_SETTINGS,
      createPhone: () => new FakeSipPhone("pw")
    });
    const first = world.open();
    const second = world.open();
    await flush(world);
    expect(world.leader()).toBe(first);
    await second.tabs.actions.signIn({ username: "1001", password: "pw" });
    await flush(world);
    expect(world.leader()).toBe(second);
    expect(world.locks.waiting(LEADER_LOCK)).toEqual([first.id]);
    await world.close(second);
    await flush(world);
    expect(world.leader()).toBe(first);
  });
});

describe("warning before a leader tab closes", () => {
  const call = (id: string): CallView => ({
    id,
    direction: "inbound",
    displayNumber: "(415) 555-0100",
    number: "+14155550100",
    state: "ringing",
    muted: false,
    startedAt: 0,
    matchStatus: "none",
    matches: [],
    notes: ""
  });

  function leaderWith(state: SoftphoneState) {
    const store: LeaderStore = {
      getState: () => state,
      subscribe: () => () => undefined,
      actions: {} as SoftphoneActions,
      start: async () => undefined,
      dispose: async () => undefined
    };
    const locks = new FakeLockHub();
    const tabs = createTabs({
      tabId: "t1",
      locks: locks.forTab("t1"),
      channel: new FakeBroadcastHub().channel("t1"),
      attention: null,
      host: null,
      initialState: initialState("none"),
      createStore: () => store
    });
    tabs.start();
    return tabs;
  }

  it("warns for a call waiting alone (the active call just ended), as for an active call", async () => {
    const idle = leaderWith(initialState("lightning"));
    const waiting = leaderWith({ ...initialState("lightning"), waitingCall: call("w") });
    const active = leaderWith({ ...initialState("lightning"), call: call("a") });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(idle.role()).toBe("leader");
    expect(idle.shouldWarnBeforeUnload()).toBe(false);
    expect(waiting.shouldWarnBeforeUnload()).toBe(true);
    expect(active.shouldWarnBeforeUnload()).toBe(true);
  });
});
