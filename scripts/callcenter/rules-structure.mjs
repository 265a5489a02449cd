/**
 * Rules of the definition's shape, the same for Open CTI and Service Cloud Voice: sections and
 * items, sortOrder sequences, names, labels, duplicates, secrets and Salesforce's reserved names.
 */
import {
  OPEN_CTI_ITEMS,
  RESERVED_WORDS,
  VOICE_ITEMS,
  VOICE_SECTIONS,
  clip,
  codePoints,
  nearestName
} from "./vocabulary.mjs";

const SECRET_ITEM = /password|passwd|secret|token/i;
const OPEN_CTI_HOME = new Map(
  Object.entries(OPEN_CTI_ITEMS).flatMap(([section, items]) => items.map((i) => [i, section]))
);

/** What counts as Salesforce's own names in a definition of this kind. */
function reservedNames(kind) {
  return kind === "voice"
    ? { sections: VOICE_SECTIONS, items: [...VOICE_ITEMS, ...OPEN_CTI_HOME.keys()] }
    : { sections: Object.keys(OPEN_CTI_ITEMS), items: [...OPEN_CTI_HOME.keys()] };
}

/**
 * @param {import("./model.mjs").Center} center
 * @param {"import"|"metadata"} format
 * @param {"open-cti"|"voice"} kind
 * @param {(line: number, rule: string, message: string) => void} report
 */
export function checkStructure(center, format, kind, report) {
  if (center.sections.length === 0)
    report(
      center.line,
      "call-center-empty",
      kind === "voice"
        ? "A contact center needs one or more sections (reqGeneralInfo and reqHvcc at least)."
        : "A call center needs one or more sections (reqGeneralInfo at least, and reqDialingOptions)."
    );
  const reserved = reservedNames(kind);
  checkSortOrders(center.sections, "section", report);
  const seenSections = new Map();
  const seenSalesforceItems = new Map();
  for (const section of center.sections) {
    checkName(section, "section", reserved, report);
    checkLabel(section, "section", format, report);
    if (section.hasName && section.name !== "") {
      if (seenSections.has(section.name))
        report(
          section.nameLine,
          "name-duplicate",
          `Section name "${clip(section.name)}" is already used on line ${seenSections.get(section.name)}; rename one of them.`
        );
      else seenSections.set(section.name, section.nameLine);
    }
    if (section.items.length === 0)
      report(
        section.line,
        "section-empty",
        `Section "${clip(section.name)}" needs one or more items; add one or remove the section.`
      );
    checkSortOrders(section.items, "item", report);
    const seenItems = new Map();
    for (const item of section.items) {
      checkName(item, "item", reserved, report);
      checkLabel(item, "item", format, report);
      if (!item.hasName || item.name === "") continue;
      if (SECRET_ITEM.test(item.name) && item.value !== "")
        report(
          item.valueLine,
          "secret-item",
          `Item "${clip(item.name)}" holds a secret, but every agent can read call center items; leave it empty and keep secrets out of the call center (SIP passwords: credentials=prompt or salesforce).`
        );
      if (seenItems.has(item.name))
        report(
          item.nameLine,
          "name-duplicate",
          `Item name "${clip(item.name)}" is already used in section "${clip(section.name)}" on line ${seenItems.get(item.name)}; rename or remove one of them.`
        );
      else seenItems.set(item.name, item.nameLine);
      if (reserved.items.includes(item.name)) {
        if (seenSalesforceItems.has(item.name) && seenItems.get(item.name) === item.nameLine)
          report(
            item.nameLine,
            "name-duplicate",
            `${item.name} is already defined on line ${seenSalesforceItems.get(item.name)}; it may appear once per call center, so remove one.`
          );
        else seenSalesforceItems.set(item.name, item.nameLine);
      }
      const home = OPEN_CTI_HOME.get(item.name);
      if (kind === "open-cti" && home && home !== section.name)
        report(
          item.nameLine,
          "req-misplaced",
          `${item.name} belongs in section ${home}, not in "${clip(section.name)}": Salesforce and softphones read it as /${home}/${item.name}; move it there.`
        );
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

function checkName(element, kind, reserved, report) {
  if (!element.hasName) return;
  const name = element.name;
  if (!/^[A-Za-z0-9]+$/.test(name)) {
    report(
      element.nameLine,
      "name-format",
      name === ""
        ? `The ${kind} name is empty: give it a name of letters and digits.`
        : `The ${kind} name "${clip(name)}" contains characters other than letters and digits; names have no spaces or punctuation, so write it like "${clip(name.replace(/[^A-Za-z0-9]/g, "")) || "myName"}".`
    );
    return;
  }
  if (codePoints(name) > 40)
    report(
      element.nameLine,
      "name-length",
      `The ${kind} name "${clip(name)}" has ${codePoints(name)} characters; the guide limits names to 40, so shorten it (softphones read it by this exact name).`
    );
  if (RESERVED_WORDS.some((w) => w.toLowerCase() === name.toLowerCase())) {
    report(
      element.nameLine,
      "name-reserved-word",
      `"${name}" is a reserved word and cannot be a ${kind} name (reserved: ${RESERVED_WORDS.join(", ")}); choose another name.`
    );
    return;
  }
  if (!/^req/i.test(name)) return;
  const known = kind === "section" ? reserved.sections : reserved.items;
  if (known.includes(name)) return;
  const near = nearestName(name, known);
  report(
    element.nameLine,
    "name-reserved-req",
    near
      ? `"${clip(name)}" is not one of Salesforce's ${kind}s; did you mean ${near}? As written, Salesforce does not read it as ${near}.`
      : `"${clip(name)}" starts with "req", which the guide reserves for Salesforce's own ${kind}s; rename it without the "req" prefix (and in the softphone code that reads it).`
  );
}

function checkLabel(element, kind, format, report) {
  if (element.label === null) {
    if (format === "metadata")
      report(
        element.line,
        "label-missing",
        `The ${kind} "${clip(element.name)}" needs a <label> (the Metadata API requires one); add <label>…</label>.`
      );
    return;
  }
  if (codePoints(element.label) > 1000)
    report(
      element.labelLine,
      "label-length",
      `The label of ${kind} "${clip(element.name)}" has ${codePoints(element.label)} characters; at most 1,000 are allowed, so shorten it.`
    );
}
