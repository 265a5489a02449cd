import type { OpenCtiError } from "../errors";
import { FakeOrg, createFakeInteraction, registerSoftphoneApex } from "../fake";
import { MAX_DIRECTORY_PAGES, OpenCtiClassicClient } from "./client";
import type { ClassicInteractionApi } from "./types";

function setup(options: { timeoutMs?: number } = {}) {
  const org = new FakeOrg();
  registerSoftphoneApex(org);
  const api = createFakeInteraction(org);
  const client = new OpenCtiClassicClient(api, { timeoutMs: options.timeoutMs ?? 1000 });
  return { org, api, client };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as OpenCtiError
  );

describe("OpenCtiClassicClient", () => {
  afterEach(() => jest.useRealTimers());

  describe("sforce.interaction", () => {
    it("getPageInfo parses the JSON string", async () => {
      const { org, client } = setup();
      const account = org.addAccount({ Name: "Acme" });
      org.fireNavigationChange({ url: `/${account.Id}`, recordId: account.Id });
      expect(await client.getPageInfo()).toEqual({
        url: `/${account.Id}`,
        objectId: account.Id,
        objectName: "Acme",
        object: "Account",
        displayName: "Account"
      });
      org.failNext("getPageInfo");
      expect(await failureOf(client.getPageInfo())).toMatchObject({
        code: "GENERIC_ERROR",
        method: "getPageInfo"
      });
    });

    it("rejects a result that is not JSON", async () => {
      const api = { ...createFakeInteraction(new FakeOrg()) } as ClassicInteractionApi;
      (api as { getPageInfo: ClassicInteractionApi["getPageInfo"] }).getPageInfo = (cb) =>
        cb({ result: "<html>" });
      const client = new OpenCtiClassicClient(api);
      expect(await failureOf(client.getPageInfo())).toMatchObject({ code: "GENERIC_ERROR" });
    });

    it("isInConsole and isVisible", async () => {
      const { org, client } = setup();
      expect(await client.isInConsole()).toBe(false);
      org.inConsole = true;
      expect(await client.isInConsole()).toBe(true);
      expect(await client.isVisible()).toBe(true);
      org.failNext("isVisible");
      expect(await failureOf(client.isVisible())).toMatchObject({ code: "GENERIC_ERROR" });
      org.failNext("isInConsole");
      expect(await failureOf(client.isInConsole())).toMatchObject({ code: "GENERIC_ERROR" });
    });

    it("notifyInitializationComplete takes no callback", async () => {
      const { org, client } = setup();
      await client.notifyInitializationComplete();
      expect(org.initialized).toBe(true);
      expect(org.callsTo("cti.notifyInitializationComplete")[0]?.args).toEqual([]);
    });

    it("onFocus registers once and fans out parsed pages", async () => {
      const { org, client } = setup();
      const contact = org.addContact({ LastName: "Lovelace" });
      const a = jest.fn();
      const b = jest.fn();
      const stop = client.onFocus(a);
      client.onFocus(b);
      expect(org.callsTo("onFocus")).toHaveLength(1);
      org.fireNavigationChange({ url: `/${contact.Id}`, recordId: contact.Id });
      await flush();
      expect(a).toHaveBeenCalledWith(
        expect.objectContaining({ objectId: contact.Id, object: "Contact", objectName: "Lovelace" })
      );
      stop();
      org.fireNavigationChange({ url: "/home/home.jsp" });
      await flush();
      expect(a).toHaveBeenCalledTimes(1);
      expect(b).toHaveBeenLastCalledWith(
        expect.objectContaining({ url: "/home/home.jsp", objectId: "" })
      );
    });

    it("refreshPage, refreshRelatedList", async () => {
      const { org, client } = setup();
      expect(await client.refreshPage()).toBe(true);
      expect(await client.refreshRelatedList("Activity")).toBe(false);
      const account = org.addAccount({ Name: "Acme" });
      org.fireNavigationChange({ recordId: account.Id });
      expect(await client.refreshRelatedList("Activity")).toBe(true);
      expect(org.refreshes.map((r) => r.method)).toEqual(["refreshPage", "refreshRelatedList"]);
      expect(await failureOf(client.refreshRelatedList(""))).toMatchObject({
        code: "INVALID_PARAM"
      });
      org.failNext("refreshPage");
      expect(await failureOf(client.refreshPage())).toMatchObject({ code: "GENERIC_ERROR" });
    });

    it("runApex encodes parameters, parses JSON and reports unknown classes", async () => {
      const { org, client } = setup();
      const contact = org.addContact({ LastName: "Turing", Phone: "+44 20 7946 0958" });
      expect(
        await client.runApex("SoftphoneCallerLookup", "findByPhone", { phone: "+44 20 7946 0958" })
      ).toEqual({
        matches: [
          { id: contact.Id, name: "Turing", objectType: "Contact", phone: "+44 20 7946 0958" }
        ]
      });
      expect(org.callsTo("runApex")[0]?.args).toEqual([
        "SoftphoneCallerLookup",
        "findByPhone",
        "phone=%2B44%2020%207946%200958",
        "[function]"
      ]);
      expect(await failureOf(client.runApex("Nope", "x"))).toMatchObject({
        code: "SERVER_ERROR",
        description: "Could not load Apex class: Nope"
      });
      expect(await failureOf(client.runApex("ns.Bad.Name", "x"))).toMatchObject({
        code: "INVALID_PARAM"
      });
    });

    it("saveLog sends an encoded query string and returns the new Id", async () => {
      const { org, client } = setup();
      const lead = org.addLead({ LastName: "Lee", Company: "Lee & Co" });
      const { recordId } = await client.saveLog("Task", {
        Subject: "Inbound call from +1 415 555 0100",
        WhoId: lead.Id,
        Description: "Wants a callback & a quote = 100%",
        CallDurationInSeconds: 61
      });
      const saved = org.get(recordId);
      expect(saved?.fields).toMatchObject({
        Subject: "Inbound call from +1 415 555 0100",
        Description: "Wants a callback & a quote = 100%",
        CallDurationInSeconds: 61,
        WhoId: lead.Id
      });
      const args = org.callsTo("saveLog")[0]?.args as unknown[];
      expect(args[1]).toBe(
        "Subject=Inbound%20call%20from%20%2B1%20415%20555%200100&WhoId=" +
          lead.Id +
          "&Description=Wants%20a%20callback%20%26%20a%20quote%20%3D%20100%25&CallDurationInSeconds=61"
      );
      await client.saveLog("Task", { Id: recordId, Status: "Completed" });
      expect(org.get(recordId)?.fields.Status).toBe("Completed");
    });

    it("saveLog reports missing required fields", async () => {
      const { client } = setup();
      const error = await failureOf(client.saveLog("Task", { CallType: "Inbound" }));
      expect(error).toMatchObject({ code: "GENERIC_ERROR" });
      expect(error?.description).toMatch(/Required fields are missing: \[Subject\]/);
      expect(await failureOf(client.saveLog("", {}))).toMatchObject({ code: "INVALID_PARAM" });
    });

    it("screenPop pops relative URLs only", async () => {
      const { org, client } = setup();
      expect(await client.screenPop("/001Fk0000000001", true)).toBe(true);
      expect(org.screenPops).toEqual([
        {
          api: "classic",
          type: "url",
          params: { url: "/001Fk0000000001" },
          url: "/001Fk0000000001",
          force: true
        }
      ]);
      expect(await failureOf(client.screenPop("https://evil.example.com"))).toMatchObject({
        code: "INVALID_PARAM"
      });
      expect(await failureOf(client.screenPop("//evil.example.com"))).toMatchObject({
        code: "INVALID_PARAM"
      });
      expect(org.callsTo("screenPop")).toHaveLength(1);
    });

    it("searchAndScreenPop parses results and pops inbound calls only", async () => {
      const { org, client } = setup();
      const { account, contact } = org.addPersonAccount({
        FirstName: "Pat",
        LastName: "Person",
        Phone: "415-555-0199"
      });
      const records = await client.searchAndScreenPop("4155550199", "", "inbound");
      expect(records).toEqual({
        [account.Id]: {
          Name: "Pat Person",
          Phone: "415-555-0199",
          object: "Account",
          displayName: "Account",
          personAccount: true,
          contactId: contact.Id
        }
      });
      expect(org.screenPops).toEqual([
        {
          api: "classic",
          type: "url",
          params: { url: `/${account.Id}` },
          url: `/${account.Id}`,
          force: false
        }
      ]);
      await client.searchAndScreenPop("4155550199", "", "outbound");
      expect(org.screenPops).toHaveLength(1);
      expect(
        await failureOf(client.searchAndScreenPop("x", "", "sideways" as never))
      ).toMatchObject({ code: "INVALID_PARAM" });
    });

    it("searchAndGetScreenPopUrl returns the URL without popping", async () => {
      const { org, client } = setup();
      org.addContact({ LastName: "A", Phone: "555 0100" });
      org.addContact({ LastName: "B", Phone: "555-0100" });
      const result = await client.searchAndGetScreenPopUrl("5550100", "k=v", null);
      expect(Object.keys(result.records)).toHaveLength(2);
      expect(result.screenPopUrl).toBe("/search/SearchResults?searchType=2&str=5550100");
      expect(org.screenPops).toHaveLength(0);
      org.failNext("searchAndGetScreenPopUrl");
      expect(await failureOf(client.searchAndGetScreenPopUrl("x"))).toMatchObject({
        code: "GENERIC_ERROR"
      });
    });

    it("setVisible", async () => {
      const { org, client } = setup();
      expect(await client.setVisible(false)).toBe(true);
      expect(org.panel.visible).toBe(false);
      expect(await failureOf(client.setVisible("no" as never))).toMatchObject({
        code: "INVALID_PARAM"
      });
    });
  });

  describe("sforce.interaction.cti", () => {
    it("enables and disables click-to-dial and delivers parsed clicks", async () => {
      const { org, client } = setup();
      expect(await client.enableClickToDial()).toBe(true);
      const contact = org.addContact({ FirstName: "Al", LastName: "Bell", Phone: "555" });
      const listener = jest.fn();
      const stop = client.onClickToDial(listener);
      client.onClickToDial(() => undefined);
      expect(org.callsTo("cti.onClickToDial")).toHaveLength(1);
      org.fireClickToDial({ number: "4155551212", recordId: contact.Id });
      await flush();
      expect(listener).toHaveBeenCalledWith({
        number: "4155551212",
        objectId: contact.Id,
        objectName: "Al Bell",
        object: "Contact",
        displayName: "Contact"
      });
      stop();
      expect(await client.disableClickToDial()).toBe(true);
      expect(org.fireClickToDial({ number: "1" })).toBe(false);
      org.failNext("cti.enableClickToDial");
      expect(await failureOf(client.enableClickToDial())).toMatchObject({ code: "GENERIC_ERROR" });
    });

    it("getCallCenterSettings parses the JSON string", async () => {
      const { org, client } = setup();
      expect(await client.getCallCenterSettings()).toMatchObject({
        "/softphoneSettings/provider": "demo"
      });
      org.failNext("cti.getCallCenterSettings");
      expect(await failureOf(client.getCallCenterSettings())).toMatchObject({
        code: "GENERIC_ERROR"
      });
    });

    it("getSoftphoneLayout parses the JSON string", async () => {
      const { org, client } = setup();
      expect((await client.getSoftphoneLayout()).Outbound?.callRelatedFields).toEqual(["DNIS"]);
      org.softphoneLayout = null;
      expect(await failureOf(client.getSoftphoneLayout())).toMatchObject({ code: "GENERIC_ERROR" });
    });

    it("getDirectoryNumbers pages, and getAllDirectoryNumbers follows hasNext", async () => {
      const { org, client } = setup();
      for (let i = 0; i < 7; i++) {
        org.directoryNumbers.push({
          callCenterName: i < 5 ? "Sales" : "Support",
          name: `Line ${i}`,
          phone: `555-010${i}`
        });
      }
      const first = await client.getDirectoryNumbers({ page: 0, pageSize: 3 });
      expect(first.directoryNumbers.map((n) => n.name)).toEqual(["Line 0", "Line 1", "Line 2"]);
      expect(first.hasNext).toBe(true);
      const last = await client.getDirectoryNumbers({ page: 2, pageSize: 3 });
      expect(last).toEqual({
        directoryNumbers: [expect.objectContaining({ name: "Line 6" })],
        hasNext: false
      });
      expect(await client.getAllDirectoryNumbers({ pageSize: 2 })).toHaveLength(7);
      expect(
        await client.getAllDirectoryNumbers({ callCenterName: "Support", pageSize: 1 })
      ).toHaveLength(2);
      expect(org.callsTo("cti.getDirectoryNumbers").at(-1)?.args).toEqual([
        false,
        "Support",
        "[function]",
        1,
        1
      ]);
    });

    it("getDirectoryNumbers checks paging arguments before calling", async () => {
      const { org, client } = setup();
      expect(await failureOf(client.getDirectoryNumbers({ pageSize: 10_001 }))).toMatchObject({
        code: "INVALID_PARAM"
      });
      expect(await failureOf(client.getDirectoryNumbers({ page: -1 }))).toMatchObject({
        code: "INVALID_PARAM"
      });
      expect(await failureOf(client.getDirectoryNumbers({ pageSize: 0 }))).toMatchObject({
        code: "INVALID_PARAM"
      });
      expect(org.calls).toHaveLength(0);
    });

    it("getAllDirectoryNumbers stops at a bounded number of pages", async () => {
      const api = createFakeInteraction(new FakeOrg());
      const endless: ClassicInteractionApi = {
        ...api,
        cti: {
          ...api.cti,
          getDirectoryNumbers: (_g, _n, cb) =>
            cb?.({
              result: JSON.stringify({
                directoryNumbers: [{ callCenterName: "c", name: "n", phone: "1" }],
                hasNext: true
              })
            })
        }
      };
      const client = new OpenCtiClassicClient(endless);
      const error = await failureOf(client.getAllDirectoryNumbers({ pageSize: 1 }));
      expect(error?.description).toMatch(String(MAX_DIRECTORY_PAGES));
    });

    it("setSoftphoneHeight and setSoftphoneWidth", async () => {
      const { org, client } = setup();
      expect(await client.setSoftphoneHeight(500)).toBe(true);
      expect(await client.setSoftphoneWidth(0)).toBe(true);
      expect(org.panel).toMatchObject({ heightPX: 500, widthPX: 0 });
      expect(await failureOf(client.setSoftphoneHeight(-1))).toMatchObject({
        code: "INVALID_PARAM"
      });
      expect(await failureOf(client.setSoftphoneWidth(Number.POSITIVE_INFINITY))).toMatchObject({
        code: "INVALID_PARAM"
      });
    });
  });

  describe("sforce.interaction.entityFeed", () => {
    it("onObjectUpdate, refreshObject and reloadFrame", async () => {
      const { org, client } = setup();
      const update = jest.fn();
      client.onObjectUpdate(update);
      org.fireObjectUpdate({ feedUpdated: true });
      await flush();
      expect(update).toHaveBeenCalledWith({
        fieldsUpdated: false,
        relatedListsUpdated: false,
        feedUpdated: true
      });
      const c = org.addCase({ Subject: "Broken widget" });
      expect(await client.refreshObject(c.Id, { feed: false })).toBe(true);
      expect(org.callsTo("entityFeed.refreshObject")[0]?.args).toEqual([
        c.Id,
        true,
        true,
        false,
        "[function]"
      ]);
      expect(await client.refreshObject("500Fk0000000099AAA")).toBe(false);
      expect(await failureOf(client.refreshObject(""))).toMatchObject({ code: "INVALID_PARAM" });
      await client.reloadFrame();
      expect(org.refreshes.map((r) => r.method)).toEqual([
        "entityFeed.refreshObject",
        "entityFeed.reloadFrame"
      ]);
    });
  });

  it("times out when Classic never calls back", async () => {
    jest.useFakeTimers();
    const { org, client } = setup({ timeoutMs: 2000 });
    org.dropNext("cti.getCallCenterSettings");
    const settled = failureOf(client.getCallCenterSettings());
    await jest.advanceTimersByTimeAsync(2000);
    expect(await settled).toMatchObject({ code: "TIMEOUT", method: "cti.getCallCenterSettings" });
  });
});

describe("calls without a callback", () => {
  it("reject when the API throws", async () => {
    const api = createFakeInteraction(new FakeOrg());
    const broken: ClassicInteractionApi = {
      ...api,
      cti: {
        ...api.cti,
        notifyInitializationComplete: () => {
          throw new Error("interaction.js not initialised");
        }
      },
      entityFeed: {
        ...api.entityFeed,
        reloadFrame: () => {
          throw new Error("not a feed layout");
        }
      }
    };
    const client = new OpenCtiClassicClient(broken);
    await expect(client.notifyInitializationComplete()).rejects.toMatchObject({
      code: "INVALID_PARAM",
      description: "interaction.js not initialised"
    });
    await expect(client.reloadFrame()).rejects.toMatchObject({ method: "entityFeed.reloadFrame" });
  });
});
