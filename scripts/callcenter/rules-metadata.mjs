/**
 * The Metadata API format's extra fields must agree with the items: <adapterUrl> with
 * reqAdapterUrl, and <customSettings> (a JSON copy Salesforce writes on retrieve) with every
 * item it names. A disagreement deploys, but which value wins is Salesforce's choice.
 */
import { findItem } from "./vocabulary.mjs";

/**
 * @param {import("./model.mjs").Center} center
 * @param {(line: number, rule: string, message: string) => void} report
 */
export function checkMetadataExtras(center, report) {
  const m = center.metadata;
  const adapterItem = findItem(center, "reqGeneralInfo", "reqAdapterUrl");
  if (m.adapterUrl && adapterItem && m.adapterUrl.value !== adapterItem.value)
    report(
      m.adapterUrl.line,
      "metadata-consistency",
      `<adapterUrl> "${m.adapterUrl.value}" differs from the reqAdapterUrl item "${adapterItem.value}" (line ${adapterItem.valueLine}); keep them equal.`
    );
  if (!m.customSettings || m.customSettings.value === "") return;
  let settings;
  try {
    settings = JSON.parse(m.customSettings.value);
  } catch {
    report(
      m.customSettings.line,
      "metadata-consistency",
      "<customSettings> must be a JSON object of item names and values."
    );
    return;
  }
  if (settings === null || typeof settings !== "object" || Array.isArray(settings)) {
    report(
      m.customSettings.line,
      "metadata-consistency",
      "<customSettings> must be a JSON object of item names and values."
    );
    return;
  }
  const items = new Map(center.sections.flatMap((s) => s.items.map((i) => [i.name, i])));
  for (const [key, value] of Object.entries(settings)) {
    const item = items.get(key);
    if (item && String(value) !== item.value)
      report(
        m.customSettings.line,
        "metadata-consistency",
        `<customSettings> gives ${key} "${value}" but the item on line ${item.valueLine} says "${item.value}"; keep them equal.`
      );
  }
}
