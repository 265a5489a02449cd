/**
 * The Voice workbench server: Salesforce's side of Partner Telephony on loopback. It listens
 * on 127.0.0.1 over https with a self-signed certificate made at start for two Salesforce-like
 * host names that the browser maps to 127.0.0.1 (Chromium `--host-resolver-rules`): the
 * Lightning shell on LIGHTNING_HOST and the real SoftphoneConnector.page with the committed
 * static resource on VISUALFORCE_HOST, as in an org. No real Salesforce host is contacted.
 * The page's remote action is answered by the same in-memory stand-in the contract suite
 * uses (FakeVoiceApex), whose VoiceCall records the shell lists.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { build } from "esbuild";
import { FakeVoiceApex } from "../../host/voice/fake/voice-apex";
import type { VoiceAction } from "../../host/voice/backend";
import { REMOTING_PATH, renderConnectorPage } from "./connector-page";

export const LIGHTNING_HOST = "wb.lightning.force.com";
export const VISUALFORCE_HOST = "wb--c.vf.force.com";
/** Chromium flags that send both host names to this server and accept its certificate. */
export const CHROMIUM_VOICE_ARGS = [
  `--host-resolver-rules=MAP ${LIGHTNING_HOST} 127.0.0.1, MAP ${VISUALFORCE_HOST} 127.0.0.1`,
  "--ignore-certificate-errors"
];

export interface VoiceWorkbenchOptions {
  root: string;
  port: number;
  /** Contact center items (`/section/item`) handed to the connector in SETUP_CONNECTOR. */
  settings?: Record<string, string>;
  connectOrigins?: string[];
  resourceDir?: string;
}

export interface RunningVoiceWorkbench {
  readonly url: string;
  readonly port: number;
  readonly apex: FakeVoiceApex;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".png": "image/png",
  ".json": "application/json; charset=utf-8"
};
const ACTIONS: readonly VoiceAction[] = [
  "findByPhone",
  "searchDirectory",
  "getSipAccount",
  "findVoiceCall",
  "createVoiceCall",
  "finishVoiceCall"
];

export const DEFAULT_VOICE_SETTINGS: Record<string, string> = {
  "/reqGeneralInfo/reqInternalName": "SoftphoneVoice",
  "/reqGeneralInfo/reqVendorInfoApiName": "SoftphoneVoiceVendor",
  "/softphoneSettings/provider": "demo",
  "/softphoneSettings/screenPop": "apex",
  "/softphoneSettings/noMatchPop": "none",
  "/voiceSettings/contactCenterNumber": "+14155550100"
};

/** A throw-away certificate for both host names, made with openssl (Debian's). */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), "voice-workbench-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        `/CN=${LIGHTNING_HOST}`,
        "-addext",
        `subjectAltName=DNS:${LIGHTNING_HOST},DNS:${VISUALFORCE_HOST}`,
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem")
      ],
      { stdio: "ignore" }
    );
    return { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bundle(root: string): Promise<Map<string, Uint8Array>> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: {
      shell: "ts-src/workbench/voice/shell-entry.ts",
      remoting: "ts-src/workbench/voice/remoting-entry.ts"
    },
    outdir: join(root, ".tmp/voice-workbench"),
    bundle: true,
    write: false,
    format: "iife",
    target: ["es2022", "chrome110"],
    platform: "browser",
    logLevel: "warning"
  });
  const out = new Map<string, Uint8Array>();
  for (const file of result.outputFiles) {
    const name = file.path.split(sep).pop();
    if (name === "shell.js") out.set("/workbench-voice/shell.js", file.contents);
    if (name === "remoting.js") out.set(REMOTING_PATH, file.contents);
  }
  return out;
}

const scriptSafeJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");

function shellHtml(config: unknown): string {
  const button = (id: string, label: string, brand = false) =>
    `<button class="slds-button ${brand ? "slds-button_brand" : "slds-button_neutral"}" data-testid="${id}">${label}</button>`;
  const input = (id: string, label: string, value = "") =>
    `<div class="slds-form-element"><label class="slds-form-element__label" for="${id}">${label}</label><input class="slds-input" id="${id}" data-testid="${id}" value="${value}" /></div>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>Softphone Workbench (Salesforce Voice)</title>
<link rel="stylesheet" href="/slds/styles/salesforce-lightning-design-system.min.css" />
<script type="application/json" id="voice-config">${scriptSafeJson(config)}</script>
<script src="/workbench-voice/shell.js" defer></script>
</head>
<body class="slds-scope">
<div class="slds-page-header"><h1 class="slds-page-header__title">Salesforce Voice workbench: Omni-Channel phone (played by the workbench)</h1>
<p data-testid="voice-ready" class="slds-text-body_small">Waiting for the connector…</p></div>
<div class="slds-grid slds-gutters slds-p-around_medium">
<div class="slds-col slds-size_1-of-3">
<div class="slds-card slds-p-around_small">
<h2 class="slds-text-heading_small">Phone</h2>
<p data-testid="voice-call-state" class="slds-text-heading_medium slds-m-vertical_small">No call</p>
<div class="slds-form-element"><label class="slds-form-element__label" for="voice-status">Presence</label>
<select class="slds-select" id="voice-status" data-testid="voice-status"><option value="Online">Available (Online)</option><option value="Offline">Busy (Offline)</option></select></div>${button("voice-logout", "Log out")}
<div class="slds-button-group slds-m-vertical_small">${button("voice-accept", "Accept", true)}${button("voice-decline", "Decline")}${button("voice-end", "End call")}</div>
<div class="slds-button-group slds-m-bottom_small">${button("voice-hold", "Hold")}${button("voice-mute", "Mute")}${button("voice-wrap-up", "Close after-call work")}</div>
${input("voice-dial", "Number to dial", "+14155550123")}${button("voice-dial-send", "Dial", true)}
${input("voice-digits", "Keypad digits", "1#")}${button("voice-digits-send", "Send digits")}
${input("voice-transfer", "Transfer to", "+14155550199")}${button("voice-transfer-send", "Blind transfer")}
<hr />
${input("voice-simulate-number", "Simulate an incoming call from", "+14155550123")}${button("voice-simulate", "Simulate incoming call")}
</div>
<div class="slds-card slds-p-around_small slds-m-top_small"><h2 class="slds-text-heading_small">The connector frame (hidden in Salesforce unless it asks for sign-in)</h2>
<iframe title="Softphone connector" data-testid="voice-connector-frame" style="width:100%;height:200px;border:1px solid #ddd" allow="microphone; autoplay"></iframe></div>
</div>
<div class="slds-col slds-size_2-of-3">
<div class="slds-card slds-p-around_small"><h2 class="slds-text-heading_small">VoiceCall records (Telephony Integration API, emulated)</h2>
<table class="slds-table slds-table_bordered slds-table_cell-buffer"><thead><tr><th>Id</th><th>Type</th><th>From</th><th>To</th><th>Disposition</th><th>Ended</th></tr></thead><tbody data-testid="voice-records"></tbody></table></div>
<div class="slds-card slds-p-around_small slds-m-top_small"><h2 class="slds-text-heading_small">Messages between Salesforce and the connector</h2>
<ol data-testid="voice-log" class="slds-list_vertical-space" style="font-family:monospace;font-size:12px;max-height:420px;overflow:auto"></ol></div>
</div>
</div>
</body>
</html>
`;
}

function readBody(req: IncomingMessage, limit = 256 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error("request too large"));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export async function startVoiceWorkbench(
  options: VoiceWorkbenchOptions
): Promise<RunningVoiceWorkbench> {
  const { root } = options;
  const resourceDir =
    options.resourceDir ?? join(root, "force-app/main/default/staticresources/softphone");
  if (!existsSync(join(resourceDir, "connector.js")))
    throw new Error("the softphone static resource has no connector.js: run `npm run build`");
  const pagePath = join(root, "force-app/main/default/pages/SoftphoneConnector.page");
  const statics: [string, string][] = [
    ["/resource/softphone/", resourceDir],
    ["/slds/", join(root, "node_modules/@salesforce-ux/design-system/assets")]
  ];
  const bundles = await bundle(root);
  const apex = new FakeVoiceApex();
  apex.matches.set("+14155550123", [
    { id: "003000000000001AAA", name: "Ada Lovelace", objectType: "Contact" }
  ]);
  apex.directory = [
    { name: "Support line", number: "+14155550111", kind: "directory" },
    { name: "Sales", number: "+14155550112", kind: "directory" }
  ];
  const settings = { ...DEFAULT_VOICE_SETTINGS, ...options.settings };
  const connect = ["'self'", ...(options.connectOrigins ?? [])].join(" ");
  let port = 0;
  const lightning = () => `https://${LIGHTNING_HOST}:${port}`;
  const visualforce = () => `https://${VISUALFORCE_HOST}:${port}`;

  const send = (
    res: ServerResponse,
    status: number,
    type: string,
    body: string | Uint8Array,
    csp: string
  ) => {
    res.writeHead(status, {
      "content-type": type,
      "content-security-policy": csp,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "cache-control": "no-store"
    });
    res.end(body);
  };
  const policy = (frames: string, ancestors: string) =>
    [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "media-src 'self' blob:",
      `connect-src ${connect}`,
      `frame-src ${frames}`,
      `frame-ancestors ${ancestors}`,
      "base-uri 'none'",
      "object-src 'none'"
    ].join("; ");

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? "").replace(/:\d+$/, "");
    const url = new URL(req.url ?? "/", "https://localhost");
    const path = url.pathname;
    const shellCsp = policy(visualforce(), "'none'");
    const pageCsp = policy("'none'", lightning());
    if (host === LIGHTNING_HOST && path === "/") {
      const config = {
        connectorUrl: `${visualforce()}/apex/SoftphoneConnector`,
        connectorOrigin: visualforce(),
        connectorConfig: settings
      };
      return send(res, 200, TYPES[".html"], shellHtml(config), shellCsp);
    }
    if (path === "/workbench-voice/voice-calls")
      return send(res, 200, TYPES[".json"], JSON.stringify([...apex.calls.values()]), shellCsp);
    if (host === VISUALFORCE_HOST && path === "/apex/SoftphoneConnector") {
      try {
        return send(
          res,
          200,
          TYPES[".html"],
          renderConnectorPage(readFileSync(pagePath, "utf8")),
          pageCsp
        );
      } catch (e) {
        return send(res, 500, "text/plain; charset=utf-8", (e as Error).message, pageCsp);
      }
    }
    if (host === VISUALFORCE_HOST && path === "/workbench-voice/apex" && req.method === "POST") {
      try {
        const body = JSON.parse(await readBody(req)) as { action?: string; args?: unknown[] };
        const [action, payload] = body.args ?? [];
        if (body.action !== "SoftphoneVoiceController.invoke" || typeof action !== "string")
          throw new Error(`No remote action ${String(body.action)}`);
        const result = ACTIONS.includes(action as VoiceAction)
          ? await apex.invoke(action as VoiceAction, String(payload ?? ""))
          : JSON.stringify({
              error: "UNKNOWN_ACTION",
              message: `The connector cannot call ${action}.`
            });
        return send(res, 200, TYPES[".json"], JSON.stringify({ result }), pageCsp);
      } catch (e) {
        return send(
          res,
          500,
          TYPES[".json"],
          JSON.stringify({ message: (e as Error).message }),
          pageCsp
        );
      }
    }
    if (path === "/favicon.ico") return send(res, 204, "text/plain", "", shellCsp);
    const bundled = bundles.get(path);
    if (bundled) return send(res, 200, TYPES[".js"], bundled, shellCsp);
    for (const [prefix, dir] of statics) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, decodeURIComponent(path.slice(prefix.length))));
      if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) break;
      return send(
        res,
        200,
        TYPES[extname(file)] ?? "application/octet-stream",
        readFileSync(file),
        pageCsp
      );
    }
    send(res, 404, "text/plain; charset=utf-8", "Not found", shellCsp);
  };

  const server = createServer(selfSignedCertificate(), (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `${lightning()}/`,
    port,
    apex,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
