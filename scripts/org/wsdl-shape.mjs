/**
 * A structural check of a -meta.xml file against the Metadata API WSDL's schema: known fields
 * only, in schema order, required ones present, repeats only where allowed, enum and boolean
 * values valid. The WSDL is read from where the caller says (it is not part of this project).
 */
import { attribute, childElements, parseXml, textOf } from "../callcenter/xml.mjs";

/**
 * @typedef {{ name: string, type: string, min: number, repeated: boolean }} Field
 * @typedef {{ complexTypes: Map<string, { base: string|null, fields: Field[] }>,
 *   simpleTypes: Map<string, string[]> }} Schema
 */

const local = (qname) => qname.replace(/^[^:]*:/, "");

/** @returns {Schema} */
export function loadSchema(wsdlText) {
  const wsdl = parseXml(wsdlText);
  const complexTypes = new Map();
  const simpleTypes = new Map();
  const walk = (el) => {
    for (const child of childElements(el)) {
      if (child.name === "xsd:complexType" && attribute(child, "name")) {
        let base = null;
        const fields = [];
        const collect = (node) => {
          for (const c of childElements(node)) {
            if (c.name === "xsd:extension") base = local(attribute(c, "base").value);
            if (c.name === "xsd:element" && attribute(c, "name"))
              fields.push({
                name: attribute(c, "name").value,
                type: local(attribute(c, "type")?.value ?? "string"),
                min: Number(attribute(c, "minOccurs")?.value ?? 1),
                repeated: attribute(c, "maxOccurs")?.value === "unbounded"
              });
            else collect(c);
          }
        };
        collect(child);
        complexTypes.set(attribute(child, "name").value, { base, fields });
      } else if (child.name === "xsd:simpleType" && attribute(child, "name")) {
        const values = [];
        const collect = (node) => {
          for (const c of childElements(node))
            if (c.name === "xsd:enumeration") values.push(attribute(c, "value").value);
            else collect(c);
        };
        collect(child);
        simpleTypes.set(attribute(child, "name").value, values);
      } else walk(child);
    }
  };
  walk(wsdl);
  return { complexTypes, simpleTypes };
}

function fieldsOf(schema, typeName) {
  const type = schema.complexTypes.get(typeName);
  if (!type) return null;
  return [...(type.base ? (fieldsOf(schema, type.base) ?? []) : []), ...type.fields];
}

/**
 * @param {string} xmlText a -meta.xml file
 * @param {string} typeName e.g. "FlexiPage"; the root element must carry this name
 * @param {Schema} schema
 * @returns {{ line: number, message: string }[]}
 */
export function checkShape(xmlText, typeName, schema) {
  const problems = [];
  const root = parseXml(xmlText);
  if (root.name !== typeName)
    problems.push({ line: root.line, message: `root is <${root.name}>, expected <${typeName}>` });
  const checkElement = (el, type, path) => {
    const fields = fieldsOf(schema, type);
    if (!fields) {
      const value = textOf(el).trim();
      const enums = schema.simpleTypes.get(type);
      if (enums && enums.length > 0 && !enums.includes(value))
        problems.push({
          line: el.line,
          message: `${path} "${value}" is not one of ${type}: ${enums.join(", ")}`
        });
      if (type === "boolean" && !["true", "false"].includes(value))
        problems.push({ line: el.line, message: `${path} "${value}" must be true or false` });
      if ((type === "int" || type === "double") && !/^-?\d+(\.\d+)?$/.test(value))
        problems.push({ line: el.line, message: `${path} "${value}" must be a number` });
      return;
    }
    let last = -1;
    const counts = new Map();
    for (const child of childElements(el)) {
      const index = fields.findIndex((f) => f.name === child.name);
      if (index < 0) {
        problems.push({
          line: child.line,
          message: `${path}/${child.name} is not a field of ${type}`
        });
        continue;
      }
      if (index < last)
        problems.push({
          line: child.line,
          message: `${path}/${child.name} is out of schema order`
        });
      last = Math.max(last, index);
      counts.set(child.name, (counts.get(child.name) ?? 0) + 1);
      if (counts.get(child.name) > 1 && !fields[index].repeated)
        problems.push({ line: child.line, message: `${path}/${child.name} may appear only once` });
      checkElement(child, fields[index].type, `${path}/${child.name}`);
    }
    for (const f of fields)
      if (f.min > 0 && !counts.has(f.name) && f.name !== "fullName")
        problems.push({ line: el.line, message: `${path} needs <${f.name}>` });
  };
  checkElement(root, typeName, typeName);
  return problems;
}
