/**
 * The same CtiHost behaviour, checked on both Open CTI hosts over the fake org: core code can
 * use either without knowing which one it has.
 */
import { ClassicHost } from "./classic/classic-host";
import type { ApexRunner } from "./apex-crm";
import { supportsDeferredScreenPop, type CtiHost } from "./cti-host";
import type { OpenCtiError } from "./errors";
import { FakeOrg, createFakeInteraction, createFakeOpenCti, registerSoftphoneApex } from "./fake";
import { LightningHost } from "./lightning/lightning-host";

type Kind = "lightning" | "classic";

function setup(kind: Kind): { org: FakeOrg; host: CtiHost & ApexRunner } {
  const org = new FakeOrg();
  registerSoftphoneApex(org);
  const host =
    kind === "lightning"
      ? new LightningHost(createFakeOpenCti(org), { timeoutMs: 1000 })
      : new ClassicHost(createFakeInteraction(org), { timeoutMs: 1000 });
  return { org, host };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as OpenCtiError
  );

describe.each<Kind>(["lightning", "classic"])("CtiHost contract: %s", (kind) => {
  it("has its kind", () => {
    expect(setup(kind).host.kind).toBe(kind);
  });

  it("reads call center settings as /section/item keys", async () => {
    const { host } = setup(kind);
    expect(await host.getCallCenterSettings()).toMatchObject({
      "/reqGeneralInfo/reqInternalName": "OpenCtiSoftphone",
      "/softphoneSettings/screenPop": "apex"
    });
  });

  it("notifies initialisation", async () => {
    const { org, host } = setup(kind);
    await host.notifyInitializationComplete();
    expect(org.initialized).toBe(true);
  });

  it("turns click-to-dial on and off and normalises clicks, person accounts included", async () => {
    const { org, host } = setup(kind);
    const { account, contact } = org.addPersonAccount({
      FirstName: "Pat",
      LastName: "Person",
      Phone: "555 0100"
    });
    const events = jest.fn();
    const stop = host.onClickToDial(events);
    await host.enableClickToDial();
    org.fireClickToDial({ number: "555 0100", recordId: account.Id });
    await flush();
    expect(events).toHaveBeenCalledWith({
      number: "555 0100",
      recordId: account.Id,
      recordName: "Pat Person",
      objectType: "Account",
      personAccount: true,
      contactId: contact.Id
    });
    stop();
    org.fireClickToDial({ number: "1" });
    await flush();
    expect(events).toHaveBeenCalledTimes(1);
    await host.disableClickToDial();
    expect(org.clickToDialEnabled).toBe(false);
  });

  it("reports the page and navigation changes the same way", async () => {
    const { org, host } = setup(kind);
    const acme = org.addAccount({ Name: "Acme" });
    const pages = jest.fn();
    host.onNavigationChange(pages);
    org.fireNavigationChange({ url: `/lightning/r/Account/${acme.Id}/view`, recordId: acme.Id });
    await flush();
    const expected = {
      url: `/lightning/r/Account/${acme.Id}/view`,
      recordId: acme.Id,
      recordName: "Acme",
      objectType: "Account"
    };
    expect(pages).toHaveBeenCalledWith(expected);
    expect(await host.getPageInfo()).toEqual(expected);
    org.fireNavigationChange({ url: "/lightning/page/home" });
    expect(await host.getPageInfo()).toEqual({ url: "/lightning/page/home" });
  });

  it("runs Apex with encoded parameters and parses JSON", async () => {
    const { org, host } = setup(kind);
    const contact = org.addContact({
      LastName: "Ng",
      Phone: "+1 212 555 5555",
      AccountId: org.addAccount({ Name: "Acme" }).Id
    });
    const result = (await host.runApex("SoftphoneCallerLookup", "findByPhone", {
      phone: "+1 (212) 555-5555"
    })) as {
      matches: { id: string; accountName?: string }[];
    };
    expect(result.matches).toEqual([
      expect.objectContaining({ id: contact.Id, accountName: "Acme" })
    ]);
    expect(await failureOf(host.runApex("Unknown", "m", {}))).toMatchObject({
      code: "SERVER_ERROR"
    });
  });

  it("saves a call log Task and resolves with its Id; bad fields fail and save nothing", async () => {
    const { org, host } = setup(kind);
    const contact = org.addContact({ LastName: "Ng" });
    const { recordId } = await host.saveLog("Task", {
      Subject: "Outbound call to +12125555555",
      TaskSubtype: "Call",
      Type: "Call",
      Status: "Completed",
      ActivityDate: "2026-11-27",
      CallType: "Outbound",
      CallDurationInSeconds: 93,
      CallObject: "call-1",
      CallDisposition: "Connected",
      Description: "Notes & more",
      WhoId: contact.Id
    });
    expect(org.get(recordId)?.fields).toMatchObject({
      CallDurationInSeconds: 93,
      Description: "Notes & more",
      WhoId: contact.Id
    });
    const error = await failureOf(
      host.saveLog("Task", { Subject: "x", WhoId: org.addAccount({ Name: "Not a who" }).Id })
    );
    expect(error).toMatchObject({ code: "GENERIC_ERROR", method: "saveLog" });
    expect(org.tasks).toHaveLength(1);
  });

  it("refreshes the view", async () => {
    const { org, host } = setup(kind);
    await host.refreshView();
    expect(org.refreshes).toHaveLength(1);
  });

  it("pops a record, a new record with defaults, a search and a flow", async () => {
    const { org, host } = setup(kind);
    const contact = org.addContact({ LastName: "Ng" });
    await host.screenPop({ type: "sobject", recordId: contact.Id });
    await host.screenPop({
      type: "newRecord",
      entityName: "Contact",
      defaultFieldValues: { Phone: "+12125555555" }
    });
    await host.screenPop({ type: "search", searchString: "Acme" });
    await host.screenPop({
      type: "flow",
      flowDevName: "New_Caller",
      flowArgs: [{ name: "phone", type: "String", value: "555" }]
    });
    expect(org.screenPops).toHaveLength(4);
    expect(await failureOf(host.screenPop({ type: "search", searchString: "ab" }))).toMatchObject({
      code: "INVALID_PARAM"
    });
    expect(org.screenPops).toHaveLength(4);
  });

  it("searches the softphone layout and pops the single match", async () => {
    const { org, host } = setup(kind);
    const lead = org.addLead({ LastName: "Lee", Company: "Lee Ltd", Phone: "(650) 555-0123" });
    org.addLead({ LastName: "Old", Company: "Old Ltd", Phone: "650 555 0123", IsConverted: true });
    const records = await host.searchAndScreenPop({
      searchParams: "6505550123",
      callType: "inbound"
    });
    expect(Object.keys(records)).toEqual([lead.Id]);
    expect(records[lead.Id]).toMatchObject({ Id: lead.Id, Name: "Lee", RecordType: "Lead" });
    expect(org.screenPops).toHaveLength(1);
  });

  it("searches without popping and pops later (deferred)", async () => {
    const { org, host } = setup(kind);
    expect(supportsDeferredScreenPop(host)).toBe(true);
    if (!supportsDeferredScreenPop(host)) return;
    const contact = org.addContact({ LastName: "Ng", Phone: "555 0100" });
    const found = await host.searchForScreenPop({ searchParams: "5550100", callType: "inbound" });
    expect(Object.keys(found.records)).toEqual([contact.Id]);
    expect(found.screenPopData).not.toBeNull();
    expect(org.screenPops).toHaveLength(0);
    await host.popDeferred(found.screenPopData);
    expect(org.screenPops).toHaveLength(1);
    await expect(host.popDeferred(42)).rejects.toMatchObject({ code: "INVALID_PARAM" });
  });

  it("shows, hides and sizes the panel", async () => {
    const { org, host } = setup(kind);
    const changes = jest.fn();
    org.onPanelChange(changes);
    await host.setPanelVisible(false);
    expect(await host.isPanelVisible()).toBe(false);
    await host.setPanelVisible(true);
    await host.setPanelSize({ height: 500, width: 360 });
    expect(org.panel).toMatchObject({ visible: true, heightPX: 500, widthPX: 360 });
    expect(changes).toHaveBeenCalledTimes(4);
    expect(await failureOf(host.setPanelSize({ height: -5 }))).toMatchObject({
      code: "INVALID_PARAM"
    });
  });

  it("sets the item label and icon where the host has them", async () => {
    const { org, host } = setup(kind);
    await host.setItemLabel("On call 00:12");
    await host.setItemIcon("end_call");
    expect(org.panel.itemLabel).toBe(kind === "lightning" ? "On call 00:12" : "Phone");
  });

  it("publishes and subscribes on the message channel, or says it is not available", async () => {
    const { org, host } = setup(kind);
    if (kind === "classic") {
      await expect(host.subscribe("Softphone__c", () => undefined)).rejects.toMatchObject({
        code: "NOT_AVAILABLE"
      });
      await expect(host.publish("Softphone__c", { type: "state" })).rejects.toMatchObject({
        code: "NOT_AVAILABLE"
      });
      return;
    }
    const received = jest.fn();
    const unsubscribe = await host.subscribe("Softphone__c", received);
    org.messageBus.publish("Softphone__c", { source: "panel", type: "requestState" });
    await flush();
    expect(received).toHaveBeenCalledWith({ source: "panel", type: "requestState" });
    await host.publish("Softphone__c", {
      source: "softphone",
      type: "state",
      payload: { agent: "ready", call: null }
    });
    expect(org.messageBus.published.at(-1)?.message).toEqual({
      source: "softphone",
      type: "state",
      payload: { agent: "ready", call: null }
    });
    unsubscribe();
    await flush();
    expect(org.messageBus.subscriberCount("Softphone__c")).toBe(0);
  });

  it("handles Sales Engagement work, or never calls the listener", async () => {
    const { org, host } = setup(kind);
    const work = jest.fn();
    host.onWorkStart(work);
    org.fireWorkStart({
      workId: "0Zv1",
      attributes: { to: "+14155550100" },
      workTargetId: "00QFk0000000001AAA"
    });
    await flush();
    if (kind === "classic") {
      expect(work).not.toHaveBeenCalled();
      await expect(host.completeWork("0Zv1", {})).rejects.toMatchObject({ code: "NOT_AVAILABLE" });
      return;
    }
    expect(work).toHaveBeenCalledWith({
      workId: "0Zv1",
      workTargetId: "00QFk0000000001AAA",
      to: "+14155550100"
    });
    await host.completeWork("0Zv1", {
      disposition: "Connected",
      taskId: "00T1",
      wasConnected: true
    });
    expect(org.completedWork).toHaveLength(1);
  });
});

describe("host differences", () => {
  it("Lightning checks panel limits 240–2560 × 200–1920 before resizing anything", async () => {
    const { org, host } = setup("lightning");
    await expect(host.setPanelSize({ height: 600, width: 100 })).rejects.toMatchObject({
      code: "INVALID_PARAM"
    });
    expect(org.calls).toHaveLength(0);
    await host.setPanelSize({ width: 200 });
    expect(org.panel.widthPX).toBe(200);
  });

  it("Classic pops Classic URLs and refuses what it cannot open", async () => {
    const { org, host } = setup("classic");
    await host.screenPop({
      type: "newRecord",
      entityName: "Lead",
      defaultFieldValues: { Phone: "+1 650", Title: "ignored" }
    });
    await host.screenPop({ type: "objecthome", scope: "Case" });
    await host.screenPop({ type: "list", scope: "Account", listViewId: "00BFk0000000001AAA" });
    await host.screenPop({
      type: "flow",
      flowDevName: "Caller",
      flowArgs: [{ name: "phone", type: "String", value: "+1 650" }]
    });
    expect(org.screenPops.map((pop) => pop.url)).toEqual([
      "/00Q/e?lea8=%2B1%20650",
      "/500/o",
      "/001?fcf=00BFk0000000001",
      "/flow/Caller?phone=%2B1%20650"
    ]);
    await expect(host.screenPop({ type: "objecthome", scope: "Invoice__c" })).rejects.toMatchObject(
      { code: "INVALID_PARAM" }
    );
    await expect(host.screenPop({ type: "url", url: "https://example.com" })).rejects.toMatchObject(
      { code: "INVALID_PARAM" }
    );
    await expect(
      host.screenPop({ type: "sobject", recordId: "javascript:alert(1)" })
    ).rejects.toMatchObject({ code: "INVALID_PARAM" });
  });

  it("Classic reports a refused show/hide as an error", async () => {
    const org = new FakeOrg();
    const api = createFakeInteraction(org);
    const host = new ClassicHost(
      { ...api, setVisible: (_value, cb) => cb?.({ result: false }) },
      { timeoutMs: 1000 }
    );
    await expect(host.setPanelVisible(false)).rejects.toMatchObject({
      code: "GENERIC_ERROR",
      method: "setPanelVisible"
    });
  });
});
