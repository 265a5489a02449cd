/**
 * Command-line options of `npm start`: `--sip ws(s)://server` turns the softphone into a SIP
 * phone against that PBX. The values become call center settings the shell starts with.
 */

export interface WorkbenchCliOptions {
  port?: number;
  /** Call center settings by their full keys, e.g. `/softphoneSettings/provider`. */
  settings: Record<string, string>;
  /** Origins the softphone may open WebSockets to (for the page's CSP). */
  connectOrigins: string[];
}

export class CliError extends Error {
  override name = "CliError";
}

const USAGE =
  "usage: npm start -- [--port N] [--sip ws(s)://host[:port]/path] [--sip-domain DOMAIN] " +
  "[--ice stun:host,turn:host] [--credentials prompt|salesforce]";

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
      case "--help":
      case "-h":
        throw new CliError(USAGE);
      default:
        throw new CliError(`unknown option ${raw}\n${USAGE}`);
    }
  }
  if (!sipUrl && Object.keys(settings).some((k) => k.startsWith("/sipSettings/")))
    throw new CliError(`--sip-domain, --ice and --credentials need --sip\n${USAGE}`);
  return { port, settings, connectOrigins };
}

function parsePort(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new CliError(`${what} must be a port number (0–65535), not "${text}"`);
  return n;
}
