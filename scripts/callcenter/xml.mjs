/**
 * A small, strict XML reader that keeps the line of every element, attribute and text run,
 * so the call center validator can point admins at the exact line of each problem.
 * It refuses DOCTYPE declarations (no external or custom entities can be smuggled in) and
 * reports the first syntax error with its line.
 */

export class XmlSyntaxError extends Error {
  /** @param {string} message @param {number} line */
  constructor(message, line) {
    super(`line ${line}: ${message}`);
    this.name = "XmlSyntaxError";
    this.reason = message;
    this.line = line;
  }
}

const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]/;
const PREDEFINED = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * @typedef {{ name: string, value: string, line: number }} XmlAttribute
 * @typedef {{ type: "text", value: string, line: number, cdata: boolean }} XmlText
 * @typedef {{ type: "element", name: string, attributes: XmlAttribute[], children: XmlNode[],
 *   line: number, endLine: number }} XmlElement
 * @typedef {XmlElement | XmlText} XmlNode
 */

/**
 * Parses a whole document.
 * @param {string} source
 * @returns {XmlElement} the root element
 */
export function parseXml(source) {
  const text = source.startsWith("\uFEFF") ? source.slice(1) : source;
  let pos = 0;
  let line = 1;

  const fail = (message, at = line) => {
    throw new XmlSyntaxError(message, at);
  };
  const advance = (count) => {
    for (let i = 0; i < count; i++) if (text.charCodeAt(pos + i) === 10) line++;
    pos += count;
  };
  const startsWith = (s) => text.startsWith(s, pos);
  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos])) advance(1);
  };
  const skipUntil = (terminator, what) => {
    const startLine = line;
    const end = text.indexOf(terminator, pos);
    if (end < 0) fail(`${what} is never closed`, startLine);
    const body = text.slice(pos, end);
    advance(end - pos + terminator.length);
    return body;
  };
  const readName = () => {
    if (pos >= text.length || !NAME_START.test(text[pos])) fail("expected a name");
    const start = pos;
    while (pos < text.length && NAME_CHAR.test(text[pos])) pos++;
    return text.slice(start, pos);
  };
  const decode = (raw, at) =>
    raw.replace(/&([^;&\s]*);?/g, (match, ref) => {
      if (!match.endsWith(";")) fail(`"&" must be written as "&amp;"`, at);
      if (ref in PREDEFINED) return PREDEFINED[ref];
      const num = /^#x([0-9a-fA-F]+)$/.exec(ref) ?? /^#([0-9]+)$/.exec(ref);
      if (num) {
        const code = parseInt(num[1], ref[1] === "x" ? 16 : 10);
        if (code === 0 || code > 0x10ffff) fail(`invalid character reference &${ref};`, at);
        return String.fromCodePoint(code);
      }
      // A hostile file can hold a huge "entity": the message names only its start.
      return fail(`unknown entity &${ref.length > 40 ? `${ref.slice(0, 40)}…` : ref};`, at);
    });

  /** Skips comments, processing instructions and whitespace between markup. */
  const skipMisc = (allowDeclaration) => {
    for (;;) {
      skipSpace();
      if (startsWith("<?xml") && /\s|\?/.test(text[pos + 5] ?? "")) {
        if (!allowDeclaration) fail("the XML declaration must come first");
        advance(2);
        skipUntil("?>", "the XML declaration");
      } else if (startsWith("<?")) {
        advance(2);
        skipUntil("?>", "a processing instruction");
      } else if (startsWith("<!--")) {
        advance(4);
        skipUntil("-->", "a comment");
      } else if (startsWith("<!DOCTYPE")) {
        fail("DOCTYPE declarations are not allowed");
      } else return;
      allowDeclaration = false;
    }
  };

  const readAttributes = (elementName) => {
    /** @type {XmlAttribute[]} */
    const attributes = [];
    for (;;) {
      const hadSpace = /\s/.test(text[pos] ?? "");
      skipSpace();
      if (pos >= text.length) fail(`<${elementName}> is never closed`);
      if (startsWith("/>") || startsWith(">")) return attributes;
      if (!hadSpace) fail(`expected a space before the attribute in <${elementName}>`);
      const at = line;
      const name = readName();
      skipSpace();
      if (text[pos] !== "=")
        fail(
          `attribute ${name} needs a value (name="value"); if <${elementName} is text inside a value, write "<" as "&lt;"`
        );
      advance(1);
      skipSpace();
      const quote = text[pos];
      if (quote !== '"' && quote !== "'") fail(`the value of attribute ${name} must be quoted`);
      advance(1);
      const end = text.indexOf(quote, pos);
      if (end < 0) fail(`the value of attribute ${name} is never closed`, at);
      const raw = text.slice(pos, end);
      if (raw.includes("<")) fail(`"<" is not allowed in the value of attribute ${name}`, at);
      advance(end - pos + 1);
      if (attributes.some((a) => a.name === name)) fail(`attribute ${name} appears twice`, at);
      attributes.push({ name, value: decode(raw.replace(/[\t\n\r]/g, " "), at), line: at });
    }
  };

  /** @returns {XmlElement} */
  const readElement = () => {
    const startLine = line;
    advance(1); // <
    const name = readName();
    const attributes = readAttributes(name);
    /** @type {XmlElement} */
    const element = {
      type: "element",
      name,
      attributes,
      children: [],
      line: startLine,
      endLine: startLine
    };
    if (startsWith("/>")) {
      advance(2);
      element.endLine = line;
      return element;
    }
    advance(1); // >
    for (;;) {
      if (pos >= text.length) fail(`<${name}> opened on line ${startLine} is never closed`);
      if (startsWith("</")) {
        const closeLine = line;
        advance(2);
        const closing = readName();
        skipSpace();
        if (text[pos] !== ">") fail(`expected ">" to end </${closing}>`);
        advance(1);
        if (closing !== name)
          fail(`</${closing}> does not match <${name}> opened on line ${startLine}`, closeLine);
        element.endLine = closeLine;
        return element;
      }
      if (startsWith("<!--")) {
        advance(4);
        skipUntil("-->", "a comment");
      } else if (startsWith("<![CDATA[")) {
        const at = line;
        advance(9);
        element.children.push({
          type: "text",
          value: skipUntil("]]>", "a CDATA section"),
          line: at,
          cdata: true
        });
      } else if (startsWith("<?")) {
        advance(2);
        skipUntil("?>", "a processing instruction");
      } else if (startsWith("<!")) {
        fail("declarations are not allowed inside elements");
      } else if (text[pos] === "<") {
        const markup = markupInText(text, pos);
        if (markup !== null) fail(markupInTextReason(element, markup));
        element.children.push(readElement());
      } else {
        const end = text.indexOf("<", pos);
        const raw = text.slice(pos, end < 0 ? text.length : end);
        // A text run's line is where its first visible character is, not where its whitespace starts.
        const leading = /^\s*/.exec(raw)[0];
        const at = line + (leading.match(/\n/g)?.length ?? 0);
        if (raw.includes("]]>")) fail(`"]]>" is not allowed in text`, at);
        advance(raw.length);
        element.children.push({ type: "text", value: decode(raw, at), line: at, cdata: false });
      }
    }
  };

  skipMisc(true);
  if (text[pos] !== "<")
    fail(pos >= text.length ? "the file has no root element" : "text before the root element");
  const root = readElement();
  skipMisc(false);
  if (pos < text.length) fail("only one root element is allowed; found more content after it");
  return root;
}

/**
 * A "<" that cannot start a tag — no name after it, or words with spaces and no "=" before
 * the next ">" (as in "https://<your domain>/x") — is markup left unescaped in a value.
 * Returns that text for the message, or null when it may be a tag (then the tag reader gives
 * the precise error).
 */
function markupInText(text, pos) {
  const next = text[pos + 1] ?? "";
  if (next === "/" || next === "!" || next === "?") return null;
  const rest = text.slice(pos + 1, pos + 201);
  const end = rest.search(/[<>\n]/);
  const closed = end >= 0 && rest[end] === ">";
  const candidate = `<${end < 0 ? rest : rest.slice(0, closed ? end + 1 : end)}`;
  const shown = candidate.length > 60 ? `${candidate.slice(0, 57)}…` : candidate.trimEnd();
  if (!NAME_START.test(next)) return shown;
  if (!closed || /[="']/.test(candidate)) return null;
  // Three or more words: prose such as "<your hosted domain>", not a tag missing a value.
  return /^<[^\s>]+\s+[^\s>]+\s+[^\s>]/.test(candidate) ? shown : null;
}

function markupInTextReason(element, markup) {
  const name = element.attributes.find((a) => a.name === "name");
  const where = name ? `<${element.name} name="${name.value}">` : `<${element.name}>`;
  return `the value of ${where} contains "${markup}", which XML reads as the start of a tag; write "<" as "&lt;" and ">" as "&gt;" in values`;
}

/** The child elements of an element. @param {XmlElement} element */
export const childElements = (element) => element.children.filter((c) => c.type === "element");

/** The concatenated text directly inside an element. @param {XmlElement} element */
export const textOf = (element) =>
  element.children
    .filter((c) => c.type === "text")
    .map((c) => c.value)
    .join("");

/** Text that is not only whitespace, outside CDATA: mixed content where none belongs. */
export const strayText = (element) =>
  element.children.filter((c) => c.type === "text" && (c.cdata || c.value.trim() !== ""));

/** @param {XmlElement} element @param {string} name */
export const attribute = (element, name) => element.attributes.find((a) => a.name === name);

/** Escapes text for element content. */
export const escapeText = (s) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Escapes text for a double-quoted attribute value (keeping line breaks as references). */
export const escapeAttribute = (s) =>
  escapeText(s)
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
