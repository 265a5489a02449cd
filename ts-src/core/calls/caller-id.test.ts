import { apexKey } from "../../host/apex-crm";
import { boot } from "../testing/harness";
import { settle } from "../testing/fake-clock";
import { ADA, ADA2, CASE, host } from "../testing/softphone-fixtures";

describe("inbound screen pop", () => {
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
    expect(
      off.host
        .callsTo("runApex")
        .filter(([cls, method]) => `${cls}.${method}` !== apexKey("whoAmI"))
    ).toEqual([]);
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
});

describe("outbound association", () => {
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
});
