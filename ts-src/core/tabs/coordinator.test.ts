import { DemoPhone } from "../../phone/demo";
import { ENTRY_PREFIX } from "../after-call/outbox";
import { FakeSipPhone } from "../testing/fake-sip-phone";
import { JOURNAL_PREFIX } from "../after-call/journal";
import { REPLY_TIMEOUT_MS } from "./mirror-store";
import { asAgent } from "../testing/recording-host";
import { ACK_GRACE_MS, ACK_TIMEOUT_MS } from "./pop-router";
import { ADA, createWorld, flush, type Tab, type TabsWorld } from "./testing/tabs-harness";

async function threeTabs(world: TabsWorld): Promise<Tab[]> {
  const tabs = [world.open(), world.open(), world.open()];
  await flush(world);
  return tabs;
}

function demoPhone(tab: Tab): DemoPhone {
  const phone = tab.phones.at(-1);
  if (!(phone instanceof DemoPhone)) throw new Error(`${tab.id} has no demo phone`);
  return phone;
}

const saved = (world: TabsWorld, crashed: Tab[] = []) =>
  [...world.tabs, ...crashed].flatMap((t) => t.host.savedLogs);

describe("leader election", () => {
  it("three tabs: one leader creates the one phone; the others mirror its state", async () => {
    const world = createWorld();
    const tabs = await threeTabs(world);
    const leader = world.leader();
    expect(leader).toBe(tabs[0]);
    expect(world.allPhones()).toHaveLength(1);
    for (const tab of tabs) {
      expect(tab.tabs.getState()).toMatchObject({
        registration: "registered",
        agent: "ready",
        phoneKind: "demo"
      });
    }
    // Every tab's utility item is initialized and offers click-to-dial, once.
    for (const tab of tabs) {
      expect(tab.host.callsTo("notifyInitializationComplete")).toHaveLength(1);
      expect(tab.host.callsTo("enableClickToDial")).toHaveLength(1);
    }
  });

  it("a tab opened later gets the state and the utility item of the others", async () => {
    const world = createWorld();
    await threeTabs(world);
    await world.leader().tabs.actions.setReady(false);
    await flush(world);
    const late = world.open();
    await flush(world);
    expect(late.tabs.role()).toBe("follower");
    expect(late.tabs.getState()).toMatchObject({ agent: "offline", notReady: true });
    expect(late.host.callsTo("notifyInitializationComplete")).toHaveLength(1);
    expect(late.host.callsTo("disableClickToDial")).toHaveLength(1);
  });

  it("closing the idle leader hands the phone to a follower at once", async () => {
    const world = createWorld();
    const [first, second, third] = await threeTabs(world);
    await world.close(first);
    await flush(world);
    expect(world.leader()).toBe(second);
    expect(second.phones).toHaveLength(1);
    expect(first.phones[0]).toBeDefined();
    expect(third.tabs.getState()).toMatchObject({ registration: "registered", agent: "ready" });
    expect(second.tabs.getState().registration).toBe("registered");
  });

  it("a leader that crashes idle is replaced as well (the browser frees its lock)", async () => {
    const world = createWorld();
    const [first, second] = await threeTabs(world);
    const start = world.clock.now();
    world.crash(first);
    await flush(world);
    expect(world.leader()).toBe(second);
    expect(second.tabs.getState().registration).toBe("registered");
    expect(world.clock.now() - start).toBeLessThan(3_000);
  });

  it("closing a follower changes nothing for the others", async () => {
    const world = createWorld();
    const [first, second, third] = await threeTabs(world);
    await demoPhone(first).simulateIncoming("+14155550100");
    await flush(world);
    await third.tabs.actions.answer();
    await world.clock.advance(1000);
    await flush(world);
    await world.close(second);
    await flush(world);
    expect(world.leader()).toBe(first);
    expect(third.tabs.getState().call?.state).toBe("connected");
    expect(first.tabs.getState().call?.state).toBe("connected");
  });
});

describe("commands and mirrored state", () => {
  it("an inbound call shows in every tab, is answered, held, noted and saved from followers", async () => {
    const world = createWorld({ settings: { "/softphoneSettings/wrapUpSeconds": "" } });
    const [leader, second, third] = await threeTabs(world);
    await demoPhone(leader).simulateIncoming("+14155550100");
    await flush(world);
    for (const tab of [leader, second, third]) {
      expect(tab.tabs.getState().call).toMatchObject({ state: "ringing", callerName: ADA.name });
    }
    await second.tabs.actions.answer();
    await world.clock.advance(1000);
    await flush(world);
    expect(third.tabs.getState().call?.state).toBe("connected");
    await third.tabs.actions.hold(true);
    await flush(world);
    expect(second.tabs.getState().call?.state).toBe("held");
    await third.tabs.actions.hold(false);
    await third.tabs.actions.mute(true);
    await third.tabs.actions.sendDigits("12#");
    await flush(world);
    expect(leader.tabs.getState().call).toMatchObject({ state: "connected", muted: true });
    await second.tabs.actions.hangup();
    await flush(world);
    expect(third.tabs.getState().call?.state).toBe("wrapup");
    expect(leader.tabs.shouldWarnBeforeUnload()).toBe(true);
    third.tabs.actions.setNotes("Wants a callback <b>Friday</b>");
    third.tabs.actions.setDisposition("Left voicemail");
    await flush(world);
    expect(leader.tabs.getState().call).toMatchObject({
      notes: "Wants a callback <b>Friday</b>",
      disposition: "Left voicemail"
    });
    await third.tabs.actions.saveWrapUp();
    await flush(world);
    expect(saved(world)).toHaveLength(1);
    expect(leader.host.savedLogs[0].fields).toMatchObject({
      Description: "Wants a callback <b>Friday</b>",
      CallDisposition: "Left voicemail"
    });
    expect(second.tabs.getState()).toMatchObject({ call: null, agent: "ready" });
    expect(leader.tabs.shouldWarnBeforeUnload()).toBe(false);
    expect(world.storage.keys().filter((k) => k.startsWith(JOURNAL_PREFIX))).toEqual([]);
  });

  it("dials from a follower and from click-to-dial in a follower", async () => {
    const world = createWorld();
    const [leader, second] = await threeTabs(world);
    await second.tabs.actions.dial("415 555 0100");
    await flush(world);
    expect(leader.tabs.getState().call).toMatchObject({ direction: "outbound", state: "dialing" });
    await second.tabs.actions.hangup();
    await flush(world);
    await second.tabs.actions.saveWrapUp();
    await flush(world);
    second.host.clickToDialFrom({
      number: "4155550100",
      recordId: ADA.id,
      recordName: ADA.name,
      objectType: "Contact"
    });
    await flush(world);
    expect(leader.tabs.getState().call).toMatchObject({
      direction: "outbound",
      caller: { id: ADA.id, name: ADA.name }
    });
  });

  it("replies settle a follower's promise; what the leader refuses shows in every tab", async () => {
    const world = createWorld();
    const [leader, second, third] = await threeTabs(world);
    await expect(second.tabs.actions.setReady(false)).resolves.toBeUndefined();
    await flush(world);
    expect(leader.tabs.getState().agent).toBe("offline");
    await second.tabs.actions.setReady(true);
    await second.tabs.actions.dial("call mom");
    await flush(world);
    expect(third.tabs.getState().notice).toBeDefined();
    expect(third.tabs.getState().notice).toBe(leader.tabs.getState().notice);
    expect(leader.tabs.getState().call).toBeNull();
    await expect(second.tabs.actions.sendDigits("x")).resolves.toBeUndefined();
    expect(second.tabs.getState().notice).toContain("could not send");
  });

  it("an action nobody answers ends in a notice in that tab after a timeout", async () => {
    const world = createWorld();
    const [leader, second, third] = await threeTabs(world);
    world.hub.closeTab(leader.id);
    const pending = second.tabs.actions.answer();
    await world.clock.advance(REPLY_TIMEOUT_MS);
    await expect(pending).resolves.toBeUndefined();
    expect(second.tabs.getState().notice).toContain("did not answer");
    expect(third.tabs.getState().notice).toBeUndefined();
    second.tabs.actions.dismissNotice();
    expect(second.tabs.getState().notice).toBeUndefined();
  });
});

describe("a leader that vanishes mid-call", () => {
  it("the next leader logs the open call once, from the journal, with the agent's notes", async () => {
    const world = createWorld();
    const [first, second, third] = await threeTabs(world);
    await demoPhone(first).simulateIncoming("+14155550100");
    await flush(world);
    await second.tabs.actions.answer();
    await world.clock.advance(1000);
    second.tabs.actions.setNotes("Asked about the invoice");
    await flush(world);
    await world.clock.advance(12_000);
    const callId = first.tabs.getState().call?.id as string;
    expect(asAgent(world.storage).getItem(JOURNAL_PREFIX + callId)).not.toBeNull();

    world.crash(first);
    await flush(world);
    expect(world.leader()).toBe(second);
    await flush(world);
    const logs = saved(world, [first]);
    expect(logs).toHaveLength(1);
    expect(logs[0].fields).toMatchObject({
      CallObject: callId,
      CallType: "Inbound",
      CallDisposition: "Connected",
      WhoId: ADA.id
    });
    expect(String(logs[0].fields.Description)).toContain("Asked about the invoice");
    // Ended when the dead leader was last seen: its heartbeat, at most 5 s before it closed.
    expect(Number(logs[0].fields.CallDurationInSeconds)).toBeGreaterThanOrEqual(7);
    expect(world.storage.getItem(JOURNAL_PREFIX + callId)).toBeNull();
    expect(second.tabs.getState().recentCalls[0]).toMatchObject({ id: callId });

    // Another hand-over finds nothing left to log.
    await world.close(second);
    await flush(world);
    expect(world.leader()).toBe(third);
    await flush(world);
    expect(saved(world, [first, second])).toHaveLength(1);
  });

  it("a log the dead leader could not send yet is sent once by the next leader", async () => {
    const world = createWorld({ settings: { "/softphoneSettings/wrapUpSeconds": "0" } });
    const [first, second] = await threeTabs(world);
    first.host.saveLogOutcomes.push(new Error("offline"));
    await second.tabs.actions.dial("4155550100");
    await world.clock.advance(1500);
    await second.tabs.actions.hangup();
    await flush(world);
    expect(
      asAgent(world.storage)
        .keys()
        .filter((k) => k.startsWith(ENTRY_PREFIX))
    ).toHaveLength(1);
    world.crash(first);
    await flush(world);
    await world.clock.advance(1_000);
    expect(saved(world, [first])).toHaveLength(1);
  });

  it("a leader never gives the phone away during a call, and warns before its tab closes", async () => {
    const world = createWorld();
    const [first, second] = await threeTabs(world);
    await second.tabs.actions.dial("4155550100");
    await flush(world);
    expect(first.tabs.shouldWarnBeforeUnload()).toBe(true);
    expect(second.tabs.shouldWarnBeforeUnload()).toBe(false);
    await second.tabs.actions.signIn({ username: "1001", password: "pw" });
    expect(second.tabs.getState().notice).toBe("The phone is not waiting for a sign-in.");
    expect(world.leader()).toBe(first);
  });
});

describe("screen pops", () => {
  it("pop once, in the tab the agent is looking at", async () => {
    const world = createWorld();
    const [leader, second, third] = await threeTabs(world);
    second.attention.set(true, false);
    third.attention.set(true, true);
    await flush(world);
    await demoPhone(leader).simulateIncoming("+14155550100");
    await flush(world);
    const pops = (t: Tab) => t.host.callsTo("screenPop");
    expect(pops(third)).toEqual([[{ type: "sobject", recordId: ADA.id }, undefined]]);
    expect(pops(leader)).toHaveLength(0);
    expect(pops(second)).toHaveLength(0);
    expect(third.host.callsTo("setPanelVisible")).toEqual([[true]]);
    // The pop navigated the agent's tab: the leader's store knows the page.
    expect(leader.tabs.getState().page?.recordId).toBe(ADA.id);
  });

  it("among tabs that all look focused, the one the agent used last gets the pop", async () => {
    const world = createWorld({ settings: { "/softphoneSettings/wrapUpSeconds": "0" } });
    const [leader, second, third] = await threeTabs(world);
    second.attention.set(true, true);
    await world.clock.advance(1000);
    third.attention.set(true, true);
    await world.clock.advance(1000);
    // A click in the second tab (focus did not change): the agent is back there.
    second.attention.set(true, true);
    await flush(world);
    await demoPhone(leader).simulateIncoming("+14155550100");
    await flush(world);
    expect(second.host.callsTo("screenPop")).toHaveLength(1);
    expect([...leader.host.callsTo("screenPop"), ...third.host.callsTo("screenPop")]).toEqual([]);
  });

  it("falls back to the leader when the focused tab does not acknowledge, still once", async () => {
    const world = createWorld();
    const [leader, second] = await threeTabs(world);
    second.attention.set(true, true);
    await flush(world);
    world.hub.closeTab(second.id);
    await demoPhone(leader).simulateIncoming("+14155550100");
    await flush(world);
    expect(leader.host.callsTo("screenPop")).toHaveLength(0);
    await world.clock.advance(ACK_TIMEOUT_MS + ACK_GRACE_MS);
    await flush(world);
    expect(leader.host.callsTo("screenPop")).toHaveLength(1);
    expect(second.host.callsTo("screenPop")).toHaveLength(0);
  });

  it("pops in the leader when no tab has the agent's attention", async () => {
    const world = createWorld();
    const [leader, second, third] = await threeTabs(world);
    await demoPhone(leader).simulateIncoming("+14155550100");
    await flush(world);
    expect(leader.host.callsTo("screenPop")).toHaveLength(1);
    expect([...second.host.callsTo("screenPop"), ...third.host.callsTo("screenPop")]).toEqual([]);
  });
});

describe("messages between tabs", () => {
  it("ignores malformed and foreign messages with one warning each", async () => {
    const world = createWorld();
    const [leader, second] = await threeTabs(world);
    const before = second.tabs.getState();
    world.hub.inject("hello");
    world.hub.inject({ app: "softphone-tabs", from: "x", type: "state", state: { agent: "root" } });
    world.hub.inject({
      app: "softphone-tabs",
      from: "x",
      type: "action",
      id: "1",
      name: "signIn",
      args: []
    });
    world.hub.inject({ app: "softphone-tabs", from: "x", type: "nope" });
    await flush(world);
    expect(second.tabs.getState()).toBe(before);
    expect(second.warnings.filter((w) => w.includes("ignored a message"))).toHaveLength(4);
    expect(leader.warnings.filter((w) => w.includes("ignored a message"))).toHaveLength(4);
    expect(world.leader()).toBe(leader);
  });

  it("a sign-in typed in a follower never leaves it: that tab takes the phone and signs in", async () => {
    const sipSettings = {
      "/softphoneSettings/provider": "sip",
      "/sipSettings/webSocketUrl": "wss://pbx.example.com/ws",
      "/sipSettings/sipDomain": "pbx.example.com"
    };
    const world = createWorld({
      settings: sipSettings,
      createPhone: () => new FakeSipPhone("s3cret-Pa55")
    });
    const [first, second, third] = await threeTabs(world);
    expect(third.tabs.getState()).toMatchObject({ needsSignIn: true, phoneKind: "sip" });
    await second.tabs.actions.signIn({ username: "1001", password: "s3cret-Pa55" });
    await flush(world);
    expect(world.leader()).toBe(second);
    expect(first.tabs.role()).toBe("follower");
    for (const tab of [first, second, third]) {
      expect(tab.tabs.getState()).toMatchObject({ registration: "registered", needsSignIn: false });
    }
    // The old leader follows again: it applies what the new leader shows in every tab.
    expect(first.host.callsTo("notifyInitializationComplete")).toHaveLength(1);
    first.attention.set(true, true);
    await flush(world);
    (second.phones[0] as FakeSipPhone).emit({
      type: "incoming",
      call: {
        id: "sip-1",
        direction: "inbound",
        remoteNumber: "+14155550100",
        state: "ringing",
        muted: false
      }
    });
    await flush(world);
    expect(first.host.callsTo("screenPop")).toHaveLength(1);
    expect(second.host.callsTo("screenPop")).toHaveLength(0);
    const registered = world.allPhones().filter((p) => (p as FakeSipPhone).registrations.length);
    expect(registered).toEqual([second.phones[0]]);
    const traffic = JSON.stringify(world.hub.posted);
    expect(traffic).not.toContain("s3cret-Pa55");
    expect(traffic).not.toContain("password");
    // The old leader queued again: it takes over when the new one closes.
    await world.close(second);
    await flush(world);
    expect([first, third]).toContain(world.leader());
  });

  it("forwards message-channel commands from a follower's page to the leader", async () => {
    const world = createWorld();
    const [leader, second] = await threeTabs(world);
    second.host.deliver({ source: "recordPage", type: "dial", payload: { number: "4155550100" } });
    await flush(world);
    expect(leader.tabs.getState().call?.direction).toBe("outbound");
    const published = second.host.published as Array<{ payload?: { call?: unknown } }>;
    expect(published.at(-1)?.payload?.call).toMatchObject({ direction: "outbound" });
  });
});
