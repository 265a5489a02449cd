/**
 * Property tests: any well-formed definition an admin could write passes, any broken sortOrder
 * is caught on its own line, and a Metadata API definition survives the export unchanged.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { exportCallCenter } from "./export.mjs";
import { readDefinition } from "./model.mjs";
import { checkCallCenter } from "./rules.mjs";
import { escapeAttribute, escapeText } from "./xml.mjs";

const char = fc.constantFrom(
  "a",
  "Z",
  "0",
  " ",
  "&",
  "<",
  ">",
  '"',
  "'",
  "é",
  "中",
  "😀",
  "-",
  "/",
  ":"
);
const text = (maxLength) => fc.string({ unit: char, maxLength }).map((s) => s.trim());
const reserved = new Set([
  "label",
  "sortorder",
  "internalnamelabel",
  "displaynamelabel",
  "softphonesettings",
  "sipsettings"
]);
const customName = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9]{0,39}$/)
  .filter(
    (n) =>
      !/^req/i.test(n) && !/password|passwd|secret|token/i.test(n) && !reserved.has(n.toLowerCase())
  );

const required = () => [
  {
    name: "reqGeneralInfo",
    label: "General Information",
    items: [
      ["reqAdapterUrl", "CTI Adapter URL", "/apex/Softphone"],
      ["reqUseApi", "Use CTI API", "true"],
      ["reqSoftphoneHeight", "Softphone Height", "400"],
      ["reqSoftphoneWidth", "Softphone Width", "340"],
      ["reqSalesforceCompatibilityMode", "Mode", "Classic_and_Lightning"]
    ]
  },
  {
    name: "reqDialingOptions",
    label: "Dialing Options",
    items: [
      ["reqOutsidePrefix", "Outside Prefix", "9"],
      ["reqLongDistPrefix", "Long Distance Prefix", "1"],
      ["reqInternationalPrefix", "International Prefix", "011"]
    ]
  }
];

const extraSections = fc.uniqueArray(
  fc.record({
    name: customName,
    label: text(40),
    items: fc.uniqueArray(fc.tuple(customName, text(30), text(30)), {
      minLength: 1,
      maxLength: 5,
      selector: (i) => i[0]
    })
  }),
  { maxLength: 4, selector: (s) => s.name }
);

/** Builds an import-format file with the sections in a shuffled document order. */
function importXml(internalName, displayName, sections, documentOrder) {
  const lines = ["<callCenter>"];
  for (const sectionIndex of documentOrder) {
    const s = sections[sectionIndex];
    lines.push(
      `  <section sortOrder="${sectionIndex}" name="${s.name}" label="${escapeAttribute(s.label)}">`
    );
    const items =
      s.name === "reqGeneralInfo"
        ? [
            ["reqInternalName", "Internal Name", internalName],
            ["reqDisplayName", "Display Name", displayName],
            ...s.items
          ]
        : s.items;
    items.forEach(([name, label, value], k) =>
      lines.push(
        `    <item sortOrder="${k}" name="${name}" label="${escapeAttribute(label)}">${escapeText(value)}</item>`
      )
    );
    lines.push("  </section>");
  }
  lines.push("</callCenter>", "");
  return lines.join("\n");
}

function metadataXml(displayName, sections) {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<CallCenter xmlns="http://soap.sforce.com/2006/04/metadata">'
  ];
  lines.push(
    "    <adapterUrl>/apex/Softphone</adapterUrl>",
    `    <displayName>${escapeText(displayName)}</displayName>`
  );
  lines.push(
    "    <displayNameLabel>Display Name</displayNameLabel>",
    "    <internalNameLabel>Internal Name</internalNameLabel>"
  );
  for (const s of sections) {
    lines.push("    <sections>");
    for (const [name, label, value] of s.items)
      lines.push(
        `        <items><label>${escapeText(label)}</label><name>${name}</name><value>${escapeText(value)}</value></items>`
      );
    lines.push(
      `        <label>${escapeText(s.label)}</label>`,
      `        <name>${s.name}</name>`,
      "    </sections>"
    );
  }
  lines.push("</CallCenter>", "");
  return lines.join("\n");
}

const definition = fc
  .record({
    internalName: fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,39}$/),
    displayName: text(60).filter((s) => s !== ""),
    extras: extraSections
  })
  .chain((d) => {
    const sections = [...required(), ...d.extras];
    return fc.record({
      ...Object.fromEntries(Object.entries(d).map(([k, v]) => [k, fc.constant(v)])),
      sections: fc.constant(sections),
      order: fc.shuffledSubarray([...sections.keys()], {
        minLength: sections.length,
        maxLength: sections.length
      })
    });
  });

test("every well-formed definition passes, in any document order", () => {
  fc.assert(
    fc.property(definition, (d) => {
      assert.deepEqual(
        checkCallCenter(importXml(d.internalName, d.displayName, d.sections, d.order)),
        []
      );
    }),
    { numRuns: 150 }
  );
});

test("a sortOrder pushed past the end is reported on its own line", () => {
  fc.assert(
    fc.property(definition, fc.nat(), fc.nat({ max: 50 }), (d, pick, extra) => {
      const xml = importXml(d.internalName, d.displayName, d.sections, d.order);
      const lines = xml.split("\n");
      const candidates = lines.map((l, i) => [l, i]).filter(([l]) => /sortOrder="\d+"/.test(l));
      const [line, index] = candidates[pick % candidates.length];
      const isSection = line.includes("<section");
      const siblings = isSection
        ? d.sections.length
        : (() => {
            let start = index;
            while (!lines[start].includes("<section")) start--;
            let count = 0;
            for (let k = start + 1; !lines[k].includes("</section>"); k++) count++;
            return count;
          })();
      lines[index] = line.replace(/sortOrder="\d+"/, `sortOrder="${siblings + extra}"`);
      const problems = checkCallCenter(lines.join("\n"));
      assert.ok(
        problems.some((p) => p.rule === "sort-order-sequence" && p.line === index + 1),
        JSON.stringify(problems)
      );
    }),
    { numRuns: 150 }
  );
});

test("a Metadata API definition exports to an import file with the same sections, items and values", () => {
  fc.assert(
    fc.property(definition, (d) => {
      const fileName = `${d.internalName}.callCenter-meta.xml`;
      const meta = metadataXml(d.displayName, d.sections);
      assert.deepEqual(checkCallCenter(meta, { fileName }), []);
      const exported = exportCallCenter(meta, fileName);
      const sections = readDefinition(exported).centers[0].sections;
      assert.deepEqual(
        sections.map((s) => [s.name, s.label, s.items.map((i) => [i.name, i.label, i.value])]),
        d.sections.map((s) => [
          s.name,
          s.label,
          [
            ...(s.name === "reqGeneralInfo"
              ? [
                  ["reqInternalName", "Internal Name", d.internalName],
                  ["reqDisplayName", "Display Name", d.displayName]
                ]
              : []),
            ...s.items
          ]
        ])
      );
    }),
    { numRuns: 100 }
  );
});
