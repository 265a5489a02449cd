/**
 * Strict XSD validation of `-meta.xml` files with xmllint, against a schema generated from a
 * Metadata API WSDL: its <types> schema, the prefixes the WSDL declares on <definitions>, and one
 * global element per metadata type in use (the WSDL itself declares none). The generated XSD is
 * cached under .tmp/ — the WSDL is never copied into the repository.
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync
} from "node:fs";
import { join } from "node:path";
import { runProcess } from "./process.mjs";
import { problem } from "./report.mjs";

export const XMLLINT = "/usr/bin/xmllint";
const GENERATOR_VERSION = "2";

/** Fields whose source format holds nested XML where the WSDL says base64 (see metadata-structure). */
const EMBEDDED_XML_ELEMENTS = ["targetConfigs"];

/**
 * Types whose source files the platform reads by name, not by position: `.js-meta.xml` is read
 * by the LWC compiler, and Salesforce's own templates put <targets> before <targetConfigs>,
 * against the WSDL's sequence. Their elements may come in any order (repetition is still
 * checked by the structural check).
 */
const UNORDERED_TYPES = ["LightningComponentBundle"];

function namespaceDeclarations(openTag) {
  const decls = new Map();
  for (const m of openTag.matchAll(/\sxmlns:([\w.-]+)\s*=\s*"([^"]*)"/g)) decls.set(m[1], m[2]);
  return decls;
}

/** Builds an XSD (as text) from WSDL text with a global element for each of `typeNames`. */
export function xsdFromWsdl(wsdlSource, typeNames) {
  const wsdlText = wsdlSource.replace(/<!--[\s\S]*?-->/g, "");
  const defs = /<(?:[\w.-]+:)?definitions\b[^>]*>/.exec(wsdlText);
  if (!defs) throw new Error("not a WSDL: no <definitions> element");
  const open = /<([\w.-]+:)?schema\b[^>]*>/.exec(wsdlText);
  if (!open) throw new Error("the WSDL has no <types> schema");
  const prefix = open[1] ?? "";
  const closeTag = `</${prefix}schema>`;
  const end = wsdlText.indexOf(closeTag, open.index);
  if (end < 0) throw new Error(`the WSDL's schema has no ${closeTag}`);

  const wsdlNs = namespaceDeclarations(defs[0]);
  const schemaNs = namespaceDeclarations(open[0]);
  const targetNamespace = /\stargetNamespace\s*=\s*"([^"]*)"/.exec(open[0])?.[1];
  if (!targetNamespace) throw new Error("the WSDL's schema has no targetNamespace");
  const added = [...wsdlNs]
    .filter(([p]) => !schemaNs.has(p))
    .map(([p, uri]) => ` xmlns:${p}="${uri}"`);
  const allNs = new Map([...wsdlNs, ...schemaNs]);
  const tns = [...allNs].find(([, uri]) => uri === targetNamespace)?.[0];
  if (!tns) throw new Error(`no prefix is declared for the target namespace ${targetNamespace}`);

  let body = wsdlText.slice(open.index + open[0].length, end);
  for (const type of UNORDERED_TYPES) {
    const start = body.indexOf(`<${prefix}complexType name="${type}">`);
    const stop = body.indexOf(`</${prefix}complexType>`, start);
    if (start < 0 || stop < 0) continue;
    const unordered = body
      .slice(start, stop)
      .replace(`<${prefix}sequence>`, `<${prefix}choice minOccurs="0" maxOccurs="unbounded">`)
      .replace(`</${prefix}sequence>`, `</${prefix}choice>`);
    body = body.slice(0, start) + unordered + body.slice(stop);
  }
  for (const name of EMBEDDED_XML_ELEMENTS) {
    const el = new RegExp(`<${prefix}element name="${name}"( minOccurs="0")? type="[^"]*"/>`, "g");
    body = body.replace(
      el,
      `<${prefix}element name="${name}"$1><${prefix}complexType><${prefix}sequence>` +
        `<${prefix}any processContents="skip" minOccurs="0" maxOccurs="unbounded"/>` +
        `</${prefix}sequence></${prefix}complexType></${prefix}element>`
    );
  }
  const declared = new Set(
    [...body.matchAll(new RegExp(`<${prefix}complexType name="([^"]+)"`, "g"))].map((m) => m[1])
  );
  const globals = [...new Set(typeNames)]
    .filter((t) => declared.has(t))
    .sort()
    .map((t) => `<${prefix}element name="${t}" type="${tns}:${t}"/>`)
    .join("\n");
  const schemaOpen = open[0].replace(/>$/, `${added.join("")}>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${schemaOpen}${body}\n${globals}\n${closeTag}\n`;
}

/** Writes (or reuses) the generated XSD under `cacheDir`; returns its path. */
export function cachedXsd(wsdlPath, typeNames, cacheDir) {
  const wsdlText = readFileSync(wsdlPath, "utf8");
  const key = createHash("sha256")
    .update(GENERATOR_VERSION)
    .update(wsdlText)
    .update([...new Set(typeNames)].sort().join(","))
    .digest("hex")
    .slice(0, 16);
  const file = join(cacheDir, `metadata-${key}.xsd`);
  if (existsSync(file)) {
    const now = new Date();
    utimesSync(file, now, now); // marks it in use for pruneStaleSchemas
  } else {
    mkdirSync(cacheDir, { recursive: true });
    pruneStaleSchemas(cacheDir);
    // Write then rename, so a concurrent run never reads a half-written schema.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, xsdFromWsdl(wsdlText, typeNames));
    renameSync(partial, file);
  }
  return file;
}

/** Each schema is a few MB; drop those no run has needed for an hour (other WSDLs or type sets). */
function pruneStaleSchemas(cacheDir) {
  const hourAgo = Date.now() - 3600_000;
  for (const name of readdirSync(cacheDir)) {
    if (!/^metadata-[0-9a-f]+\.xsd$/.test(name)) continue;
    const path = join(cacheDir, name);
    if (statSync(path).atimeMs < hourAgo && statSync(path).mtimeMs < hourAgo)
      rmSync(path, { force: true });
  }
}

const tidy = (message) =>
  message.replace(/\{http:\/\/soap\.sforce\.com\/2006\/04\/metadata\}/g, "");

/** The metadata type (root element name) of each file, read cheaply. */
export function rootElementName(text) {
  const m = /<([A-Za-z_][\w.-]*)[\s>/]/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ""));
  return m ? m[1] : null;
}

/** Validates `files` against the XSD built from `wsdlPath`; Problems use rule `metadata-xsd`. */
export async function checkMetadataXsd(root, files, wsdlPath, cacheDir) {
  if (!existsSync(XMLLINT)) {
    return [
      problem(
        root,
        XMLLINT,
        0,
        "metadata-xsd/xmllint-missing",
        "xmllint is not installed: apt-get install -y libxml2-utils"
      )
    ];
  }
  if (files.length === 0) return [];
  const types = files.map((f) => rootElementName(readFileSync(f, "utf8"))).filter(Boolean);
  let xsd;
  try {
    xsd = cachedXsd(wsdlPath, types, cacheDir);
  } catch (e) {
    return [problem(root, wsdlPath, 0, "metadata-xsd/bad-wsdl", e.message)];
  }
  const { stderr } = await runProcess(XMLLINT, ["--noout", "--nonet", "--schema", xsd, ...files], {
    cwd: root
  });
  const problems = [];
  const failing = new Set();
  for (const line of stderr.split("\n")) {
    const m = /^(.+?):(\d+): (?:element|parser error) ?([^:]*): (.*)$/.exec(line);
    if (m) {
      failing.add(m[1]);
      const message = m[4].replace(/^Schemas (validity|parser) error : /, "");
      const rule = m[1] === xsd ? "metadata-xsd/bad-schema" : "metadata-xsd";
      problems.push(problem(root, m[1], Number(m[2]), rule, tidy(message)));
    }
  }
  for (const line of stderr.split("\n")) {
    const m = /^(.+?) fails to validate$/.exec(line);
    if (m && !failing.has(m[1]))
      problems.push(
        problem(root, m[1], 0, "metadata-xsd", "fails to validate against the Metadata API schema")
      );
    const bad = /^(WXS schema .*|Schemas parser error.*)$/.exec(line);
    if (bad) problems.push(problem(root, xsd, 0, "metadata-xsd/bad-schema", bad[1]));
  }
  return problems;
}
