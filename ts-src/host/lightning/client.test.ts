import { OpenCtiError } from "../errors";
import { FakeOrg, createFakeOpenCti, registerSoftphoneApex } from "../fake";
import { OpenCtiLightningClient } from "./client";
import { CALL_TYPE, SCREENPOP_TYPE } from "./types";

function setup(options: { timeoutMs?: number } = {}) {
  const org = new FakeOrg();
  registerSoftphoneApex(org);
  const api = createFakeOpenCti(org);
  const client = new OpenCtiLightningClient(api, {
    timeoutMs: options.timeoutMs ?? 1000,
    retryBaseDelayMs: 10
  });
  return { org, api, client };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as OpenCtiError
  );

describe("OpenCtiLightningClient", () => {
  afterEach(() => jest.useRealTimers());

  it("exposes the API's constants", () => {
    const { client } = setup();
    expect(client.CALL_TYPE).toEqual({
      INBOUND: "inbound",
      OUTBOUND: "outbound",
      INTERNAL: "internal"
    });
    expect(client.SCREENPOP_TYPE).toBe(SCREENPOP_TYPE);
  });

  describe("click-to-dial", () => {
    it("enables and disables", async () => {
      const { org, client } = setup();
      await client.enableClickToDial();
      expect(org.clickToDialEnabled).toBe(true);
      await client.disableClickToDial();
      expect(org.clickToDialEnabled).toBe(false);
      expect(org.calls.map((call) => call.method)).toEqual([
        "enableClickToDial",
        "disableClickToDial"
      ]);
    });

    it("reports a failure with its code", async () => {
      const { org, client } = setup();
      org.failNext("enableClickToDial", "GENERIC_ERROR");
      expect(await failureOf(client.enableClickToDial())).toMatchObject({
        code: "GENERIC_ERROR",
        method: "enableClickToDial"
      });
      org.failNext("disableClickToDial", "SERVER_ERROR");
      expect(await failureOf(client.disableClickToDial())).toMatchObject({ code: "SERVER_ERROR" });
    });

    it("registers onClickToDial once, fans out, and stops a listener on unsubscribe", async () => {
      const { org, client } = setup();
      await client.enableClickToDial();
      const a = jest.fn();
      const b = jest.fn();
      const stopA = client.onClickToDial(a);
      client.onClickToDial(b);
      expect(org.callsTo("onClickToDial")).toHaveLength(1);
      org.fireClickToDial({ number: "4155551212", params: "x,y" });
      await flush();
      expect(a).toHaveBeenCalledWith({ number: "4155551212", params: "x,y" });
      stopA();
      org.fireClickToDial({ number: "1" });
      await flush();
      expect(a).toHaveBeenCalledTimes(1);
      expect(b).toHaveBeenCalledTimes(2);
    });

    it("keeps delivering to other listeners when one throws", async () => {
      const { org, client } = setup();
      await client.enableClickToDial();
      const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
      client.onClickToDial(() => {
        throw new Error("listener bug");
      });
      const good = jest.fn();
      client.onClickToDial(good);
      org.fireClickToDial({ number: "100" });
      await flush();
      expect(good).toHaveBeenCalled();
      expect(spy).toHaveBeenCalled();
      spy.mockRestore();
    });

    it("delivers person account details", async () => {
      const { org, client } = setup();
      const { account, contact } = org.addPersonAccount({
        FirstName: "Pat",
        LastName: "Person",
        Phone: "555 0100"
      });
      await client.enableClickToDial();
      const listener = jest.fn();
      client.onClickToDial(listener);
      org.fireClickToDial({ number: "555 0100", recordId: account.Id });
      await flush();
      expect(listener).toHaveBeenCalledWith({
        number: "555 0100",
        recordId: account.Id,
        recordName: "Pat Person",
        objectType: "Account",
        personAccount: true,
        contactId: contact.Id
      });
    });
  });

  describe("page and settings", () => {
    it("getAppViewInfo returns the current page and follows navigation", async () => {
      const { org, client } = setup();
      const account = org.addAccount({ Name: "Acme" });
      const seen = jest.fn();
      const stop = client.onNavigationChange(seen);
      org.fireNavigationChange({ recordId: account.Id });
      await flush();
      const expected = {
        url: `/lightning/r/Account/${account.Id}/view`,
        recordId: account.Id,
        recordName: "Acme",
        objectType: "Account"
      };
      expect(seen).toHaveBeenCalledWith(expected);
      expect(await client.getAppViewInfo()).toEqual(expected);
      stop();
      org.fireNavigationChange({ url: "/lightning/o/Account/list" });
      await flush();
      expect(seen).toHaveBeenCalledTimes(1);
      expect(org.callsTo("onNavigationChange")).toHaveLength(1);
    });

    it("getCallCenterSettings returns string settings; a failure rejects", async () => {
      const { org, client } = setup();
      expect(await client.getCallCenterSettings()).toMatchObject({
        "/reqGeneralInfo/reqSoftphoneHeight": "400"
      });
      org.failNext("getCallCenterSettings", "SERVER_ERROR");
      expect(await failureOf(client.getCallCenterSettings())).toMatchObject({
        code: "SERVER_ERROR"
      });
      org.failNext("getAppViewInfo", "GENERIC_ERROR");
      expect(await failureOf(client.getAppViewInfo())).toMatchObject({ code: "GENERIC_ERROR" });
    });

    it("getSoftphoneLayout returns the layout, or fails when none is assigned", async () => {
      const { org, client } = setup();
      const layout = await client.getSoftphoneLayout();
      expect(layout.Inbound?.screenPopSettings.NoMatch).toEqual({
        screenPopType: "PopToEntity",
        screenPopData: "Contact"
      });
      org.softphoneLayout = null;
      expect(await failureOf(client.getSoftphoneLayout())).toMatchObject({ code: "GENERIC_ERROR" });
    });

    it("notifyInitializationComplete", async () => {
      const { org, client } = setup();
      await client.notifyInitializationComplete();
      expect(org.initialized).toBe(true);
      org.failNext("notifyInitializationComplete", "GENERIC_ERROR");
      expect(await failureOf(client.notifyInitializationComplete())).toBeInstanceOf(OpenCtiError);
    });

    it("refreshView records a refresh; failures reject", async () => {
      const { org, client } = setup();
      await client.refreshView();
      expect(org.refreshes).toHaveLength(1);
      org.failNext("refreshView", "GENERIC_ERROR");
      expect(await failureOf(client.refreshView())).toMatchObject({ code: "GENERIC_ERROR" });
    });
  });

  describe("runApex", () => {
    it("URL-encodes every parameter and parses a JSON result", async () => {
      const { org, client } = setup();
      const seen: Record<string, string>[] = [];
      org.registerApex("Echo", "run", (params) => {
        seen.push({ ...params });
        return JSON.stringify({ echoed: params });
      });
      const value = await client.runApex("Echo", "run", {
        phone: "+1 (212) 555-5555",
        q: "a&b=c",
        pct: "100%"
      });
      expect(seen).toEqual([{ phone: "+1 (212) 555-5555", q: "a&b=c", pct: "100%" }]);
      expect(value).toEqual({ echoed: { phone: "+1 (212) 555-5555", q: "a&b=c", pct: "100%" } });
      expect(org.callsTo("runApex")[0]?.args).toMatchObject({
        apexClass: "Echo",
        methodName: "run",
        methodParams: "phone=%2B1%20(212)%20555-5555&q=a%26b%3Dc&pct=100%25"
      });
    });

    it("shows why encoding matters: an unencoded + arrives as a space", () => {
      const { org, api } = setup();
      const seen: string[] = [];
      org.registerApex("Echo", "run", (params) => {
        seen.push(params.phone ?? "");
        return "";
      });
      api.runApex({ apexClass: "Echo", methodName: "run", methodParams: "phone=+14155550100" });
      expect(seen).toEqual([" 14155550100"]);
    });

    it("returns non-JSON results as text and supports namespaced classes", async () => {
      const { org, client } = setup();
      org.registerApex("acme.Greeter", "hello", (params) => `Hello ${params.name ?? ""}`);
      expect(await client.runApex("acme.Greeter", "hello", { name: "Ada" })).toBe("Hello Ada");
      expect(org.callsTo("runApex")[0]?.args).toMatchObject({ apexClass: "acme.Greeter" });
    });

    it("fails with SERVER_ERROR for an unknown class and a throwing method", async () => {
      const { org, client } = setup();
      expect(await failureOf(client.runApex("Missing", "go"))).toMatchObject({
        code: "SERVER_ERROR",
        description: "Could not load Apex class: Missing"
      });
      org.registerApex("Thrower", "go", () => {
        throw new Error("System.QueryException: List has no rows");
      });
      expect(await failureOf(client.runApex("Thrower", "go"))).toMatchObject({
        code: "SERVER_ERROR",
        description: "System.QueryException: List has no rows"
      });
    });

    it("rejects bad names and parameters before calling Salesforce", async () => {
      const { org, client } = setup();
      expect(await failureOf(client.runApex("", "m"))).toMatchObject({ code: "INVALID_PARAM" });
      expect(await failureOf(client.runApex("A B", "m"))).toMatchObject({ code: "INVALID_PARAM" });
      expect(
        await failureOf(client.runApex("A", "m", { x: {} as unknown as string }))
      ).toMatchObject({ code: "INVALID_PARAM" });
      expect(org.callsTo("runApex")).toHaveLength(0);
    });
  });

  describe("saveLog", () => {
    it("creates with entityApiName and updates with Id", async () => {
      const { org, client } = setup();
      const { recordId } = await client.saveLog({
        entityApiName: "Task",
        Subject: "Call",
        CallType: "Outbound"
      });
      expect(org.get(recordId)?.fields.Subject).toBe("Call");
      const updated = await client.saveLog({ Id: recordId, Description: "notes" });
      expect(updated.recordId).toBe(recordId);
      expect(org.get(recordId)?.fields.Description).toBe("notes");
    });

    it("returns field errors in details", async () => {
      const { client } = setup();
      const error = await failureOf(
        client.saveLog({
          entityApiName: "Task",
          Subject: "x",
          CallType: "inbound",
          CallDurationInSeconds: "ten"
        })
      );
      expect(error?.code).toBe("GENERIC_ERROR");
      const details = error?.details as { fieldErrors: Record<string, { statusCode: string }[]> }[];
      expect(details[0]?.fieldErrors.CallType?.[0]?.statusCode).toBe(
        "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"
      );
      expect(details[0]?.fieldErrors.CallDurationInSeconds?.[0]?.statusCode).toBe(
        "INVALID_TYPE_ON_FIELD_IN_RECORD"
      );
    });

    it("needs entityApiName or Id (checked before calling)", async () => {
      const { org, client } = setup();
      expect(await failureOf(client.saveLog({ Subject: "x" }))).toMatchObject({
        code: "INVALID_PARAM"
      });
      expect(org.callsTo("saveLog")).toHaveLength(0);
    });

    it("accepts the older string returnValue", async () => {
      const api = { ...createFakeOpenCti(new FakeOrg()) };
      api.saveLog = (args) =>
        args.callback?.({ success: true, returnValue: "00TFk0000000001AAA", errors: null });
      const client = new OpenCtiLightningClient(api);
      expect(await client.saveLog({ entityApiName: "Task", Subject: "x" })).toEqual({
        recordId: "00TFk0000000001AAA"
      });
    });
  });

  describe("screenPop", () => {
    it.each([
      [{ type: "sobject", params: { recordId: "001Fk0000000001AAA" } }],
      [{ type: "url", params: { url: "/lightning/o/Case/home" } }],
      [{ type: "objecthome", params: { scope: "Account" } }],
      [{ type: "list", params: { listViewId: "00BFk0000000001", scope: "Contact" } }],
      [{ type: "search", params: { searchString: "Acme" } }],
      [
        {
          type: "newRecord",
          params: { entityName: "Contact", defaultFieldValues: { Phone: "555" } }
        }
      ],
      [
        {
          type: "flow",
          params: {
            flowDevName: "New_Caller",
            flowArgs: [{ name: "phone", type: "String", value: "555" }]
          }
        }
      ]
    ] as const)("pops %j", async (args) => {
      const { org, client } = setup();
      await client.screenPop(args as never);
      expect(org.screenPops).toEqual([{ api: "lightning", type: args.type, params: args.params }]);
    });

    it.each([
      [{ type: "search", params: { searchString: "ab" } }, /at least 3/],
      [{ type: "sobject", params: { recordId: "" } }, /recordId/],
      [{ type: "list", params: { listViewId: "00B" } }, /scope/],
      [{ type: "newRecord", params: {} }, /entityName/],
      [{ type: "flow", params: { flowDevName: "F", flowArgs: [{ value: 1 }] } }, /flowArgs\[0\]/],
      [{ type: "teleport", params: {} }, /type must be one of/],
      [{ type: "url" }, /params is required/]
    ])("rejects %j before calling Salesforce", async (args, message) => {
      const { org, client } = setup();
      const error = await failureOf(client.screenPop(args as never));
      expect(error).toMatchObject({ code: "INVALID_PARAM" });
      expect(error?.description).toMatch(message);
      expect(org.callsTo("screenPop")).toHaveLength(0);
    });
  });

  describe("searchAndScreenPop", () => {
    it("returns matches keyed by Id and pops the single match", async () => {
      const { org, client } = setup();
      const contact = org.addContact({
        FirstName: "Grace",
        LastName: "Hopper",
        Phone: "(415) 555-1212"
      });
      const result = await client.searchAndScreenPop({
        searchParams: "+1 415 555 1212",
        callType: CALL_TYPE.INBOUND
      });
      expect(Object.keys(result.records)).toEqual([contact.Id]);
      expect(result.records[contact.Id]).toMatchObject({
        Id: contact.Id,
        Name: "Grace Hopper",
        RecordType: "Contact",
        Phone: "(415) 555-1212"
      });
      expect(result.screenPopData).toBeUndefined();
      expect(org.screenPops).toEqual([
        { api: "lightning", type: "sobject", params: { recordId: contact.Id } }
      ]);
    });

    it("with deferred returns SCREEN_POP_DATA instead of popping, which screenPop accepts unmodified", async () => {
      const { org, client } = setup();
      const result = await client.searchAndScreenPop({
        searchParams: "5550000",
        callType: "inbound",
        deferred: true,
        defaultFieldValues: { Phone: "5550000" }
      });
      expect(result.records).toEqual({});
      expect(result.screenPopData).toEqual({
        type: "newRecord",
        params: { entityName: "Contact", defaultFieldValues: { Phone: "5550000" } }
      });
      expect(org.screenPops).toHaveLength(0);
      await client.screenPop(result.screenPopData!);
      expect(org.screenPops[0]).toMatchObject({ type: "newRecord" });
    });

    it("passes flow arguments as params.FLOW and finds nothing without a layout", async () => {
      const { org, client } = setup();
      org.softphoneLayout = null;
      const result = await client.searchAndScreenPop({
        searchParams: "Acme",
        callType: "outbound",
        flowArgs: [{ name: "n", type: "String", value: "v" }]
      });
      expect(result.records).toEqual({});
      expect(org.callsTo("searchAndScreenPop")[0]?.args).toMatchObject({
        params: { FLOW: { flowArgs: [{ name: "n" }] } }
      });
      expect(org.screenPops).toHaveLength(0);
    });

    it("rejects a missing call type before calling", async () => {
      const { org, client } = setup();
      expect(
        await failureOf(client.searchAndScreenPop({ searchParams: "x" } as never))
      ).toMatchObject({ code: "INVALID_PARAM" });
      expect(org.calls).toHaveLength(0);
    });
  });

  describe("softphone panel and item", () => {
    it("sets and reads panel state", async () => {
      const { org, client } = setup();
      await client.setSoftphonePanelHeight(240);
      await client.setSoftphonePanelWidth(1920);
      await client.setSoftphonePanelLabel("Phone: on call");
      await client.setSoftphonePanelIcon("end_call");
      await client.setSoftphoneItemLabel("00:42");
      await client.setSoftphoneItemIcon("call");
      await client.setSoftphonePanelVisibility(false);
      expect(await client.isSoftphonePanelVisible()).toBe(false);
      expect(org.panel).toEqual({
        visible: false,
        heightPX: 240,
        widthPX: 1920,
        label: "Phone: on call",
        icon: "end_call",
        itemLabel: "00:42",
        itemIcon: "call"
      });
    });

    it.each([
      ["setSoftphonePanelHeight", 239],
      ["setSoftphonePanelHeight", 2561],
      ["setSoftphonePanelHeight", Number.NaN],
      ["setSoftphonePanelWidth", 199],
      ["setSoftphonePanelWidth", 1921],
      ["setSoftphonePanelVisibility", "yes"],
      ["setSoftphonePanelIcon", ""],
      ["setSoftphoneItemIcon", ""],
      ["setSoftphoneItemLabel", 5],
      ["setSoftphonePanelLabel", undefined]
    ] as const)("%s(%p) fails with INVALID_PARAM without calling", async (method, value) => {
      const { org, client } = setup();
      const call = (client[method] as (v: unknown) => Promise<void>).bind(client);
      expect(await failureOf(call(value))).toMatchObject({ code: "INVALID_PARAM", method });
      expect(org.calls).toHaveLength(0);
    });

    it("the fake itself answers INVALID_PARAM like Salesforce when called directly", async () => {
      const { api } = setup();
      const response = await new Promise((resolve) =>
        api.setSoftphonePanelHeight({ heightPX: 100, callback: resolve })
      );
      expect(response).toMatchObject({
        success: false,
        returnValue: null,
        errors: [{ code: "INVALID_PARAM" }]
      });
    });

    it("isSoftphonePanelVisible failure", async () => {
      const { org, client } = setup();
      org.failNext("isSoftphonePanelVisible", "GENERIC_ERROR");
      expect(await failureOf(client.isSoftphonePanelVisible())).toMatchObject({
        code: "GENERIC_ERROR"
      });
    });
  });

  describe("Lightning message service", () => {
    it("subscribes once per channel, fans out, and unsubscribes when the last listener leaves", async () => {
      const { org, client } = setup();
      const a = jest.fn();
      const b = jest.fn();
      const subA = await client.subscribe("Softphone__c", a);
      const subB = await client.subscribe("Softphone__c", b);
      expect(org.callsTo("subscribe")).toHaveLength(1);
      org.messageBus.publish("Softphone__c", {
        source: "panel",
        type: "dial",
        payload: { number: "100" }
      });
      await flush();
      expect(a).toHaveBeenCalledWith({ source: "panel", type: "dial", payload: { number: "100" } });
      expect(b).toHaveBeenCalledTimes(1);
      await subA.unsubscribe();
      expect(org.callsTo("unsubscribe")).toHaveLength(0);
      await subB.unsubscribe();
      await subB.unsubscribe();
      expect(org.callsTo("unsubscribe")).toHaveLength(1);
      expect(org.messageBus.subscriberCount("Softphone__c")).toBe(0);
    });

    it("publishes to other subscribers and to itself", async () => {
      const { org, client } = setup();
      const outside = jest.fn();
      org.messageBus.subscribe("Softphone__c", outside);
      const own = jest.fn();
      await client.subscribe("Softphone__c", own);
      await client.publish("Softphone__c", { source: "softphone", type: "state" });
      await flush();
      expect(outside).toHaveBeenCalledWith({ source: "softphone", type: "state" });
      expect(own).toHaveBeenCalledWith({ source: "softphone", type: "state" });
    });

    it("rejects unserialisable messages and empty channels; a failed subscribe can be retried", async () => {
      const { org, client } = setup();
      expect(await failureOf(client.publish("Softphone__c", { fn: () => 1 }))).toMatchObject({
        code: "INVALID_PARAM"
      });
      expect(await failureOf(client.publish("", {}))).toMatchObject({ code: "INVALID_PARAM" });
      await expect(client.subscribe("", () => undefined)).rejects.toMatchObject({
        code: "INVALID_PARAM"
      });
      org.failNext("subscribe", "GENERIC_ERROR");
      await expect(client.subscribe("Softphone__c", () => undefined)).rejects.toMatchObject({
        code: "GENERIC_ERROR"
      });
      await expect(client.subscribe("Softphone__c", () => undefined)).resolves.toMatchObject({
        channelName: "Softphone__c"
      });
    });

    it("unsubscribe of an unknown subscription never calls back, as in Salesforce's library: TIMEOUT", async () => {
      const { org, client } = setup({ timeoutMs: 50 });
      expect(await failureOf(client.unsubscribe({ subscriptionId: 99 }))).toMatchObject({
        code: "TIMEOUT"
      });
      expect(org.callsTo("unsubscribe")).toHaveLength(0);
    });
  });

  describe("Sales Engagement", () => {
    it("hears work start and completes work", async () => {
      const { org, client } = setup();
      const seen = jest.fn();
      client.onWorkStart(seen);
      org.fireWorkStart({ workId: "0Zv000000000001", attributes: { to: "+14155550100" } });
      await flush();
      expect(seen).toHaveBeenCalledWith({
        workId: "0Zv000000000001",
        completeWorkWhen: "TaskSaved",
        attributes: { to: "+14155550100" }
      });
      await client.completeWork("0Zv000000000001", {
        disposition: "Completed",
        taskId: "00T1",
        wasConnected: false
      });
      expect(org.completedWork).toEqual([
        {
          workId: "0Zv000000000001",
          attributes: { disposition: "Completed", taskId: "00T1", wasConnected: false }
        }
      ]);
    });

    it("completeWork needs a workId", async () => {
      const { client } = setup();
      expect(await failureOf(client.completeWork("", {}))).toMatchObject({
        code: "INVALID_PARAM",
        method: "hvs.completeWork"
      });
    });
  });

  describe("timeouts and the softphone container", () => {
    it("times out a call whose callback never comes", async () => {
      jest.useFakeTimers();
      const { org, client } = setup({ timeoutMs: 5000 });
      org.dropNext("getCallCenterSettings");
      const settled = failureOf(client.getCallCenterSettings());
      await jest.advanceTimersByTimeAsync(5000);
      expect(await settled).toMatchObject({ code: "TIMEOUT", method: "getCallCenterSettings" });
    });

    it("retries while the container is not ready and succeeds once it is", async () => {
      jest.useFakeTimers();
      const { org, client } = setup();
      org.setContainerReady(false);
      const promise = client.getCallCenterSettings();
      await jest.advanceTimersByTimeAsync(15);
      org.setContainerReady(true);
      await jest.advanceTimersByTimeAsync(100);
      await expect(promise).resolves.toMatchObject({ "/softphoneSettings/provider": "demo" });
      expect(org.callsTo("getCallCenterSettings").length).toBeGreaterThan(1);
    });

    it("gives up with SOFTPHONE_CONTAINER_ERROR when the container stays down", async () => {
      jest.useFakeTimers();
      const { org, client } = setup();
      org.setContainerReady(false);
      const settled = failureOf(client.enableClickToDial());
      await jest.advanceTimersByTimeAsync(10_000);
      expect(await settled).toMatchObject({ code: "SOFTPHONE_CONTAINER_ERROR" });
      expect(org.callsTo("enableClickToDial")).toHaveLength(5);
    });
  });
});

describe("listener payload guards", () => {
  it("drops clicks without a number and turns an empty navigation payload into {}", () => {
    const org = new FakeOrg();
    const api = createFakeOpenCti(org);
    const listeners: { click?: (p: unknown) => void; nav?: (p: unknown) => void } = {};
    const client = new OpenCtiLightningClient({
      ...api,
      onClickToDial: ({ listener }) => (listeners.click = listener as (p: unknown) => void),
      onNavigationChange: ({ listener }) => (listeners.nav = listener as (p: unknown) => void)
    });
    const clicks = jest.fn();
    const pages = jest.fn();
    client.onClickToDial(clicks);
    client.onNavigationChange(pages);
    listeners.click?.(undefined);
    listeners.click?.({ recordId: "003" });
    listeners.click?.({ number: 4155551212 });
    listeners.nav?.(undefined);
    expect(clicks.mock.calls).toEqual([[{ number: 4155551212 }]]);
    expect(pages).toHaveBeenCalledWith({});
  });
});

describe("screenPop URL safety", () => {
  it.each([
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "//evil.example.com",
    "ftp://x"
  ])("refuses %p", async (url) => {
    const { org, client } = setup();
    expect(await failureOf(client.screenPop({ type: "url", params: { url } }))).toMatchObject({
      code: "INVALID_PARAM"
    });
    expect(org.screenPops).toHaveLength(0);
  });

  it("accepts relative and https URLs", async () => {
    const { org, client } = setup();
    await client.screenPop({ type: "url", params: { url: "/apex/CallerPage?id=1" } });
    await client.screenPop({ type: "url", params: { url: "https://kb.example.com/article/42" } });
    expect(org.screenPops).toHaveLength(2);
  });
});

describe("searchAndScreenPop person accounts", () => {
  it("returns IsPersonAccount and PersonContactId for person accounts", async () => {
    const { org, client } = setup();
    const { account, contact } = org.addPersonAccount({
      FirstName: "Pat",
      LastName: "Person",
      Phone: "555 0100"
    });
    const business = org.addAccount({ Name: "Acme", Phone: "555-0100" });
    const result = await client.searchAndScreenPop({
      searchParams: "5550100",
      callType: "inbound"
    });
    expect(result.records[account.Id]).toMatchObject({
      IsPersonAccount: true,
      PersonContactId: contact.Id,
      RecordType: "Account"
    });
    expect(result.records[business.Id]).toMatchObject({ IsPersonAccount: false });
    expect(result.records[business.Id]).not.toHaveProperty("PersonContactId");
    expect(org.screenPops).toEqual([
      { api: "lightning", type: "search", params: { searchString: "5550100" } }
    ]);
  });
});

describe("hvs.completeWork callback without a response", () => {
  it("counts a bare callback as done, and still reports errors", async () => {
    const api = createFakeOpenCti(new FakeOrg());
    const bare = new OpenCtiLightningClient({
      ...api,
      hvs: { ...api.hvs, completeWork: (args) => (args.callback as () => void)() }
    });
    await expect(bare.completeWork("0Zv1", { wasConnected: true })).resolves.toBeUndefined();
    const failing = new OpenCtiLightningClient({
      ...api,
      hvs: {
        ...api.hvs,
        completeWork: (args) =>
          args.callback?.({
            success: false,
            returnValue: null,
            errors: [{ code: "GENERIC_ERROR", description: "no work" }]
          })
      }
    });
    await expect(failing.completeWork("0Zv1", {})).rejects.toMatchObject({
      code: "GENERIC_ERROR",
      description: "no work"
    });
  });
});
