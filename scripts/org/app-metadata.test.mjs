/**
 * The Softphone Console app and its utility bar: the shape Salesforce needs (checked against the
 * Metadata API WSDL when it is available: METADATA_WSDL or ../shared/salesforce/metadata-v66.wsdl)
 * and the content agents rely on (the Open CTI softphone item, sized like the call center).
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { readDefinition } from "../callcenter/model.mjs";
import { childElements, parseXml, textOf } from "../callcenter/xml.mjs";
import { checkShape, loadSchema } from "./wsdl-shape.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const meta = join(root, "force-app/main/default");
const files = {
  app: join(meta, "applications/Softphone_Console.app-meta.xml"),
  bar: join(meta, "flexipages/Softphone_Console_UtilityBar.flexipage-meta.xml"),
  callCenter: join(meta, "callCenters/OpenCtiSoftphone.callCenter-meta.xml")
};
const read = (f) => readFileSync(f, "utf8");
const children = (el, name) => childElements(el).filter((c) => c.name === name);
const value = (el, name) => textOf(children(el, name)[0] ?? { children: [] }).trim();

test("the app is a Lightning console with the five agent tabs and the softphone utility bar", () => {
  const app = parseXml(read(files.app));
  assert.equal(value(app, "navType"), "Console");
  assert.equal(value(app, "uiType"), "Lightning");
  assert.equal(value(app, "label"), "Softphone Console");
  const tabs = children(app, "tabs").map((t) => textOf(t).trim());
  assert.deepEqual(tabs, [
    "standard-Account",
    "standard-Contact",
    "standard-Lead",
    "standard-Case",
    "standard-Task"
  ]);
  assert.equal(value(app, "utilityBar"), "Softphone_Console_UtilityBar");
  assert.ok(existsSync(join(meta, "flexipages", `${value(app, "utilityBar")}.flexipage-meta.xml`)));
  const mapped = children(children(app, "workspaceConfig")[0], "mappings").map((m) =>
    value(m, "tab")
  );
  assert.deepEqual(
    [...mapped].sort(),
    [...tabs].sort(),
    "a console app maps every tab to a workspace"
  );
});

test("the utility bar holds the Open CTI softphone: Phone, call icon, eager, sized like the call center", () => {
  const bar = parseXml(read(files.bar));
  assert.equal(value(bar, "type"), "UtilityBar");
  assert.equal(value(children(bar, "template")[0], "name"), "one:utilityBarTemplateDesktop");
  const region = children(bar, "flexiPageRegions").find((r) => value(r, "name") === "utilityItems");
  const instances = children(region, "itemInstances").map(
    (i) => children(i, "componentInstance")[0]
  );
  assert.equal(instances.length, 1);
  const [phone] = instances;
  assert.equal(value(phone, "componentName"), "opencti:softPhone");
  const props = Object.fromEntries(
    children(phone, "componentInstanceProperties").map((p) => {
      assert.equal(value(p, "type"), "decorator");
      return [value(p, "name"), value(p, "value")];
    })
  );
  const items = Object.fromEntries(
    readDefinition(read(files.callCenter)).centers[0].sections.flatMap((s) =>
      s.items.map((i) => [i.name, i.value])
    )
  );
  assert.deepEqual(props, {
    eager: "true",
    height: items.reqSoftphoneHeight,
    icon: "call",
    label: "Phone",
    width: items.reqSoftphoneWidth
  });
  assert.equal(props.width, "340");
  assert.equal(props.height, "400");
});

const wsdlPath = process.env.METADATA_WSDL ?? join(root, "../shared/salesforce/metadata-v66.wsdl");
describe(
  "metadata shapes against the Metadata API WSDL",
  { skip: !existsSync(wsdlPath) && `no WSDL at ${wsdlPath}` },
  () => {
    const schema = existsSync(wsdlPath) ? loadSchema(read(wsdlPath)) : null;
    for (const [file, type] of [
      [files.app, "CustomApplication"],
      [files.bar, "FlexiPage"],
      [files.callCenter, "CallCenter"]
    ])
      test(`${type} ${file.split("/").pop()}`, () =>
        assert.deepEqual(checkShape(read(file), type, schema), []));

    test("the shape check catches an unknown field, a wrong order, a bad enum and a missing field", () => {
      const bar = read(files.bar);
      const found = (text) => checkShape(text, "FlexiPage", schema).map((p) => p.message);
      assert.match(
        found(bar.replace("<type>UtilityBar</type>", "<type>UtilityBars</type>")).join(),
        /not one of FlexiPageType/
      );
      assert.match(
        found(bar.replace("<name>eager</name>", "<nam>eager</nam>")).join(),
        /nam is not a field/
      );
      assert.match(
        found(bar.replace(/<masterLabel>.*<\/masterLabel>\n/, "")).join(),
        /needs <masterLabel>/
      );
      const swapped = bar.replace(
        "<componentName>opencti:softPhone</componentName>\n                <identifier>opencti_softPhone</identifier>",
        "<identifier>opencti_softPhone</identifier>\n                <componentName>opencti:softPhone</componentName>"
      );
      assert.match(found(swapped).join(), /out of schema order/);
    });
  }
);
