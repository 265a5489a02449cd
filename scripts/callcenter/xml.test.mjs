import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import {
  childElements,
  escapeAttribute,
  escapeText,
  parseXml,
  textOf,
  XmlSyntaxError
} from "./xml.mjs";

const syntaxError = (text) => {
  try {
    parseXml(text);
  } catch (e) {
    assert.ok(e instanceof XmlSyntaxError);
    return { line: e.line, reason: e.reason };
  }
  assert.fail("expected a syntax error");
};

test("elements, attributes and text carry their lines", () => {
  const root = parseXml(
    '\uFEFF<?xml version="1.0"?>\n<!-- c -->\n<a x="1">\n  <b\n    y="2">hi</b>\n  <c/>\n</a>\n'
  );
  assert.equal(root.line, 3);
  const [b, c] = childElements(root);
  assert.deepEqual([b.line, b.attributes[0].line, b.children[0].line, c.line], [4, 5, 5, 6]);
  assert.equal(root.endLine, 7);
});

test("entities, character references and CDATA decode; attribute whitespace normalises", () => {
  const root = parseXml(
    '<a t="x&#10;y\tz &amp; &lt;q&gt; &quot;">&#x1F600; &amp; <![CDATA[<raw> & ]]></a>'
  );
  assert.equal(root.attributes[0].value, 'x\ny z & <q> "');
  assert.equal(textOf(root), "😀 & <raw> & ");
});

test("syntax errors name the line and the reason", () => {
  assert.deepEqual(syntaxError("<a>\n<b>\n</c>\n</a>"), {
    line: 3,
    reason: "</c> does not match <b> opened on line 2"
  });
  assert.equal(syntaxError("<a>\n<b>").reason, "<b> opened on line 2 is never closed");
  assert.match(syntaxError('<a x="1" x="2"/>').reason, /appears twice/);
  assert.match(syntaxError("<a>&nbsp;</a>").reason, /unknown entity/);
  assert.match(syntaxError("<a>fish & chips</a>").reason, /&amp;/);
  assert.match(syntaxError("<a/>\n<b/>").reason, /only one root/);
  assert.match(
    syntaxError('<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>').reason,
    /DOCTYPE/
  );
  assert.match(syntaxError("<a x=1/>").reason, /must be quoted/);
  assert.match(syntaxError('<a x="1"y="2"/>').reason, /space before the attribute/);
  assert.match(syntaxError("<a><!-- open </a>").reason, /comment is never closed/);
  assert.match(syntaxError("").reason, /no root element/);
  assert.match(syntaxError("hello <a/>").reason, /text before the root/);
});

/** Characters XML 1.0 allows in a document. */
const isXmlChar = (ch) => {
  const c = ch.codePointAt(0);
  return (
    c === 9 ||
    c === 10 ||
    c === 13 ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    c >= 0x10000
  );
};

test("escaped text and attributes read back unchanged", () => {
  fc.assert(
    fc.property(
      fc.string({ unit: "binary" }).filter((s) => [...s].every(isXmlChar)),
      (s) => {
        const root = parseXml(
          `<a v="${escapeAttribute(s)}">${escapeText(s.replace(/\r/g, ""))}</a>`
        );
        assert.equal(root.attributes[0].value, s);
        assert.equal(textOf(root), s.replace(/\r/g, ""));
      }
    ),
    { numRuns: 300 }
  );
});
