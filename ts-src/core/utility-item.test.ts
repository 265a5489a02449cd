import type { CtiHost } from "../host/cti-host";
import type { CallView, SoftphoneState } from "./model";
import { initialState } from "./state";
import { StateCell } from "./store";
import { followUtilityItem, IDLE_ITEM, itemFor, MAX_LABEL } from "./utility-item";

const CALL: CallView = {
  id: "c1",
  direction: "inbound",
  displayNumber: "(415) 555-0100",
  number: "+14155550100",
  state: "ringing",
  muted: false,
  startedAt: 0,
  matchStatus: "off",
  matches: [],
  notes: ""
};

const withCall = (call: Partial<CallView> | null): SoftphoneState => ({
  ...initialState("lightning"),
  call: call === null ? null : { ...CALL, ...call }
});

describe("itemFor", () => {
  it.each<[string, Partial<CallView> | null, string, string]>([
    ["no call", null, "Phone", "call"],
    ["ringing, unknown caller", {}, "Incoming: (415) 555-0100", "incoming_call"],
    ["ringing, named caller", { callerName: "Ada" }, "Incoming: Ada", "incoming_call"],
    [
      "dialing a clicked contact",
      { direction: "outbound", state: "dialing", caller: { id: "003000000000001AAA", name: "Bo" } },
      "Calling: Bo",
      "outbound_call"
    ],
    ["connected", { state: "connected", callerName: "Ada" }, "On call: Ada", "call"],
    ["held", { state: "held", callerName: "Ada" }, "On hold: Ada", "paused_call"],
    ["after-call work", { state: "wrapup", callerName: "Ada" }, "After-call work", "log_a_call"],
    ["ended", { state: "ended" }, "Phone", "call"]
  ])("%s → %s / %s", (_, call, label, icon) => {
    expect(itemFor(withCall(call))).toEqual({ label, icon });
  });

  it("cuts long names to what the utility bar shows", () => {
    const { label } = itemFor(withCall({ state: "connected", callerName: "x".repeat(500) }));
    expect(label).toHaveLength(MAX_LABEL);
    expect(label.startsWith("On call: xxx")).toBe(true);
  });
});

describe("followUtilityItem", () => {
  function setup(fail = false) {
    const calls: string[] = [];
    const errors: string[] = [];
    const answer = (what: string) => (value: string) => {
      calls.push(`${what} ${value}`);
      return fail ? Promise.reject(new Error("no utility bar")) : Promise.resolve();
    };
    const host = {
      setItemLabel: answer("label"),
      setItemIcon: answer("icon")
    } as unknown as CtiHost;
    const cell = new StateCell(initialState("lightning"), { warn: () => undefined });
    const stop = followUtilityItem(cell, host, (what) => errors.push(what));
    return { cell, calls, errors, stop };
  }

  it("calls the container only when the label or the icon changes", () => {
    const t = setup();
    t.cell.set({ agent: "ready" });
    expect(t.calls).toEqual([]);
    t.cell.set(withCall({}));
    t.cell.set({ notice: "x" });
    t.cell.set(withCall({ callerName: "Ada" }));
    t.cell.set(withCall({ state: "connected", callerName: "Ada" }));
    t.cell.set(withCall(null));
    expect(t.calls).toEqual([
      "label Incoming: (415) 555-0100",
      "icon incoming_call",
      "label Incoming: Ada",
      "label On call: Ada",
      "icon call",
      `label ${IDLE_ITEM.label}`
    ]);
    t.stop();
    t.cell.set(withCall({}));
    expect(t.calls).toHaveLength(6);
  });

  it("reports a container that refuses", async () => {
    const t = setup(true);
    t.cell.set(withCall({}));
    await Promise.resolve();
    await Promise.resolve();
    expect(t.errors).toEqual(["setItemLabel", "setItemIcon"]);
  });
});
