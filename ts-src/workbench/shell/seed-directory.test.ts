import { FakeOrg, registerSoftphoneApex } from "../../host/fake";
import { seedOrg } from "./fake-backend";

describe("workbench directory demo data", () => {
  it("lists colleagues (users with extensions or lines) and additional numbers", () => {
    const org = new FakeOrg();
    registerSoftphoneApex(org);
    seedOrg(org);
    const outcome = org.runApex("SoftphoneDirectory", "search", { term: "" });
    if (!outcome.ok) throw new Error(outcome.error.description);
    const { entries } = JSON.parse(outcome.value as string) as {
      entries: { name: string; number: string; kind: string }[];
    };
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Dana Whitfield", number: "2101", kind: "user" }),
        expect.objectContaining({ name: "Sofia Lindqvist", kind: "user" }),
        expect.objectContaining({ name: "Billing queue", number: "2200", kind: "directory" }),
        expect.objectContaining({ name: "Technical support", kind: "directory" })
      ])
    );
  });
});
