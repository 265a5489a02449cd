import { UNTARGETED_WINDOW_MS, WorkItems } from "./work-items";

describe("WorkItems", () => {
  it("matches a work item by its target record, once", () => {
    const items = new WorkItems();
    items.remember({ workId: "0Z1", workTargetId: "00Q000000000001" }, 100);
    expect(items.take(["003000000000001"], 200)).toBeUndefined();
    expect(items.take(["00Q000000000001"], 200)).toEqual({
      workId: "0Z1",
      workTargetId: "00Q000000000001"
    });
    expect(items.take(["00Q000000000001"], 200)).toBeUndefined();
  });

  it("gives an untargeted item to the next call within the window", () => {
    const items = new WorkItems();
    items.remember({ workId: "old" }, 0);
    items.remember({ workId: "new" }, 1000);
    expect(items.take([], 500 + 1000)).toEqual({ workId: "new" });
    expect(items.take([], UNTARGETED_WINDOW_MS + 1)).toBeUndefined();
    expect(items.take([], 10)).toEqual({ workId: "old" });
  });

  it("ignores items without an id and replaces repeats", () => {
    const items = new WorkItems();
    items.remember({ workId: "" }, 0);
    items.remember({ workId: "a", workTargetId: "x" }, 0);
    items.remember({ workId: "a", workTargetId: "y" }, 0);
    expect(items.take(["x"], 0)).toBeUndefined();
    expect(items.take(["y"], 0)).toEqual({ workId: "a", workTargetId: "y" });
  });

  it("matches a work item by the number it asked to dial", () => {
    const items = new WorkItems();
    items.remember({ workId: "w", workTargetId: "00Q000000000009", to: "(415) 555-0100" }, 0);
    expect(items.take(["003000000000001"], 10 * UNTARGETED_WINDOW_MS, "+12")).toBeUndefined();
    expect(items.take([], 10 * UNTARGETED_WINDOW_MS, "+1 415 555 0100")).toMatchObject({
      workId: "w"
    });
  });
});
