/**
 * This softphone's own sections (softphoneSettings, sipSettings): the items it reads and the
 * values its settings parser (ts-src/core/settings.ts) accepts. Both hosts read them, so they
 * are checked in Open CTI and Service Cloud Voice definitions alike.
 */
import { getCountries } from "libphonenumber-js";
import { SOFTPHONE_ITEMS, clip, codePoints, findItem, findSection, oneOf } from "./vocabulary.mjs";

const COUNTRIES = new Set(getCountries());
const HOST_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const HOST_NAME = new RegExp(`^(?=.{1,253}$)${HOST_LABEL}(?:\\.${HOST_LABEL})*$`);
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
// Kept in step with ts-src/core/settings.ts: what the softphone accepts at runtime.
const FLOW_API_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
// Kept in step with ts-src/core/channel-commands.ts.
const CHANNEL_COMMANDS = [
  "requestState",
  "dial",
  "answer",
  "hangup",
  "hold",
  "mute",
  "sendDigits",
  "transfer"
];

const isValidHost = (host) =>
  HOST_NAME.test(host) || IPV4.test(host) || /^\[[0-9A-Fa-f:.]+\]$/.test(host);

function checkWebSocketUrl(item, report) {
  let url;
  try {
    url = new URL(item.value);
  } catch {
    report(
      item.valueLine,
      "websocket-url",
      `webSocketUrl "${item.value}" is not a URL; use wss://pbx.example.com:8089/ws.`
    );
    return;
  }
  if (url.username || url.password)
    report(
      item.valueLine,
      "websocket-url",
      "webSocketUrl must not contain a user name or password: every agent can read call center items."
    );
  else if (url.hash)
    report(
      item.valueLine,
      "websocket-url",
      `webSocketUrl "${item.value}" must not have a #fragment.`
    );
  else if (url.protocol === "ws:") {
    if (!LOCAL_HOSTS.has(url.hostname))
      report(
        item.valueLine,
        "websocket-url",
        `webSocketUrl "${item.value}" uses unencrypted ws://, allowed only for localhost; use wss://.`
      );
  } else if (url.protocol !== "wss:")
    report(
      item.valueLine,
      "websocket-url",
      `webSocketUrl "${item.value}" must start with wss:// (a secure WebSocket to the PBX).`
    );
}

function checkIceServers(item, report) {
  const entries = item.value.split(",").map((s) => s.trim());
  for (const entry of entries) {
    if (entry === "") {
      report(
        item.valueLine,
        "ice-servers",
        "iceServers has an empty entry; separate URLs with single commas."
      );
      continue;
    }
    const m = /^(stuns?|turns?):(.*)$/.exec(entry);
    if (!m) {
      report(
        item.valueLine,
        "ice-servers",
        `ICE server "${entry}" must start with stun:, stuns:, turn: or turns:.`
      );
      continue;
    }
    if (m[1].startsWith("turn")) {
      report(
        item.valueLine,
        "ice-servers",
        `ICE server "${entry}": a ${m[1]}: server needs a user name and credential, which call center items cannot hold safely (every agent reads them); use stun:/stuns: only, or a PBX reachable without TURN.`
      );
      continue;
    }
    const [hostPort, query] = m[2].split("?");
    if (hostPort.includes("@") || hostPort.startsWith("//")) {
      report(
        item.valueLine,
        "ice-servers",
        `ICE server "${entry}" must be ${m[1]}:host[:port] without user names or passwords.`
      );
      continue;
    }
    const hp = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(hostPort);
    if (
      !hp ||
      !isValidHost(hp[1]) ||
      (hp[2] !== undefined && (Number(hp[2]) < 1 || Number(hp[2]) > 65535))
    )
      report(
        item.valueLine,
        "ice-servers",
        `ICE server "${entry}" must be ${m[1]}:host[:port] with a valid host and port.`
      );
    else if (
      query !== undefined &&
      (!m[1].startsWith("turn") || !/^transport=(udp|tcp)$/.test(query))
    )
      report(
        item.valueLine,
        "ice-servers",
        `ICE server "${entry}": only turn: URLs take a query, and only ?transport=udp or ?transport=tcp.`
      );
  }
}

// Kept in step with ts-src/core/call-flow-settings.ts (parseLabelList).
function checkLabelList(item, name, rule, report) {
  const labels = item.value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const bad = labels.find((l) => codePoints(l) > 40 || /[\u0000-\u001f\u007f]/.test(l));
  if (labels.length === 0 || labels.length > 20 || bad !== undefined)
    report(
      item.valueLine,
      rule,
      bad !== undefined
        ? `${name}: "${clip(bad)}" is longer than 40 characters or has control characters.`
        : `${name} must list 1 to 20 comma-separated labels (empty: the defaults).`
    );
}

/**
 * @param {import("./model.mjs").Center} center
 * @param {(line: number, rule: string, message: string) => void} report
 */
export function checkSoftphoneSettings(center, report) {
  const ownSection = new Map(
    Object.entries(SOFTPHONE_ITEMS).flatMap(([section, items]) => items.map((i) => [i, section]))
  );
  for (const sectionName of Object.keys(SOFTPHONE_ITEMS)) {
    for (const item of findSection(center, sectionName)?.items ?? []) {
      if (!item.hasName || SOFTPHONE_ITEMS[sectionName].includes(item.name)) continue;
      const home = ownSection.get(item.name);
      report(
        item.nameLine,
        "setting-unknown",
        home
          ? `${item.name} belongs in section ${home}, not ${sectionName}; the softphone will not read it here.`
          : `The softphone does not read an item "${clip(item.name)}" in ${sectionName}; known items: ${SOFTPHONE_ITEMS[sectionName].join(", ")}.`
      );
    }
  }
  const get = (section, name) => findItem(center, section, name);
  const enumCheck = (section, name, rule, allowed) => {
    const item = get(section, name);
    // The softphone reads these case-insensitively.
    if (
      item &&
      item.value !== "" &&
      !allowed.some((a) => a.toLowerCase() === item.value.toLowerCase())
    )
      report(item.valueLine, rule, `${name} "${item.value}" must be one of ${oneOf(allowed)}.`);
  };
  enumCheck("softphoneSettings", "provider", "provider", ["demo", "sip"]);
  enumCheck("softphoneSettings", "screenPop", "screen-pop", ["apex", "layout", "off"]);
  enumCheck("softphoneSettings", "logCalls", "log-calls", ["true", "false"]);
  enumCheck("softphoneSettings", "dialFormat", "dial-format", ["e164", "prefixes"]);
  enumCheck("sipSettings", "credentials", "credentials", ["prompt", "salesforce"]);

  const country = get("softphoneSettings", "defaultCountry");
  if (country && country.value !== "" && !COUNTRIES.has(country.value.toUpperCase()))
    report(
      country.valueLine,
      "default-country",
      `defaultCountry "${country.value}" is not an ISO 3166-1 alpha-2 country code with a telephone numbering plan (e.g. US, GB, DE, FR).`
    );

  const noMatch = get("softphoneSettings", "noMatchPop");
  if (noMatch && noMatch.value !== "") {
    const fixed = ["newContact", "newLead", "search", "none"];
    if (noMatch.value.toLowerCase().startsWith("flow:")) {
      const flow = noMatch.value.slice(5).trim();
      if (!FLOW_API_NAME.test(flow) || flow.endsWith("_") || flow.length > 80)
        report(
          noMatch.valueLine,
          "no-match-pop",
          `noMatchPop "${noMatch.value}" must name a flow by its API name, like flow:New_Caller_Intake (letters, digits and single underscores, starting with a letter).`
        );
    } else if (!fixed.some((f) => f.toLowerCase() === noMatch.value.toLowerCase()))
      report(
        noMatch.valueLine,
        "no-match-pop",
        `noMatchPop "${noMatch.value}" must be one of ${oneOf(fixed)} or flow:<FlowApiName>.`
      );
  }

  enumCheck("softphoneSettings", "dispositionRequired", "disposition-required", ["true", "false"]);
  enumCheck("softphoneSettings", "allowServiceCodes", "allow-service-codes", ["true", "false"]);
  enumCheck("softphoneSettings", "notReadyResponseCode", "not-ready-code", ["480", "486", "603"]);
  for (const [name, rule] of [
    ["notReadyReasons", "not-ready-reasons"],
    ["dispositions", "dispositions"]
  ]) {
    const item = get("softphoneSettings", name);
    if (item && item.value !== "") checkLabelList(item, name, rule, report);
  }

  const wrapUp = get("softphoneSettings", "wrapUpSeconds");
  if (
    wrapUp &&
    wrapUp.value !== "" &&
    !(/^\d{1,4}$/.test(wrapUp.value) && Number(wrapUp.value) <= 3600)
  )
    report(
      wrapUp.valueLine,
      "wrap-up-seconds",
      `wrapUpSeconds "${wrapUp.value}" must be empty (until the agent saves), 0 (log at hang-up) or a whole number of seconds up to 3600.`
    );

  const retention = get("softphoneSettings", "retentionDays");
  if (
    retention &&
    retention.value !== "" &&
    !(
      /^\d{1,5}$/.test(retention.value) &&
      Number(retention.value) >= 1 &&
      Number(retention.value) <= 90
    )
  )
    report(
      retention.valueLine,
      "retention-days",
      `retentionDays "${retention.value}" must be empty (7 days) or a whole number of days from 1 to 90.`
    );

  // Kept in step with ts-src/core/settings.ts (and the SIP phone's own bound of 300 s).
  const grace = get("sipSettings", "reconnectGraceSeconds");
  if (grace && grace.value !== "" && !(/^\d{1,3}$/.test(grace.value) && Number(grace.value) <= 300))
    report(
      grace.valueLine,
      "reconnect-grace-seconds",
      `reconnectGraceSeconds "${clip(grace.value)}" must be a whole number of seconds from 0 (end calls at once) to 300; empty means 30.`
    );
  const commands = get("softphoneSettings", "channelCommands");
  if (commands && commands.value.trim() !== "" && commands.value.trim().toLowerCase() !== "none") {
    for (const name of commands.value.split(",").map((s) => s.trim())) {
      if (CHANNEL_COMMANDS.some((c) => c.toLowerCase() === name.toLowerCase())) continue;
      report(
        commands.valueLine,
        "channel-commands",
        `channelCommands "${clip(name)}" is not a command; list some of ${oneOf(CHANNEL_COMMANDS)} separated by commas, none, or leave it empty for requestState, dial, hangup, hold, mute.`
      );
    }
  }

  const ws = get("sipSettings", "webSocketUrl");
  if (ws && ws.value !== "") checkWebSocketUrl(ws, report);

  const domain = get("sipSettings", "sipDomain");
  if (domain && domain.value !== "" && !HOST_NAME.test(domain.value))
    report(
      domain.valueLine,
      "sip-domain",
      `sipDomain "${domain.value}" must be a host name like pbx.example.com (no sip: prefix, port or path).`
    );

  const ice = get("sipSettings", "iceServers");
  if (ice && ice.value !== "") checkIceServers(ice, report);

  const provider = get("softphoneSettings", "provider");
  if (provider?.value === "sip") {
    const missing = ["webSocketUrl", "sipDomain"].filter(
      (n) => (get("sipSettings", n)?.value ?? "") === ""
    );
    if (missing.length > 0)
      report(
        provider.valueLine,
        "sip-required",
        `provider is "sip" but sipSettings ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} empty; the softphone cannot reach the PBX.`
      );
  }
}
