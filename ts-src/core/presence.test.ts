import { DemoPhone } from "../phone/demo/demo-phone";
import { PRESENCE_KEY, chooseReason, inboundPolicyFor, readPresence } from "./presence";
import { NOT_READY_KEY } from "./agent";
import { MemoryStorage } from "./storage";
import { CALL_FLOW_ITEMS } from "./call-flow-settings";
import { boot } from "./testing/harness";
import { settle } from "./testing/fake-clock";
import { asAgent } from "./testing/recording-host";
import { host } from "./testing/softphone-fixtures";

describe("presence", () => {
  it("B6: not ready refuses a simulated call with a notice, and ready takes calls again", async () => {
    const t = await boot(host());
    await t.store.actions.setReady(false);
    await t.store.actions.simulateIncomingCall("+14155550100");
    await settle();
    expect(t.store.getState().call).toBeNull();
    expect(t.store.getState().notice).toMatch(/not ready.*refused \(486\)/i);
    await t.store.actions.setReady(true);
    await t.store.actions.simulateIncomingCall("+14155550100");
    await settle();
    expect(t.store.getState().call).toMatchObject({ state: "ringing" });
  });

  it("refuses with the configured code and keeps the admin's reason, spelled the admin's way", async () => {
    const t = await boot(
      host({
        [CALL_FLOW_ITEMS.notReadyReasons]: "Break, Lunch,Training",
        [CALL_FLOW_ITEMS.notReadyResponseCode]: "480"
      })
    );
    expect(t.store.getState().callFlow?.notReadyReasons).toEqual(["Break", "Lunch", "Training"]);
    await t.store.actions.setReady(false, "lunch");
    await t.store.actions.simulateIncomingCall("+14155550100");
    await settle();
    expect(t.store.getState()).toMatchObject({ notReady: true, notReadyReason: "Lunch" });
    expect(t.store.getState().notice).toMatch(/\(480\)/);
    expect(t.host.published.at(-1)?.payload).toMatchObject({
      agent: "offline",
      notReady: { reason: "Lunch", since: expect.any(Number) }
    });
  });

  it("refuses a reason the admin did not define", async () => {
    const t = await boot(host({ [CALL_FLOW_ITEMS.notReadyReasons]: "Break" }));
    await t.store.actions.setReady(false, "Nap");
    expect(t.store.getState().notReady).toBeFalsy();
    expect(t.store.getState().notice).toMatch(/"Nap" is not a not-ready reason/);
  });

  it("survives a reload: reason and time in state come back from session storage", async () => {
    const t = await boot(host({ [CALL_FLOW_ITEMS.notReadyReasons]: "Break" }));
    await t.store.actions.setReady(false, "Break");
    const since = t.store.getState().presenceSince;
    // Kept under this org and user's keys (shared PCs).
    expect(asAgent(t.session).getItem(NOT_READY_KEY)).toBe("1");
    const again = await boot(host({ [CALL_FLOW_ITEMS.notReadyReasons]: "Break" }), {
      session: t.session
    });
    expect(again.store.getState()).toMatchObject({
      notReady: true,
      notReadyReason: "Break",
      presenceSince: since,
      agent: "offline"
    });
    await again.store.actions.simulateIncomingCall("+14155550100");
    expect(again.store.getState().call).toBeNull();
  });

  it("reads broken stored presence as ready with no reason", () => {
    const session = new MemoryStorage();
    session.setItem(PRESENCE_KEY, "{not json");
    expect(readPresence(session)).toEqual({ notReady: false });
  });

  it("maps presence to the phone's inbound policy", () => {
    expect(inboundPolicyFor({ notReady: true }, { notReadyResponseCode: 603 })).toEqual({
      mode: "refuse",
      statusCode: 603
    });
    expect(inboundPolicyFor({ notReady: false }, undefined)).toEqual({ mode: "accept" });
    expect(chooseReason(["Break"], " BREAK ")).toBe("Break");
    expect(chooseReason(["Break"], "")).toBeUndefined();
    expect(chooseReason([], "Break")).toBeNull();
  });

  it("the demo phone never rings while refusing, and calls in progress stay", async () => {
    const phone = new DemoPhone();
    await phone.register();
    const events: string[] = [];
    phone.on((e) => events.push(e.type));
    const first = await phone.simulateIncoming("+14155550100");
    phone.setInboundPolicy({ mode: "refuse", statusCode: 486 });
    await expect(phone.simulateIncoming("+14155550101")).rejects.toThrow(/486/);
    expect(events.filter((e) => e === "incoming")).toHaveLength(1);
    expect(phone.listCalls().map((c) => c.id)).toEqual([first]);
    await phone.dispose();
  });
});
