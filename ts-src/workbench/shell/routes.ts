/**
 * The shell's pages and their URLs. Lightning URLs follow Salesforce's own
 * (`/lightning/r/Contact/003…/view`), so a URL screen pop to a record URL lands on the record.
 */
import type { FlowArgument } from "../../host/cti-host";

export type Route =
  | { kind: "home" }
  | { kind: "record"; id: string; objectType?: string }
  | { kind: "objecthome"; objectType: string }
  | { kind: "list"; objectType: string; listViewId: string }
  | { kind: "search"; term: string }
  | { kind: "flow"; name: string; args: FlowArgument[] }
  | { kind: "external"; url: string }
  | { kind: "notFound"; path: string };

const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

export function isRecordId(s: string): boolean {
  return ID.test(s);
}

/** Parses a path (with query) of the given shell into a route. */
export function parseRoute(view: "lightning" | "classic", pathWithQuery: string): Route {
  const url = new URL(pathWithQuery, "http://shell.invalid");
  const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const base = view === "lightning" ? "lightning" : "classic";
  if (parts[0] === base) parts.shift();
  else if (parts[0] === "lightning" && view === "classic") parts.shift();
  if (parts.length === 0 || (parts[0] === "page" && parts[1] === "home")) return { kind: "home" };
  if (parts[0] === "r" && parts.length >= 3 && isRecordId(parts[2]))
    return { kind: "record", objectType: parts[1], id: parts[2] };
  if (parts[0] === "o" && parts.length >= 3) {
    if (parts[2] === "home") return { kind: "objecthome", objectType: parts[1] };
    if (parts[2] === "list")
      return {
        kind: "list",
        objectType: parts[1],
        listViewId: url.searchParams.get("filterName") ?? "Recent"
      };
  }
  if (parts[0] === "search") return { kind: "search", term: url.searchParams.get("term") ?? "" };
  if (parts[0] === "flow" && parts[1]) return { kind: "flow", name: parts[1], args: [] };
  // Classic record URLs are the bare Id: /003…
  if (parts.length === 1 && isRecordId(parts[0])) return { kind: "record", id: parts[0] };
  return { kind: "notFound", path: url.pathname };
}

export function formatRoute(view: "lightning" | "classic", route: Route): string {
  const base = view === "lightning" ? "/lightning" : "/classic";
  const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;
  switch (route.kind) {
    case "home":
      return view === "lightning" ? `${base}/page/home` : base;
    case "record":
      return view === "lightning"
        ? `${base}/r/${encodeURIComponent(route.objectType ?? "Record")}/${route.id}/view`
        : `${base}/${route.id}`;
    case "objecthome":
      return `${base}/o/${encodeURIComponent(route.objectType)}/home`;
    case "list":
      return `${base}/o/${encodeURIComponent(route.objectType)}/list${q({ filterName: route.listViewId })}`;
    case "search":
      return `${base}/search${q({ term: route.term })}`;
    case "flow":
      return `${base}/flow/${encodeURIComponent(route.name)}`;
    case "external":
    case "notFound":
      return base;
  }
}

/**
 * Where a URL screen pop goes: shell URLs and Salesforce-relative record URLs stay in the
 * shell; anything else is shown as a link, never loaded (the workbench only talks to loopback).
 */
export function routeForUrl(view: "lightning" | "classic", raw: string): Route {
  let url: URL;
  try {
    url = new URL(raw, window.location.origin);
  } catch {
    return { kind: "external", url: raw };
  }
  if (url.origin !== window.location.origin) return { kind: "external", url: raw };
  const route = parseRoute(view, url.pathname + url.search);
  return route.kind === "notFound" ? { kind: "external", url: raw } : route;
}
