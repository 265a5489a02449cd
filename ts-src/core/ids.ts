/** Salesforce record Ids and untrusted JSON objects: the checks every part of core shares. */

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

export function isSalesforceId(value: unknown): value is string {
  return typeof value === "string" && SALESFORCE_ID.test(value);
}

/** Contacts (003) and Leads (00Q) go in a Task's WhoId; everything else in WhatId. */
export function isWhoId(id: string): boolean {
  return id.startsWith("003") || id.startsWith("00Q");
}

/** The same record, whether either Id is the 15- or the 18-character form. */
export function sameRecord(a: string | undefined, b: string | undefined): boolean {
  return isSalesforceId(a) && isSalesforceId(b) && a.slice(0, 15) === b.slice(0, 15);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
