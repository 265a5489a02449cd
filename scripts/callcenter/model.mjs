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
 * @typedef {{ format: "import"|"metadata"|null, centers: Center[], problems: Problem[] }} Definition
 */

/** "OpenCtiSoftphone.callCenter-meta.xml" → "OpenCtiSoftphone"; null when there is no file name. */
export function internalNameFromFileName(fileName) {
  if (!fileName) return null;
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const m = /^(.*?)\.callCenter(-meta\.xml)?$/.exec(base);
  return m ? m[1] : null;
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
    return { format: null, centers: [], problems };
  }
  const detected = root.name === "CallCenter" ? "metadata" : "import";
  if (format !== "auto" && format !== detected) {
    const want =
      format === "metadata" ? "<CallCenter> (Metadata API format)" : "<callCenter> (import format)";
    report(root.line, "root", `Expected ${want} as the root element, found <${root.name}>.`);
    return { format, centers: [], problems };
  }
  const centers =
    detected === "metadata"
      ? readMetadata(root, options.fileName, report)
      : readImport(root, report);
  return { format: detected, centers, problems };
}

function readImport(root, report) {
  let centerElements;
  if (root.name === "callCenter") centerElements = [root];
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

function readMetadata(root, fileName, report) {
  const xmlns = attribute(root, "xmlns");
  if (!xmlns || xmlns.value !== METADATA_NAMESPACE)
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
    internalName: internalNameFromFileName(fileName)
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
