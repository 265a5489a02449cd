/**
 * Structural check of `-meta.xml` files against the Metadata API type model: root element is a
 * metadata type in the Metadata namespace, every element is a field of its parent's type,
 * required fields are present, single fields are not repeated, leaf values fit their type.
 */
import { readFileSync } from "node:fs";
import { parseXml, XmlSyntaxError } from "./xml-tree.mjs";
import { PRIMITIVES, fieldsOf } from "./metadata-model.mjs";
import { problem } from "./report.mjs";

export const METADATA_NS = "http://soap.sforce.com/2006/04/metadata";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

/**
 * Fields whose WSDL type is a string/base64 blob but whose source format holds nested XML
 * (the LWC bundle's targetConfigs); their content is not described by the Metadata API schema.
 */
export const EMBEDDED_XML_FIELDS = new Set(["LightningComponentBundle.targetConfigs"]);

function editDistance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
  return d[a.length][b.length];
}

function suggestion(name, candidates) {
  let best = null;
  for (const c of candidates) {
    const dist = editDistance(name.toLowerCase(), c.toLowerCase());
    if (dist <= Math.max(2, Math.floor(name.length / 4)) && (!best || dist < best.dist))
      best = { c, dist };
  }
  return best ? ` (did you mean <${best.c}>?)` : "";
}

const xsiType = (el) => {
  const key = Object.keys(el.attributes).find((k) => k === "xsi:type" || k.endsWith(":type"));
  return key ? el.attributes[key].replace(/^[^:]*:/, "") : null;
};
const isNil = (el) =>
  Object.entries(el.attributes).some(([k, v]) => k.endsWith(":nil") && v === "true");

/** Checks a leaf value against a primitive or simple (enumerated) type. */
function checkLeaf(model, el, typeName, path, report) {
  if (el.children.length > 0) {
    report(
      el.children[0].line,
      "unexpected-element",
      `<${el.children[0].name}> inside ${path}, which holds a ${typeName} value, not elements`
    );
    return;
  }
  if (isNil(el)) return;
  const simple = model.simple[typeName];
  const value = el.text;
  if (simple?.enums && !simple.enums.includes(value)) {
    const shown =
      simple.enums.length > 12
        ? `${simple.enums.slice(0, 12).join(", ")}, …`
        : simple.enums.join(", ");
    report(
      el.line,
      "invalid-value",
      `${path} is "${value}", not one of the ${typeName} values: ${shown}`
    );
    return;
  }
  const pattern = PRIMITIVES[simple ? simple.base : typeName];
  if (pattern && !pattern.test(value))
    report(
      el.line,
      "invalid-value",
      `${path} is "${value}", not a valid ${simple ? simple.base : typeName}`
    );
}

function checkComplex(model, el, typeName, path, report) {
  const fields = fieldsOf(model, typeName);
  if (el.text.trim() !== "")
    report(
      el.line,
      "unexpected-text",
      `${path} (a ${typeName}) holds text "${el.text.slice(0, 40)}" instead of elements`
    );
  const counts = new Map();
  for (const child of el.children) {
    const field = fields[child.name];
    const childPath = `${path}/${child.name}`;
    if (!field) {
      report(
        child.line,
        "unknown-element",
        `<${child.name}> is not an element of ${typeName}${suggestion(child.name, Object.keys(fields))}`
      );
      continue;
    }
    const seen = (counts.get(child.name) ?? 0) + 1;
    counts.set(child.name, seen);
    if (seen === 2 && !field.repeated)
      report(
        child.line,
        "repeated-element",
        `<${child.name}> appears more than once in ${typeName}, which allows it once`
      );
    checkElement(
      model,
      child,
      xsiType(child) ?? field.type,
      childPath,
      `${typeName}.${child.name}`,
      report
    );
  }
  for (const [name, field] of Object.entries(fields))
    if (!field.optional && !counts.has(name))
      report(el.line, "missing-element", `${path} (a ${typeName}) lacks the required <${name}>`);
}

function checkElement(model, el, typeName, path, fieldKey, report) {
  if (EMBEDDED_XML_FIELDS.has(fieldKey) || typeName === "any") return;
  if (model.complex[typeName]) checkComplex(model, el, typeName, path, report);
  else checkLeaf(model, el, typeName, path, report);
}

/** Checks one parsed document; `expectedType` (from the file suffix) may be null. */
export function checkMetadataDocument(model, root, expectedType, report) {
  if (root.attributes.xmlns !== METADATA_NS) {
    report(root.line, "namespace", `<${root.name}> must declare xmlns="${METADATA_NS}"`);
  }
  for (const [k, v] of Object.entries(root.attributes))
    if (k.startsWith("xmlns:") && v !== XSI_NS && v !== METADATA_NS)
      report(root.line, "namespace", `unexpected namespace ${k}="${v}"`);
  if (expectedType && root.name !== expectedType) {
    report(
      root.line,
      "root-element",
      `root element <${root.name}> does not match the file suffix, which means <${expectedType}>`
    );
    return;
  }
  if (!model.complex[root.name]) {
    report(
      root.line,
      "unknown-type",
      `<${root.name}> is not a Metadata API type${suggestion(root.name, Object.keys(model.complex))}`
    );
    return;
  }
  checkElement(model, root, root.name, root.name, root.name, report);
}

/**
 * Checks every file; returns Problems with rule `metadata-schema/<kind>`.
 * `expectedTypeOf(file)` gives the type a file's suffix implies, or null.
 */
export function checkMetadataFiles(root, files, model, expectedTypeOf = () => null) {
  const problems = [];
  for (const file of files) {
    const report = (line, kind, message) =>
      problems.push(problem(root, file, line, `metadata-schema/${kind}`, message));
    let doc;
    try {
      doc = parseXml(readFileSync(file, "utf8"));
    } catch (e) {
      if (e instanceof XmlSyntaxError) report(e.line, "xml-syntax", e.message);
      else throw e;
      continue;
    }
    checkMetadataDocument(model, doc, expectedTypeOf(file), report);
  }
  return problems;
}
