/**
 * The rules of Salesforce's "Call Center Definition Files" chapter (Open CTI Developer Guide),
 * plus this softphone's own sections, as one function:
 *   checkCallCenter(xmlText, { format, fileName }) → [{ line, rule, message }]
 * An empty array means the definition is good. Rule ids are listed in RULES so tests can prove
 * that every rule has a failing fixture.
 */
import { getCountries } from "libphonenumber-js";
import { readDefinition } from "./model.mjs";

/** Every rule this validator applies, by id. */
export const RULES = {
  "xml-syntax": "the file is well-formed XML (no DOCTYPE)",
  root: "the root is <callCenter> (import) or <CallCenter xmlns=metadata> (Metadata API)",
  "call-center-missing": "at least one <callCenter> element",
  "call-center-empty": "a call center holds one or more sections",
  "section-empty": "a section holds one or more items",
  "unexpected-element": "only the elements the format defines, where it defines them",
  "stray-text": "no text outside item values",
  "attribute-missing": "sections and items carry sortOrder and name",
  "attribute-unknown": "sections and items carry only sortOrder, name and label",
  "sort-order-format": "sortOrder is a non-negative whole number",
  "sort-order-sequence":
    "sortOrder starts at 0 and runs without gaps or repeats within each parent",
  "name-format": "names are 1–40 alphanumeric characters",
  "name-reserved-req": "names starting with req are Salesforce's own sections and items only",
  "name-reserved-word": "names are not label, sortOrder, internalNameLabel or displayNameLabel",
  "name-duplicate": "a name is used once per call center (sections) or section (items)",
  "label-missing": "Metadata API sections and items have a <label>",
  "label-length": "labels are at most 1,000 characters",
  "required-missing": "the required sections and items are present",
  "req-misplaced": "Salesforce's items sit in their own section",
  "general-info-position": "reqGeneralInfo has sortOrder 0",
  "internal-name-position": "reqInternalName has sortOrder 0",
  "internal-name-value":
    "reqInternalName is 1–40 alphanumerics starting with a letter, unique in the file",
  "display-name-position": "reqDisplayName has sortOrder 1",
  "display-name-value": "reqDisplayName is at most 1,000 characters",
  "use-api": "reqUseApi is true or false",
  "softphone-size": "reqSoftphoneHeight 240–2560 and reqSoftphoneWidth 200–1920 with Lightning",
  "compatibility-mode":
    "reqSalesforceCompatibilityMode is Classic, Lightning or Classic_and_Lightning",
  "standby-pair": "reqStandbyUrl and reqTimeout are set together",
  "timeout-value": "reqTimeout is a positive number of milliseconds",
  "canvas-pair": "reqCanvasApiName and reqCanvasNamespace are set together",
  "adapter-url": "adapter and standby URLs are https (or /apex/Page) for Lightning",
  "dialing-prefix": "dialing prefixes hold up to 6 digits, * or #",
  "metadata-order": "Metadata API fields come in schema order",
  "metadata-consistency": "adapterUrl and customSettings agree with the items",
  "metadata-internal-items":
    "reqInternalName/reqDisplayName are not items in the Metadata API format",
  "setting-unknown": "softphoneSettings and sipSettings hold only the items the softphone reads",
  provider: "provider is demo or sip",
  "default-country": "defaultCountry is an ISO 3166-1 alpha-2 code with a numbering plan",
  "screen-pop": "screenPop is apex, layout or off",
  "no-match-pop": "noMatchPop is newContact, newLead, search, none or flow:<FlowApiName>",
  "log-calls": "logCalls is true or false",
  "wrap-up-seconds": "wrapUpSeconds is empty or 0–3600",
  "dial-format": "dialFormat is e164 or prefixes",
  "websocket-url": "webSocketUrl is wss:// (ws:// only for localhost), without credentials",
  "sip-domain": "sipDomain is a host name or IP address",
  "ice-servers": "iceServers is a comma-separated list of stun:/turn: URLs",
  credentials: "credentials is prompt or salesforce",
  "sip-required": "provider sip needs webSocketUrl and sipDomain",
  "secret-item":
    "no password, secret or token values in call center items (every agent can read them)"
};

const RESERVED_WORDS = ["label", "sortOrder", "internalNameLabel", "displayNameLabel"];

/** Salesforce's own sections and the items each holds. */
const SALESFORCE_ITEMS = {
  reqGeneralInfo: [
    "reqInternalName",
    "reqDisplayName",
    "reqAdapterUrl",
    "reqUseApi",
    "reqSoftphoneHeight",
    "reqSoftphoneWidth",
    "reqSalesforceCompatibilityMode",
    "reqStandbyUrl",
    "reqTimeout",
    "reqCanvasApiName",
    "reqCanvasNamespace",
    "reqDescription",
    "reqProgId",
    "reqVersion"
  ],
  reqDialingOptions: ["reqOutsidePrefix", "reqLongDistPrefix", "reqInternationalPrefix"]
};
const HOME_SECTION = new Map(
  Object.entries(SALESFORCE_ITEMS).flatMap(([section, items]) => items.map((i) => [i, section]))
);
const REQUIRED = {
  reqGeneralInfo: [
    "reqInternalName",
    "reqDisplayName",
    "reqAdapterUrl",
    "reqUseApi",
    "reqSoftphoneHeight",
    "reqSoftphoneWidth"
  ],
  reqDialingOptions: ["reqOutsidePrefix", "reqLongDistPrefix", "reqInternationalPrefix"]
};

/** This softphone's sections and the items it reads from each. */
export const SOFTPHONE_ITEMS = {
  softphoneSettings: [
    "provider",
    "defaultCountry",
    "screenPop",
    "noMatchPop",
    "logCalls",
    "wrapUpSeconds",
    "dialFormat"
  ],
  sipSettings: ["webSocketUrl", "sipDomain", "iceServers", "credentials"]
};

const COMPATIBILITY_MODES = ["Classic", "Lightning", "Classic_and_Lightning"];
const COUNTRIES = new Set(getCountries());
const HOST_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const HOST_NAME = new RegExp(`^(?=.{1,253}$)${HOST_LABEL}(?:\\.${HOST_LABEL})*$`);
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
// Kept in step with ts-src/core/settings.ts: what the softphone accepts at runtime.
const FLOW_API_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;
const SECRET_ITEM = /password|passwd|secret|token/i;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

const codePoints = (s) => [...s].length;
const oneOf = (values) => values.map((v) => `"${v}"`).join(", ");
const isValidHost = (host) =>
  HOST_NAME.test(host) || IPV4.test(host) || /^\[[0-9A-Fa-f:.]+\]$/.test(host);

/**
 * Checks a call center definition.
 * @param {string} xmlText
 * @param {{ format?: "auto"|"import"|"metadata", fileName?: string }} [options]
 * @returns {{ line: number, rule: string, message: string }[]} sorted by line
 */
export function checkCallCenter(xmlText, options = {}) {
  const definition = readDefinition(xmlText, options);
  const problems = [...definition.problems];
  const report = (line, rule, message) => problems.push({ line, rule, message });
  const internalNames = new Map();
  for (const center of definition.centers) {
    checkCenter(center, definition.format, report);
    const internal = internalNameOf(center);
    if (internal && internal.value !== "") {
      if (internalNames.has(internal.value))
        report(
          internal.line,
          "internal-name-value",
          `reqInternalName "${internal.value}" is already used by the call center on line ${internalNames.get(internal.value)}; it must be unique.`
        );
      else internalNames.set(internal.value, internal.line);
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}

function internalNameOf(center) {
  if (center.metadata) {
    const name = center.metadata.internalName;
    return name === null ? null : { value: name, line: center.line };
  }
  const item = findItem(center, "reqGeneralInfo", "reqInternalName");
  return item ? { value: item.value, line: item.valueLine } : null;
}

const findSection = (center, name) => center.sections.find((s) => s.name === name);
const findItem = (center, sectionName, itemName) =>
  findSection(center, sectionName)?.items.find((i) => i.name === itemName);

function checkCenter(center, format, report) {
  if (center.sections.length === 0)
    report(
      center.line,
      "call-center-empty",
      "A call center needs one or more sections (reqGeneralInfo and reqDialingOptions at least)."
    );
  checkSortOrders(center.sections, "section", report);
  const seenSections = new Map();
  const seenSalesforceItems = new Map();
  for (const section of center.sections) {
    checkName(section, "section", report);
    checkLabel(section, "section", format, report);
    if (section.hasName && section.name !== "") {
      if (seenSections.has(section.name))
        report(
          section.nameLine,
          "name-duplicate",
          `Section name "${section.name}" is already used on line ${seenSections.get(section.name)}.`
        );
      else seenSections.set(section.name, section.nameLine);
    }
    if (section.items.length === 0)
      report(section.line, "section-empty", `Section "${section.name}" needs one or more items.`);
    checkSortOrders(section.items, "item", report);
    const seenItems = new Map();
    for (const item of section.items) {
      checkName(item, "item", report);
      checkLabel(item, "item", format, report);
      if (!item.hasName || item.name === "") continue;
      if (SECRET_ITEM.test(item.name) && item.value !== "")
        report(
          item.valueLine,
          "secret-item",
          `Item "${item.name}" holds a secret, but every agent can read call center items; leave it empty and keep secrets out of the call center (SIP passwords: credentials=prompt or salesforce).`
        );
      if (seenItems.has(item.name))
        report(
          item.nameLine,
          "name-duplicate",
          `Item name "${item.name}" is already used in section "${section.name}" on line ${seenItems.get(item.name)}.`
        );
      else seenItems.set(item.name, item.nameLine);
      const home = HOME_SECTION.get(item.name);
      if (home) {
        if (seenSalesforceItems.has(item.name) && seenItems.get(item.name) === item.nameLine)
          report(
            item.nameLine,
            "name-duplicate",
            `${item.name} is already defined on line ${seenSalesforceItems.get(item.name)}; it may appear once per call center.`
          );
        else seenSalesforceItems.set(item.name, item.nameLine);
        if (home !== section.name)
          report(
            item.nameLine,
            "req-misplaced",
            `${item.name} belongs in section ${home}, not in "${section.name}".`
          );
      }
      if (
        format === "metadata" &&
        (item.name === "reqInternalName" || item.name === "reqDisplayName")
      )
        report(
          item.nameLine,
          "metadata-internal-items",
          item.name === "reqInternalName"
            ? "In the Metadata API format the internal name is the file name; remove the reqInternalName item."
            : "In the Metadata API format the display name is <displayName>; remove the reqDisplayName item."
        );
    }
  }
  checkRequired(center, format, report);
  checkPositions(center, format, report);
  checkGeneralValues(center, format, report);
  checkDialingOptions(center, report);
  checkSoftphoneSettings(center, report);
  if (center.metadata) checkMetadataExtras(center, report);
}

/** Non-negative, start at 0, no gaps, no repeats: the values are exactly 0..n-1. */
function checkSortOrders(elements, kind, report) {
  const seen = new Map();
  for (const el of elements) {
    if (el.sortOrder === null) continue;
    if (seen.has(el.sortOrder))
      report(
        el.sortOrderLine,
        "sort-order-sequence",
        `sortOrder ${el.sortOrder} is already used by the ${kind} on line ${seen.get(el.sortOrder)}; each ${kind} needs its own.`
      );
    else if (el.sortOrder >= elements.length)
      report(
        el.sortOrderLine,
        "sort-order-sequence",
        `sortOrder ${el.sortOrder} leaves a gap: with ${elements.length} ${kind}s here the values must be 0 to ${elements.length - 1}, each used once.`
      );
    seen.set(el.sortOrder, el.sortOrderLine);
  }
}

function checkName(element, kind, report) {
  if (!element.hasName) return;
  const name = element.name;
  if (!/^[A-Za-z0-9]{1,40}$/.test(name)) {
    const why =
      name === ""
        ? "is empty"
        : codePoints(name) > 40
          ? `has ${codePoints(name)} characters`
          : "contains characters other than letters and digits";
    report(
      element.nameLine,
      "name-format",
      `The ${kind} name "${name}" ${why}: names are 1–40 letters and digits, without spaces or punctuation.`
    );
    return;
  }
  if (RESERVED_WORDS.some((w) => w.toLowerCase() === name.toLowerCase()))
    report(
      element.nameLine,
      "name-reserved-word",
      `"${name}" is a reserved word and cannot be a ${kind} name (reserved: ${RESERVED_WORDS.join(", ")}).`
    );
  else if (/^req/i.test(name)) {
    const known = kind === "section" ? name in SALESFORCE_ITEMS : HOME_SECTION.has(name);
    if (!known)
      report(
        element.nameLine,
        "name-reserved-req",
        `"${name}" starts with "req", which is reserved for Salesforce's own ${kind}s; choose another name${kind === "item" ? " (or check the spelling of the Salesforce item)" : ""}.`
      );
  }
}

function checkLabel(element, kind, format, report) {
  if (element.label === null) {
    if (format === "metadata")
      report(element.line, "label-missing", `The ${kind} "${element.name}" needs a <label>.`);
    return;
  }
  if (codePoints(element.label) > 1000)
    report(
      element.labelLine,
      "label-length",
      `The label of ${kind} "${element.name}" has ${codePoints(element.label)} characters; at most 1,000 are allowed.`
    );
}

function checkRequired(center, format, report) {
  for (const [sectionName, items] of Object.entries(REQUIRED)) {
    const section = findSection(center, sectionName);
    if (!section) {
      report(center.line, "required-missing", `The required section ${sectionName} is missing.`);
      continue;
    }
    for (const itemName of items) {
      if (
        format === "metadata" &&
        (itemName === "reqInternalName" || itemName === "reqDisplayName")
      )
        continue;
      if (!section.items.some((i) => i.name === itemName))
        report(
          section.line,
          "required-missing",
          `Section ${sectionName} is missing the required item ${itemName}.`
        );
    }
  }
}

function checkPositions(center, format, report) {
  if (format !== "import") return;
  const general = findSection(center, "reqGeneralInfo");
  if (!general) return;
  if (general.sortOrder !== null && general.sortOrder !== 0)
    report(
      general.sortOrderLine,
      "general-info-position",
      `Section reqGeneralInfo must have sortOrder 0, not ${general.sortOrder}.`
    );
  const internal = general.items.find((i) => i.name === "reqInternalName");
  if (internal && internal.sortOrder !== null && internal.sortOrder !== 0)
    report(
      internal.sortOrderLine,
      "internal-name-position",
      `reqInternalName must have sortOrder 0, not ${internal.sortOrder}.`
    );
  const display = general.items.find((i) => i.name === "reqDisplayName");
  if (display && display.sortOrder !== null && display.sortOrder !== 1)
    report(
      display.sortOrderLine,
      "display-name-position",
      `reqDisplayName must have sortOrder 1, not ${display.sortOrder}.`
    );
}

/**
 * @returns {string|null} a problem with the URL, or null when it is acceptable
 */
function urlProblem(value, lightning) {
  if (value.startsWith("/")) {
    if (!/^\/apex\/[A-Za-z][A-Za-z0-9_]*(?:__[A-Za-z][A-Za-z0-9_]*)?(?:[?#].*)?$/.test(value))
      return "a relative URL must point to a Visualforce page, like /apex/Softphone";
    return null;
  }
  let url;
  try {
    url = new URL(value);
  } catch {
    return "is not a URL (use https://host/path or a Visualforce page like /apex/Softphone)";
  }
  if (url.username || url.password) return "must not contain a user name or password";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:")
    return lightning
      ? "must use https for Lightning Experience (or a Visualforce page like /apex/Softphone)"
      : null;
  return `uses "${url.protocol}"; only https${lightning ? "" : " or http"} URLs and /apex/ pages are allowed`;
}

function checkGeneralValues(center, format, report) {
  const general = findSection(center, "reqGeneralInfo");
  const item = (name) => general?.items.find((i) => i.name === name);
  const mode = item("reqSalesforceCompatibilityMode");
  if (mode && mode.value !== "" && !COMPATIBILITY_MODES.includes(mode.value))
    report(
      mode.valueLine,
      "compatibility-mode",
      `reqSalesforceCompatibilityMode "${mode.value}" must be one of ${oneOf(COMPATIBILITY_MODES)} (empty means Classic).`
    );
  const lightning = mode !== undefined && /Lightning/.test(mode.value);

  if (format === "metadata") {
    const display = center.metadata?.displayName;
    if (display && display.value === "")
      report(
        display.line,
        "display-name-value",
        "<displayName> is empty; give the call center a name agents and admins recognise."
      );
    if (display && codePoints(display.value) > 1000)
      report(
        display.line,
        "display-name-value",
        `<displayName> has ${codePoints(display.value)} characters; at most 1,000 are allowed.`
      );
    const internal = center.metadata?.internalName;
    if (
      internal !== null &&
      internal !== undefined &&
      !/^[A-Za-z][A-Za-z0-9]{0,39}$/.test(internal)
    )
      report(
        center.line,
        "internal-name-value",
        `The file name gives the internal name "${internal}", which must be 1–40 letters and digits starting with a letter.`
      );
    for (const [field, label] of [
      ["displayNameLabel", "<displayNameLabel>"],
      ["internalNameLabel", "<internalNameLabel>"]
    ]) {
      const v = center.metadata?.[field];
      if (v && codePoints(v.value) > 1000)
        report(
          v.line,
          "label-length",
          `${label} has ${codePoints(v.value)} characters; at most 1,000 are allowed.`
        );
    }
  } else {
    const internal = item("reqInternalName");
    if (internal && !/^[A-Za-z][A-Za-z0-9]{0,39}$/.test(internal.value))
      report(
        internal.valueLine,
        "internal-name-value",
        internal.value === ""
          ? "reqInternalName must have a value: 1–40 letters and digits starting with a letter."
          : `reqInternalName "${internal.value}" must be 1–40 letters and digits starting with a letter.`
      );
    const display = item("reqDisplayName");
    if (display && codePoints(display.value) > 1000)
      report(
        display.valueLine,
        "display-name-value",
        `reqDisplayName has ${codePoints(display.value)} characters; at most 1,000 are allowed.`
      );
  }

  const useApi = item("reqUseApi");
  if (useApi && useApi.value !== "" && useApi.value !== "true" && useApi.value !== "false")
    report(
      useApi.valueLine,
      "use-api",
      `reqUseApi "${useApi.value}" must be "true" (Open CTI) or "false".`
    );

  for (const [name, min, max] of [
    ["reqSoftphoneHeight", 240, 2560],
    ["reqSoftphoneWidth", 200, 1920]
  ]) {
    const size = item(name);
    if (!size || size.value === "") continue;
    const n = /^\d+$/.test(size.value) ? Number(size.value) : NaN;
    if (Number.isNaN(n) || n <= 0)
      report(
        size.valueLine,
        "softphone-size",
        `${name} "${size.value}" must be a whole number of pixels.`
      );
    else if (lightning && (n < min || n > max))
      report(
        size.valueLine,
        "softphone-size",
        `${name} ${n} is outside ${min}–${max} pixels, the range Lightning Experience allows.`
      );
  }

  const standby = item("reqStandbyUrl");
  const timeout = item("reqTimeout");
  const hasStandby = standby !== undefined && standby.value !== "";
  const hasTimeout = timeout !== undefined && timeout.value !== "";
  if (hasStandby !== hasTimeout) {
    const present = hasStandby ? standby : timeout;
    report(
      present.valueLine,
      "standby-pair",
      hasStandby
        ? "reqStandbyUrl is set but reqTimeout is not; set both or neither."
        : "reqTimeout is set but reqStandbyUrl is not; set both or neither."
    );
  }
  if (hasTimeout && !/^[1-9]\d{0,8}$/.test(timeout.value))
    report(
      timeout.valueLine,
      "timeout-value",
      `reqTimeout "${timeout.value}" must be a positive whole number of milliseconds.`
    );

  for (const name of ["reqAdapterUrl", "reqStandbyUrl"]) {
    const u = item(name);
    if (!u || u.value === "") continue;
    const problem = urlProblem(u.value, lightning);
    if (problem) report(u.valueLine, "adapter-url", `${name} "${u.value}" ${problem}.`);
  }

  const canvasName = item("reqCanvasApiName");
  const canvasNamespace = item("reqCanvasNamespace");
  const hasName = canvasName !== undefined && canvasName.value !== "";
  const hasNamespace = canvasNamespace !== undefined && canvasNamespace.value !== "";
  if (hasName !== hasNamespace) {
    const present = hasName ? canvasName : canvasNamespace;
    report(
      present.valueLine,
      "canvas-pair",
      "reqCanvasApiName and reqCanvasNamespace go together: a Canvas app needs both."
    );
  }
}

function checkDialingOptions(center, report) {
  for (const item of findSection(center, "reqDialingOptions")?.items ?? []) {
    if (!SALESFORCE_ITEMS.reqDialingOptions.includes(item.name)) continue;
    if (!/^[0-9*#]{0,6}$/.test(item.value))
      report(
        item.valueLine,
        "dialing-prefix",
        `${item.name} "${item.value}" must be up to 6 digits (or * and #), or empty for none.`
      );
  }
}

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

function checkSoftphoneSettings(center, report) {
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
          : `The softphone does not read an item "${item.name}" in ${sectionName}; known items: ${SOFTPHONE_ITEMS[sectionName].join(", ")}.`
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

function checkMetadataExtras(center, report) {
  const m = center.metadata;
  const adapterItem = findItem(center, "reqGeneralInfo", "reqAdapterUrl");
  if (m.adapterUrl && adapterItem && m.adapterUrl.value !== adapterItem.value)
    report(
      m.adapterUrl.line,
      "metadata-consistency",
      `<adapterUrl> "${m.adapterUrl.value}" differs from the reqAdapterUrl item "${adapterItem.value}" (line ${adapterItem.valueLine}); keep them equal.`
    );
  if (!m.customSettings || m.customSettings.value === "") return;
  let settings;
  try {
    settings = JSON.parse(m.customSettings.value);
  } catch {
    report(
      m.customSettings.line,
      "metadata-consistency",
      "<customSettings> must be a JSON object of item names and values."
    );
    return;
  }
  if (settings === null || typeof settings !== "object" || Array.isArray(settings)) {
    report(
      m.customSettings.line,
      "metadata-consistency",
      "<customSettings> must be a JSON object of item names and values."
    );
    return;
  }
  const items = new Map(center.sections.flatMap((s) => s.items.map((i) => [i.name, i])));
  for (const [key, value] of Object.entries(settings)) {
    const item = items.get(key);
    if (item && String(value) !== item.value)
      report(
        m.customSettings.line,
        "metadata-consistency",
        `<customSettings> gives ${key} "${value}" but the item on line ${item.valueLine} says "${item.value}"; keep them equal.`
      );
  }
}
