import { FakeOrg, createFakeOpenCti, samePhone, looksLikePhone } from ".";
import { saveRecord } from "./save";
import { decidePop, searchLayout } from "./search";

describe("phone matching", () => {
  it.each([
    ["(415) 555-1212", "+1 415 555 1212", true],
    ["415.555.1212", "4155551212", true],
    ["+44 20 7946 0958", "020 7946 0958", true],
    ["555-1212", "+1 415 555 1212", false],
    ["4155551212", "4155551213", false],
    ["", "", false]
  ])("samePhone(%p, %p) is %p", (a, b, expected) => {
    expect(samePhone(a, b)).toBe(expected);
  });

  it("looksLikePhone accepts punctuation but not words", () => {
    expect(looksLikePhone("+1 (415) 555-1212")).toBe(true);
    expect(looksLikePhone("Acme")).toBe(false);
    expect(looksLikePhone("12")).toBe(false);
  });
});

describe("FakeOrg records", () => {
  it("gives 18-character Ids with the right key prefixes and finds 15-character ones", () => {
    const org = new FakeOrg();
    const contact = org.addContact({ LastName: "Ng" });
    expect(contact.Id).toMatch(/^003[A-Za-z0-9]{15}$/);
    expect(org.get(contact.Id.slice(0, 15))).toBe(contact);
    expect(org.addCase({ Subject: "x" }).fields.CaseNumber).toBe("00001001");
    expect(org.addLead({ LastName: "L", Company: "C" }).fields.IsConverted).toBe(false);
    expect(org.query("User")).toHaveLength(1);
  });
});

describe("saveRecord", () => {
  it("reports unknown fields as page errors and accepts custom fields", () => {
    const org = new FakeOrg();
    const bad = saveRecord(org, { entityApiName: "Task", Subject: "x", Bogus: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      const details = bad.error.details as { pageErrors: { statusCode: string }[] }[];
      expect(details[0]?.pageErrors).toEqual([
        expect.objectContaining({ statusCode: "INVALID_FIELD" })
      ]);
    }
    expect(saveRecord(org, { entityApiName: "Task", Subject: "x", Call_Id__c: "abc" }).ok).toBe(
      true
    );
  });

  it("fills Task defaults and coerces Classic string values", () => {
    const org = new FakeOrg();
    const saved = saveRecord(org, {
      entityApiName: "Task",
      Subject: "x",
      CallDurationInSeconds: "12"
    });
    if (!saved.ok) throw new Error(saved.message);
    expect(org.get(saved.id)?.fields).toMatchObject({
      Status: "Not Started",
      Priority: "Normal",
      OwnerId: org.currentUserId,
      CallDurationInSeconds: 12
    });
  });

  it.each([
    [
      { entityApiName: "Task", Subject: "x", ActivityDate: "27/11/2026" },
      "ActivityDate",
      "INVALID_TYPE_ON_FIELD_IN_RECORD"
    ],
    [
      { entityApiName: "Task", Subject: "x", WhatId: "003Fk0000000001AAA" },
      "WhatId",
      "FIELD_INTEGRITY_EXCEPTION"
    ],
    [
      { entityApiName: "Task", Subject: "x", WhoId: "003Fk0000000999AAA" },
      "WhoId",
      "INVALID_CROSS_REFERENCE_KEY"
    ],
    [{ entityApiName: "Task", Subject: "x".repeat(256) }, "Subject", "STRING_TOO_LONG"],
    [{ entityApiName: "Account" }, "Name", "REQUIRED_FIELD_MISSING"],
    [{ entityApiName: "Lead", LastName: "L" }, "Company", "REQUIRED_FIELD_MISSING"]
  ])("%j fails on %s with %s", (value, field, statusCode) => {
    const org = new FakeOrg();
    const outcome = saveRecord(org, value);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const details = outcome.error.details as {
      fieldErrors: Record<string, { statusCode: string; columnApiName: string }[]>;
    }[];
    expect(details[0]?.fieldErrors[field]?.[0]).toMatchObject({ statusCode, columnApiName: field });
    expect(org.tasks).toHaveLength(0);
  });

  it("refuses updates of missing records and entity mismatches", () => {
    const org = new FakeOrg();
    expect(saveRecord(org, { Id: "00TFk0000000999AAA", Subject: "x" }).ok).toBe(false);
    const contact = org.addContact({ LastName: "Ng" });
    expect(saveRecord(org, { Id: contact.Id, entityApiName: "Lead", LastName: "x" }).ok).toBe(
      false
    );
    expect(saveRecord(org, { entityApiName: "Spaceship__c", Name: "x" }).ok).toBe(false);
  });

  it("lets the org require other fields", () => {
    const org = new FakeOrg();
    org.requiredFields.set("Task", ["Subject", "CallDisposition"]);
    const outcome = saveRecord(org, { entityApiName: "Task", Subject: "x" });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toBe("Required fields are missing: [CallDisposition]");
  });
});

describe("layout search and pop decisions", () => {
  it("pops to search for several matches, new record for none, by name too", () => {
    const org = new FakeOrg();
    org.addAccount({ Name: "Acme East" });
    org.addAccount({ Name: "Acme West" });
    const many = searchLayout(org, "acme", "Inbound");
    expect(many.matches).toHaveLength(2);
    expect(decidePop(many, { searchParams: "acme" })).toEqual({
      type: "search",
      params: { searchString: "acme" }
    });
    const none = searchLayout(org, "Zed", "Inbound");
    expect(
      decidePop(none, { searchParams: "Zed", defaultFieldValues: { LastName: "Zed" } })
    ).toEqual({
      type: "newRecord",
      params: { entityName: "Contact", defaultFieldValues: { LastName: "Zed" } }
    });
    expect(decidePop(searchLayout(org, "Zed", "Outbound"), { searchParams: "Zed" })).toBeNull();
  });

  it("follows PopToVisualforce, PopToFlow and DoNotPop settings", () => {
    const org = new FakeOrg();
    const inbound = org.softphoneLayout?.Inbound;
    if (!inbound) throw new Error("default layout has Inbound");
    inbound.screenPopSettings = {
      NoMatch: { screenPopType: "PopToFlow", screenPopData: "New_Caller" },
      SingleMatch: { screenPopType: "PopToVisualforce", screenPopData: "CallerPage" },
      MultipleMatches: { screenPopType: "DoNotPop" }
    };
    org.addContact({ LastName: "Ng", Phone: "555 0100" });
    expect(
      decidePop(searchLayout(org, "5550100", "Inbound"), {
        searchParams: "5550100",
        queryParams: "a=1"
      })
    ).toEqual({
      type: "url",
      params: { url: "/apex/CallerPage?a=1" }
    });
    const flowArgs = [{ name: "phone", type: "String", value: "5550199" }];
    expect(
      decidePop(searchLayout(org, "5550199", "Inbound"), { searchParams: "5550199", flowArgs })
    ).toEqual({
      type: "flow",
      params: { flowDevName: "New_Caller", flowArgs }
    });
    org.addContact({ LastName: "Ng2", Phone: "555-0100" });
    expect(
      decidePop(searchLayout(org, "5550100", "Inbound"), { searchParams: "5550100" })
    ).toBeNull();
  });
});

describe("recorder, hooks and timing", () => {
  it("records every call with functions replaced, and reports pops, refreshes and panel changes to hooks", async () => {
    const org = new FakeOrg();
    const onScreenPop = jest.fn();
    const onRefreshView = jest.fn();
    const onPanelChange = jest.fn();
    const api = createFakeOpenCti(org, { onScreenPop, onRefreshView, onPanelChange });
    await new Promise((resolve) =>
      api.screenPop({ type: "url", params: { url: "/apex/X" }, callback: resolve })
    );
    await new Promise((resolve) => api.refreshView({ callback: resolve }));
    await new Promise((resolve) => api.setSoftphonePanelWidth({ widthPX: 300, callback: resolve }));
    expect(org.calls.map(({ method, args }) => ({ method, args }))).toEqual([
      {
        method: "screenPop",
        args: { type: "url", params: { url: "/apex/X" }, callback: "[function]" }
      },
      { method: "refreshView", args: { callback: "[function]" } },
      { method: "setSoftphonePanelWidth", args: { widthPX: 300, callback: "[function]" } }
    ]);
    expect(JSON.parse(JSON.stringify(org.calls))).toHaveLength(3);
    expect(onScreenPop).toHaveBeenCalledWith({
      api: "lightning",
      type: "url",
      params: { url: "/apex/X" }
    });
    expect(onRefreshView).toHaveBeenCalledWith({ api: "lightning", method: "refreshView" });
    expect(onPanelChange).toHaveBeenCalledWith(expect.objectContaining({ widthPX: 300 }));
    org.clearCalls();
    expect(org.calls).toHaveLength(0);
  });

  it("never calls back synchronously, and waits latencyMs when asked", async () => {
    jest.useFakeTimers();
    try {
      const org = new FakeOrg({ latencyMs: 200 });
      const api = createFakeOpenCti(org);
      const callback = jest.fn();
      api.getAppViewInfo({ callback });
      expect(callback).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(199);
      expect(callback).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(1);
      expect(callback).toHaveBeenCalledWith({
        success: true,
        returnValue: { url: "/lightning/page/home" },
        errors: null
      });
    } finally {
      jest.useRealTimers();
    }
  });

  it("delivers message copies so a subscriber cannot change what others see", async () => {
    const org = new FakeOrg();
    const seen: unknown[] = [];
    org.messageBus.subscribe("C__c", (message) => {
      message.type = "mutated";
    });
    org.messageBus.subscribe("C__c", (message) => seen.push(message));
    const original = { type: "dial", payload: { number: "1" } };
    org.messageBus.publish("C__c", original);
    original.type = "changed later";
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([{ type: "dial", payload: { number: "1" } }]);
  });

  it("delivers click-to-dial to listeners registered twice, twice (Open CTI does not de-duplicate)", async () => {
    const org = new FakeOrg();
    const api = createFakeOpenCti(org);
    const listener = jest.fn();
    api.onClickToDial({ listener });
    api.onClickToDial({ listener });
    org.clickToDialEnabled = true;
    org.fireClickToDial({ number: "100" });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(listener).toHaveBeenCalledTimes(2);
    expect(() => api.onNavigationChange({ listener: "nope" as never })).toThrow(TypeError);
  });
});

describe("event inputs", () => {
  it("keeps the computed URL when url is passed as undefined", () => {
    const org = new FakeOrg();
    const account = org.addAccount({ Name: "Acme" });
    const page = org.fireNavigationChange({ url: undefined, recordId: account.Id });
    expect(page.url).toBe(`/lightning/r/Account/${account.Id}/view`);
    expect(org.currentPage).toEqual(page);
  });
});
