import type { LightningResponse } from "../lightning/types";
import { FakeOrg, MAX_CALLER_MATCHES, createFakeOpenCti, registerSoftphoneApex } from ".";

function org() {
  const fake = new FakeOrg();
  registerSoftphoneApex(fake);
  return fake;
}

function run(
  fake: FakeOrg,
  className: string,
  methodName: string,
  params: Record<string, string> = {}
): unknown {
  const outcome = fake.runApex(className, methodName, params);
  if (!outcome.ok) throw new Error(outcome.error.description);
  expect(typeof outcome.value).toBe("string");
  return JSON.parse(outcome.value as string);
}

describe("SoftphoneCallerLookup.findByPhone", () => {
  it("matches Contacts, Accounts and unconverted Leads ignoring formatting", () => {
    const fake = org();
    const acme = fake.addAccount({ Name: "Acme", Phone: "+1 415-555-0100" });
    const contact = fake.addContact({
      FirstName: "Ada",
      LastName: "Lovelace",
      MobilePhone: "(415) 555 0100",
      AccountId: acme.Id
    });
    const lead = fake.addLead({ LastName: "Lee", Company: "Lee Ltd", Phone: "415.555.0100" });
    fake.addLead({ LastName: "Converted", Company: "C", Phone: "4155550100", IsConverted: true });
    fake.addContact({ LastName: "Other", Phone: "415 555 0199" });
    expect(run(fake, "SoftphoneCallerLookup", "findByPhone", { phone: "4155550100" })).toEqual({
      matches: [
        {
          id: contact.Id,
          name: "Ada Lovelace",
          objectType: "Contact",
          phone: "(415) 555 0100",
          accountId: acme.Id,
          accountName: "Acme"
        },
        { id: acme.Id, name: "Acme", objectType: "Account", phone: "+1 415-555-0100" },
        { id: lead.Id, name: "Lee", objectType: "Lead", phone: "415.555.0100" }
      ]
    });
  });

  it("returns person accounts once, as Accounts", () => {
    const fake = org();
    const { account } = fake.addPersonAccount({
      FirstName: "Pat",
      LastName: "Person",
      PersonMobilePhone: "+44 7700 900123"
    });
    expect(run(fake, "SoftphoneCallerLookup", "findByPhone", { phone: "07700 900123" })).toEqual({
      matches: [
        { id: account.Id, name: "Pat Person", objectType: "Account", phone: "+44 7700 900123" }
      ]
    });
  });

  it(`returns at most ${MAX_CALLER_MATCHES} matches`, () => {
    const fake = org();
    for (let i = 0; i < 25; i++)
      fake.addContact({ LastName: `C${String(i).padStart(2, "0")}`, Phone: "555-0100" });
    const result = run(fake, "SoftphoneCallerLookup", "findByPhone", { phone: "5550100" }) as {
      matches: unknown[];
    };
    expect(result.matches).toHaveLength(MAX_CALLER_MATCHES);
  });

  it.each(["", "12", "call me", "+1 415 555 0100 ext. 5", "1".repeat(21), undefined])(
    "answers INVALID_PHONE for %p",
    (phone) => {
      const fake = org();
      const result = run(
        fake,
        "SoftphoneCallerLookup",
        "findByPhone",
        phone === undefined ? {} : { phone }
      );
      expect(result).toEqual({ error: "INVALID_PHONE", message: expect.any(String) });
    }
  );

  it("is reachable through runApex, namespaced too", async () => {
    const fake = new FakeOrg();
    registerSoftphoneApex(fake, { namespace: "ocs" });
    const contact = fake.addContact({ LastName: "Ng", Phone: "555 0100" });
    const api = createFakeOpenCti(fake);
    const response = await new Promise<LightningResponse<{ runApex: unknown }>>((resolve) =>
      api.runApex({
        apexClass: "ocs.SoftphoneCallerLookup",
        methodName: "findByPhone",
        methodParams: "phone=5550100",
        callback: resolve
      })
    );
    expect(JSON.parse(String(response.returnValue?.runApex))).toEqual({
      matches: [expect.objectContaining({ id: contact.Id })]
    });
  });
});

describe("SoftphoneDirectory.search", () => {
  it("lists call center users (not the caller) and directory numbers that match", () => {
    const fake = org();
    fake.addUser({ FirstName: "Bob", LastName: "Builder", Extension: "201", Title: "Support" });
    fake.addUser({ FirstName: "Carol", LastName: "Cole", Phone: "+1 415 555 0102" });
    fake.addUser(
      { FirstName: "Dan", LastName: "Elsewhere", Phone: "555" },
      { inCallCenter: false }
    );
    fake.addUser({ FirstName: "No", LastName: "Phone" });
    fake.directoryNumbers.push(
      {
        callCenterName: "Open CTI Softphone",
        name: "Sales line",
        phone: "+1 415 555 0199",
        description: "Main sales"
      },
      { callCenterName: "Another Center", name: "Hidden", phone: "1" }
    );
    expect(run(fake, "SoftphoneDirectory", "search", { term: "" })).toEqual({
      entries: [
        { name: "Bob Builder", number: "201", kind: "user", description: "Support" },
        { name: "Carol Cole", number: "+1 415 555 0102", kind: "user" },
        {
          name: "Sales line",
          number: "+1 415 555 0199",
          kind: "directory",
          description: "Main sales"
        }
      ]
    });
    expect(run(fake, "SoftphoneDirectory", "search", { term: "carol" })).toEqual({
      entries: [{ name: "Carol Cole", number: "+1 415 555 0102", kind: "user" }]
    });
    expect(run(fake, "SoftphoneDirectory", "search", { term: "0199" })).toEqual({
      entries: [expect.objectContaining({ name: "Sales line", kind: "directory" })]
    });
    expect(run(fake, "SoftphoneDirectory", "search", { term: "sales" })).toEqual({
      entries: [expect.objectContaining({ name: "Sales line" })]
    });
  });

  it("lists a colleague's mobile number only where the directory setting allows it", () => {
    const fake = org();
    fake.addUser({ FirstName: "Mo", LastName: "Bile", MobilePhone: "+1 415 555 0166" });
    fake.addUser({
      FirstName: "Desk",
      LastName: "Too",
      Phone: "2002",
      MobilePhone: "+1 415 555 0167"
    });
    const search = () => run(fake, "SoftphoneDirectory", "search", { term: "" });
    expect(search()).toEqual({ entries: [{ name: "Desk Too", number: "2002", kind: "user" }] });
    fake.directoryShowsMobile = true;
    expect(search()).toEqual({
      entries: [
        { name: "Desk Too", number: "2002", kind: "user" },
        { name: "Mo Bile", number: "+1 415 555 0166", kind: "user" }
      ]
    });
  });
});

describe("SoftphoneSipAccount.getMine", () => {
  it("returns the running user's credentials or NOT_PROVISIONED", () => {
    const fake = org();
    expect(run(fake, "SoftphoneSipAccount", "getMine")).toEqual({ error: "NOT_PROVISIONED" });
    fake.sipAccounts.set(fake.currentUserId, {
      username: "1001",
      password: "s3cret",
      displayName: "Ada Agent"
    });
    expect(run(fake, "SoftphoneSipAccount", "getMine")).toEqual({
      username: "1001",
      password: "s3cret",
      displayName: "Ada Agent"
    });
    const other = fake.addUser({ LastName: "Other" });
    fake.sipAccounts.set(other.Id, { username: "1002", password: "x" });
    expect(run(fake, "SoftphoneSipAccount", "getMine")).toMatchObject({ username: "1001" });
  });
});

describe("SoftphoneCallLog.findByCallObject", () => {
  it("finds the newest Task logged for a call id, null when none, an error for a blank id", () => {
    const fake = org();
    const call = (callObject: string) =>
      run(fake, "SoftphoneCallLog", "findByCallObject", { callObject }) as {
        taskId?: string | null;
        error?: string;
      };
    expect(call("call-1")).toEqual({ taskId: null });
    const mine = { Subject: "Inbound call", CallObject: "call-1", OwnerId: fake.currentUserId };
    fake.insert("Task", mine);
    const second = fake.insert("Task", mine);
    fake.insert("Task", { ...mine, OwnerId: "005Fk0000000099AAA" });
    expect(call("call-1")).toEqual({ taskId: second.Id });
    expect(call("call-2")).toEqual({ taskId: null });
    expect(call("  ").error).toBe("INVALID_CALL_OBJECT");
    expect(call("x".repeat(256)).error).toBe("INVALID_CALL_OBJECT");
  });
});

describe("SoftphoneCallLog.saveOnce", () => {
  const fields = JSON.stringify({ Subject: "Inbound call", CallType: "Inbound", WhoId: null });
  const save = (fake: FakeOrg, callObject: string, body = fields) =>
    run(fake, "SoftphoneCallLog", "saveOnce", { callObject, fields: body }) as {
      taskId?: string;
      created?: boolean;
      error?: string;
    };

  it("writes the agent's Task once; a retry answers the same Task", () => {
    const fake = org();
    const first = save(fake, "call-1");
    expect(first).toEqual({ taskId: expect.stringMatching(/^00T/), created: true });
    expect(save(fake, "call-1")).toEqual({ taskId: first.taskId, created: false });
    expect(fake.tasks).toHaveLength(1);
    expect(fake.tasks[0].fields).toMatchObject({
      CallObject: "call-1",
      OwnerId: fake.currentUserId,
      Subject: "Inbound call"
    });
    expect(fake.tasks[0].fields).not.toHaveProperty("WhoId");
  });

  it("a retry while the first save has not committed finds it (the lock waits); a check does not", () => {
    const fake = org();
    const first = fake.runLate(() => save(fake, "call-1"));
    expect(run(fake, "SoftphoneCallLog", "findByCallObject", { callObject: "call-1" })).toEqual({
      taskId: null
    });
    expect(save(fake, "call-1")).toEqual({ taskId: first.taskId, created: false });
    expect(fake.tasks).toHaveLength(1);
  });

  it("refuses unknown fields and bad call ids", () => {
    const fake = org();
    expect(save(fake, "call-1", JSON.stringify({ OwnerId: "005x" })).error).toBe("INVALID_FIELDS");
    expect(save(fake, "call-1", "{no").error).toBe("INVALID_FIELDS");
    expect(save(fake, " ").error).toBe("INVALID_CALL_OBJECT");
    expect(fake.tasks).toHaveLength(0);
  });
});

describe("SoftphoneIdentity.whoAmI", () => {
  it("answers the org and the running user", () => {
    const fake = org();
    expect(run(fake, "SoftphoneIdentity", "whoAmI", {})).toEqual({
      orgId: fake.orgId,
      userId: fake.currentUserId
    });
  });
});
