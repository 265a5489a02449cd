import { apexCrmOf } from "../../host/apex-crm";
import { noMatchTarget, popInbound } from "./screen-pop";
import { RecordingHost } from "../testing/recording-host";

const caller = { number: "+14155550100", displayNumber: "(415) 555-0100" };
const ada = { id: "003000000000001AAA", name: "Ada", objectType: "Contact" };
const bob = { id: "003000000000002AAA", name: "Bob", objectType: "Contact" };

function hostWith(matches: unknown): RecordingHost {
  const host = new RecordingHost();
  host.apex.set("SoftphoneCallerLookup.findByPhone", () => JSON.stringify({ matches }));
  return host;
}

describe("noMatchTarget", () => {
  it("builds the pop for each no-match setting", () => {
    expect(noMatchTarget({ kind: "newContact" }, caller)).toEqual({
      type: "newRecord",
      entityName: "Contact",
      defaultFieldValues: { Phone: "(415) 555-0100" }
    });
    expect(noMatchTarget({ kind: "newLead" }, caller)).toMatchObject({ entityName: "Lead" });
    expect(noMatchTarget({ kind: "search" }, caller)).toEqual({
      type: "search",
      searchString: "(415) 555-0100"
    });
    expect(noMatchTarget({ kind: "search" }, { number: "12", displayNumber: "12" })).toBeNull();
    expect(noMatchTarget({ kind: "flow", flowName: "New_Caller" }, caller)).toEqual({
      type: "flow",
      flowDevName: "New_Caller",
      flowArgs: [{ name: "phoneNumber", type: "String", value: "+14155550100" }]
    });
    expect(noMatchTarget({ kind: "none" }, caller)).toBeNull();
  });
});

describe("popInbound", () => {
  it("pops the one match", async () => {
    const host = hostWith([ada]);
    const outcome = await popInbound(host, apexCrmOf(host), "apex", { kind: "newContact" }, caller);
    expect(outcome).toEqual({ matchStatus: "one", matches: [ada] });
    expect(host.callsTo("runApex")).toEqual([
      ["SoftphoneCallerLookup", "findByPhone", { phone: "+14155550100" }]
    ]);
    expect(host.callsTo("screenPop")).toEqual([[{ type: "sobject", recordId: ada.id }, undefined]]);
  });

  it("does not pop the one match when the agent is already on it", async () => {
    const host = hostWith([ada]);
    const outcome = await popInbound(
      host,
      apexCrmOf(host),
      "apex",
      { kind: "newContact" },
      caller,
      (id) => id === ada.id
    );
    expect(outcome.matchStatus).toBe("one");
    expect(host.callsTo("screenPop")).toEqual([]);
  });

  it("leaves several matches to the agent", async () => {
    const host = hostWith([ada, bob]);
    expect(await popInbound(host, apexCrmOf(host), "apex", { kind: "newContact" }, caller)).toEqual(
      {
        matchStatus: "several",
        matches: [ada, bob]
      }
    );
    expect(host.callsTo("screenPop")).toEqual([]);
  });

  it("runs the no-match pop", async () => {
    const host = hostWith([]);
    expect(
      (await popInbound(host, apexCrmOf(host), "apex", { kind: "newLead" }, caller)).matchStatus
    ).toBe("none");
    expect(host.callsTo("screenPop")[0][0]).toMatchObject({
      type: "newRecord",
      entityName: "Lead"
    });
    const quiet = hostWith([]);
    await popInbound(quiet, apexCrmOf(quiet), "apex", { kind: "none" }, caller);
    expect(quiet.callsTo("screenPop")).toEqual([]);
  });

  it("falls back to a search, never a new record, when the lookup fails", async () => {
    const host = new RecordingHost();
    host.apex.set("SoftphoneCallerLookup.findByPhone", () => '{"error":"INVALID_PHONE"}');
    const outcome = await popInbound(host, apexCrmOf(host), "apex", { kind: "newContact" }, caller);
    expect(outcome).toMatchObject({
      matchStatus: "error",
      error: expect.stringContaining("INVALID_PHONE")
    });
    expect(host.callsTo("screenPop")).toEqual([
      [{ type: "search", searchString: "(415) 555-0100" }, undefined]
    ]);
    const missing = new RecordingHost();
    expect(
      (await popInbound(missing, apexCrmOf(missing), "apex", { kind: "newContact" }, caller))
        .matchStatus
    ).toBe("error");
  });

  it("does nothing when off", async () => {
    const host = hostWith([ada]);
    expect(await popInbound(host, apexCrmOf(host), "off", { kind: "newContact" }, caller)).toEqual({
      matchStatus: "off",
      matches: []
    });
    expect(host.calls).toEqual([]);
  });

  it("uses searchAndScreenPop in layout mode", async () => {
    const host = new RecordingHost();
    host.searchResults = {
      [ada.id]: { Id: ada.id, Name: "Ada", RecordType: "Contact" },
      "001000000000001": { Id: "001000000000001", Name: "x".repeat(300), RecordType: "<bad>" },
      bogus: { Id: "nope" }
    };
    const outcome = await popInbound(
      host,
      apexCrmOf(host),
      "layout",
      { kind: "newContact" },
      caller
    );
    expect(host.callsTo("searchAndScreenPop")).toEqual([
      [
        {
          searchParams: "(415) 555-0100",
          queryParams: "",
          callType: "inbound",
          defaultFieldValues: { Phone: "(415) 555-0100" },
          deferred: false
        }
      ]
    ]);
    expect(outcome).toEqual({
      matchStatus: "several",
      matches: [ada, { id: "001000000000001", name: "001000000000001", objectType: "Record" }]
    });
    host.searchResults = {};
    expect(
      (await popInbound(host, apexCrmOf(host), "layout", { kind: "newContact" }, caller))
        .matchStatus
    ).toBe("none");
    host.searchResults = { [ada.id]: { Id: ada.id, Name: "Ada", RecordType: "Contact" } };
    expect(
      (await popInbound(host, apexCrmOf(host), "layout", { kind: "newContact" }, caller))
        .matchStatus
    ).toBe("one");
  });

  it("reports a failed layout search", async () => {
    const host = new RecordingHost();
    host.searchAndScreenPop = async () => Promise.reject(new Error("no layout"));
    expect(
      await popInbound(host, apexCrmOf(host), "layout", { kind: "newContact" }, caller)
    ).toEqual({
      matchStatus: "error",
      matches: [],
      error: "no layout"
    });
  });
});
