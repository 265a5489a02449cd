import { apexCrmOf } from "../host/apex-crm";
import { PhoneError } from "../phone/phone";
import { ENTRY_PREFIX } from "./after-call/outbox";
import { NOT_READY_KEY } from "./softphone";
import { boot, DEMO_SETTINGS } from "./testing/harness";
import { settle } from "./testing/fake-clock";
import { FakeSipPhone } from "./testing/fake-sip-phone";
import { HostFailure, RecordingHost } from "./testing/recording-host";
import { MemoryStorage } from "./storage";

const ADA = {
  id: "003000000000001AAA",
  name: "Ada Lovelace",
  objectType: "Contact",
  phone: "+14155550100"
};
const ADA2 = { id: "003000000000002AAA", name: "Ada Byron", objectType: "Contact" };
const CASE = "500000000000001AAA";

function host(settings: Record<string, string> = {}, matches: unknown[] = [ADA]): RecordingHost {
  const h = new RecordingHost();
  h.settings = { ...DEMO_SETTINGS, ...settings };
  h.apex.set("SoftphoneCallerLookup.findByPhone", () => JSON.stringify({ matches }));
  h.apex.set("SoftphoneDirectory.search", (p) =>
    JSON.stringify({ entries: [{ name: `Desk ${p.term}`, number: "2001", kind: "directory" }] })
  );
  return h;
}

const methods = (h: RecordingHost) => h.calls.map((c) => c.method);

describe("start-up", () => {
  it("reads settings, registers, goes ready, enables click-to-dial, then notifies once", async () => {
    const t = await boot(host());
    const s = t.store.getState();
    expect(s).toMatchObject({
      host: "lightning",
      settingsLoaded: true,
      setupProblems: [],
      phoneKind: "demo",
      registration: "registered",
      agent: "ready",
      microphone: "granted",
      initialized: true,
      channelAvailable: true,
      canSimulateIncoming: true
    });
    const order = methods(t.host).filter((m) =>
      [
        "getCallCenterSettings",
        "subscribe",
        "enableClickToDial",
        "disableClickToDial",
        "notifyInitializationComplete"
      ].includes(m)
    );
    expect(order).toEqual([
      "getCallCenterSettings",
      "subscribe",
      "disableClickToDial",
      "enableClickToDial",
      "notifyInitializationComplete"
    ]);
    expect(t.host.listenerCounts()).toEqual({ clickToDial: 1, navigation: 1, channel: 1 });
    await t.store.start();
    expect(t.host.callsTo("notifyInitializationComplete")).toHaveLength(1);
    expect(t.host.published.at(-1)).toEqual({
      source: "softphone",
      type: "state",
      payload: { agent: "ready", call: null }
    });
  });

  it("explains a page outside Salesforce", async () => {
    const t = await boot(null);
    expect(t.store.getState()).toMatchObject({ host: "none", agent: "offline" });
    expect(t.store.getState().errors[0]).toMatchObject({
      source: "host",
      message: expect.stringContaining("Not inside Salesforce")
    });
  });

  it("shows setup problems and never initialises on bad settings", async () => {
    const t = await boot(host({ "/softphoneSettings/provider": "pbx" }));
    expect(t.store.getState()).toMatchObject({
      settingsLoaded: true,
      setupProblems: [
        { item: "/softphoneSettings/provider", value: "pbx", allowed: "one of demo, sip" }
      ],
      phoneKind: null,
      agent: "offline"
    });
    expect(methods(t.host)).not.toContain("notifyInitializationComplete");
    expect(methods(t.host)).not.toContain("enableClickToDial");
  });

  it("records unreadable settings", async () => {
    const h = host();
    h.settingsError = new HostFailure("GENERIC_ERROR", "no call center", "getCallCenterSettings");
    const t = await boot(h);
    expect(t.store.getState()).toMatchObject({ settingsLoaded: false, agent: "offline" });
    expect(t.store.getState().errors[0].message).toContain("GENERIC_ERROR: no call center");
  });

  it("records a phone that cannot start", async () => {
    const t = await boot(host(), {
      createPhone: async () => Promise.reject(new Error("chunk failed to load"))
    });
    expect(t.store.getState()).toMatchObject({ registration: "failed", agent: "offline" });
    expect(t.store.getState().errors.at(-1)?.message).toContain("chunk failed to load");
    expect(methods(t.host)).not.toContain("notifyInitializationComplete");
  });

  it("works without a message service (Classic)", async () => {
    const h = host();
    h.channelAvailable = false;
    const t = await boot(h);
    expect(t.store.getState()).toMatchObject({
      channelAvailable: false,
      agent: "ready",
      initialized: true
    });
  });
});

describe("SIP sign-in", () => {
  const sipSettings = {
    "/softphoneSettings/provider": "sip",
    "/sipSettings/webSocketUrl": "wss://pbx.example.com/ws",
    "/sipSettings/sipDomain": "pbx.example.com"
  };

  it("waits for the agent to sign in when credentials are prompted", async () => {
    const sip = new FakeSipPhone();
    const t = await boot(host(sipSettings), { createPhone: async () => sip });
    expect(t.store.getState()).toMatchObject({
      needsSignIn: true,
      phoneKind: "sip",
      agent: "offline"
    });
    expect(methods(t.host)).not.toContain("notifyInitializationComplete");
    await t.store.actions.signIn({ username: " ", password: "" });
    expect(t.store.getState().signInError).toBe("Enter your SIP user name and password.");
    await t.store.actions.signIn({ username: "1001", password: "wrong" });
    expect(t.store.getState()).toMatchObject({ needsSignIn: true, registration: "failed" });
    expect(t.store.getState().signInError).toContain("refused");
    await t.store.actions.signIn({ username: " 1001 ", password: "right" });
    await settle();
    expect(t.store.getState()).toMatchObject({
      needsSignIn: false,
      registration: "registered",
      agent: "ready",
      initialized: true
    });
    expect(sip.registrations.at(-1)).toEqual({ username: "1001", password: "right" });
    expect(t.host.callsTo("notifyInitializationComplete")).toHaveLength(1);
    expect(JSON.stringify(t.host.published)).not.toContain("right");
  });

  it("signs in with the agent's Salesforce-stored account", async () => {
    const sip = new FakeSipPhone();
    const h = host({ ...sipSettings, "/sipSettings/credentials": "salesforce" });
    h.apex.set("SoftphoneSipAccount.getMine", () => '{"username":"1002","password":"right"}');
    const t = await boot(h, { createPhone: async () => sip });
    expect(t.store.getState()).toMatchObject({ needsSignIn: false, agent: "ready" });
    expect(sip.registrations).toEqual([{ username: "1002", password: "right" }]);
  });

  it("offers sign-in when the stored account is refused", async () => {
    const sip = new FakeSipPhone();
    const h = host({ ...sipSettings, "/sipSettings/credentials": "salesforce" });
    h.apex.set("SoftphoneSipAccount.getMine", () => '{"username":"1002","password":"stale"}');
    const t = await boot(h, { createPhone: async () => sip });
    expect(t.store.getState()).toMatchObject({
      needsSignIn: true,
      registration: "failed",
      agent: "offline"
    });
    expect(t.store.getState().signInError).toContain("refused");
    await t.store.actions.signIn({ username: "1002", password: "right" });
    expect(t.store.getState()).toMatchObject({ needsSignIn: false, agent: "ready" });
  });

  it("offers sign-in when no account is provisioned or the lookup fails", async () => {
    const h = host({ ...sipSettings, "/sipSettings/credentials": "salesforce" });
    h.apex.set("SoftphoneSipAccount.getMine", () => '{"error":"NOT_PROVISIONED"}');
    const t = await boot(h, { createPhone: async () => new FakeSipPhone() });
    expect(t.store.getState()).toMatchObject({
      needsSignIn: true,
      signInError: expect.stringContaining("No SIP account")
    });
    const failing = host({ ...sipSettings, "/sipSettings/credentials": "salesforce" });
    const u = await boot(failing, { createPhone: async () => new FakeSipPhone() });
    expect(u.store.getState().signInError).toContain("Could not read your SIP account");
  });

  it("goes offline when registration is lost and ready again when it returns", async () => {
    const sip = new FakeSipPhone();
    const h = host({ ...sipSettings, "/sipSettings/credentials": "salesforce" });
    h.apex.set("SoftphoneSipAccount.getMine", () => '{"username":"1002","password":"right"}');
    const t = await boot(h, { createPhone: async () => sip });
    sip.emit({
      type: "registration",
      state: "failed",
      error: new PhoneError("UNREACHABLE", "socket closed")
    });
    await settle();
    expect(t.store.getState()).toMatchObject({ agent: "offline", registration: "failed" });
    expect(methods(h).at(-1)).toBe("disableClickToDial");
    expect(t.store.getState().errors.at(-1)?.message).toBe("socket closed");
    sip.emit({ type: "registration", state: "registered" });
    await settle();
    expect(t.store.getState().agent).toBe("ready");
    expect(h.callsTo("notifyInitializationComplete")).toHaveLength(1);
  });
});

describe("agent state", () => {
  it("keeps click-to-dial enabled exactly while ready, and remembers not-ready for the session", async () => {
    const t = await boot(host());
    await t.store.actions.setReady(false);
    await settle();
    expect(t.store.getState()).toMatchObject({ agent: "offline", notReady: true });
    expect(
      methods(t.host)
        .filter((m) => m.endsWith("ClickToDial"))
        .at(-1)
    ).toBe("disableClickToDial");
    expect(t.session.getItem(NOT_READY_KEY)).toBe("1");

    const again = await boot(host(), { session: t.session });
    expect(again.store.getState()).toMatchObject({
      agent: "offline",
      notReady: true,
      initialized: true
    });
    expect(again.host.callsTo("enableClickToDial")).toHaveLength(0);
    await again.store.actions.setReady(true);
    await settle();
    expect(again.store.getState().agent).toBe("ready");
    expect(again.host.callsTo("enableClickToDial")).toHaveLength(1);
    expect(again.session.getItem(NOT_READY_KEY)).toBeNull();
  });

  it("is busy during a call and after-call work", async () => {
    const t = await boot(host());
    await t.store.actions.simulateIncomingCall("+14155550100");
    expect(t.store.getState().agent).toBe("busy");
    await settle();
    expect(
      methods(t.host)
        .filter((m) => m.endsWith("ClickToDial"))
        .at(-1)
    ).toBe("disableClickToDial");
    await t.store.actions.answer();
    await t.store.actions.setReady(false);
    await t.store.actions.hangup();
    expect(t.store.getState()).toMatchObject({ agent: "busy", call: { state: "wrapup" } });
    await t.store.actions.saveWrapUp();
    expect(t.store.getState().agent).toBe("offline");
  });
});

describe("inbound calls", () => {
  it("opens the panel, labels the caller, pops the one match and logs the call", async () => {
    const t = await boot(host());
    await t.store.actions.simulateIncomingCall("(415) 555-0100", "ADA L");
    await settle();
    const call = t.store.getState().call;
    expect(call).toMatchObject({
      direction: "inbound",
      number: "+14155550100",
      displayNumber: "(415) 555-0100",
      callerName: "Ada Lovelace",
      state: "ringing",
      matchStatus: "one",
      matches: [ADA],
      caller: { id: ADA.id, name: ADA.name, objectType: "Contact" },
      relatedTo: { id: ADA.id, name: ADA.name, objectType: "Contact" }
    });
    expect(t.host.callsTo("setPanelVisible")).toEqual([[true]]);
    expect(t.host.callsTo("setItemLabel")[0]).toEqual(["Incoming: ADA L"]);
    expect(t.host.callsTo("setItemIcon")[0]).toEqual(["incoming_call"]);
    expect(t.host.callsTo("screenPop")).toEqual([
      [{ type: "sobject", recordId: ADA.id }, undefined]
    ]);

    await t.clock.advance(5000);
    await t.store.actions.answer();
    expect(t.store.getState().call).toMatchObject({
      state: "connected",
      connectedAt: t.clock.now()
    });
    expect(t.host.callsTo("setItemLabel").at(-1)).toEqual(["On call: Ada Lovelace"]);
    t.host.navigate({ recordId: CASE, recordName: "00001001", objectType: "Case" });
    expect(t.store.getState().call?.relatedTo).toEqual({
      id: CASE,
      name: "00001001",
      objectType: "Case"
    });
    t.store.actions.setNotes("Wants a refund");
    await t.clock.advance(90_000);
    await t.store.actions.hangup();
    expect(t.store.getState().call).toMatchObject({
      state: "wrapup",
      disposition: "Connected",
      endedAt: t.clock.now()
    });
    t.store.actions.setDisposition("Left voicemail");
    t.store.actions.setDisposition("Bogus" as never);
    await t.store.actions.saveWrapUp();
    await settle();
    expect(t.host.savedLogs).toHaveLength(1);
    expect(t.host.savedLogs[0]).toMatchObject({
      entityApiName: "Task",
      fields: {
        Subject: "Inbound call from Ada Lovelace",
        TaskSubtype: "Call",
        Type: "Call",
        Status: "Completed",
        CallType: "Inbound",
        CallDurationInSeconds: 90,
        CallObject: call?.id,
        CallDisposition: "Left voicemail",
        Description: "Wants a refund",
        WhoId: ADA.id,
        WhatId: CASE
      }
    });
    expect(methods(t.host).slice(methods(t.host).indexOf("saveLog"))).toContain("refreshView");
    expect(t.store.getState()).toMatchObject({ call: null, agent: "ready", outboxPending: 0 });
    expect(t.store.getState().recentCalls[0]).toMatchObject({
      name: "Ada Lovelace",
      durationSeconds: 90,
      missed: false,
      recordId: ADA.id
    });
    expect(t.host.callsTo("setItemLabel").at(-1)).toEqual(["Phone"]);
    await t.store.actions.saveWrapUp();
    expect(t.host.savedLogs).toHaveLength(1);
  });

  it("lets the agent choose among several matches", async () => {
    const t = await boot(host({}, [ADA, ADA2]));
    await t.store.actions.simulateIncomingCall("+14155550100");
    await settle();
    expect(t.store.getState().call).toMatchObject({ matchStatus: "several", matches: [ADA, ADA2] });
    expect(t.host.callsTo("screenPop")).toEqual([]);
    await t.store.actions.chooseMatch("003000000000009AAA");
    expect(t.host.callsTo("screenPop")).toEqual([]);
    await t.store.actions.chooseMatch(ADA2.id);
    await settle();
    expect(t.host.callsTo("screenPop")).toEqual([
      [{ type: "sobject", recordId: ADA2.id }, undefined]
    ]);
    expect(t.store.getState().call).toMatchObject({
      matchStatus: "one",
      caller: { id: ADA2.id },
      relatedTo: { id: ADA2.id },
      callerName: "Ada Byron"
    });
    t.host.navigate({ recordId: CASE });
    expect(t.store.getState().call?.relatedTo?.id).toBe(ADA2.id);
  });

  it.each([
    [
      "newContact",
      { type: "newRecord", entityName: "Contact", defaultFieldValues: { Phone: "(415) 555-0199" } }
    ],
    [
      "newLead",
      { type: "newRecord", entityName: "Lead", defaultFieldValues: { Phone: "(415) 555-0199" } }
    ],
    ["search", { type: "search", searchString: "(415) 555-0199" }],
    [
      "flow:Unknown_Caller",
      {
        type: "flow",
        flowDevName: "Unknown_Caller",
        flowArgs: [{ name: "phoneNumber", type: "String", value: "+14155550199" }]
      }
    ]
  ])("pops %s for an unknown caller", async (noMatchPop, target) => {
    const t = await boot(host({ "/softphoneSettings/noMatchPop": noMatchPop }, []));
    await t.store.actions.simulateIncomingCall("4155550199");
    await settle();
    expect(t.store.getState().call?.matchStatus).toBe("none");
    expect(t.host.callsTo("screenPop")).toEqual([[target, undefined]]);
  });

  it("pops nothing with noMatchPop none or screenPop off", async () => {
    const none = await boot(host({ "/softphoneSettings/noMatchPop": "none" }, []));
    await none.store.actions.simulateIncomingCall("4155550199");
    await settle();
    expect(none.host.callsTo("screenPop")).toEqual([]);
    const off = await boot(host({ "/softphoneSettings/screenPop": "off" }));
    await off.store.actions.simulateIncomingCall("4155550100");
    await settle();
    expect(off.store.getState().call?.matchStatus).toBe("off");
    expect(off.host.callsTo("runApex")).toEqual([]);
  });

  it("uses the softphone layout in layout mode", async () => {
    const h = host({ "/softphoneSettings/screenPop": "layout" });
    h.searchResults = { [ADA.id]: { Id: ADA.id, Name: ADA.name, RecordType: "Contact" } };
    const t = await boot(h);
    await t.store.actions.simulateIncomingCall("4155550100");
    await settle();
    expect(h.callsTo("searchAndScreenPop")).toHaveLength(1);
    expect(t.store.getState().call).toMatchObject({ matchStatus: "one", caller: { id: ADA.id } });
  });

  it("records a failed lookup and pops a search instead", async () => {
    const h = host();
    h.apex.delete("SoftphoneCallerLookup.findByPhone");
    const t = await boot(h);
    await t.store.actions.simulateIncomingCall("4155550100");
    await settle();
    expect(t.store.getState().call?.matchStatus).toBe("error");
    expect(t.store.getState().errors.at(-1)?.message).toContain("Screen pop");
    expect(h.callsTo("screenPop")[0][0]).toMatchObject({ type: "search" });
  });

  it("logs a missed call with zero duration and stays ready", async () => {
    const t = await boot(host());
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.clock.advance(20_000);
    expect(t.store.getState()).toMatchObject({ call: null, agent: "ready" });
    expect(t.host.savedLogs[0].fields).toMatchObject({
      Subject: "Inbound call from Ada Lovelace",
      CallDurationInSeconds: 0,
      CallDisposition: "No answer",
      Description: "Missed call: the caller hung up before it was answered.",
      WhoId: ADA.id
    });
    expect(t.store.getState().recentCalls[0]).toMatchObject({ missed: true, durationSeconds: 0 });
  });

  it("keeps hostile caller names and numbers to a bounded size", async () => {
    const t = await boot(host({}, []));
    await t.store.actions.simulateIncomingCall(
      "1".repeat(40),
      `  <img src=x onerror=alert(1)>${"x".repeat(5000)}`
    );
    await settle();
    const call = t.store.getState().call;
    expect(call?.callerName?.startsWith("<img src=x onerror=alert(1)>")).toBe(true);
    expect(call?.callerName).toHaveLength(255);
    expect(call?.number.length).toBeLessThanOrEqual(64);
  });

  it("logs a declined call", async () => {
    const t = await boot(host({}, []));
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.decline();
    await settle();
    expect(t.host.savedLogs[0].fields).toMatchObject({
      CallDurationInSeconds: 0,
      Description: "Declined by the agent."
    });
    expect(t.store.getState().agent).toBe("ready");
  });
});

describe("outbound calls", () => {
  it("refuses an invalid number with a notice and dials a valid one", async () => {
    const t = await boot(host());
    await t.store.actions.dial("12345678");
    expect(t.store.getState().notice).toContain("not a valid phone number");
    expect(t.store.getState().errors.at(-1)).toMatchObject({ source: "dial" });
    t.store.actions.dismissNotice();
    expect(t.store.getState().notice).toBeUndefined();
    t.host.navigate({ recordId: "001000000000001AAA", recordName: "Acme", objectType: "Account" });
    await t.store.actions.dial("+1 (415) 555-0100");
    expect(t.store.getState().call).toMatchObject({
      direction: "outbound",
      state: "dialing",
      number: "+14155550100",
      displayNumber: "(415) 555-0100",
      relatedTo: { id: "001000000000001AAA", name: "Acme" }
    });
    expect(t.host.callsTo("screenPop")).toEqual([]);
    await t.clock.advance(1000);
    expect(t.store.getState().call?.state).toBe("connected");
    await t.store.actions.dial("+14155550101");
    expect(t.store.getState().notice).toContain("Hang up the current call");
  });

  it("associates the clicked record (person accounts by their contact) without a pop", async () => {
    const t = await boot(host());
    t.host.page = { recordId: "001000000000009AAA" };
    t.host.clickToDialFrom({
      number: "4155550100",
      recordId: "001000000000009AAA",
      recordName: "Pat Person",
      objectType: "Account",
      personAccount: true,
      contactId: "003000000000009AAA",
      accountId: "001000000000009AAA"
    });
    await settle();
    const call = t.store.getState().call;
    expect(call).toMatchObject({
      caller: { id: "003000000000009AAA", objectType: "Contact" },
      relatedTo: { id: "001000000000009AAA", objectType: "Account" },
      callerName: "Pat Person"
    });
    expect(t.host.callsTo("screenPop")).toEqual([]);
    t.host.navigate({ recordId: CASE });
    expect(t.store.getState().call?.relatedTo?.id).toBe("001000000000009AAA");
    await t.clock.advance(61_000);
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await settle();
    expect(t.host.savedLogs[0].fields).toMatchObject({
      Subject: "Outbound call to Pat Person",
      CallType: "Outbound",
      CallDurationInSeconds: 60,
      WhoId: "003000000000009AAA",
      WhatId: "001000000000009AAA"
    });
  });

  it("relates a clicked Lead as WhoId", async () => {
    const t = await boot(host());
    t.host.clickToDialFrom({
      number: "4155550100",
      recordId: "00Q000000000001AAA",
      objectType: "Lead",
      recordName: "Lee"
    });
    await settle();
    expect(t.store.getState().call).toMatchObject({
      caller: { id: "00Q000000000001AAA" },
      relatedTo: { id: "00Q000000000001AAA" }
    });
  });

  it("pops the record a call came from unless the agent is on it", async () => {
    const t = await boot(host());
    await t.store.actions.dial("4155550100", ADA.id);
    await settle();
    expect(t.host.callsTo("screenPop")).toEqual([
      [{ type: "sobject", recordId: ADA.id }, undefined]
    ]);
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    t.host.navigate({ recordId: ADA.id.slice(0, 15), recordName: "Ada", objectType: "Contact" });
    await t.store.actions.dial("4155550100", ADA.id);
    await settle();
    expect(t.host.callsTo("screenPop")).toHaveLength(1);
    expect(t.store.getState().call).toMatchObject({
      caller: { id: ADA.id, name: "Ada" },
      relatedTo: { id: ADA.id }
    });
  });

  it("logs unanswered outbound calls after wrap-up with a sensible disposition", async () => {
    const t = await boot(host());
    await t.store.actions.dial("+14155550000");
    await t.clock.advance(1000);
    expect(t.store.getState().call).toMatchObject({ state: "wrapup", disposition: "Busy" });
    await t.store.actions.saveWrapUp();
    await settle();
    expect(t.host.savedLogs[0].fields).toMatchObject({
      CallDisposition: "Busy",
      CallDurationInSeconds: 0,
      CallType: "Outbound"
    });
  });

  it("dials extensions as typed and logs them as internal", async () => {
    const t = await boot(host({ "/softphoneSettings/wrapUpSeconds": "0" }));
    await t.store.actions.dial("2001");
    await t.clock.advance(1000);
    await t.store.actions.hangup();
    await settle();
    expect(t.host.savedLogs[0].fields).toMatchObject({
      CallType: "Internal",
      Subject: "Outbound call to 2001"
    });
  });

  it("reports a dial the phone refuses and returns to ready", async () => {
    const t = await boot(host());
    t.phone.dial = async () => Promise.reject(new PhoneError("UNREACHABLE", "PBX unreachable"));
    await t.store.actions.dial("4155550100");
    expect(t.store.getState()).toMatchObject({
      call: null,
      agent: "ready",
      notice: expect.stringContaining("PBX unreachable")
    });
  });

  it("refuses to dial before the phone is ready", async () => {
    const t = await boot(host({ "/softphoneSettings/provider": "bad" }));
    await t.store.actions.dial("4155550100");
    expect(t.store.getState().notice).toContain("not ready");
  });
});

describe("during a call", () => {
  async function connected(settings: Record<string, string> = {}) {
    const t = await boot(host(settings));
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    await settle();
    return t;
  }

  it("holds, resumes, mutes and sends digits", async () => {
    const t = await connected();
    const id = t.store.getState().call?.id as string;
    await t.store.actions.sendDigits("12");
    await t.store.actions.sendDigits("<x>");
    expect(t.store.getState().notice).toContain("Keypad digits");
    await t.store.actions.hold(true);
    expect(t.store.getState().call?.state).toBe("held");
    expect(t.host.callsTo("setItemIcon").at(-1)).toEqual(["paused_call"]);
    await t.store.actions.sendDigits("3");
    await t.store.actions.hold(false);
    await t.store.actions.mute(true);
    expect(t.store.getState().call).toMatchObject({ state: "connected", muted: true });
    await t.store.actions.mute(false);
    expect(t.store.getState().call?.muted).toBe(false);
    expect(t.phone.sentDigits(id)).toBe("12");
  });

  it("transfers blind to a number or directory entry and notes it in the log", async () => {
    const t = await connected({ "/softphoneSettings/wrapUpSeconds": "0" });
    await t.store.actions.searchDirectory("sales");
    expect(t.store.getState().directory).toEqual({
      query: "sales",
      status: "idle",
      entries: [{ name: "Desk sales", number: "2001", kind: "directory" }]
    });
    await t.store.actions.transfer("abc");
    expect(t.store.getState().notice).toContain("not a phone number");
    await t.store.actions.transfer("2001");
    await settle();
    expect(t.store.getState().call).toBeNull();
    expect(t.host.savedLogs[0].fields.Description).toBe("Transferred to 2001.");
  });

  it("keeps the call when a transfer fails", async () => {
    const t = await connected();
    t.phone.transfer = async () => Promise.reject(new PhoneError("CALL_FAILED", "REFER rejected"));
    await t.store.actions.transfer("2001");
    expect(t.store.getState().call?.state).toBe("connected");
    expect(t.store.getState().notice).toContain("REFER rejected");
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await settle();
    expect(t.host.savedLogs[0].fields.Description).toBe("");
  });

  it("refuses to transfer a call that is not connected", async () => {
    const t = await boot(host());
    await t.store.actions.transfer("2001");
    expect(t.store.getState().notice).toContain("Only a connected call");
  });

  it("lets the agent pin or clear the related record", async () => {
    const t = await connected();
    t.store.actions.setRelatedTo({ id: "bad" });
    expect(t.store.getState().notice).toContain("not a Salesforce record Id");
    t.store.actions.setRelatedTo({ id: CASE, name: "Case 1" });
    t.host.navigate({ recordId: "001000000000001AAA" });
    expect(t.store.getState().call?.relatedTo).toEqual({ id: CASE, name: "Case 1" });
    t.store.actions.setRelatedTo(null);
    expect(t.store.getState().call?.relatedTo).toBeUndefined();
  });
});

describe("after-call work", () => {
  it("logs at hang-up with wrapUpSeconds 0", async () => {
    const t = await boot(host({ "/softphoneSettings/wrapUpSeconds": "0" }));
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    await t.store.actions.hangup();
    await settle();
    expect(t.store.getState().call).toBeNull();
    expect(t.host.savedLogs).toHaveLength(1);
  });

  it("saves by itself after N seconds", async () => {
    const t = await boot(host({ "/softphoneSettings/wrapUpSeconds": "30" }));
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    await t.store.actions.hangup();
    expect(t.store.getState().call?.wrapUpDeadline).toBe(t.clock.now() + 30_000);
    await t.clock.advance(29_999);
    expect(t.host.savedLogs).toHaveLength(0);
    await t.clock.advance(1);
    expect(t.host.savedLogs).toHaveLength(1);
    expect(t.store.getState().call).toBeNull();
  });

  it("does not save twice when the agent saves before the deadline", async () => {
    const t = await boot(host({ "/softphoneSettings/wrapUpSeconds": "30" }));
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await t.clock.advance(60_000);
    expect(t.host.savedLogs).toHaveLength(1);
  });

  it("writes no Task when logging is off", async () => {
    const t = await boot(host({ "/softphoneSettings/logCalls": "false" }));
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    await t.store.actions.hangup();
    await settle();
    expect(t.store.getState().call).toBeNull();
    expect(t.host.callsTo("saveLog")).toHaveLength(0);
    expect(t.store.getState().recentCalls).toHaveLength(1);
  });
});

describe("Sales Engagement", () => {
  it("completes the work item after the Task is saved", async () => {
    const t = await boot(host());
    t.host.startWork({ workId: "0Z0000000000001", workTargetId: "00Q000000000001AAA" });
    t.host.clickToDialFrom({
      number: "4155550100",
      recordId: "00Q000000000001AAA",
      objectType: "Lead"
    });
    await t.clock.advance(1000);
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await settle();
    const taskId = t.host.savedLogs[0].recordId;
    expect(t.host.callsTo("completeWork")).toEqual([
      ["0Z0000000000001", { disposition: "Connected", taskId, wasConnected: true }]
    ]);
    expect(methods(t.host).indexOf("completeWork")).toBeGreaterThan(
      methods(t.host).indexOf("saveLog")
    );
  });

  it("completes work without a Task when logging is off", async () => {
    const t = await boot(host({ "/softphoneSettings/logCalls": "false" }));
    t.host.startWork({ workId: "0Z0000000000002" });
    await t.store.actions.dial("4155550100");
    await t.store.actions.hangup();
    await settle();
    expect(t.host.callsTo("completeWork")).toEqual([
      ["0Z0000000000002", { disposition: "No answer", wasConnected: false }]
    ]);
  });
});

describe("message channel", () => {
  const from = (type: string, payload?: unknown) => ({
    source: "softphoneCallPanel",
    type,
    payload
  });

  it("obeys commands and publishes every state change", async () => {
    const t = await boot(host());
    t.host.deliver(from("dial", { number: "4155550100", recordId: ADA.id }));
    await settle();
    expect(t.store.getState().call?.state).toBe("dialing");
    const states = () =>
      t.host.published.map(
        (m) => (m.payload as { call: { state: string } | null }).call?.state ?? null
      );
    expect(states().slice(-1)).toEqual(["dialing"]);
    await t.clock.advance(1000);
    t.host.deliver(from("hold", { on: true }));
    await settle();
    t.host.deliver(from("hold", { on: false }));
    await settle();
    t.host.deliver(from("mute", { on: true }));
    await settle();
    t.host.deliver(from("sendDigits", { digits: "42" }));
    await settle();
    expect(t.phone.sentDigits(t.store.getState().call?.id as string)).toBe("42");
    const before = t.host.published.length;
    t.host.deliver(from("requestState"));
    await settle();
    expect(t.host.published).toHaveLength(before + 1);
    expect(t.host.published.at(-1)?.payload).toMatchObject({
      agent: "busy",
      call: {
        direction: "outbound",
        number: "+14155550100",
        state: "connected",
        muted: true,
        recordId: ADA.id
      }
    });
    t.host.deliver(from("transfer", { target: "2001" }));
    await settle();
    expect(t.store.getState().call?.state).toBe("wrapup");
    expect(states()).toEqual(expect.arrayContaining(["dialing", "connected", "held", "wrapup"]));
  });

  it("answers and hangs up inbound calls, and simulates them on the demo phone", async () => {
    const t = await boot(host());
    t.host.deliver(from("simulateIncoming", { number: "+14155550100", name: "Ada" }));
    await settle();
    expect(t.store.getState().call?.state).toBe("ringing");
    t.host.deliver(from("answer"));
    await settle();
    expect(t.store.getState().call?.state).toBe("connected");
    t.host.deliver(from("hangup"));
    await settle();
    expect(t.store.getState().call?.state).toBe("wrapup");
  });

  it("warns once for each malformed or unknown message and ignores its own", async () => {
    const t = await boot(host());
    t.host.deliver({ source: "softphone", type: "dial", payload: { number: "4155550100" } });
    t.host.deliver(from("dial", { number: 4155550100 }));
    t.host.deliver(from("selfDestruct"));
    t.host.deliver("<img src=x onerror=alert(1)>");
    await settle();
    expect(t.warnings).toHaveLength(3);
    expect(t.store.getState().call).toBeNull();
  });

  it("ignores simulateIncoming unless the demo phone is active", async () => {
    const sip = new FakeSipPhone();
    const t = await boot(
      host({
        "/softphoneSettings/provider": "sip",
        "/sipSettings/webSocketUrl": "wss://pbx.example.com/ws",
        "/sipSettings/sipDomain": "pbx.example.com"
      }),
      { createPhone: async () => sip }
    );
    t.host.deliver(from("simulateIncoming", { number: "+14155550100" }));
    await settle();
    expect(t.warnings).toEqual([
      "Softphone__c: ignored simulateIncoming: the demo phone is not active"
    ]);
    await t.store.actions.simulateIncomingCall("+14155550100");
    expect(t.store.getState().notice).toContain("demo phone");
  });
});

describe("call waiting", () => {
  it("holds a second caller as waiting, and logs it when declined", async () => {
    const t = await boot(host());
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    await t.store.actions.simulateIncomingCall("+14155550111", "Bob");
    expect(t.store.getState().waitingCall).toMatchObject({ state: "ringing", callerName: "Bob" });
    await t.store.actions.decline();
    await settle();
    expect(t.store.getState().waitingCall).toBeNull();
    expect(t.store.getState().call?.state).toBe("connected");
    expect(t.host.savedLogs[0].fields).toMatchObject({
      Subject: "Inbound call from Bob",
      Description: "Declined by the agent."
    });
  });

  it("answers the waiting call and holds the current one, then returns to it", async () => {
    const t = await boot(host());
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    const first = t.store.getState().call?.id;
    await t.store.actions.simulateIncomingCall("+14155550111", "Bob");
    await t.store.actions.answer();
    await settle();
    expect(t.store.getState().call).toMatchObject({
      callerName: "Ada Lovelace",
      state: "connected"
    });
    expect(t.store.getState().call?.id).not.toBe(first);
    expect(t.store.getState().waitingCall).toMatchObject({ id: first, state: "held" });
    await t.store.actions.answer();
    expect(t.store.getState().call?.id).toBe(first);
    expect(t.store.getState().call?.state).toBe("connected");
    await t.store.actions.decline();
    await settle();
    expect(t.store.getState().waitingCall).toBeNull();
    expect(t.host.savedLogs).toHaveLength(1);
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await settle();
    expect(t.host.savedLogs).toHaveLength(2);
    expect(t.store.getState()).toMatchObject({ call: null, agent: "ready" });
  });

  it("turns away a third caller and rings the waiting call once the first is done", async () => {
    const t = await boot(host());
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    await t.store.actions.simulateIncomingCall("+14155550111");
    await t.store.actions.simulateIncomingCall("+14155550122");
    await settle();
    expect(t.host.savedLogs[0].fields).toMatchObject({ Description: "Declined by the agent." });
    await t.store.actions.hangup();
    expect(t.store.getState().call?.state).toBe("wrapup");
    await t.store.actions.answer();
    await settle();
    expect(t.store.getState().call).toMatchObject({ number: "+14155550111", state: "connected" });
    expect(t.host.savedLogs).toHaveLength(2);
  });

  it("resumes the held call when the agent picks it up during after-call work", async () => {
    const t = await boot(host());
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    await t.store.actions.simulateIncomingCall("+14155550111", "Bob");
    await t.store.actions.answer();
    await t.store.actions.hangup();
    expect(t.store.getState().call).toMatchObject({ callerName: "Ada Lovelace", state: "wrapup" });
    expect(t.store.getState().waitingCall?.state).toBe("held");
    await t.store.actions.answer();
    await settle();
    expect(t.store.getState().call).toMatchObject({ number: "+14155550100", state: "connected" });
    expect(t.store.getState().waitingCall).toBeNull();
    expect(t.host.savedLogs).toHaveLength(1);
  });

  it("promotes a waiting call that is still ringing when the current call is logged", async () => {
    const t = await boot(host({ "/softphoneSettings/wrapUpSeconds": "0" }));
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    await t.store.actions.simulateIncomingCall("+14155550111");
    await t.store.actions.hangup();
    await settle();
    expect(t.store.getState().call).toMatchObject({ number: "+14155550111", state: "ringing" });
    expect(t.store.getState().waitingCall).toBeNull();
  });
});

describe("durability", () => {
  it("keeps a failed log, and saves it once after a reload", async () => {
    const storage = new MemoryStorage();
    const h = host({ "/softphoneSettings/wrapUpSeconds": "0" });
    h.saveLogOutcomes.push(new HostFailure("SERVER_ERROR", "UNABLE_TO_LOCK_ROW", "saveLog"));
    const t = await boot(h, { storage });
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    await t.store.actions.hangup();
    await settle();
    expect(t.store.getState().outboxPending).toBe(1);
    expect(t.store.getState().errors.at(-1)).toMatchObject({
      source: "log",
      message: expect.stringContaining("UNABLE_TO_LOCK_ROW")
    });
    await t.store.dispose();
    expect(storage.keys().filter((k) => k.startsWith(ENTRY_PREFIX))).toHaveLength(1);

    const reloaded = await boot(h, { storage });
    expect(h.savedLogs).toHaveLength(1);
    expect(reloaded.store.getState().outboxPending).toBe(0);
    expect(reloaded.store.getState().recentCalls).toHaveLength(1);
    const again = await boot(h, { storage });
    await again.clock.advance(600_000);
    expect(h.savedLogs).toHaveLength(1);
  });

  it("logs a call the page was closed on, once, at the next start", async () => {
    const storage = new MemoryStorage();
    const h = host();
    const t = await boot(h, { storage });
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    t.store.actions.setNotes("Was mid-sentence");
    await t.clock.advance(4000);
    await t.store.dispose();
    expect(h.savedLogs).toHaveLength(0);

    const next = await boot(h, { storage, clock: t.clock });
    expect(h.savedLogs).toHaveLength(1);
    expect(h.savedLogs[0].fields).toMatchObject({
      CallType: "Inbound",
      WhoId: ADA.id,
      Description: expect.stringContaining("Was mid-sentence")
    });
    expect(next.store.getState().recentCalls[0].number).toBe("+14155550100");
    await boot(h, { storage, clock: t.clock });
    expect(h.savedLogs).toHaveLength(1);
  });

  it("asks findLoggedCall before resending", async () => {
    const h = host({ "/softphoneSettings/wrapUpSeconds": "0" });
    h.saveLogOutcomes.push(new HostFailure("TIMEOUT", "no callback", "saveLog"));
    const asked: string[] = [];
    const t = await boot(h, {
      deps: {
        crm: {
          ...apexCrmOf(h),
          findLoggedCall: async (id) => (asked.push(id), '{"taskId":"00T000000000123AAA"}')
        }
      }
    });
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.decline();
    await t.clock.advance(2000);
    expect(asked).toHaveLength(1);
    expect(h.callsTo("saveLog")).toHaveLength(1);
    expect(t.store.getState().outboxPending).toBe(0);
  });
});

describe("call log lookup before a resend", () => {
  async function timedOut(lookup?: (p: Record<string, string>) => unknown) {
    const h = host({ "/softphoneSettings/wrapUpSeconds": "0" });
    h.saveLogOutcomes.push(new HostFailure("TIMEOUT", "no callback", "saveLog"));
    if (lookup) h.apex.set("SoftphoneCallLog.findByCallObject", lookup);
    const t = await boot(h);
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.decline();
    await t.clock.advance(2000);
    return { h, t };
  }

  it("asks SoftphoneCallLog.findByCallObject and does not resend a Task that exists", async () => {
    const asked: string[] = [];
    const { h, t } = await timedOut((p) => {
      asked.push(p.callObject);
      return '{"taskId":"00T000000000777AAA"}';
    });
    expect(asked).toEqual([t.store.getState().recentCalls[0].id]);
    expect(h.callsTo("saveLog")).toHaveLength(1);
    expect(t.store.getState().outboxPending).toBe(0);
  });

  it("resends when the lookup finds nothing or is not deployed", async () => {
    const none = await timedOut(() => '{"taskId":null}');
    expect(none.h.callsTo("saveLog")).toHaveLength(2);
    const missing = await timedOut();
    expect(missing.h.callsTo("saveLog")).toHaveLength(2);
    expect(missing.t.store.getState().outboxPending).toBe(0);
  });
});

describe("directory and odds and ends", () => {
  it("searches the directory, ignoring stale answers and reporting failures", async () => {
    const h = host();
    const t = await boot(h);
    await t.store.actions.searchDirectory("   ");
    expect(t.store.getState().directory).toEqual({ query: "", status: "idle", entries: [] });
    const first = t.store.actions.searchDirectory("a");
    const second = t.store.actions.searchDirectory("ab");
    await Promise.all([first, second]);
    expect(t.store.getState().directory.query).toBe("ab");
    h.apex.set("SoftphoneDirectory.search", () => '{"error":"FORBIDDEN"}');
    await t.store.actions.searchDirectory("x");
    expect(t.store.getState().directory.status).toBe("error");
    h.apex.delete("SoftphoneDirectory.search");
    await t.store.actions.searchDirectory("y");
    expect(t.store.getState().errors.at(-1)?.message).toContain("directory search failed");
  });

  it("records failing host calls as diagnostics without breaking the call", async () => {
    const h = host();
    h.setItemLabel = async () =>
      Promise.reject(new HostFailure("NOT_AVAILABLE", "no utility bar", "setItemLabel"));
    const t = await boot(h);
    await t.store.actions.simulateIncomingCall("+14155550100");
    await settle();
    expect(t.store.getState().call?.state).toBe("ringing");
    expect(
      t.store.getState().errors.some((e) => e.message.includes("setItemLabel: NOT_AVAILABLE"))
    ).toBe(true);
  });

  it("shows a notice when the phone refuses an action", async () => {
    const t = await boot(host());
    await t.store.actions.simulateIncomingCall("+14155550100");
    t.phone.answer = async () =>
      Promise.reject(new PhoneError("MEDIA_DENIED", "Microphone blocked"));
    await t.store.actions.answer();
    expect(t.store.getState().notice).toBe("Could not answer: Microphone blocked");
  });

  it("ignores actions that do not apply", async () => {
    const t = await boot(host());
    await t.store.actions.answer();
    await t.store.actions.decline();
    await t.store.actions.hangup();
    await t.store.actions.hold(true);
    await t.store.actions.mute(true);
    await t.store.actions.sendDigits("1");
    await t.store.actions.chooseMatch(ADA.id);
    t.store.actions.setNotes("x");
    t.store.actions.setDisposition("Busy");
    t.store.actions.setRelatedTo(null);
    await t.store.actions.saveWrapUp();
    await t.store.actions.signIn({ username: "a", password: "b" });
    expect(t.store.getState()).toMatchObject({ call: null, agent: "ready" });
    expect(t.store.getState().notice).toBeUndefined();
  });

  it("survives a throwing state listener and stops on dispose", async () => {
    const t = await boot(host());
    t.store.subscribe(() => {
      throw new Error("view crashed");
    });
    const seen: string[] = [];
    const unsubscribe = t.store.subscribe((s) => seen.push(s.agent));
    await t.store.actions.setReady(false);
    expect(seen).toEqual(["offline"]);
    expect(t.warnings[0]).toContain("view crashed");
    unsubscribe();
    await t.store.dispose();
    expect(t.host.listenerCounts()).toEqual({ clickToDial: 0, navigation: 0, channel: 0 });
  });

  it("follows microphone permission changes", async () => {
    let change: (state: "granted") => void = () => undefined;
    const t = await boot(host(), {
      deps: {
        microphone: async (onChange) => {
          change = onChange;
          return "prompt";
        }
      }
    });
    expect(t.store.getState().microphone).toBe("prompt");
    change("granted");
    expect(t.store.getState().microphone).toBe("granted");
  });

  it("reads unknown microphone permission when the query fails", async () => {
    const t = await boot(host(), {
      deps: { microphone: async () => Promise.reject(new Error("unsupported")) }
    });
    expect(t.store.getState().microphone).toBe("unknown");
  });
});
