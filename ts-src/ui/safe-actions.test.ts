import { safeActions } from "./safe-actions";
import { createFakeStore } from "./test-support/fake-store";

describe("safeActions", () => {
  it("passes arguments through to the store's actions", async () => {
    const store = createFakeStore();
    const actions = safeActions(store.actions, () => undefined);
    await actions.dial("2001", "003A");
    actions.setNotes("hello");
    expect(store.calls).toEqual([
      { name: "dial", args: ["2001", "003A"] },
      { name: "setNotes", args: ["hello"] }
    ]);
  });

  it("turns a rejection into a report instead of an unhandled rejection", async () => {
    const store = createFakeStore();
    const reports: string[] = [];
    const actions = safeActions(store.actions, (m) => reports.push(m));
    store.failNext("transfer", new Error("REFER rejected (403)"));
    await expect(actions.transfer("2001")).resolves.toBeUndefined();
    expect(reports).toEqual(["REFER rejected (403)"]);
  });

  it("reports a synchronous throw", () => {
    const store = createFakeStore();
    const reports: string[] = [];
    const actions = safeActions(store.actions, (m) => reports.push(m));
    store.failNext("setRelatedTo", new Error("No call"));
    expect(() => actions.setRelatedTo(null)).not.toThrow();
    expect(reports).toEqual(["No call"]);
  });

  it("keeps the actions object as `this` for class-based stores", async () => {
    class Actions {
      seen: string[] = [];
      async dial(n: string) {
        this.seen.push(n);
      }
    }
    const target = new Actions();
    const actions = safeActions(target as never, () => undefined);
    await actions.dial("1");
    expect(target.seen).toEqual(["1"]);
  });
});
