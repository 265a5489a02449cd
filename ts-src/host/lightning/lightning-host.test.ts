import { isHostError } from "../cti-host";
import { OpenCtiError } from "../errors";
import { FakeOrg, createFakeOpenCti, registerSoftphoneApex } from "../fake";
import { LightningHost } from "./lightning-host";

function setup() {
  const org = new FakeOrg();
  registerSoftphoneApex(org);
  const api = createFakeOpenCti(org);
  const host = new LightningHost(api, { timeoutMs: 1000, retryBaseDelayMs: 1 });
  return { org, api, host };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("LightningHost over the fake org", () => {
  it("reads call center settings and reports initialisation", async () => {
    const { org, host } = setup();
    expect(host.kind).toBe("lightning");
    const settings = await host.getCallCenterSettings();
    expect(settings["/softphoneSettings/provider"]).toBe("demo");
    await host.notifyInitializationComplete();
    expect(org.initialized).toBe(true);
  });

  it("enables click-to-dial and delivers normalised clicks to every listener until unsubscribed", async () => {
    const { org, host } = setup();
    const contact = org.addContact({
      FirstName: "Grace",
      LastName: "Hopper",
      Phone: "(415) 555-1212"
    });
    const first = jest.fn();
    const second = jest.fn();
    const stopFirst = host.onClickToDial(first);
    host.onClickToDial(second);
    expect(org.listenerCount("clickToDial")).toBe(1);
    expect(org.fireClickToDial({ number: "(415) 555-1212", recordId: contact.Id })).toBe(false);
    await host.enableClickToDial();
    expect(org.fireClickToDial({ number: "(415) 555-1212", recordId: contact.Id })).toBe(true);
    await flush();
    expect(first).toHaveBeenCalledWith({
      number: "(415) 555-1212",
      recordId: contact.Id,
      recordName: "Grace Hopper",
      objectType: "Contact"
    });
    stopFirst();
    org.fireClickToDial({ number: "100" });
    await flush();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
    await host.disableClickToDial();
    expect(org.clickToDialEnabled).toBe(false);
  });

  it("saves a Task and refreshes the view", async () => {
    const { org, host } = setup();
    const contact = org.addContact({ LastName: "Lovelace" });
    const { recordId } = await host.saveLog("Task", {
      Subject: "Inbound call from +14155551212",
      CallType: "Inbound",
      CallDurationInSeconds: 42,
      WhoId: contact.Id,
      Status: "Completed"
    });
    expect(recordId).toMatch(/^00T/);
    expect(org.get(recordId)?.fields).toMatchObject({
      CallType: "Inbound",
      CallDurationInSeconds: 42,
      WhoId: contact.Id
    });
    await host.refreshView();
    expect(org.refreshes).toEqual([{ api: "lightning", method: "refreshView" }]);
  });

  it("rejects a Task without Subject with field errors", async () => {
    const { host } = setup();
    const error = await host.saveLog("Task", { CallType: "Inbound" }).catch((e: unknown) => e);
    expect(isHostError(error)).toBe(true);
    expect(error).toBeInstanceOf(OpenCtiError);
    const details = (error as OpenCtiError).details as {
      fieldErrors: Record<string, { statusCode: string }[]>;
    }[];
    expect(details[0]?.fieldErrors.Subject?.[0]?.statusCode).toBe("REQUIRED_FIELD_MISSING");
  });

  it("runs the caller lookup Apex with an encoded phone number", async () => {
    const { org, host } = setup();
    const contact = org.addContact({ LastName: "Turing", Phone: "+1 (415) 555-0100" });
    const result = await host.runApex("SoftphoneCallerLookup", "findByPhone", {
      phone: "+14155550100"
    });
    expect(result).toEqual({
      matches: [
        { id: contact.Id, name: "Turing", objectType: "Contact", phone: "+1 (415) 555-0100" }
      ]
    });
    expect(org.callsTo("runApex")[0]?.args).toMatchObject({ methodParams: "phone=%2B14155550100" });
  });
});
