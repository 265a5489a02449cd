import { boot } from "./testing/harness";
import { host } from "./testing/softphone-fixtures";

describe("directory", () => {
  it("searches the directory, ignoring stale answers and reporting failures", async () => {
    const h = host();
    const t = await boot(h);
    await t.store.actions.searchDirectory("   ");
    expect(t.store.getState().directory).toEqual({ query: "", status: "idle", entries: [] });
    const first = t.store.actions.searchDirectory("a");
    const second = t.store.actions.searchDirectory("ab");
    await Promise.all([first, second]);
    expect(t.store.getState().directory.query).toBe("ab");
    h.apex.set("SoftphoneDirectory.search", () => '{"error":"FORBIDDEN"}');
    await t.store.actions.searchDirectory("x");
    expect(t.store.getState().directory.status).toBe("error");
    h.apex.delete("SoftphoneDirectory.search");
    await t.store.actions.searchDirectory("y");
    expect(t.store.getState().errors.at(-1)?.message).toContain("directory search failed");
  });
});
