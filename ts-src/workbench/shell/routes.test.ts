/** @jest-environment jsdom */
import { formatRoute, parseRoute, routeForUrl, type Route } from "./routes";

describe("shell routes", () => {
  const id = "003Fk0000000001AAA";
  it("round-trips Lightning and Classic URLs", () => {
    const routes: Route[] = [
      { kind: "home" },
      { kind: "record", id, objectType: "Contact" },
      { kind: "objecthome", objectType: "Lead" },
      { kind: "list", objectType: "Case", listViewId: "MyOpenCases" },
      { kind: "search", term: "555 0101 & co" },
      { kind: "flow", name: "Inbound_Caller", args: [] }
    ];
    for (const r of routes) expect(parseRoute("lightning", formatRoute("lightning", r))).toEqual(r);
    expect(formatRoute("classic", { kind: "record", id })).toBe(`/classic/${id}`);
    expect(parseRoute("classic", `/classic/${id}`)).toEqual({ kind: "record", id });
  });

  it("keeps URL pops inside the shell only for its own pages", () => {
    expect(routeForUrl("lightning", `/lightning/r/Contact/${id}/view`)).toEqual({
      kind: "record",
      id,
      objectType: "Contact"
    });
    expect(routeForUrl("classic", `/${id}`)).toEqual({ kind: "record", id });
    expect(routeForUrl("lightning", "https://evil.example.com/x")).toEqual({
      kind: "external",
      url: "https://evil.example.com/x"
    });
    expect(routeForUrl("lightning", "javascript:alert(1)")).toEqual({
      kind: "external",
      url: "javascript:alert(1)"
    });
    expect(routeForUrl("lightning", "/nowhere/at/all").kind).toBe("external");
  });

  it("treats unknown paths as not found", () => {
    expect(parseRoute("lightning", "/lightning/r/Contact/not-an-id/view")).toEqual({
      kind: "notFound",
      path: "/lightning/r/Contact/not-an-id/view"
    });
  });
});
