/**
 * Classic screen pops are relative URLs. This turns the host's typed targets into the Classic
 * URLs Salesforce understands; object-level targets need the object's key prefix.
 */
import type { ScreenPopTarget } from "../cti-host";
import { OpenCtiError } from "../errors";
import { MIN_SEARCH_LENGTH } from "../lightning/types";
import { isRelativeUrl } from "./client";

export const STANDARD_KEY_PREFIXES: Readonly<Record<string, string>> = {
  Account: "001",
  Contact: "003",
  Lead: "00Q",
  Case: "500",
  Opportunity: "006",
  Task: "00T",
  Event: "00U",
  Campaign: "701",
  Contract: "800",
  Order: "801",
  Solution: "501",
  Product2: "01t",
  Quote: "0Q0",
  User: "005"
};

/**
 * New-record pages in Classic prefill fields by their page element ids, not API names. Only
 * these well-known fields can be prefilled; others are left for the agent to type.
 */
const NEW_RECORD_FIELD_IDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Contact: {
    FirstName: "name_firstcon2",
    LastName: "name_lastcon2",
    Phone: "con10",
    MobilePhone: "con12"
  },
  Lead: {
    FirstName: "name_firstlea2",
    LastName: "name_lastlea2",
    Company: "lea3",
    Phone: "lea8",
    MobilePhone: "lea9"
  },
  Account: { Name: "acc2", Phone: "acc10" }
};

const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const KEY_PREFIX = /^[a-zA-Z0-9]{3}$/;

function keyPrefixOf(method: string, scope: string): string {
  const prefix = STANDARD_KEY_PREFIXES[scope] ?? (KEY_PREFIX.test(scope) ? scope : undefined);
  if (!prefix) {
    throw OpenCtiError.invalidParam(
      method,
      `Salesforce Classic needs the key prefix of ${scope} (for example 001 for Account) to open it.`
    );
  }
  return prefix;
}

export function classicUrlFor(target: ScreenPopTarget): string {
  const method = "screenPop";
  switch (target.type) {
    case "sobject":
      if (!RECORD_ID.test(target.recordId))
        throw OpenCtiError.invalidParam(
          method,
          "recordId must be a 15 or 18 character Salesforce Id."
        );
      return `/${target.recordId}`;
    case "url":
      if (!isRelativeUrl(target.url))
        throw OpenCtiError.invalidParam(
          method,
          "Salesforce Classic pops relative URLs only (starting with /)."
        );
      return target.url;
    case "objecthome":
      return `/${keyPrefixOf(method, target.scope)}/o`;
    case "list":
      if (!RECORD_ID.test(target.listViewId))
        throw OpenCtiError.invalidParam(method, "listViewId must be a Salesforce Id.");
      return `/${keyPrefixOf(method, target.scope)}?fcf=${target.listViewId.slice(0, 15)}`;
    case "search":
      if (target.searchString.trim().length < MIN_SEARCH_LENGTH) {
        throw OpenCtiError.invalidParam(
          method,
          `searchString must be at least ${MIN_SEARCH_LENGTH} characters long.`
        );
      }
      return `/search/SearchResults?searchType=2&str=${encodeURIComponent(target.searchString.trim())}`;
    case "newRecord": {
      const prefix = keyPrefixOf(method, target.entityName);
      const ids = NEW_RECORD_FIELD_IDS[target.entityName] ?? {};
      const query = Object.entries(target.defaultFieldValues ?? {})
        .filter(([field]) => ids[field] !== undefined)
        .map(([field, value]) => `${ids[field]}=${encodeURIComponent(value)}`);
      return `/${prefix}/e${query.length > 0 ? `?${query.join("&")}` : ""}`;
    }
    case "flow": {
      if (!/^[A-Za-z]\w*$/.test(target.flowDevName))
        throw OpenCtiError.invalidParam(method, "flowDevName must be a flow API name.");
      const query = (target.flowArgs ?? []).map(
        (arg) => `${encodeURIComponent(arg.name)}=${encodeURIComponent(String(arg.value))}`
      );
      return `/flow/${target.flowDevName}${query.length > 0 ? `?${query.join("&")}` : ""}`;
    }
  }
}
