import { PhoneError } from "../../phone/phone";
import { boot } from "../testing/harness";
import { settle } from "../testing/fake-clock";
import { ADA, CASE, host, methods } from "../testing/softphone-fixtures";

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
