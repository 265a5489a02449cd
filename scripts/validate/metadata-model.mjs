/**
 * The Metadata API type model the structural check walks: complex types with their fields
 * (type, optional, repeated) and simple types with their enumerations.
 * Sources: jsforce's generated schema.js (always; it predates API 66, see SUPPLEMENT) and,
 * when given, a Metadata API WSDL, whose types then win.
 */
import { createRequire } from "node:module";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";

/**
 * @typedef {{ type: string, optional: boolean, repeated: boolean }} Field
 * @typedef {{ base?: string, fields: Record<string, Field> }} ComplexType
 * @typedef {{ base: string, enums?: string[] }} SimpleType
 * @typedef {{ complex: Record<string, ComplexType>, simple: Record<string, SimpleType>, source: string }} MetadataModel
 */

const require = createRequire(import.meta.url);

/** Primitive (leaf) types and what a valid value looks like. */
export const PRIMITIVES = {
  string: null,
  ID: null,
  base64Binary: null,
  any: null,
  boolean: /^(true|false|1|0)$/,
  int: /^[+-]?\d+$/,
  long: /^[+-]?\d+$/,
  number: /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/,
  double: /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/,
  dateTime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  time: /^\d{2}:\d{2}:\d{2}(\.\d+)?(Z)?$/
};

/**
 * Elements this project's metadata uses that jsforce's schema (generated from an older API)
 * lacks. Taken from the Metadata API reference for API 66; the WSDL check confirms them.
 */
const SUPPLEMENT = {
  FlexiPageRegion: {
    fields: { itemInstances: { type: "ItemInstance", optional: true, repeated: true } }
  },
  ItemInstance: {
    fields: {
      componentInstance: { type: "ComponentInstance", optional: true, repeated: false },
      fieldInstance: { type: "FieldInstance", optional: true, repeated: false }
    }
  },
  ComponentInstance: {
    fields: {
      componentType: { type: "string", optional: true, repeated: false },
      identifier: { type: "string", optional: true, repeated: false }
    }
  },
  ComponentInstanceProperty: {
    fields: { valueList: { type: "any", optional: true, repeated: false } }
  },
  FlexiPageTemplateInstance: {
    fields: { identifier: { type: "string", optional: true, repeated: false } }
  },
  CustomApplication: {
    fields: {
      isNavTabPersistenceDisabled: { type: "boolean", optional: true, repeated: false },
      isOmniPinnedViewEnabled: { type: "boolean", optional: true, repeated: false },
      tabSetType: { type: "string", optional: true, repeated: false }
    }
  },
  PermissionSetObjectPermissions: {
    fields: { viewAllFields: { type: "boolean", optional: true, repeated: false } }
  },
  FieldInstance: {
    fields: {
      fieldInstanceProperties: { type: "FieldInstanceProperty", optional: true, repeated: true },
      fieldItem: { type: "string", optional: false, repeated: false },
      identifier: { type: "string", optional: true, repeated: false },
      visibilityRule: { type: "UiFormulaRule", optional: true, repeated: false }
    }
  },
  FieldInstanceProperty: {
    fields: {
      name: { type: "string", optional: false, repeated: false },
      value: { type: "string", optional: true, repeated: false }
    }
  },
  LightningComponentBundle: {
    fields: { capabilities: { type: "Capabilities", optional: true, repeated: false } }
  },
  Capabilities: { fields: { capability: { type: "string", optional: true, repeated: true } } }
};

function jsforceField(spec) {
  const repeated = Array.isArray(spec);
  const raw = String(repeated ? spec[spec.length - 1] : spec);
  const optional = repeated || raw.startsWith("?");
  return { type: raw.replace(/^\?/, "") || "any", optional, repeated };
}

/** The model from @jsforce/jsforce-node's schema.js, plus SUPPLEMENT. */
export function loadJsforceModel() {
  const { ApiSchemas } = require("@jsforce/jsforce-node/lib/api/metadata/schema.js");
  const complex = {};
  for (const [name, def] of Object.entries(ApiSchemas)) {
    const fields = {};
    for (const [field, spec] of Object.entries(def.props ?? {})) fields[field] = jsforceField(spec);
    complex[name] = { base: def.extends, fields };
  }
  for (const [name, extra] of Object.entries(SUPPLEMENT)) {
    complex[name] = {
      ...complex[name],
      fields: { ...(complex[name]?.fields ?? {}), ...extra.fields }
    };
  }
  return { complex, simple: {}, source: "jsforce schema.js" };
}

const asArray = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const localName = (qname) => String(qname ?? "").replace(/^[^:]*:/, "");

/** Reads the <types> schema of a Metadata API WSDL into a model. */
export function loadWsdlModel(wsdlText) {
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    removeNSPrefix: true,
    parseTagValue: false,
    isArray: (name) =>
      ["complexType", "simpleType", "element", "enumeration", "schema"].includes(name)
  }).parse(wsdlText);
  const schemas = asArray(parsed.definitions?.types?.schema);
  if (schemas.length === 0) throw new Error("the WSDL has no <types><xsd:schema>");
  const complex = {};
  const simple = {};
  for (const schema of schemas) {
    for (const ct of asArray(schema.complexType)) {
      const ext = ct.complexContent?.extension;
      const sequence = ext ? ext.sequence : ct.sequence;
      const fields = {};
      for (const el of asArray(sequence?.element)) {
        fields[el.name] = {
          type: localName(el.type) || "any",
          optional: el.minOccurs === "0",
          repeated: el.maxOccurs === "unbounded" || Number(el.maxOccurs) > 1
        };
      }
      complex[ct.name] = { base: ext ? localName(ext.base) : undefined, fields };
    }
    for (const st of asArray(schema.simpleType)) {
      const enums = asArray(st.restriction?.enumeration).map((e) => String(e.value));
      simple[st.name] = {
        base: localName(st.restriction?.base) || "string",
        enums: enums.length ? enums : undefined
      };
    }
  }
  return { complex, simple, source: "Metadata API WSDL" };
}

/** Reads a WSDL file into a model; with `cacheDir`, reuses the model kept there for the same WSDL. */
export function loadWsdlModelFromFile(path, cacheDir = null) {
  const text = readFileSync(path, "utf8");
  if (!cacheDir) return loadWsdlModel(text);
  const key = createHash("sha256").update("model-1").update(text).digest("hex").slice(0, 16);
  const file = join(cacheDir, `model-${key}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const model = loadWsdlModel(text);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(file, JSON.stringify(model));
  return model;
}

/** All fields of a complex type, its base types' fields first. */
export function fieldsOf(model, typeName) {
  const chain = [];
  for (
    let t = model.complex[typeName], guard = 0;
    t && guard < 20;
    t = model.complex[t.base], guard++
  )
    chain.unshift(t);
  return Object.assign({}, ...chain.map((t) => t.fields));
}

/** jsforce's model with the WSDL's types laid over it (the WSDL is the newer, exact source). */
export function overlayModel(base, overlay) {
  return {
    complex: { ...base.complex, ...overlay.complex },
    simple: { ...base.simple, ...overlay.simple },
    source: `${base.source} + ${overlay.source}`
  };
}
