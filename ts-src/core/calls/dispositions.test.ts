import { CALL_FLOW_ITEMS, parseCallFlowSettings } from "../call-flow-settings";
import { boot } from "../testing/harness";
import { host } from "../testing/softphone-fixtures";

async function wrappedUp(settings: Record<string, string>) {
  const t = await boot(host(settings));
  await t.store.actions.simulateIncomingCall("+14155550100");
  await t.store.actions.answer();
  await t.store.actions.hangup();
  return t;
}

describe("dispositions from the call center", () => {
  it("logs one of the call center's dispositions and refuses others", async () => {
    const t = await wrappedUp({ [CALL_FLOW_ITEMS.dispositions]: "Sale,No sale,Callback" });
    t.store.actions.setDisposition("Connected");
    expect(t.store.getState().call?.disposition).toBe("Connected");
    t.store.actions.setDisposition("no SALE");
    expect(t.store.getState().call?.disposition).toBe("No sale");
    await t.store.actions.saveWrapUp();
    expect(t.host.savedLogs[0]?.fields).toMatchObject({ CallDisposition: "No sale" });
  });

  it("with dispositionRequired, Save waits for a disposition (nothing is lost)", async () => {
    const t = await wrappedUp({ [CALL_FLOW_ITEMS.dispositionRequired]: "true" });
    expect(t.store.getState().call?.disposition).toBeUndefined();
    await t.store.actions.saveWrapUp();
    expect(t.host.savedLogs).toHaveLength(0);
    expect(t.store.getState().notice).toMatch(/Choose a disposition/);
    t.store.actions.setDisposition("Busy");
    await t.store.actions.saveWrapUp();
    expect(t.host.savedLogs).toHaveLength(1);
    expect(t.host.savedLogs[0]?.fields).toMatchObject({ CallDisposition: "Busy" });
  });

  it("extends a timed wrap-up by 30 s per press, and saves once", async () => {
    const t = await wrappedUp({ "/softphoneSettings/wrapUpSeconds": "20" });
    const first = t.store.getState().call?.wrapUpDeadline ?? 0;
    await t.clock.advance(15_000);
    await t.store.actions.extendWrapUp();
    expect(t.store.getState().call?.wrapUpDeadline).toBe(first + 30_000);
    await t.clock.advance(34_999);
    expect(t.host.savedLogs).toHaveLength(0);
    await t.clock.advance(1);
    expect(t.host.savedLogs).toHaveLength(1);
    await t.clock.advance(60_000);
    expect(t.host.savedLogs).toHaveLength(1);
  });

  it("names the item for bad values", () => {
    const { problems } = parseCallFlowSettings({
      [CALL_FLOW_ITEMS.dispositions]: ",,",
      [CALL_FLOW_ITEMS.notReadyResponseCode]: "200",
      [CALL_FLOW_ITEMS.dispositionRequired]: "yes",
      [CALL_FLOW_ITEMS.notReadyReasons]: "x".repeat(41)
    });
    expect(problems.map((p) => p.item).sort()).toEqual(
      [
        CALL_FLOW_ITEMS.dispositions,
        CALL_FLOW_ITEMS.notReadyResponseCode,
        CALL_FLOW_ITEMS.dispositionRequired,
        CALL_FLOW_ITEMS.notReadyReasons
      ].sort()
    );
  });
});
