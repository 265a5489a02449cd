import { settle } from "../testing/fake-clock";
import { MemoryStorage } from "../storage";
import { CHANNEL_NAME } from "../channel";
import { from, makeOrg, softphoneIn } from "./world";

const lastPop = (org: ReturnType<typeof makeOrg>) => org.screenPops.at(-1);

describe("start-up in Lightning", () => {
  it("initialises once, with click-to-dial on, when the demo phone is ready", async () => {
    const org = makeOrg();
    const t = await softphoneIn(org);
    expect(org.initialized).toBe(true);
    expect(org.clickToDialEnabled).toBe(true);
    expect(org.callsTo("notifyInitializationComplete")).toHaveLength(1);
    expect(org.listenerCount("clickToDial")).toBe(1);
    expect(org.listenerCount("navigation")).toBe(1);
    expect(org.messageBus.subscriberCount(CHANNEL_NAME)).toBe(1);
    expect(t.store.getState()).toMatchObject({
      host: "lightning",
      agent: "ready",
      registration: "registered"
    });
  });

  it("shows a setup message for bad settings and never initialises (so a standby URL takes over)", async () => {
    const org = makeOrg({
      "/softphoneSettings/wrapUpSeconds": "soon",
      "/softphoneSettings/defaultCountry": "Narnia"
    });
    const t = await softphoneIn(org);
    expect(t.store.getState().setupProblems.map((p) => [p.item, p.value])).toEqual([
      ["/softphoneSettings/defaultCountry", "Narnia"],
      ["/softphoneSettings/wrapUpSeconds", "soon"]
    ]);
    expect(org.initialized).toBe(false);
    expect(org.clickToDialEnabled).toBe(false);
  });
});

describe("inbound calls", () => {
  it("pops a known caller, logs the Task against them and refreshes the view", async () => {
    const org = makeOrg();
    const account = org.addAccount({ Name: "Acme" });
    const ada = org.addContact({
      FirstName: "Ada",
      LastName: "Lovelace",
      Phone: "(415) 555-0100",
      AccountId: account.Id
    });
    const kase = org.addCase({ Subject: "Refund", ContactId: ada.Id });
    org.changePanel({ visible: false });
    const t = await softphoneIn(org);

    await t.store.actions.simulateIncomingCall("+14155550100");
    await settle();
    expect(org.panel).toMatchObject({
      visible: true,
      itemLabel: "Incoming: Ada Lovelace",
      itemIcon: "incoming_call"
    });
    expect(org.screenPops).toEqual([
      { api: "lightning", type: "sobject", params: { recordId: ada.Id } }
    ]);
    expect(t.store.getState().call).toMatchObject({
      matchStatus: "one",
      callerName: "Ada Lovelace",
      caller: { id: ada.Id }
    });

    await t.store.actions.answer();
    await settle();
    expect(org.panel.itemLabel).toBe("On call: Ada Lovelace");
    org.fireNavigationChange({ recordId: kase.Id });
    await settle();
    expect(t.store.getState().call?.relatedTo).toMatchObject({ id: kase.Id, objectType: "Case" });
    t.store.actions.setNotes("Refund approved <b>today</b>");
    await t.clock.advance(42_000);
    await t.store.actions.hangup();
    t.store.actions.setDisposition("Connected");
    await t.store.actions.saveWrapUp();
    await settle();

    expect(org.tasks).toHaveLength(1);
    expect(org.tasks[0].fields).toMatchObject({
      Subject: "Inbound call from Ada Lovelace",
      TaskSubtype: "Call",
      Type: "Call",
      Status: "Completed",
      CallType: "Inbound",
      CallDurationInSeconds: 42,
      CallObject: t.store.getState().recentCalls[0].id,
      CallDisposition: "Connected",
      Description: "Refund approved <b>today</b>",
      WhoId: ada.Id,
      WhatId: kase.Id
    });
    expect(org.refreshes).toEqual([{ api: "lightning", method: "refreshView" }]);
    expect(org.screenPops).toHaveLength(1);
    expect(org.panel.itemLabel).toBe("Phone");
  });

  it("lets the agent choose among several matches and pops only the chosen one", async () => {
    const org = makeOrg();
    const a = org.addContact({ FirstName: "Ada", LastName: "One", Phone: "415-555-0100" });
    const b = org.addLead({
      FirstName: "Ada",
      LastName: "Two",
      Company: "Beta",
      Phone: "+1 415 555 0100"
    });
    const t = await softphoneIn(org);
    await t.store.actions.simulateIncomingCall("+14155550100");
    await settle();
    const call = t.store.getState().call;
    expect(call?.matchStatus).toBe("several");
    expect(call?.matches.map((m) => m.id).sort()).toEqual([a.Id, b.Id].sort());
    expect(org.screenPops).toEqual([]);
    await t.store.actions.chooseMatch(b.Id);
    await settle();
    expect(org.screenPops).toEqual([
      { api: "lightning", type: "sobject", params: { recordId: b.Id } }
    ]);
    await t.store.actions.answer();
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await settle();
    expect(org.tasks[0].fields).toMatchObject({ WhoId: b.Id });
    expect(org.tasks[0].fields.WhatId).toBeUndefined();
  });

  it.each([
    [
      "newContact",
      {
        type: "newRecord",
        params: { entityName: "Contact", defaultFieldValues: { Phone: "(415) 555-0199" } }
      }
    ],
    [
      "newLead",
      {
        type: "newRecord",
        params: { entityName: "Lead", defaultFieldValues: { Phone: "(415) 555-0199" } }
      }
    ],
    ["search", { type: "search", params: { searchString: "(415) 555-0199" } }],
    [
      "flow:Unknown_Caller",
      {
        type: "flow",
        params: {
          flowDevName: "Unknown_Caller",
          flowArgs: [{ name: "phoneNumber", type: "String", value: "+14155550199" }]
        }
      }
    ]
  ])("handles an unknown caller with noMatchPop %s", async (noMatchPop, pop) => {
    const org = makeOrg({ "/softphoneSettings/noMatchPop": noMatchPop });
    const t = await softphoneIn(org);
    await t.store.actions.simulateIncomingCall("4155550199");
    await settle();
    expect(t.store.getState().call?.matchStatus).toBe("none");
    expect(org.screenPops).toHaveLength(1);
    expect(lastPop(org)).toMatchObject(pop);
  });

  it("pops nothing for an unknown caller with noMatchPop none, and still logs", async () => {
    const org = makeOrg({
      "/softphoneSettings/noMatchPop": "none",
      "/softphoneSettings/wrapUpSeconds": "0"
    });
    const t = await softphoneIn(org);
    await t.store.actions.simulateIncomingCall("4155550199");
    await t.store.actions.answer();
    await t.store.actions.hangup();
    await settle();
    expect(org.screenPops).toEqual([]);
    expect(org.tasks[0].fields).toMatchObject({
      Subject: "Inbound call from (415) 555-0199",
      CallType: "Inbound"
    });
    expect(org.tasks[0].fields.WhoId).toBeUndefined();
  });

  it("uses the softphone layout's searchAndScreenPop in layout mode", async () => {
    const org = makeOrg({ "/softphoneSettings/screenPop": "layout" });
    const ada = org.addContact({ FirstName: "Ada", LastName: "Lovelace", Phone: "4155550100" });
    const t = await softphoneIn(org);
    await t.store.actions.simulateIncomingCall("+14155550100");
    await settle();
    expect(org.callsTo("searchAndScreenPop")).toHaveLength(1);
    expect(t.store.getState().call).toMatchObject({ matchStatus: "one", caller: { id: ada.Id } });
    expect(org.screenPops.length).toBeLessThanOrEqual(1);
  });

  it("logs missed and declined calls with zero duration", async () => {
    const org = makeOrg();
    const ada = org.addContact({ FirstName: "Ada", LastName: "Lovelace", Phone: "4155550100" });
    const t = await softphoneIn(org);
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.clock.advance(20_000);
    await t.store.actions.simulateIncomingCall("+14155550177");
    await t.store.actions.decline();
    await settle();
    expect(org.tasks.map((task) => task.fields)).toEqual([
      expect.objectContaining({
        CallDurationInSeconds: 0,
        CallDisposition: "No answer",
        WhoId: ada.Id,
        Description: expect.stringContaining("Missed")
      }),
      expect.objectContaining({
        CallDurationInSeconds: 0,
        Description: "Declined by the agent.",
        Subject: "Inbound call from (415) 555-0177"
      })
    ]);
    expect(t.store.getState()).toMatchObject({ agent: "ready", call: null });
    expect(t.store.getState().recentCalls.map((c) => c.missed)).toEqual([true, true]);
  });
});

describe("outbound calls", () => {
  it("dials from click-to-dial, relates the clicked record and does not pop", async () => {
    const org = makeOrg();
    const acme = org.addAccount({ Name: "Acme", Phone: "4155550123" });
    const t = await softphoneIn(org);
    org.fireNavigationChange({ recordId: acme.Id });
    expect(org.fireClickToDial({ number: "(415) 555-0123", recordId: acme.Id })).toBe(true);
    await settle();
    expect(t.store.getState().call).toMatchObject({
      direction: "outbound",
      state: "dialing",
      relatedTo: { id: acme.Id, name: "Acme" }
    });
    expect(org.clickToDialEnabled).toBe(false);
    await t.clock.advance(1000);
    expect(t.store.getState().call?.state).toBe("connected");
    await t.clock.advance(30_000);
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await settle();
    expect(org.screenPops).toEqual([]);
    expect(org.tasks[0].fields).toMatchObject({
      Subject: "Outbound call to Acme",
      CallType: "Outbound",
      CallDurationInSeconds: 30,
      WhatId: acme.Id
    });
    expect(org.clickToDialEnabled).toBe(true);
  });

  it("names the callee of a keypad call from the one matching record, without a pop", async () => {
    const org = makeOrg({ "/softphoneSettings/wrapUpSeconds": "0" });
    const ada = org.addContact({ FirstName: "Ada", LastName: "Lovelace", Phone: "4155550100" });
    org.addContact({ FirstName: "Twin", LastName: "One", Phone: "4155550111" });
    org.addContact({ FirstName: "Twin", LastName: "Two", Phone: "4155550111" });
    const t = await softphoneIn(org);
    await t.store.actions.dial("415 555 0100");
    await settle();
    expect(t.store.getState().call).toMatchObject({
      callerName: "Ada Lovelace",
      caller: { id: ada.Id }
    });
    await t.store.actions.hangup();
    await settle();
    expect(org.tasks[0].fields).toMatchObject({
      WhoId: ada.Id,
      Subject: "Outbound call to Ada Lovelace"
    });
    await t.store.actions.dial("415 555 0111");
    await settle();
    expect(t.store.getState().call?.caller).toBeUndefined();
    expect(org.screenPops).toEqual([]);
  });

  it("uses the person contact of a person account as WhoId", async () => {
    const org = makeOrg();
    const { account, contact } = org.addPersonAccount({
      FirstName: "Pat",
      LastName: "Person",
      Phone: "4155550144"
    });
    const t = await softphoneIn(org);
    org.fireClickToDial({ number: "4155550144", recordId: account.Id });
    await settle();
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await settle();
    expect(org.tasks[0].fields).toMatchObject({
      WhoId: contact.Id,
      WhatId: account.Id,
      Subject: "Outbound call to Pat Person"
    });
  });

  it("pops the record of a dial from elsewhere unless the agent is on it", async () => {
    const org = makeOrg({ "/softphoneSettings/wrapUpSeconds": "0" });
    const ada = org.addContact({ FirstName: "Ada", LastName: "Lovelace", Phone: "4155550100" });
    const t = await softphoneIn(org);
    await t.store.actions.dial("4155550100", ada.Id);
    await settle();
    expect(org.screenPops).toEqual([
      { api: "lightning", type: "sobject", params: { recordId: ada.Id } }
    ]);
    await t.store.actions.hangup();
    await settle();
    await t.store.actions.dial("4155550100", ada.Id);
    await settle();
    expect(org.screenPops).toHaveLength(1);
  });

  it("refuses an invalid number with a message and stays ready", async () => {
    const org = makeOrg();
    const t = await softphoneIn(org);
    await t.store.actions.dial("415 555 01");
    expect(t.store.getState()).toMatchObject({
      agent: "ready",
      call: null,
      notice: expect.stringContaining("not a valid phone number")
    });
  });
});

describe("during a call", () => {
  it("holds, mutes, sends DTMF and transfers to a directory entry", async () => {
    const org = makeOrg({ "/softphoneSettings/wrapUpSeconds": "0" });
    org.addUser({ FirstName: "Grace", LastName: "Hopper", Extension: "2001" });
    const t = await softphoneIn(org);
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    await t.store.actions.hold(true);
    expect(t.store.getState().call?.state).toBe("held");
    expect(org.panel.itemIcon).toBe("paused_call");
    await t.store.actions.hold(false);
    await t.store.actions.mute(true);
    expect(t.store.getState().call).toMatchObject({ state: "connected", muted: true });
    await t.store.actions.sendDigits("1#");
    expect(t.phone.sentDigits(t.store.getState().call?.id as string)).toBe("1#");
    await t.store.actions.searchDirectory("grace");
    const entry = t.store.getState().directory.entries[0];
    expect(entry).toMatchObject({ name: "Grace Hopper", kind: "user" });
    await t.store.actions.transfer(entry.number);
    await settle();
    expect(t.store.getState().call).toBeNull();
    expect(org.tasks[0].fields.Description).toBe(`Transferred to ${entry.number}.`);
  });
});

describe("after-call work modes", () => {
  async function callAndHangUp(wrapUpSeconds: string) {
    const org = makeOrg({ "/softphoneSettings/wrapUpSeconds": wrapUpSeconds });
    const t = await softphoneIn(org);
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    await t.store.actions.hangup();
    await settle();
    return { org, t };
  }

  it("waits for the agent when wrapUpSeconds is empty", async () => {
    const { org, t } = await callAndHangUp("");
    await t.clock.advance(3_600_000);
    expect(org.tasks).toHaveLength(0);
    expect(t.store.getState()).toMatchObject({ agent: "busy", call: { state: "wrapup" } });
    await t.store.actions.saveWrapUp();
    await settle();
    expect(org.tasks).toHaveLength(1);
  });

  it("logs at hang-up when wrapUpSeconds is 0", async () => {
    const { org, t } = await callAndHangUp("0");
    expect(org.tasks).toHaveLength(1);
    expect(t.store.getState().agent).toBe("ready");
  });

  it("saves after N seconds", async () => {
    const { org, t } = await callAndHangUp("15");
    await t.clock.advance(14_000);
    expect(org.tasks).toHaveLength(0);
    await t.clock.advance(1_000);
    expect(org.tasks).toHaveLength(1);
    expect(t.store.getState().agent).toBe("ready");
  });
});

describe("Sales Engagement", () => {
  it("completes the work item with the saved Task", async () => {
    const org = makeOrg();
    const lead = org.addLead({ LastName: "Prospect", Company: "Gamma", Phone: "4155550155" });
    const t = await softphoneIn(org);
    org.fireWorkStart({ workId: "0Z9Fk0000000001AAA", workTargetId: lead.Id });
    await settle();
    org.fireClickToDial({ number: "4155550155", recordId: lead.Id });
    await settle();
    await t.clock.advance(1000);
    await t.store.actions.hangup();
    t.store.actions.setDisposition("Left voicemail");
    await t.store.actions.saveWrapUp();
    await settle();
    expect(org.completedWork).toEqual([
      {
        workId: "0Z9Fk0000000001AAA",
        attributes: { disposition: "Left voicemail", taskId: org.tasks[0].Id, wasConnected: true }
      }
    ]);
  });
});

describe("message channel", () => {
  const published = (org: ReturnType<typeof makeOrg>) =>
    org.messageBus.published
      .filter((m) => m.message.source === "softphone")
      .map((m) => m.message.payload as { agent: string; call: { state: string } | null });

  it("obeys commands from a record page and publishes each state", async () => {
    const org = makeOrg({
      "/softphoneSettings/wrapUpSeconds": "0",
      "/softphoneSettings/channelCommands":
        "requestState,dial,answer,hangup,hold,mute,sendDigits,transfer"
    });
    const ada = org.addContact({ FirstName: "Ada", LastName: "Lovelace", Phone: "4155550100" });
    org.addUser({ FirstName: "Grace", LastName: "Hopper", Extension: "2001" });
    const t = await softphoneIn(org);
    const send = async (type: string, payload?: unknown) => {
      org.messageBus.publish(CHANNEL_NAME, from(type, payload));
      await settle();
    };
    await send("dial", { number: "4155550100", recordId: ada.Id });
    await t.clock.advance(1000);
    await send("hold", { on: true });
    await send("hold", { on: false });
    await send("mute", { on: true });
    await send("sendDigits", { digits: "9" });
    await send("requestState");
    const last = published(org).at(-1);
    expect(last).toMatchObject({
      agent: "busy",
      call: { state: "connected", muted: true, recordId: ada.Id, number: "+14155550100" }
    });
    await send("hangup");
    expect(published(org).map((p) => p.call?.state ?? p.agent)).toEqual(
      expect.arrayContaining(["ready", "dialing", "connected", "held"])
    );
    expect(published(org).at(-1)).toEqual({ agent: "ready", call: null });
    expect(org.tasks[0].fields).toMatchObject({ WhoId: ada.Id, CallType: "Outbound" });

    await send("simulateIncoming", { number: "+14155550100", name: "Ada" });
    expect(t.store.getState().call?.state).toBe("ringing");
    await send("answer");
    expect(t.store.getState().call?.state).toBe("connected");
    await send("transfer", { target: "2001" });
    expect(t.store.getState().call).toBeNull();
    expect(org.tasks).toHaveLength(2);
  });

  it("ignores malformed and unknown messages with one warning each, and never throws", async () => {
    const org = makeOrg();
    const t = await softphoneIn(org);
    for (const message of [
      from("dial", { number: "<script>alert(1)</script>" }),
      from("dial", { number: 12 }),
      from("hold", { on: "true" }),
      from("selfDestruct"),
      { type: "answer" },
      { source: "x", type: "answer", payload: [] }
    ]) {
      org.messageBus.publish(CHANNEL_NAME, message as Record<string, unknown>);
    }
    await settle();
    expect(t.warnings).toHaveLength(6);
    expect(t.store.getState()).toMatchObject({ call: null, agent: "ready" });
  });
});

describe("durable call logs", () => {
  it("keeps a log whose saveLog failed and writes it exactly once after a reload", async () => {
    const storage = new MemoryStorage();
    const org = makeOrg({ "/softphoneSettings/wrapUpSeconds": "0" });
    const ada = org.addContact({ FirstName: "Ada", LastName: "Lovelace", Phone: "4155550100" });
    org.failNext("saveLog", "SERVER_ERROR", 2);
    const first = await softphoneIn(org, { storage });
    await first.store.actions.simulateIncomingCall("+14155550100");
    await first.store.actions.answer();
    await first.clock.advance(5000);
    await first.store.actions.hangup();
    await settle();
    await first.clock.advance(2000);
    expect(org.tasks).toHaveLength(0);
    expect(first.store.getState().outboxPending).toBe(1);
    await first.store.dispose();

    const second = await softphoneIn(org, { storage });
    await settle();
    expect(org.tasks).toHaveLength(1);
    expect(org.tasks[0].fields).toMatchObject({ WhoId: ada.Id, CallDurationInSeconds: 5 });
    expect(second.store.getState().outboxPending).toBe(0);
    await second.clock.advance(600_000);
    const third = await softphoneIn(org, { storage });
    await third.clock.advance(600_000);
    expect(org.tasks).toHaveLength(1);
    expect(org.callLogSaves()).toHaveLength(3);
  });
});
