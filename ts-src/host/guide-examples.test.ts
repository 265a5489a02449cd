/**
 * The Open CTI Developer Guide's own examples, typed against our API shapes and run against the
 * fake: if a guide example stops compiling or the fake stops answering it, this fails.
 * (The guide's saveLog sample reads `response.result`; Lightning responses carry `success`.)
 */
import type { ClassicResponse } from "./classic/types";
import { FakeOrg, createFakeInteraction, createFakeOpenCti, registerSoftphoneApex } from "./fake";
import type { LightningResponse, SubscribeResponse, WorkStartPayload } from "./lightning/types";

function setup() {
  const org = new FakeOrg();
  registerSoftphoneApex(org);
  org.registerApex("AccountRetrieval", "getAccount", (params, { org: fake }) =>
    JSON.stringify(
      fake
        .query("Account", (a) => String(a.fields.Name).startsWith(params.name ?? ""))
        .map((a) => ({ Id: a.Id, Name: a.fields.Name }))
    )
  );
  org.addAccount({ Name: "acme", Phone: "(212) 555-5555" });
  const sforce = { opencti: createFakeOpenCti(org), interaction: createFakeInteraction(org) };
  return { org, sforce };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("Lightning Experience examples from the guide", () => {
  it("compile and succeed against the fake", async () => {
    const { org, sforce } = setup();
    const responses: LightningResponse[] = [];
    const callback = function (response: LightningResponse) {
      responses.push(response);
    };

    sforce.opencti.disableClickToDial({ callback: callback });
    sforce.opencti.enableClickToDial({ callback: callback });
    sforce.opencti.getAppViewInfo({ callback: callback });
    sforce.opencti.getCallCenterSettings({ callback: callback });
    sforce.opencti.getSoftphoneLayout({ callback: callback });
    sforce.opencti.isSoftphonePanelVisible({ callback: callback });
    sforce.opencti.notifyInitializationComplete();
    sforce.opencti.onClickToDial({
      listener: function (payload) {
        responses.push({
          success: true,
          returnValue: `Clicked phone number: ${payload.number}`,
          errors: null
        });
      }
    });
    sforce.opencti.onNavigationChange({ listener: (payload) => void payload.url });

    const refreshParam: { callback?: typeof callback } = {};
    // The guide's refreshView({}) throws in Salesforce's library: an empty object is refused
    // (no argument at all is fine), see OPENCTI-LIBRARY.md.
    expect(() => sforce.opencti.refreshView(refreshParam)).toThrow(TypeError);
    sforce.opencti.refreshView();
    refreshParam.callback = callback;
    sforce.opencti.refreshView(refreshParam);

    const apexParam: {
      apexClass: string;
      methodName: string;
      methodParams: string;
      callback?: typeof callback;
    } = {
      apexClass: "AccountRetrieval",
      methodName: "getAccount",
      methodParams: "name=acme"
    };
    apexParam.callback = callback;
    sforce.opencti.runApex(apexParam);

    const contactId = org.addContact({ LastName: "Old lastname" }).Id;
    sforce.opencti.saveLog({
      value: { Id: contactId, LastName: "New lastname" },
      callback: callback
    });
    sforce.opencti.saveLog({
      value: { entityApiName: "Contact", LastName: "LastName" },
      callback: callback
    });

    sforce.opencti.screenPop({
      type: sforce.opencti.SCREENPOP_TYPE.OBJECTHOME,
      params: { scope: "Account" },
      callback: callback
    });
    sforce.opencti.screenPop({
      type: sforce.opencti.SCREENPOP_TYPE.FLOW,
      params: {
        flowDevName: "Flow_Dev_Name",
        flowArgs: [{ name: "Name", type: "Type", value: "Value" }]
      }
    });
    sforce.opencti.screenPop({
      type: sforce.opencti.SCREENPOP_TYPE.NEW_RECORD_MODAL,
      params: { entityName: "Contact", defaultFieldValues: { LastName: "Caller" } }
    });
    sforce.opencti.searchAndScreenPop({
      searchParams: "Acme",
      queryParams: "Key1=value1&Key2=value2",
      callType: sforce.opencti.CALL_TYPE.INBOUND,
      deferred: false,
      callback: callback
    });
    sforce.opencti.searchAndScreenPop({
      searchParams: "searchTermWithEmptyResults",
      callType: "inbound",
      defaultFieldValues: { LastName: "searchAndScreenPopLastName" },
      deferred: false,
      params: {
        FLOW: { flowArgs: [{ name: "Your_Name", type: "Your_Type", value: "Your_Value" }] }
      },
      callback: function (result) {
        responses.push(result);
      }
    });

    sforce.opencti.setSoftphoneItemIcon({ key: "call", callback: callback });
    sforce.opencti.setSoftphoneItemLabel({ label: "MySoftphone", callback: callback });
    sforce.opencti.setSoftphonePanelHeight({ heightPX: 400, callback: callback });
    sforce.opencti.setSoftphonePanelIcon({ key: "call", callback: callback });
    sforce.opencti.setSoftphonePanelLabel({ label: "Mysoftphone", callback: callback });
    sforce.opencti.setSoftphonePanelVisibility({ visible: true, callback: callback });
    sforce.opencti.setSoftphonePanelWidth({ widthPX: 400, callback: callback });

    sforce.opencti.hvs.onWorkStart({
      listener: function (payload: WorkStartPayload) {
        responses.push({
          success: true,
          returnValue: [payload.workId, payload.completeWorkWhen, payload.attributes?.to],
          errors: null
        });
      }
    });
    sforce.opencti.hvs.completeWork({
      workId: "a07B00000006VFHrIAO",
      attributes: { disposition: "Completed", taskId: "00TR00000032yfVMAQ", wasConnected: true },
      callback: callback
    });

    await flush();
    expect(responses.length).toBe(21);
    expect(responses.filter((response) => !response.success)).toEqual([]);
    expect(org.get(contactId)?.fields.LastName).toBe("New lastname");
    const apex = responses.find(
      (r) =>
        typeof r.returnValue === "object" && r.returnValue !== null && "runApex" in r.returnValue
    );
    expect(JSON.parse(String((apex?.returnValue as { runApex: unknown }).runApex))).toEqual([
      expect.objectContaining({ Name: "acme" })
    ]);

    org.clickToDialEnabled = true;
    org.fireClickToDial({ number: "4155551212" });
    org.fireWorkStart({ workId: "a07B00000006VFHrIAO", attributes: { to: "4155551212" } });
    await flush();
    expect(responses.slice(-2).map((r) => r.returnValue)).toEqual([
      "Clicked phone number: 4155551212",
      ["a07B00000006VFHrIAO", "TaskSaved", "4155551212"]
    ]);
  });

  it("runs the Lightning message service sample", async () => {
    const { org, sforce } = setup();
    const SAMPLEMC = "SAMPLEMC__c";
    let SAMPLEMC_SUBSCRIPTION: unknown = null;
    const received: unknown[] = [];
    const onPublishMessage = (message: unknown) => received.push(message);
    const subscribeSampleMCcallback = (result: SubscribeResponse) => {
      if (result.success) SAMPLEMC_SUBSCRIPTION = result.subscription;
    };
    const lightningMessageServiceCallback = (result: LightningResponse) => {
      if (!result.success) throw new Error(JSON.stringify(result.errors));
    };
    sforce.opencti.subscribe({
      channelName: SAMPLEMC,
      listener: onPublishMessage,
      callback: subscribeSampleMCcallback
    });
    await flush();
    expect(SAMPLEMC_SUBSCRIPTION).not.toBeNull();
    const message = {
      from: "LightningMessageService_OpenCTI_TestPage",
      type: "SampleMC",
      time: "12:00:00"
    };
    sforce.opencti.publish({
      channelName: SAMPLEMC,
      message: message,
      callback: lightningMessageServiceCallback
    });
    await flush();
    expect(received).toEqual([message]);
    sforce.opencti.unsubscribe({
      subscription: SAMPLEMC_SUBSCRIPTION,
      callback: lightningMessageServiceCallback
    });
    await flush();
    expect(org.messageBus.subscriberCount(SAMPLEMC)).toBe(0);
  });

  it("rejects shapes the guide does not allow (type errors)", () => {
    const { sforce } = setup();
    // @ts-expect-error heightPX is a number
    sforce.opencti.setSoftphonePanelHeight({ heightPX: "400" });
    // @ts-expect-error the guide's SCREENPOP_TYPE.SUBJECT is a typo for SOBJECT
    expect(sforce.opencti.SCREENPOP_TYPE.SUBJECT).toBeUndefined();
    // @ts-expect-error callType is required
    sforce.opencti.searchAndScreenPop({ searchParams: "Acme" });
    // @ts-expect-error a SEARCH pop takes searchString
    sforce.opencti.screenPop({ type: "search", params: { recordId: "001" } });
    expect(sforce.opencti.SCREENPOP_TYPE.SOBJECT).toBe("sobject");
  });
});

describe("Salesforce Classic examples from the guide", () => {
  it("compile and succeed against the fake", async () => {
    const { org, sforce } = setup();
    const responses: ClassicResponse[] = [];
    const callback = function (response: ClassicResponse) {
      responses.push(response);
    };

    sforce.interaction.getPageInfo(callback);
    sforce.interaction.isInConsole(callback);
    sforce.interaction.isVisible(callback);
    sforce.interaction.cti.notifyInitializationComplete();
    sforce.interaction.onFocus(callback);
    const caseId = org.addCase({ Subject: "Our Widgets have not been delivered." }).Id;
    sforce.interaction.entityFeed.onObjectUpdate(function (response) {
      responses.push({
        result: [response.fieldsUpdated, response.relatedListsUpdated, response.feedUpdated]
      });
    });
    sforce.interaction.entityFeed.refreshObject(caseId, true, true, true, function (response) {
      responses.push(response);
    });
    sforce.interaction.refreshPage(callback);
    org.fireNavigationChange({ recordId: caseId });
    sforce.interaction.refreshRelatedList("Contact", function checkRefreshResult(result) {
      responses.push(result);
    });
    sforce.interaction.entityFeed.reloadFrame();
    sforce.interaction.runApex("AccountRetrieval", "getAccount", "name=acme", callback);
    sforce.interaction.saveLog("Account", "Name=NewAccountName&Phone=4155551212", callback);
    sforce.interaction.screenPop("/001x0000003DGQR", true, callback);
    sforce.interaction.searchAndGetScreenPopUrl(
      "Acme",
      "Key1=value1&Key2=value2",
      "inbound",
      callback
    );
    sforce.interaction.searchAndScreenPop("Acme", "Key1=value1&Key2=value2", "inbound", callback);
    sforce.interaction.setVisible(false, callback);
    sforce.interaction.cti.disableClickToDial(callback);
    sforce.interaction.cti.enableClickToDial(callback);
    sforce.interaction.cti.getCallCenterSettings(callback);
    const isGlobal = false;
    const callCenterName = "My Call Center";
    sforce.interaction.cti.getDirectoryNumbers(isGlobal, callCenterName, callback);
    sforce.interaction.cti.getSoftphoneLayout(callback);
    sforce.interaction.cti.onClickToDial(function (response) {
      if (response.result) responses.push(response);
    });
    sforce.interaction.cti.setSoftphoneHeight(200, callback);
    sforce.interaction.cti.setSoftphoneWidth(200, callback);

    await flush();
    expect(responses).toHaveLength(20);
    expect(responses.filter((response) => response.error !== undefined)).toEqual([]);
    const saved = responses.find((response) => typeof response.id === "string");
    expect(saved).toMatchObject({ result: true });
    expect(org.get(saved?.id ?? "")?.fields).toMatchObject({
      Name: "NewAccountName",
      Phone: "4155551212"
    });
    const directory = responses.find(
      (r) => typeof r.result === "string" && r.result.includes("directoryNumbers")
    );
    expect(JSON.parse(String(directory?.result))).toEqual({ directoryNumbers: [], hasNext: false });
  });

  it("rejects shapes the guide does not allow (type errors)", () => {
    const { sforce } = setup();
    // @ts-expect-error Classic saveLog takes a query string, not an object
    sforce.interaction.saveLog("Account", { Name: "x" });
    // @ts-expect-error Classic notifyInitializationComplete lives on .cti
    expect(sforce.interaction.notifyInitializationComplete).toBeUndefined();
  });
});
