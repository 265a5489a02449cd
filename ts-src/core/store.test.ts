import { initialState } from "./state";
import { StateCell } from "./store";

describe("StateCell", () => {
  it("merges patches and notifies every subscriber with the latest state", () => {
    const warnings: string[] = [];
    const cell = new StateCell(initialState("lightning"), { warn: (m) => warnings.push(m) });
    const seen: string[] = [];
    cell.subscribe((s) => {
      seen.push(`a:${s.agent}`);
      // A subscriber that changes the state: later subscribers see the newest state.
      if (s.agent === "busy") cell.set({ agent: "ready" });
    });
    cell.subscribe(() => {
      throw new Error("boom");
    });
    const stop = cell.subscribe((s) => seen.push(`c:${s.agent}`));
    cell.set({ agent: "busy" });
    expect(cell.getState().agent).toBe("ready");
    expect(seen).toEqual(["a:busy", "a:ready", "c:ready", "c:ready"]);
    expect(warnings).toEqual([
      "Softphone state listener failed: boom",
      "Softphone state listener failed: boom"
    ]);
    stop();
    cell.set({ agent: "offline" });
    expect(seen.at(-1)).toBe("a:offline");
  });

  it("ignores changes after dispose", () => {
    const cell = new StateCell(initialState("lightning"), { warn: () => undefined });
    const seen: unknown[] = [];
    cell.subscribe((s) => seen.push(s));
    cell.dispose();
    cell.set({ agent: "ready" });
    expect(seen).toEqual([]);
    expect(cell.getState().agent).toBe("offline");
  });
});
