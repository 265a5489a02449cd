/**
 * The shell's backend over the fake host (ts-src/host/fake): one FakeOrg seeded with sample
 * data, the fake Open CTI container / `sforce.interaction` the bridge serves, our Apex
 * contracts registered, and the org's hooks (screen pops, refreshView, panel) turned into
 * shell events.
 */
import type { ScreenPopTarget, FlowArgument } from "../../host/cti-host";
import {
  FakeOrg,
  SCHEMA,
  createFakeInteraction,
  registerSoftphoneApex,
  type FakePanelState,
  type FakeRecord,
  type FakeScreenPop
} from "../../host/fake";
import { createFakeOpenCtiContainer } from "../../host/fake/fake-opencti";
import type { FieldValue, OrgRecord, PanelChange, ShellBackend, ShellEvents } from "./backend";
import { REQUIRED_FIELDS } from "./records";
import { SEED } from "./seed";
import { seedDirectory } from "./seed-directory";

export interface FakeBackendOptions {
  view: "lightning" | "classic";
  events: ShellEvents;
}

function toOrgRecord(record: FakeRecord): OrgRecord {
  const out: OrgRecord = { Id: record.Id };
  for (const [k, v] of Object.entries(record.fields))
    if (v === null || ["string", "number", "boolean"].includes(typeof v)) out[k] = v as FieldValue;
  return out;
}

export function seedOrg(org: FakeOrg): void {
  const ids = new Map<string, string>();
  for (const seed of SEED) {
    const fields: Record<string, unknown> = { ...seed.fields };
    for (const [field, ref] of Object.entries(seed.refs ?? {})) {
      const id = ids.get(ref);
      if (!id) throw new Error(`seed: ${seed.ref} refers to ${ref}, which is not seeded before it`);
      fields[field] = id;
    }
    ids.set(seed.ref, org.insert(seed.objectType, fields).Id);
  }
  seedDirectory(org);
}

/** Converts the org's record of a pop into the CtiHost's screen pop target. */
export function popTarget(pop: FakeScreenPop): ScreenPopTarget | null {
  const p = pop.params ?? {};
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  if (pop.api === "classic" || pop.type === "url") {
    const url = pop.url ?? str(p.url);
    return url ? { type: "url", url } : null;
  }
  switch (pop.type) {
    case "sobject":
      return { type: "sobject", recordId: str(p.recordId) };
    case "objecthome":
      return { type: "objecthome", scope: str(p.scope) };
    case "list":
      return { type: "list", listViewId: str(p.listViewId), scope: str(p.scope) };
    case "search":
      return { type: "search", searchString: str(p.searchString) };
    case "newRecord": {
      const defaults: Record<string, string> = {};
      const raw = p.defaultFieldValues;
      if (raw && typeof raw === "object")
        for (const [k, v] of Object.entries(raw as Record<string, unknown>))
          defaults[k] = String(v ?? "");
      return { type: "newRecord", entityName: str(p.entityName), defaultFieldValues: defaults };
    }
    case "flow":
      return {
        type: "flow",
        flowDevName: str(p.flowDevName),
        flowArgs: Array.isArray(p.flowArgs) ? (p.flowArgs as FlowArgument[]) : []
      };
    default:
      return null;
  }
}

function panelChanges(before: FakePanelState, after: FakePanelState): PanelChange[] {
  const out: PanelChange[] = [];
  if (before.visible !== after.visible) out.push({ kind: "visible", visible: after.visible });
  if (before.heightPX !== after.heightPX) out.push({ kind: "height", px: after.heightPX });
  if (before.widthPX !== after.widthPX) out.push({ kind: "width", px: after.widthPX });
  if (before.label !== after.label) out.push({ kind: "label", text: after.label });
  if (before.icon !== after.icon) out.push({ kind: "icon", name: after.icon });
  if (before.itemLabel !== after.itemLabel) out.push({ kind: "itemLabel", text: after.itemLabel });
  if (before.itemIcon !== after.itemIcon) out.push({ kind: "itemIcon", name: after.itemIcon });
  return out;
}

export function createFakeBackend(options: FakeBackendOptions): ShellBackend & { org: FakeOrg } {
  const org = new FakeOrg();
  seedOrg(org);
  registerSoftphoneApex(org);
  org.panel = { ...org.panel, visible: options.view === "classic" };

  const changeListeners = new Set<() => void>();
  const changed = () => {
    for (const l of changeListeners) l();
  };
  // The org has no change event; the backend notices writes by wrapping the two writers.
  const insert = org.insert.bind(org);
  org.insert = (type, fields) => {
    const record = insert(type, fields);
    changed();
    return record;
  };
  const update = org.update.bind(org);
  org.update = (id, fields) => {
    const record = update(id, fields);
    changed();
    return record;
  };

  org.onScreenPop((pop) => {
    const target = popTarget(pop);
    if (target) options.events.screenPop(target);
  });
  org.onRefreshView(() => options.events.refreshView());
  let lastPanel = { ...org.panel };
  org.onPanelChange((panel) => {
    for (const change of panelChanges(lastPanel, panel)) options.events.panel(change);
    lastPanel = { ...panel };
  });

  const clickToDialListeners = new Set<(enabled: boolean) => void>();
  let lastEnabled = org.clickToDialEnabled;
  const pollEnabled = () => {
    if (org.clickToDialEnabled === lastEnabled) return;
    lastEnabled = org.clickToDialEnabled;
    for (const l of clickToDialListeners) l(lastEnabled);
  };
  // The container side only: the library's own behaviour runs in the softphone frame.
  const lightningApi = createFakeOpenCtiContainer(org);
  const classicApi = createFakeInteraction(org);
  // enable/disableClickToDial only set a flag on the org; check it after every bridge call.
  setInterval(pollEnabled, 100);

  return {
    org,
    lightningApi,
    classicApi,
    records: (objectType) => org.query(objectType).map(toOrgRecord),
    record: (id) => {
      const r = org.get(id);
      return r ? toOrgRecord(r) : undefined;
    },
    objectTypeOf: (id) => org.get(id)?.sobjectType,
    create: (objectType, fields) => {
      if (!SCHEMA[objectType]) throw new Error(`The workbench org has no object ${objectType}.`);
      const missing = (REQUIRED_FIELDS[objectType] ?? []).filter(
        (f) => !String(fields[f] ?? "").trim()
      );
      if (missing.length) throw new Error(`Required fields are missing: ${missing.join(", ")}`);
      return org.insert(objectType, { ...fields }).Id;
    },
    onChange: (listener) => {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    settings: () => ({ ...org.callCenterSettings }),
    setSettings: (settings) => {
      org.callCenterSettings = { ...settings };
    },
    setPanelVisible: (visible) => {
      org.panel = { ...org.panel, visible };
      lastPanel = { ...org.panel };
    },
    clickToDialEnabled: () => org.clickToDialEnabled,
    onClickToDialEnabled: (listener) => {
      clickToDialListeners.add(listener);
      return () => clickToDialListeners.delete(listener);
    },
    clickToDial: (payload) => {
      org.fireClickToDial(payload);
    },
    navigationChanged: (page) => {
      org.fireNavigationChange(page);
    },
    publish: (channel, message) => org.messageBus.publish(channel, message),
    subscribe: (channel, listener) => org.messageBus.subscribe(channel, listener)
  };
}
