/**
 * The workbench's HTTP server (127.0.0.1 only): the Salesforce-like shell, the real
 * Softphone.page rendered from force-app (or a foreign adapter's page, `--adapter`), the
 * committed static resource, SLDS from node_modules, and stand-in Open CTI scripts at the
 * paths Salesforce serves them from, for any API version. Browser-side workbench code is
 * bundled in memory at start; it never enters the resource. With `tls` it serves https, so a
 * browser that maps a force.com name to loopback sees the shell on a Salesforce-like origin.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import type { AddressInfo } from "node:net";
import { build } from "esbuild";
import { renderPage } from "../../../scripts/lib/render-page.mjs";
import {
  ADAPTER_PREFIX,
  adapterPagePath,
  bundledLibrary,
  readAdapterFile,
  type AdapterSource
} from "./adapter";
import { adapterPolicy, strictPolicy, type AdapterCsp } from "./csp";

export interface WorkbenchServerOptions {
  /** The repository root. */
  root: string;
  /** 0 picks a free port. */
  port: number;
  /** Call center settings the shell starts with (from `--sip` and friends). */
  settings?: Record<string, string>;
  /** Extra origins for the pages' connect-src (the SIP WebSocket server). */
  connectOrigins?: string[];
  /**
   * Where the softphone static resource is served from; default: the one in force-app.
   * Tests pass a copy so a rebuild in the working tree cannot change it under them.
   */
  resourceDir?: string;
  /** Serve https with this key and certificate (PEM). */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** The host name the URL names (a force.com name the browser maps to 127.0.0.1). */
  hostName?: string;
  /** What `/` shows: the Lightning shell (default) or Classic. */
  view?: "lightning" | "classic";
  /** A foreign Open CTI adapter to host instead of our Softphone.page. */
  adapter?: AdapterSource;
  /** The CSP of adapter pages (default: like a Visualforce page's). */
  adapterCsp?: AdapterCsp;
  /** Serve the stand-in for library copies the adapter bundles itself (…/opencti_min.js). */
  replaceBundledLibrary?: boolean;
}

export interface RunningWorkbench {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** What the shell page reads from its `workbench-config` element. */
export interface WorkbenchPageConfig {
  view: "lightning" | "classic";
  settings: Record<string, string>;
  /** The page the softphone frame loads (default /apex/Softphone). */
  softphonePath?: string;
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".svg": "image/svg+xml",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".map": "application/json"
};

const OPENCTI_PATH = "/support/api/66.0/lightning/opencti_min.js";
const INTERACTION_PATH = "/support/api/66.0/interaction.js";
/** Salesforce serves its libraries for every API version; so does the stand-in. */
const LIBRARY_PATHS: Array<[RegExp, string]> = [
  [/^\/support\/api\/\d{1,3}(?:\.\d)?\/lightning\/opencti_min\.js$/, OPENCTI_PATH],
  [/^\/support\/api\/\d{1,3}(?:\.\d)?\/interaction\.js$/, INTERACTION_PATH]
];

async function bundleBrowserCode(
  root: string
): Promise<Map<string, { body: Uint8Array; type: string }>> {
  const common = {
    absWorkingDir: root,
    bundle: true,
    write: false,
    minify: false,
    sourcemap: false,
    target: ["es2022", "chrome110"],
    platform: "browser" as const,
    legalComments: "none" as const,
    logLevel: "warning" as const,
    jsx: "automatic" as const,
    jsxImportSource: "preact",
    define: { "process.env.NODE_ENV": '"development"' }
  };
  const out = new Map<string, { body: Uint8Array; type: string }>();
  const shell = await build({
    ...common,
    entryPoints: { shell: "ts-src/workbench/shell/main.tsx" },
    outdir: join(root, ".tmp/workbench"),
    format: "esm"
  });
  for (const f of shell.outputFiles ?? [])
    out.set(`/workbench/${f.path.split(sep).pop()}`, {
      body: f.contents,
      type: TYPES[extname(f.path)] ?? "text/plain"
    });
  const shims = await build({
    ...common,
    entryPoints: {
      opencti_min: "ts-src/workbench/bridge/opencti-entry.ts",
      interaction: "ts-src/workbench/bridge/interaction-entry.ts"
    },
    outdir: join(root, ".tmp/workbench"),
    format: "iife"
  });
  for (const f of shims.outputFiles ?? []) {
    const name = f.path.split(sep).pop();
    const path =
      name === "opencti_min.js"
        ? OPENCTI_PATH
        : name === "interaction.js"
          ? INTERACTION_PATH
          : null;
    if (path) out.set(path, { body: f.contents, type: TYPES[".js"] });
  }
  return out;
}

/** JSON inside a <script type="application/json"> must not be able to close the element. */
const scriptSafeJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");

function shellHtml(config: WorkbenchPageConfig): string {
  const title = config.view === "classic" ? "Softphone Workbench (Classic)" : "Softphone Workbench";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title}</title>
<link rel="stylesheet" href="/slds/styles/salesforce-lightning-design-system.min.css" />
<link rel="stylesheet" href="/workbench/shell.css" />
<script type="application/json" id="workbench-config">${scriptSafeJson(config)}</script>
<script type="module" src="/workbench/shell.js"></script>
</head>
<body>
<div id="workbench"></div>
</body>
</html>
`;
}

export async function startWorkbenchServer(
  options: WorkbenchServerOptions
): Promise<RunningWorkbench> {
  const { root } = options;
  const pagePath = join(root, "force-app/main/default/pages/Softphone.page");
  const statics: Array<[string, string]> = [
    [
      "/resource/softphone/",
      options.resourceDir ?? join(root, "force-app/main/default/staticresources/softphone")
    ],
    ["/slds/", join(root, "node_modules/@salesforce-ux/design-system/assets")]
  ];
  if (!options.adapter && !existsSync(join(statics[0][1], "main.js")))
    throw new Error("the softphone static resource has no main.js: run `npm run build` first");
  const bundles = await bundleBrowserCode(root);
  const connectOrigins = options.connectOrigins ?? [];
  const csp = strictPolicy(connectOrigins);
  const adapterCsp = adapterPolicy(options.adapterCsp ?? "visualforce", connectOrigins);
  const settings = options.settings ?? {};
  const adapter = options.adapter;
  const defaultView = options.view ?? "lightning";
  const softphonePath = adapter ? adapterPagePath(adapter) : undefined;

  const send = (
    res: ServerResponse,
    status: number,
    type: string,
    body: string | Uint8Array,
    head = false,
    policy = csp
  ) => {
    res.writeHead(status, {
      "content-type": type,
      "content-security-policy": policy,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "cache-control": "no-store"
    });
    res.end(head ? undefined : body);
  };
  const shell = (view: "lightning" | "classic") =>
    shellHtml({ view, settings, ...(softphonePath ? { softphonePath } : {}) });

  const serveAdapter = async (res: ServerResponse, path: string, head: boolean) => {
    if (!adapter) return false;
    const library = options.replaceBundledLibrary ? bundledLibrary(path) : null;
    const standIn =
      library && bundles.get(library === "lightning" ? OPENCTI_PATH : INTERACTION_PATH);
    if (standIn) {
      send(res, 200, standIn.type, standIn.body, head, adapterCsp);
      return true;
    }
    const file = await readAdapterFile(adapter, path.slice(ADAPTER_PREFIX.length));
    if (!file) return false;
    const type = file.type?.startsWith(".")
      ? (TYPES[file.type] ?? "application/octet-stream")
      : (file.type ?? "application/octet-stream");
    send(res, 200, type, file.body, head, adapterCsp);
    return true;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const head = req.method === "HEAD";
    if (req.method !== "GET" && !head) {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" });
      return res.end("Method not allowed");
    }
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://127.0.0.1");
    } catch {
      return send(res, 400, "text/plain", "Bad request", head);
    }
    const path = url.pathname;
    if (path === "/") return send(res, 200, TYPES[".html"], shell(defaultView), head);
    if (path === "/lightning" || path.startsWith("/lightning/"))
      return send(res, 200, TYPES[".html"], shell("lightning"), head);
    if (path === "/classic" || path.startsWith("/classic/"))
      return send(res, 200, TYPES[".html"], shell("classic"), head);
    if (path === "/apex/Softphone") {
      try {
        return send(res, 200, TYPES[".html"], renderPage(pagePath, url.searchParams), head);
      } catch (e) {
        console.error(e);
        return send(
          res,
          500,
          "text/plain; charset=utf-8",
          `Softphone.page could not be rendered: ${(e as Error).message}`,
          head
        );
      }
    }
    const library = LIBRARY_PATHS.find(([pattern]) => pattern.test(path));
    const bundle = bundles.get(library ? library[1] : path);
    if (bundle) return send(res, 200, bundle.type, bundle.body, head);
    if (path === "/favicon.ico") return send(res, 204, "text/plain", "", head);
    if (path.startsWith(ADAPTER_PREFIX)) {
      try {
        if (await serveAdapter(res, path, head)) return;
      } catch (e) {
        return send(
          res,
          502,
          "text/plain; charset=utf-8",
          `The adapter could not be read: ${(e as Error).message}`,
          head
        );
      }
    }
    for (const [prefix, dir] of statics) {
      if (!path.startsWith(prefix)) continue;
      let file: string;
      try {
        file = normalize(join(dir, decodeURIComponent(path.slice(prefix.length))));
      } catch {
        break;
      }
      if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) break;
      return send(
        res,
        200,
        TYPES[extname(file)] ?? "application/octet-stream",
        readFileSync(file),
        head
      );
    }
    send(res, 404, "text/plain; charset=utf-8", "Not found", head);
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e: unknown) => {
      console.error(e);
      if (!res.headersSent) send(res, 500, "text/plain", "Internal error");
    });
  };
  const server = options.tls
    ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, listener)
    : createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${options.tls ? "https" : "http"}://${options.hostName ?? "127.0.0.1"}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
