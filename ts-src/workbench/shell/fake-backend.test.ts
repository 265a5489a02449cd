import { createFakeBackend, popTarget } from "./fake-backend";
import type { PanelChange } from "./backend";
import type { ScreenPopTarget } from "../../host/cti-host";

function backend() {
  const pops: ScreenPopTarget[] = [];
  const panel: PanelChange[] = [];
  const b = createFakeBackend({
    view: "lightning",
    events: {
      screenPop: (t) => pops.push(t),
      refreshView: () => undefined,
      panel: (c) => panel.push(c)
    }
  });
  return { b, pops, panel };
}

describe("the workbench backend over the fake org", () => {
  afterEach(() => jest.clearAllTimers());
  beforeAll(() => jest.useFakeTimers());
  afterAll(() => jest.useRealTimers());

  it("seeds a realistic org, with one number shared by three records", () => {
    const { b } = backend();
    expect(b.records("Account")).toHaveLength(4);
    expect(b.records("Contact").length).toBeGreaterThanOrEqual(6);
    expect(b.records("Lead")).toHaveLength(2);
    expect(b.records("Case")).toHaveLength(3);
    const shared = b.org.findByPhone("+1 512 555 0188", ["Contact", "Account", "Lead"]);
    expect(shared).toHaveLength(3);
    const maria = b.records("Contact").find((c) => c.LastName === "Garcia");
    expect(b.record(String(maria?.AccountId))?.Name).toBe("Acme Corporation");
  });

  it("creates records with required fields and reports changes", () => {
    const { b } = backend();
    const changed = jest.fn();
    b.onChange(changed);
    expect(() => b.create("Contact", { FirstName: "No" })).toThrow(/LastName/);
    expect(() => b.create("Spaceship", { Name: "x" })).toThrow(/no object Spaceship/);
    const id = b.create("Contact", { LastName: "Haddad", Phone: "+14155550199" });
    expect(b.objectTypeOf(id)).toBe("Contact");
    expect(changed).toHaveBeenCalled();
  });

  it("turns the org's screen pops into shell targets", () => {
    expect(popTarget({ api: "lightning", type: "sobject", params: { recordId: "003x" } })).toEqual({
      type: "sobject",
      recordId: "003x"
    });
    expect(
      popTarget({
        api: "lightning",
        type: "newRecord",
        params: { entityName: "Contact", defaultFieldValues: { Phone: "+1415", Count: 3 } }
      })
    ).toEqual({
      type: "newRecord",
      entityName: "Contact",
      defaultFieldValues: { Phone: "+1415", Count: "3" }
    });
    expect(popTarget({ api: "classic", type: "url", params: {}, url: "/003x" })).toEqual({
      type: "url",
      url: "/003x"
    });
    expect(
      popTarget({
        api: "lightning",
        type: "flow",
        params: { flowDevName: "F", flowArgs: [{ name: "n", type: "String", value: "1" }] }
      })
    ).toEqual({
      type: "flow",
      flowDevName: "F",
      flowArgs: [{ name: "n", type: "String", value: "1" }]
    });
    expect(popTarget({ api: "lightning", type: "teleport", params: {} })).toBeNull();
  });

  it("reports panel changes one by one and keeps its own panel toggles quiet", () => {
    const { b, panel } = backend();
    b.org.changePanel({ widthPX: 500, itemLabel: "On call" });
    expect(panel).toEqual([
      { kind: "width", px: 500 },
      { kind: "itemLabel", text: "On call" }
    ]);
    b.setPanelVisible(true);
    expect(b.org.panel.visible).toBe(true);
    expect(panel).toHaveLength(2);
  });

  it("delivers click-to-dial only while the softphone enables it", async () => {
    const { b } = backend();
    const heard = jest.fn();
    b.org.addClickToDialListener(heard);
    b.clickToDial({ number: "(415) 555-0101" });
    await Promise.resolve();
    expect(heard).not.toHaveBeenCalled();
    b.org.clickToDialEnabled = true;
    b.clickToDial({ number: "(415) 555-0101" });
    await Promise.resolve();
    await Promise.resolve();
    expect(heard).toHaveBeenCalledWith(expect.objectContaining({ number: "(415) 555-0101" }));
  });
});
