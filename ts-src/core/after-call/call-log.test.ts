import { activityDate, buildTaskFields, type CallLogInput } from "./call-log";

const base: CallLogInput = {
  callId: "call-42",
  direction: "inbound",
  internal: false,
  party: "Ada Lovelace",
  connectedAt: new Date(2026, 0, 15, 10, 0, 0).getTime(),
  endedAt: new Date(2026, 0, 15, 10, 2, 5).getTime() + 400,
  disposition: "Connected",
  notes: "Asked about invoice"
};

describe("buildTaskFields", () => {
  it("writes exactly the Task fields of the design", () => {
    expect(buildTaskFields({ ...base, caller: { id: "003000000000001AAA" } })).toEqual({
      Subject: "Inbound call from Ada Lovelace",
      TaskSubtype: "Call",
      Type: "Call",
      Status: "Completed",
      ActivityDate: "2026-01-15",
      CallType: "Inbound",
      CallDurationInSeconds: 125,
      CallObject: "call-42",
      CallDisposition: "Connected",
      Description: "Asked about invoice",
      WhoId: "003000000000001AAA"
    });
  });

  it("logs outbound, internal and unanswered calls", () => {
    expect(buildTaskFields({ ...base, direction: "outbound" })).toMatchObject({
      Subject: "Outbound call to Ada Lovelace",
      CallType: "Outbound"
    });
    expect(buildTaskFields({ ...base, internal: true }).CallType).toBe("Internal");
    expect(buildTaskFields({ ...base, connectedAt: undefined }).CallDurationInSeconds).toBe(0);
  });

  it("puts Contacts and Leads in WhoId and other records in WhatId", () => {
    const fields = buildTaskFields({
      ...base,
      caller: { id: "003000000000001" },
      relatedTo: { id: "500000000000001AAA" }
    });
    expect(fields).toMatchObject({ WhoId: "003000000000001", WhatId: "500000000000001AAA" });
    expect(buildTaskFields({ ...base, relatedTo: { id: "001000000000001" } })).toMatchObject({
      WhatId: "001000000000001"
    });
    expect(
      buildTaskFields({ ...base, relatedTo: { id: "001000000000001" } }).WhoId
    ).toBeUndefined();
  });

  it("prefers the party on the line for WhoId (B1) and never relates a Lead's Task to a WhatId", () => {
    const fields = buildTaskFields({
      ...base,
      caller: { id: "003000000000001" },
      relatedTo: { id: "00Q000000000001" }
    });
    expect(fields.WhoId).toBe("003000000000001");
    const lead = buildTaskFields({
      ...base,
      caller: { id: "00Q000000000001" },
      relatedTo: { id: "001000000000001" }
    });
    expect(lead.WhoId).toBe("00Q000000000001");
    expect(lead.WhatId).toBeUndefined();
  });

  it("drops invalid ids and users", () => {
    const fields = buildTaskFields({
      ...base,
      caller: { id: "not-an-id" },
      relatedTo: { id: "005000000000001" }
    });
    expect(fields.WhoId).toBeUndefined();
    expect(fields.WhatId).toBeUndefined();
  });

  it("clips long subjects, dispositions and notes to the field sizes", () => {
    const fields = buildTaskFields({
      ...base,
      party: "x".repeat(400),
      disposition: "d".repeat(300),
      notes: "n".repeat(40_000)
    });
    expect(String(fields.Subject)).toHaveLength(255);
    expect(String(fields.CallDisposition)).toHaveLength(255);
    expect(String(fields.Description)).toHaveLength(32_000);
  });

  it("uses the local calendar date", () => {
    expect(activityDate(new Date(2026, 11, 31, 23, 59).getTime())).toBe("2026-12-31");
  });
});

describe("B1: the party on the line decides WhoId", () => {
  const base = {
    callId: "call-b1",
    direction: "outbound" as const,
    party: "Oliver Smith",
    startedAt: Date.UTC(2026, 0, 15, 10, 0, 0),
    connectedAt: Date.UTC(2026, 0, 15, 10, 0, 5),
    endedAt: Date.UTC(2026, 0, 15, 10, 1, 5),
    disposition: "Connected",
    notes: "",
    internal: false
  };

  it("logs on the person who answered, not the Contact page the agent dialled from", () => {
    const fields = buildTaskFields({
      ...base,
      caller: { id: "003000000000OLIAAA", name: "Oliver Smith" },
      relatedTo: { id: "003000000000PRIAAA", name: "Priya Patel" }
    });
    expect(fields).toMatchObject({
      Subject: "Outbound call to Oliver Smith",
      WhoId: "003000000000OLIAAA"
    });
    expect(fields.WhatId).toBeUndefined();
  });

  it("keeps a page that is not a person as WhatId", () => {
    const fields = buildTaskFields({
      ...base,
      caller: { id: "003000000000OLIAAA" },
      relatedTo: { id: "001000000000ACMAAA" }
    });
    expect(fields).toMatchObject({ WhoId: "003000000000OLIAAA", WhatId: "001000000000ACMAAA" });
  });
});
