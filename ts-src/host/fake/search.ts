/**
 * searchAndScreenPop semantics of the fake org: search the objects the softphone layout lists
 * for the call type (phone numbers by phone fields, other text by name), then decide the pop
 * from the layout's NoMatch / SingleMatch / MultipleMatches settings.
 */
import type {
  FieldValues,
  LightningFlowArgument,
  ScreenPopArgs,
  ScreenPopMatchSetting,
  SoftphoneCallTypeLayout
} from "../lightning/types";
import type { FakeOrg, FakeRecord } from "./org";
import { looksLikePhone } from "./phone-match";
import { SCHEMA } from "./schema";

export type LayoutCallType = "Inbound" | "Outbound" | "Internal";

export interface LayoutSearch {
  layout: SoftphoneCallTypeLayout | undefined;
  matches: FakeRecord[];
}

export function layoutCallType(callType: unknown): LayoutCallType {
  if (callType === "outbound") return "Outbound";
  if (callType === "internal") return "Internal";
  return "Inbound";
}

export function searchLayout(
  org: FakeOrg,
  searchParams: string | undefined,
  callType: LayoutCallType
): LayoutSearch {
  const layout = org.softphoneLayout?.[callType];
  const term = (searchParams ?? "").trim();
  if (!layout || term.length < 2) return { layout, matches: [] };
  const objects = Object.keys(layout.objects);
  const searchable = (record: FakeRecord): boolean =>
    !(record.sobjectType === "Lead" && record.fields.IsConverted === true) &&
    !(record.sobjectType === "Contact" && record.fields.IsPersonAccount === true);
  if (looksLikePhone(term)) {
    return {
      layout,
      matches: org
        .findByPhone(term, objects)
        .map((match) => match.record)
        .filter(searchable)
    };
  }
  const needle = term.toLowerCase();
  const matches = objects.flatMap((sobjectType) =>
    org.query(
      sobjectType,
      (record) => searchable(record) && org.nameOf(record).toLowerCase().includes(needle)
    )
  );
  return { layout, matches };
}

/** Lightning's entry for one match: Id, RecordType, LastModifiedDate, the layout's fields, person account data. */
export function lightningEntry(
  org: FakeOrg,
  record: FakeRecord,
  layout: SoftphoneCallTypeLayout
): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    Id: record.Id,
    LastModifiedDate: record.LastModifiedDate,
    Name: org.nameOf(record),
    RecordType: record.sobjectType
  };
  for (const field of layout.objects[record.sobjectType] ?? [])
    entry[field.apiName] = valueOf(org, record, field.apiName);
  if (record.sobjectType === "Account" && org.personAccountsEnabled) {
    entry.IsPersonAccount = record.fields.IsPersonAccount === true;
    if (record.fields.IsPersonAccount === true)
      entry.PersonContactId = record.fields.PersonContactId;
  }
  return entry;
}

/** Classic's entry for one match: the layout's fields, `object`, `displayName`, person account data. */
export function classicEntry(
  org: FakeOrg,
  record: FakeRecord,
  layout: SoftphoneCallTypeLayout
): Record<string, unknown> {
  const entry: Record<string, unknown> = { Name: org.nameOf(record) };
  for (const field of layout.objects[record.sobjectType] ?? [])
    entry[field.apiName] = valueOf(org, record, field.apiName);
  entry.object = record.sobjectType;
  entry.displayName = SCHEMA[record.sobjectType]?.label ?? record.sobjectType;
  if (record.fields.IsPersonAccount === true && record.sobjectType === "Account") {
    entry.personAccount = true;
    entry.contactId = record.fields.PersonContactId;
  }
  return entry;
}

function valueOf(org: FakeOrg, record: FakeRecord, apiName: string): unknown {
  return apiName === "Name" ? org.nameOf(record) : (record.fields[apiName] ?? null);
}

export interface PopRequest {
  searchParams?: string;
  queryParams?: string;
  defaultFieldValues?: FieldValues;
  flowArgs?: LightningFlowArgument[];
}

/** The screen pop the layout asks for, or null (no layout, no setting, DoNotPop). */
export function decidePop(search: LayoutSearch, request: PopRequest): ScreenPopArgs | null {
  const settings = search.layout?.screenPopSettings;
  if (!settings) return null;
  const count = search.matches.length;
  const setting: ScreenPopMatchSetting | undefined =
    count === 0 ? settings.NoMatch : count === 1 ? settings.SingleMatch : settings.MultipleMatches;
  if (!setting) return null;
  const term = (request.searchParams ?? "").trim();
  switch (setting.screenPopType) {
    case "PopToEntity": {
      const single = search.matches[0];
      if (count === 1 && single) return { type: "sobject", params: { recordId: single.Id } };
      if (count === 0 && setting.screenPopData) {
        return {
          type: "newRecord",
          params: {
            entityName: setting.screenPopData,
            ...(request.defaultFieldValues
              ? { defaultFieldValues: { ...request.defaultFieldValues } }
              : {})
          }
        };
      }
      return null;
    }
    case "PopToSearch":
      return term.length >= 3 ? { type: "search", params: { searchString: term } } : null;
    case "PopToVisualforce": {
      if (!setting.screenPopData) return null;
      const query = request.queryParams ? `?${request.queryParams}` : "";
      return { type: "url", params: { url: `/apex/${setting.screenPopData}${query}` } };
    }
    case "PopToFlow":
      return setting.screenPopData
        ? {
            type: "flow",
            params: {
              flowDevName: setting.screenPopData,
              ...(request.flowArgs ? { flowArgs: request.flowArgs } : {})
            }
          }
        : null;
    default:
      return null;
  }
}

/** The Classic relative URL for a pop. */
export function classicUrlFor(pop: ScreenPopArgs): string {
  switch (pop.type) {
    case "sobject":
      return `/${pop.params.recordId}`;
    case "url":
      return pop.params.url;
    case "newRecord": {
      const prefix = SCHEMA[pop.params.entityName]?.keyPrefix ?? pop.params.entityName;
      return `/${prefix}/e`;
    }
    case "search":
      return `/search/SearchResults?searchType=2&str=${encodeURIComponent(pop.params.searchString)}`;
    case "flow":
      return `/flow/${pop.params.flowDevName}`;
    case "objecthome":
      return `/${SCHEMA[pop.params.scope]?.keyPrefix ?? pop.params.scope}/o`;
    case "list":
      return `/${SCHEMA[pop.params.scope]?.keyPrefix ?? pop.params.scope}?fcf=${pop.params.listViewId}`;
  }
}
