/**
 * Command-line options of `npm start`: `--sip ws(s)://server` turns the softphone into a SIP
 * phone against that PBX (the values become call center settings the shell starts with);
 * `--adapter <folder|file|url>` hosts a foreign Open CTI adapter instead of our softphone.
 */

export interface WorkbenchCliOptions {
  port?: number;
  /** Call center settings by their full keys, e.g. `/softphoneSettings/provider`. */
  settings: Record<string, string>;
  /** Origins the softphone may open WebSockets to (for the page's CSP). */
  connectOrigins: string[];
  /** `--adapter`: a foreign adapter's folder, HTML file or URL (resolved by the server). */
  adapter?: string;
  /** `--classic`: `/` shows the Classic shell. */
  view?: "lightning" | "classic";
  /** `--strict-csp`: adapter pages get a strict CSP instead of a Visualforce-like one. */
  adapterCsp?: "visualforce" | "strict";
  /** `--replace-bundled-opencti`: serve the stand-in for library copies the adapter bundles. */
  replaceBundledLibrary?: boolean;
}

export class CliError extends Error {
  override name = "CliError";
}

const USAGE =
  "usage: npm start -- [--port N] [--sip ws(s)://host[:port]/path] [--sip-domain DOMAIN] " +
  "[--ice stun:host,turn:host] [--credentials prompt|salesforce]\n" +
  "       npm start -- --adapter <folder|page.html|http(s)://url> [--classic] [--strict-csp] " +
  "[--replace-bundled-opencti] [--trust https://origin]";

export function parseWorkbenchArgs(
  argv: string[],
  env: Record<string, string | undefined> = {}
): WorkbenchCliOptions {
  const settings: Record<string, string> = {};
  const connectOrigins: string[] = [];
  let port: number | undefined;
  const portText = env.PORT;
  if (portText !== undefined && portText !== "") port = parsePort(portText, "PORT");

  const args = [...argv];
  let sipUrl: URL | null = null;
  const extra: Partial<WorkbenchCliOptions> = {};
  while (args.length) {
    const raw = args.shift() as string;
    if (raw === "--") continue; // `node scripts/start.mjs -- …` as well as `npm start -- …`
    const [flag, inline] = raw.includes("=")
      ? [raw.slice(0, raw.indexOf("=")), raw.slice(raw.indexOf("=") + 1)]
      : [raw, undefined];
    const value = () => {
      const v = inline ?? args.shift();
      if (v === undefined || v === "") throw new CliError(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case "--port":
        port = parsePort(value(), "--port");
        break;
      case "--sip": {
        const text = value();
        try {
          sipUrl = new URL(text);
        } catch {
          throw new CliError(
            `--sip: "${text}" is not a URL (expected ws://… or wss://…)\n${USAGE}`
          );
        }
        if (sipUrl.protocol !== "ws:" && sipUrl.protocol !== "wss:")
          throw new CliError(`--sip: "${text}" must start with ws:// or wss://`);
        settings["/softphoneSettings/provider"] = "sip";
        settings["/sipSettings/webSocketUrl"] = text;
        settings["/sipSettings/sipDomain"] ??= sipUrl.hostname;
        settings["/sipSettings/credentials"] ??= "prompt";
        connectOrigins.push(`${sipUrl.protocol}//${sipUrl.host}`);
        break;
      }
      case "--sip-domain":
        settings["/sipSettings/sipDomain"] = value();
        break;
      case "--ice":
        settings["/sipSettings/iceServers"] = value();
        break;
      case "--credentials": {
        const v = value();
        if (v !== "prompt" && v !== "salesforce")
          throw new CliError(`--credentials must be prompt or salesforce, not "${v}"`);
        settings["/sipSettings/credentials"] = v;
        break;
      }
      case "--adapter":
        extra.adapter = value();
        break;
      case "--classic":
        if (inline !== undefined) throw new CliError(`--classic takes no value\n${USAGE}`);
        extra.view = "classic";
        break;
      case "--strict-csp":
        if (inline !== undefined) throw new CliError(`--strict-csp takes no value\n${USAGE}`);
        extra.adapterCsp = "strict";
        break;
      case "--replace-bundled-opencti":
        if (inline !== undefined)
          throw new CliError(`--replace-bundled-opencti takes no value\n${USAGE}`);
        extra.replaceBundledLibrary = true;
        break;
      case "--trust": {
        const text = value();
        let origin: URL;
        try {
          origin = new URL(text);
        } catch {
          throw new CliError(`--trust: "${text}" is not an origin like https://host:port`);
        }
        if (!/^(https?|wss?):$/.test(origin.protocol) || origin.origin === "null")
          throw new CliError(`--trust: "${text}" must be an http(s) or ws(s) origin`);
        connectOrigins.push(origin.origin);
        break;
      }
      case "--help":
      case "-h":
        throw new CliError(USAGE);
      default:
        throw new CliError(`unknown option ${raw}\n${USAGE}`);
    }
  }
  if (!sipUrl && Object.keys(settings).some((k) => k.startsWith("/sipSettings/")))
    throw new CliError(`--sip-domain, --ice and --credentials need --sip\n${USAGE}`);
  if (!extra.adapter && (extra.adapterCsp || extra.replaceBundledLibrary))
    throw new CliError(`--strict-csp and --replace-bundled-opencti need --adapter\n${USAGE}`);
  return { port, settings, connectOrigins, ...extra };
}

function parsePort(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new CliError(`${what} must be a port number (0–65535), not "${text}"`);
  return n;
}
