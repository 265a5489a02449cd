/**
 * Parses an XML document into a small element tree that remembers each element's line,
 * which fast-xml-parser alone does not give in a convenient shape.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { lineAt } from "./report.mjs";

/**
 * @typedef {{ name: string, line: number, attributes: Record<string,string>,
 *             children: XmlElement[], text: string }} XmlElement
 */

export class XmlSyntaxError extends Error {
  constructor(message, line) {
    super(message);
    this.name = "XmlSyntaxError";
    this.line = line;
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  captureMetaData: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true
});
const META = XMLParser.getMetaDataSymbol();

function toElement(node, text) {
  const name = Object.keys(node).find((k) => k !== ":@");
  const element = {
    name,
    line: lineAt(text, node[META]?.startIndex ?? 0),
    attributes: { ...(node[":@"] ?? {}) },
    children: [],
    text: ""
  };
  for (const child of node[name] ?? []) {
    if ("#text" in child) element.text += String(child["#text"]);
    else element.children.push(toElement(child, text));
  }
  return element;
}

/** Returns the document's root element; throws XmlSyntaxError (with a line) when not well formed. */
export function parseXml(text) {
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) throw new XmlSyntaxError(verdict.err.msg, verdict.err.line);
  const roots = parser.parse(text).filter((n) => !("#text" in n) && !("#comment" in n));
  if (roots.length !== 1) throw new XmlSyntaxError("expected exactly one root element", 1);
  return toElement(roots[0], text);
}
