/**
 * Reads a call center definition in either format into one model the rules and the exporter
 * share, collecting structural problems (with lines) on the way.
 *
 *  - "import":   the Call Center Definition File an admin imports in Setup
 *                (<callCenter><section sortOrder name label><item sortOrder name label>value)
 *  - "metadata": the Metadata API CallCenter type (callCenters/X.callCenter-meta.xml), where the
 *                internal name is the file name, the display name is <displayName>, and order
 *                is implied by position (sections → items with label/name/value).
 */
import { attribute, childElements, parseXml, strayText, textOf, XmlSyntaxError } from "./xml.mjs";

export const METADATA_NAMESPACE = "http://soap.sforce.com/2006/04/metadata";

/**
 * @typedef {{ line: number, rule: string, message: string }} Problem
 * @typedef {{ name: string, label: string|null, value: string, sortOrder: number|null,
 *   line: number, nameLine: number, labelLine: number, valueLine: number, sortOrderLine: number,
 *   virtual?: boolean }} Item
 * @typedef {{ name: string, label: string|null, sortOrder: number|null, line: number,
 *   nameLine: number, labelLine: number, sortOrderLine: number, items: Item[] }} Section
 * @typedef {{ line: number, sections: Section[], metadata?: MetadataExtras }} Center
 * @typedef {{ adapterUrl?: {value:string,line:number}, customSettings?: {value:string,line:number},
 *   displayName?: {value:string,line:number}, displayNameLabel?: {value:string,line:number},
 *   internalNameLabel?: {value:string,line:number}, version?: {value:string,line:number},
 *   internalName: string|null }} MetadataExtras
 * @typedef {{ format: "import"|"metadata"|null, kind: "open-cti"|"voice"|null, centers: Center[],
 *   problems: Problem[] }} Definition
 */

/** "OpenCtiSoftphone.callCenter-meta.xml" → "OpenCtiSoftphone"; null when there is no file name. */
export function internalNameFromFileName(fileName) {
  return describeFileName(fileName).internalName;
}

/**
 * What a file name says about its content. Deploy tools read a call center from
 * `X.callCenter` (Metadata API folder) or `X.callCenter-meta.xml` (source format) only; other
 * names (`X.callCenter2`, `X.callcenter-meta.xml`) look like one but are never deployed.
 * @returns {{ expects: "metadata"|null, internalName: string|null, base: string,
 *   suffixProblem: string|null }}
 */
export function describeFileName(fileName) {
  const base = fileName ? (fileName.split(/[\\/]/).pop() ?? "") : "";
  const exact = /^(.*?)\.callCenter(-meta\.xml)?$/.exec(base);
  if (exact) return { expects: "metadata", internalName: exact[1], base, suffixProblem: null };
  const near = /^(.*?)\.(callcenter[^.]*)(\.xml)?$/i.exec(base);
  if (near && near[1] !== "")
    return {
      expects: "metadata",
      internalName: near[1],
      base,
      suffixProblem: `.${near[2]}${near[3] ?? ""}`
    };
  return { expects: null, internalName: null, base, suffixProblem: null };
}

/** Children that only the Metadata API format has, and those only the import format has. */
const METADATA_MARKERS = new Set([
  "sections",
  "displayName",
  "displayNameLabel",
  "internalNameLabel",
  "adapterUrl",
  "customSettings",
  "version",
  "fullName"
]);
const IMPORT_MARKERS = new Set(["section", "callCenter"]);

/** "metadata", "import" or null (no telling child) from the root's children. */
function bodyFormat(root) {
  const names = childElements(root).map((c) => c.name);
  const metadata = names.filter((n) => METADATA_MARKERS.has(n)).length;
  const imported = names.filter((n) => IMPORT_MARKERS.has(n)).length;
  if (metadata === 0 && imported === 0) return null;
  return metadata > imported ? "metadata" : "import";
}

const FORMAT_NAMES = {
  metadata: 'the Metadata API format (<CallCenter xmlns="…"> holding <sections>, <displayName>, …)',
  import: "the import format (<callCenter> holding <section> and <item> elements)"
};

/**
 * Decides the format from the content: the root's name and what it holds. A root whose
 * letter case or name does not fit its body is an error with a hint; the body is still read
 * in the format it is written in, so every other problem shows too.
 * @returns {{ format: "import"|"metadata", hinted: boolean }}
 */
function detectFormat(root, report) {
  const body = bodyFormat(root);
  if (root.name === "CallCenter" && body !== "import") return { format: "metadata", hinted: false };
  if (root.name === "callCenter" && body !== "metadata") return { format: "import", hinted: false };
  if (root.name === "callCenter" || root.name === "CallCenter") {
    const fix =
      body === "metadata"
        ? `rename the root to <CallCenter xmlns="${METADATA_NAMESPACE}"> to deploy it, or rewrite it with <section> and <item> elements to import it in Setup`
        : "rename the root to <callCenter> (lower-case c) to import it in Setup";
    report(
      root.line,
      "root",
      `The root is <${root.name}> but the content is ${FORMAT_NAMES[body]}: neither Setup's import nor a deploy accepts the mix; ${fix}.`
    );
    return { format: body, hinted: true };
  }
  if (root.name.toLowerCase() === "callcenter") {
    const format = body ?? "import";
    report(
      root.line,
      "root",
      `XML names are case-sensitive: write the root as ${format === "metadata" ? "<CallCenter>" : "<callCenter>"}, not <${root.name}> (the content is ${FORMAT_NAMES[format]}).`
    );
    return { format, hinted: true };
  }
  return { format: "import", hinted: false };
}

/**
 * @param {string} xmlText
 * @param {{ format?: "auto"|"import"|"metadata", fileName?: string }} [options]
 * @returns {Definition}
 */
export function readDefinition(xmlText, options = {}) {
  const format = options.format ?? "auto";
  /** @type {Problem[]} */
  const problems = [];
  const report = (line, rule, message) => problems.push({ line, rule, message });
  let root;
  try {
    root = parseXml(xmlText);
  } catch (e) {
    if (!(e instanceof XmlSyntaxError)) throw e;
    report(e.line, "xml-syntax", `The file is not well-formed XML: ${e.reason}.`);
    return { format: null, kind: null, centers: [], problems };
  }
  if (format !== "auto") {
    if ((format === "metadata") !== (root.name === "CallCenter")) {
      const want =
        format === "metadata"
          ? "<CallCenter> (Metadata API format)"
          : "<callCenter> (import format)";
      report(root.line, "root", `Expected ${want} as the root element, found <${root.name}>.`);
      return { format, kind: null, centers: [], problems };
    }
  }
  const detected = format === "auto" ? detectFormat(root, report) : { format, hinted: false };
  const file = describeFileName(options.fileName);
  if (file.suffixProblem)
    report(
      root.line,
      "file-name",
      `"${file.base}" looks like a call center file but ends in "${file.suffixProblem}": deploy tools read only ${file.internalName}.callCenter (Metadata API folder) or ${file.internalName}.callCenter-meta.xml (source format), so this file is never deployed; rename it${detected.format === "import" ? ", or name it .xml if it is for Setup's import" : ""}.`
    );
  else if (file.expects === "metadata" && detected.format === "import" && !detected.hinted)
    report(
      root.line,
      "file-name",
      `"${file.base}" is named as a Metadata API file, but the content is ${FORMAT_NAMES.import}: a deploy rejects it. Import it in Setup → Call Centers → Import and name it .xml, or convert it to the Metadata API format.`
    );
  const centers =
    detected.format === "metadata"
      ? readMetadata(root, file.internalName, report, detected.hinted)
      : readImport(root, report, detected.hinted);
  return { format: detected.format, kind: kindOf(centers), centers, problems };
}

/** Items and sections only a Service Cloud Voice (Partner Telephony) contact center has. */
const VOICE_SECTIONS = new Set(["reqHvcc"]);
const VOICE_ITEMS = new Set(["reqVendorInfoApiName", "reqTelephonyIntegrationCertificate"]);

/**
 * "voice" when the content is a Service Cloud Voice contact center definition, else
 * "open-cti": decided from the content, never from the file name.
 * @param {Center[]} centers
 */
export function kindOf(centers) {
  if (centers.length === 0) return null;
  return centers.some(isVoiceCenter) ? "voice" : "open-cti";
}

/** @param {Center} center */
export function isVoiceCenter(center) {
  if (center.sections.some((s) => VOICE_SECTIONS.has(s.name))) return true;
  if (center.sections.some((s) => s.items.some((i) => VOICE_ITEMS.has(i.name)))) return true;
  const settings = center.metadata?.customSettings?.value ?? "";
  return /"reqCallCenterType"\s*:\s*"SCV/.test(settings);
}

function readImport(root, report, rootIsCenter) {
  let centerElements;
  if (root.name === "callCenter" || rootIsCenter) centerElements = [root];
  else {
    centerElements = childElements(root).filter((e) => e.name === "callCenter");
    if (centerElements.length === 0) {
      report(
        root.line,
        "call-center-missing",
        `A call center definition needs at least one <callCenter> element; the root is <${root.name}> and holds none.`
      );
      return [];
    }
    for (const other of childElements(root).filter((e) => e.name !== "callCenter"))
      report(
        other.line,
        "unexpected-element",
        `<${other.name}> is not allowed here; only <callCenter> elements are.`
      );
  }
  return centerElements.map((el) => readImportCenter(el, report));
}

function checkAttributes(element, allowed, required, report) {
  for (const a of element.attributes)
    if (!allowed.includes(a.name) && !a.name.startsWith("xmlns"))
      report(
        a.line,
        "attribute-unknown",
        `<${element.name}> has an unknown attribute "${a.name}"; allowed: ${allowed.join(", ") || "none"}.`
      );
  for (const name of required)
    if (!attribute(element, name))
      report(element.line, "attribute-missing", `<${element.name}> needs a ${name} attribute.`);
}

function reportStrayText(element, report, what) {
  for (const t of strayText(element))
    report(
      t.line,
      "stray-text",
      `Text is not allowed directly inside <${element.name}>; it may only hold ${what}.`
    );
}

function parseSortOrder(element, report) {
  const a = attribute(element, "sortOrder");
  if (!a) return { value: null, line: element.line };
  if (!/^\d+$/.test(a.value.trim())) {
    report(
      a.line,
      "sort-order-format",
      `sortOrder "${a.value}" must be a non-negative whole number (0, 1, 2, …).`
    );
    return { value: null, line: a.line };
  }
  return { value: Number(a.value.trim()), line: a.line };
}

function readImportCenter(el, report) {
  checkAttributes(el, [], [], report);
  reportStrayText(el, report, "<section> elements");
  /** @type {Section[]} */
  const sections = [];
  for (const child of childElements(el)) {
    if (child.name !== "section") {
      report(
        child.line,
        "unexpected-element",
        `<${child.name}> is not allowed in <callCenter>; only <section> elements are.`
      );
      continue;
    }
    checkAttributes(child, ["sortOrder", "name", "label"], ["sortOrder", "name"], report);
    reportStrayText(child, report, "<item> elements");
    const sortOrder = parseSortOrder(child, report);
    const name = attribute(child, "name");
    const label = attribute(child, "label");
    /** @type {Item[]} */
    const items = [];
    for (const itemEl of childElements(child)) {
      if (itemEl.name !== "item") {
        report(
          itemEl.line,
          "unexpected-element",
          `<${itemEl.name}> is not allowed in <section>; only <item> elements are.`
        );
        continue;
      }
      checkAttributes(itemEl, ["sortOrder", "name", "label"], ["sortOrder", "name"], report);
      for (const nested of childElements(itemEl))
        report(
          nested.line,
          "unexpected-element",
          `<${nested.name}> is not allowed in <item>; an item holds only its value as text.`
        );
      const itemSort = parseSortOrder(itemEl, report);
      const itemName = attribute(itemEl, "name");
      const itemLabel = attribute(itemEl, "label");
      const valueNode = itemEl.children.find((c) => c.type === "text" && c.value.trim() !== "");
      items.push({
        name: itemName?.value ?? "",
        label: itemLabel?.value ?? null,
        value: textOf(itemEl).trim(),
        sortOrder: itemSort.value,
        line: itemEl.line,
        nameLine: itemName?.line ?? itemEl.line,
        labelLine: itemLabel?.line ?? itemEl.line,
        valueLine: valueNode?.line ?? itemEl.line,
        sortOrderLine: itemSort.line,
        hasName: Boolean(itemName)
      });
    }
    sections.push({
      name: name?.value ?? "",
      label: label?.value ?? null,
      sortOrder: sortOrder.value,
      line: child.line,
      nameLine: name?.line ?? child.line,
      labelLine: label?.line ?? child.line,
      sortOrderLine: sortOrder.line,
      items,
      hasName: Boolean(name)
    });
  }
  return { line: el.line, sections };
}

/** Children of CallCenter in the order the Metadata API (v66 WSDL) defines them; required ones flagged. */
const CALL_CENTER_FIELDS = [
  ["fullName", false, false],
  ["adapterUrl", false, false],
  ["contactCenterChannels", false, true],
  ["customSettings", false, false],
  ["displayName", true, false],
  ["displayNameLabel", true, false],
  ["internalNameLabel", true, false],
  ["sections", false, true],
  ["vendorCallCenterStatusMaps", false, true],
  ["version", false, false]
];

/**
 * Checks that an element's children are known, in sequence order, not repeated unless allowed,
 * and that required ones exist. Returns the children grouped by name.
 * @param {[string, boolean, boolean][]} fields [name, required, repeated]
 */
function readSequence(element, fields, report) {
  const order = fields.map((f) => f[0]);
  /** @type {Map<string, import("./xml.mjs").XmlElement[]>} */
  const byName = new Map();
  let lastIndex = -1;
  let lastName = "";
  for (const child of childElements(element)) {
    const index = order.indexOf(child.name);
    if (index < 0) {
      report(
        child.line,
        "unexpected-element",
        `<${child.name}> is not a field of <${element.name}>; allowed: ${order.join(", ")}.`
      );
      continue;
    }
    const [, , repeated] = fields[index];
    const seen = byName.get(child.name) ?? [];
    if (seen.length > 0 && !repeated)
      report(
        child.line,
        "unexpected-element",
        `<${child.name}> may appear only once in <${element.name}>.`
      );
    if (index < lastIndex)
      report(
        child.line,
        "metadata-order",
        `<${child.name}> must come before <${lastName}> in <${element.name}> (the Metadata API reads fields in schema order).`
      );
    else {
      lastIndex = index;
      lastName = child.name;
    }
    seen.push(child);
    byName.set(child.name, seen);
  }
  for (const [name, required] of fields)
    if (required && !byName.has(name))
      report(element.line, "required-missing", `<${element.name}> needs a <${name}> element.`);
  return byName;
}

function simpleValue(element, report) {
  for (const nested of childElements(element))
    report(
      nested.line,
      "unexpected-element",
      `<${nested.name}> is not allowed in <${element.name}>; it holds text only.`
    );
  const textNode = element.children.find((c) => c.type === "text" && c.value.trim() !== "");
  return { value: textOf(element).trim(), line: textNode?.line ?? element.line };
}

function readMetadata(root, internalName, report, rootReported) {
  const xmlns = attribute(root, "xmlns");
  if (!rootReported && (!xmlns || xmlns.value !== METADATA_NAMESPACE))
    report(root.line, "root", `<CallCenter> must declare xmlns="${METADATA_NAMESPACE}".`);
  for (const a of root.attributes)
    if (!a.name.startsWith("xmlns"))
      report(
        a.line,
        "attribute-unknown",
        `<CallCenter> has an unknown attribute "${a.name}"; the Metadata API format uses elements, not attributes.`
      );
  reportStrayText(root, report, "elements");
  const fields = readSequence(root, CALL_CENTER_FIELDS, report);
  const single = (name) => {
    const el = fields.get(name)?.[0];
    return el ? simpleValue(el, report) : undefined;
  };
  /** @type {MetadataExtras} */
  const metadata = {
    adapterUrl: single("adapterUrl"),
    customSettings: single("customSettings"),
    displayName: single("displayName"),
    displayNameLabel: single("displayNameLabel"),
    internalNameLabel: single("internalNameLabel"),
    version: single("version"),
    internalName
  };
  /** @type {Section[]} */
  const sections = (fields.get("sections") ?? []).map((sectionEl, sectionIndex) => {
    reportStrayText(sectionEl, report, "<items>, <label> and <name>");
    const parts = readSequence(
      sectionEl,
      [
        ["items", false, true],
        ["label", false, false],
        ["name", true, false]
      ],
      report
    );
    const name = parts.get("name")?.[0];
    const label = parts.get("label")?.[0];
    const nameValue = name ? simpleValue(name, report) : undefined;
    const labelValue = label ? simpleValue(label, report) : undefined;
    /** @type {Item[]} */
    const items = (parts.get("items") ?? []).map((itemEl, itemIndex) => {
      reportStrayText(itemEl, report, "<label>, <name> and <value>");
      const f = readSequence(
        itemEl,
        [
          ["label", false, false],
          ["name", true, false],
          ["value", true, false]
        ],
        report
      );
      const get = (n) => (f.get(n)?.[0] ? simpleValue(f.get(n)[0], report) : undefined);
      const itemName = get("name");
      const itemLabel = get("label");
      const itemValue = get("value");
      return {
        name: itemName?.value ?? "",
        label: itemLabel?.value ?? null,
        value: itemValue?.value ?? "",
        sortOrder: itemIndex,
        line: itemEl.line,
        nameLine: itemName?.line ?? itemEl.line,
        labelLine: itemLabel?.line ?? itemEl.line,
        valueLine: itemValue?.line ?? itemEl.line,
        sortOrderLine: itemEl.line,
        hasName: Boolean(itemName)
      };
    });
    return {
      name: nameValue?.value ?? "",
      label: labelValue?.value ?? null,
      sortOrder: sectionIndex,
      line: sectionEl.line,
      nameLine: nameValue?.line ?? sectionEl.line,
      labelLine: labelValue?.line ?? sectionEl.line,
      sortOrderLine: sectionEl.line,
      items,
      hasName: Boolean(nameValue)
    };
  });
  return [{ line: root.line, sections, metadata }];
}
