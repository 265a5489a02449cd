/**
 * The call center's identity, the same for Open CTI and Service Cloud Voice: the internal name
 * (reqInternalName, or the file name in the Metadata API format) and the display name, their
 * values and their fixed sortOrder positions.
 */
import { codePoints, findSection } from "./vocabulary.mjs";

const INTERNAL_NAME = /^[A-Za-z][A-Za-z0-9]{0,39}$/;

/**
 * @param {import("./model.mjs").Center} center
 * @param {"import"|"metadata"} format
 * @param {(line: number, rule: string, message: string) => void} report
 */
export function checkIdentity(center, format, report) {
  if (format === "metadata") checkMetadataIdentity(center, report);
  else checkImportIdentity(center, report);
}

function checkImportIdentity(center, report) {
  const general = findSection(center, "reqGeneralInfo");
  if (!general) return;
  const internal = general.items.find((i) => i.name === "reqInternalName");
  if (internal && !INTERNAL_NAME.test(internal.value))
    report(
      internal.valueLine,
      "internal-name-value",
      internal.value === ""
        ? "reqInternalName must have a value in the file (it cannot be set after the import): 1–40 letters and digits starting with a letter."
        : `reqInternalName "${internal.value}" must be 1–40 letters and digits starting with a letter; write it like "${suggestInternalName(internal.value)}".`
    );
  if (internal && internal.sortOrder !== null && internal.sortOrder !== 0)
    report(
      internal.sortOrderLine,
      "internal-name-position",
      `reqInternalName must have sortOrder 0, not ${internal.sortOrder}; only its label may change.`
    );
  const display = general.items.find((i) => i.name === "reqDisplayName");
  if (display && codePoints(display.value) > 1000)
    report(
      display.valueLine,
      "display-name-value",
      `reqDisplayName has ${codePoints(display.value)} characters; at most 1,000 are allowed, so shorten it.`
    );
  if (display && display.sortOrder !== null && display.sortOrder !== 1)
    report(
      display.sortOrderLine,
      "display-name-position",
      `reqDisplayName must have sortOrder 1, not ${display.sortOrder}; only its label may change.`
    );
}

function checkMetadataIdentity(center, report) {
  const m = center.metadata;
  const display = m?.displayName;
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
      `<displayName> has ${codePoints(display.value)} characters; at most 1,000 are allowed, so shorten it.`
    );
  const internal = m?.internalName;
  if (internal !== null && internal !== undefined && !INTERNAL_NAME.test(internal))
    report(
      center.line,
      "internal-name-value",
      `The file name gives the internal name "${internal}", which must be 1–40 letters and digits starting with a letter; rename the file like "${suggestInternalName(internal)}.callCenter-meta.xml".`
    );
  for (const [field, label] of [
    ["displayNameLabel", "<displayNameLabel>"],
    ["internalNameLabel", "<internalNameLabel>"]
  ]) {
    const v = m?.[field];
    if (v && codePoints(v.value) > 1000)
      report(
        v.line,
        "label-length",
        `${label} has ${codePoints(v.value)} characters; at most 1,000 are allowed, so shorten it.`
      );
  }
}

function suggestInternalName(value) {
  const letters = value.replace(/[^A-Za-z0-9]/g, "").replace(/^[0-9]+/, "");
  return (letters || "MyCallCenter").slice(0, 40);
}

/**
 * The internal names of every call center in a file must differ.
 * @param {import("./model.mjs").Center[]} centers
 */
export function checkUniqueInternalNames(centers, report) {
  const seen = new Map();
  for (const center of centers) {
    const internal = internalNameOf(center);
    if (!internal || internal.value === "") continue;
    if (seen.has(internal.value))
      report(
        internal.line,
        "internal-name-value",
        `reqInternalName "${internal.value}" is already used by the call center on line ${seen.get(internal.value)}; it must be unique, so rename one.`
      );
    else seen.set(internal.value, internal.line);
  }
}

function internalNameOf(center) {
  if (center.metadata) {
    const name = center.metadata.internalName;
    return name === null ? null : { value: name, line: center.line };
  }
  const item = findSection(center, "reqGeneralInfo")?.items.find(
    (i) => i.name === "reqInternalName"
  );
  return item ? { value: item.value, line: item.valueLine } : null;
}
