/**
 * A foreign Open CTI adapter in the workbench (`npm start -- --adapter <folder|file|url>`):
 * its page is served under /adapter/ on the workbench's own origin, so the paths it loads
 * Salesforce's library from (`/support/api/<version>/lightning/opencti_min.js`,
 * `/support/api/<version>/interaction.js`) reach the stand-in. A URL adapter is fetched
 * through the workbench (GET only) for the same reason.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, join, normalize, resolve, sep } from "node:path";

export const ADAPTER_PREFIX = "/adapter/";

export type AdapterSource =
  { kind: "folder"; dir: string; entry: string } | { kind: "url"; base: URL; entry: string };

export class AdapterError extends Error {
  override name = "AdapterError";
}

/** Resolves the `--adapter` value: a folder (its index.html), an HTML file, or an http(s) URL. */
export function resolveAdapter(value: string, cwd: string): AdapterSource {
  if (/^https?:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new AdapterError(`--adapter: "${value}" is not a URL`);
    }
    const entry = url.pathname.endsWith("/") ? "index.html" : basename(url.pathname);
    const base = new URL(url.pathname.endsWith("/") ? url.href : new URL(".", url).href);
    base.search = "";
    base.hash = "";
    return { kind: "url", base, entry: `${entry}${url.search}` };
  }
  const path = resolve(cwd, value);
  if (!existsSync(path)) throw new AdapterError(`--adapter: ${path} does not exist`);
  if (statSync(path).isDirectory()) {
    if (!existsSync(join(path, "index.html")))
      throw new AdapterError(`--adapter: ${path} has no index.html; name the page's file`);
    return { kind: "folder", dir: path, entry: "index.html" };
  }
  if (!/\.(html?|page)$/i.test(path))
    throw new AdapterError(`--adapter: ${path} is not an HTML page (.html, .htm or .page)`);
  return { kind: "folder", dir: dirname(path), entry: basename(path) };
}

/** The adapter's page as the shell frames it (before sfdcIframeOrigin and mode are added). */
export function adapterPagePath(source: AdapterSource): string {
  const [path, query] = source.entry.split(/\?(.*)/s);
  return `${ADAPTER_PREFIX}${encodeURI(path ?? "")}${query ? `?${query}` : ""}`;
}

/** A library the adapter bundles itself (`…/opencti_min.js`, `…/interaction.js`). */
export function bundledLibrary(path: string): "lightning" | "classic" | null {
  const name = path.split("/").pop() ?? "";
  if (name === "opencti_min.js" || name === "opencti.js") return "lightning";
  if (name === "interaction.js") return "classic";
  return null;
}

export interface AdapterFile {
  body: Uint8Array;
  type: string | null;
}

/** Reads `/adapter/<rest>`; null when there is no such file (or it is outside the folder). */
export async function readAdapterFile(
  source: AdapterSource,
  rest: string
): Promise<AdapterFile | null> {
  if (source.kind === "folder") {
    let file: string;
    try {
      file = normalize(join(source.dir, decodeURIComponent(rest)));
    } catch {
      return null;
    }
    if (!file.startsWith(source.dir + sep) || !existsSync(file) || !statSync(file).isFile())
      return null;
    return { body: readFileSync(file), type: extname(file).toLowerCase() };
  }
  const url = new URL(rest, source.base);
  if (!url.href.startsWith(source.base.href)) return null;
  const response = await fetch(url, { redirect: "manual" });
  if (!response.ok) return null;
  return {
    body: new Uint8Array(await response.arrayBuffer()),
    type: response.headers.get("content-type")
  };
}
