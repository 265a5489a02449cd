/**
 * The project's Apex webservices (DESIGN.md contracts) as fake-org handlers, returning the same
 * JSON strings: SoftphoneCallerLookup.findByPhone, SoftphoneDirectory.search,
 * SoftphoneSipAccount.getMine, SoftphoneCallLog.findByCallObject and saveOnce,
 * SoftphoneIdentity.whoAmI.
 */
import { APEX_METHODS, type CrmMethod } from "../apex-crm";
import type { ApexHandler, FakeOrg, FakeRecord } from "./org";
import { looksLikePhone } from "./phone-match";

export const MAX_CALLER_MATCHES = 20;
export const MAX_DIRECTORY_ENTRIES = 50;

export interface CallerMatch {
  id: string;
  name: string;
  objectType: "Contact" | "Account" | "Lead";
  phone: string;
  accountId?: string;
  accountName?: string;
}

export interface DirectoryEntry {
  name: string;
  number: string;
  kind: "user" | "directory";
  description?: string;
}

const LOOKUP_OBJECTS = ["Contact", "Account", "Lead"] as const;
/**
 * A colleague is best reached on their extension, then their desk phone, then (only where the
 * org's Softphone Directory Setting allows it) their mobile.
 */
const USER_NUMBER_FIELDS = ["Extension", "Phone", "MobilePhone"] as const;
const USER_DESK_FIELDS = ["Extension", "Phone"] as const;

/** SoftphoneCallerLookup.findByPhone(String phone). */
export function findByPhone(org: FakeOrg, phone: string | undefined): string {
  const input = (phone ?? "").trim();
  if (!looksLikePhone(input)) {
    return JSON.stringify({
      error: "INVALID_PHONE",
      message:
        "Give a phone number of 3 to 20 digits; spaces, dots, dashes, brackets and a leading + are allowed."
    });
  }
  const matches: CallerMatch[] = [];
  for (const objectType of LOOKUP_OBJECTS) {
    const found = org
      .findByPhone(input, [objectType])
      .filter(({ record }) => !(objectType === "Lead" && record.fields.IsConverted === true))
      .sort((a, b) => org.nameOf(a.record).localeCompare(org.nameOf(b.record)));
    for (const { record, value } of found) matches.push(toMatch(org, record, objectType, value));
  }
  return JSON.stringify({ matches: matches.slice(0, MAX_CALLER_MATCHES) });
}

function toMatch(
  org: FakeOrg,
  record: FakeRecord,
  objectType: CallerMatch["objectType"],
  phone: string
): CallerMatch {
  const match: CallerMatch = { id: record.Id, name: org.nameOf(record), objectType, phone };
  const accountId = objectType === "Contact" ? record.fields.AccountId : undefined;
  if (typeof accountId === "string") {
    match.accountId = accountId;
    const account = org.get(accountId);
    if (account) match.accountName = org.nameOf(account);
  }
  return match;
}

/** SoftphoneDirectory.search(String term): call center users and additional directory numbers. */
export function searchDirectory(org: FakeOrg, term: string | undefined): string {
  const needle = (term ?? "").trim().toLowerCase();
  const needleDigits = needle.replace(/\D/g, "");
  const matches = (name: string, number: string, description?: string): boolean =>
    needle === "" ||
    name.toLowerCase().includes(needle) ||
    (description ?? "").toLowerCase().includes(needle) ||
    (needleDigits.length >= 2 && number.replace(/\D/g, "").includes(needleDigits));

  const entries: DirectoryEntry[] = [];
  const users = [...org.callCenterUserIds]
    .filter((id) => id !== org.currentUserId)
    .map((id) => org.get(id))
    .filter((user): user is FakeRecord => user !== undefined)
    .sort((a, b) => org.nameOf(a).localeCompare(org.nameOf(b)));
  for (const user of users) {
    const number = firstString(
      user,
      org.directoryShowsMobile ? USER_NUMBER_FIELDS : USER_DESK_FIELDS
    );
    if (!number) continue;
    const name = org.nameOf(user);
    const description = typeof user.fields.Title === "string" ? user.fields.Title : undefined;
    if (matches(name, number, description)) {
      entries.push({ name, number, kind: "user", ...(description ? { description } : {}) });
    }
  }
  const callCenter = org.callCenterSettings["/reqGeneralInfo/reqDisplayName"];
  for (const item of org.directoryNumbers) {
    if (callCenter && item.callCenterName !== callCenter) continue;
    if (matches(item.name, item.phone, item.description)) {
      entries.push({
        name: item.name,
        number: item.phone,
        kind: "directory",
        ...(item.description ? { description: item.description } : {})
      });
    }
  }
  return JSON.stringify({ entries: entries.slice(0, MAX_DIRECTORY_ENTRIES) });
}

/** SoftphoneSipAccount.getMine(): the running user's SIP credentials. */
export function getMySipAccount(org: FakeOrg, userId: string): string {
  const account = org.sipAccounts.get(userId);
  return JSON.stringify(account ? { ...account } : { error: "NOT_PROVISIONED" });
}

/** Task.CallObject holds up to 255 characters. */
const MAX_CALL_OBJECT_LENGTH = 255;

/** SoftphoneCallLog.findByCallObject(String callObject): the newest Task logged for a call. */
export function findTaskByCallObject(
  org: FakeOrg,
  callObject: string | undefined,
  userId: string = org.currentUserId
): string {
  const id = callObject ?? "";
  if (id.trim() === "" || id.length > MAX_CALL_OBJECT_LENGTH) {
    return JSON.stringify({
      error: "INVALID_CALL_OBJECT",
      message: `A call id of 1 to ${MAX_CALL_OBJECT_LENGTH} characters is required.`
    });
  }
  // Other transactions do not see a Task whose save has not committed yet.
  const task = ownTasks(org, userId, id)
    .filter((t) => !t.uncommitted)
    .at(-1);
  return JSON.stringify({ taskId: task ? task.Id : null });
}

function ownTasks(org: FakeOrg, userId: string, callObject: string) {
  return org.tasks.filter((t) => t.fields.CallObject === callObject && t.fields.OwnerId === userId);
}

const SAVE_ONCE_FIELDS = new Set([
  "Subject",
  "TaskSubtype",
  "Type",
  "Status",
  "CallType",
  "CallDisposition",
  "Description",
  "ActivityDate",
  "CallDurationInSeconds",
  "WhoId",
  "WhatId",
  "CallObject"
]);

/**
 * SoftphoneCallLog.saveOnce(String callObject, String fields): the agent's Task for the call,
 * written once. The real method locks the agent's row first, so a save arriving while an
 * earlier one is still committing waits for it and then finds its Task: here that is the
 * uncommitted Task, seen at once.
 */
export function saveTaskOnce(
  org: FakeOrg,
  userId: string,
  callObject: string | undefined,
  fieldsJson: string | undefined
): string {
  const id = callObject ?? "";
  if (id.trim() === "" || id.length > MAX_CALL_OBJECT_LENGTH) {
    return JSON.stringify({
      error: "INVALID_CALL_OBJECT",
      message: `A call id of 1 to ${MAX_CALL_OBJECT_LENGTH} characters is required.`
    });
  }
  let fields: unknown;
  try {
    fields = JSON.parse(fieldsJson ?? "");
  } catch {
    fields = null;
  }
  if (
    typeof fields !== "object" ||
    fields === null ||
    Array.isArray(fields) ||
    Object.keys(fields).some((name) => !SAVE_ONCE_FIELDS.has(name))
  ) {
    return JSON.stringify({
      error: "INVALID_FIELDS",
      message: "The call log fields are not valid."
    });
  }
  const existing = ownTasks(org, userId, id).at(-1);
  if (existing) return JSON.stringify({ taskId: existing.Id, created: false });
  const values = Object.fromEntries(
    Object.entries(fields as Record<string, unknown>).filter(([, v]) => v !== null)
  );
  const task = org.insert("Task", {
    Priority: "Normal",
    ...values,
    CallObject: id,
    OwnerId: userId
  });
  return JSON.stringify({ taskId: task.Id, created: true });
}

/** Failures injected for "saveLog" apply to every call-log save, saveOnce over runApex too. */
export function saveFailureKey(className: unknown, methodName: unknown): string {
  const { className: c, methodName: m } = APEX_METHODS.saveCallLog;
  return String(className).toLowerCase().endsWith(c.toLowerCase()) &&
    String(methodName).toLowerCase() === m.toLowerCase()
    ? "saveLog"
    : "runApex";
}

function firstString(record: FakeRecord, fields: readonly string[]): string | undefined {
  for (const field of fields) {
    const value = record.fields[field];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return undefined;
}

/** Registers the four classes on the org; `namespace` registers them as `ns.ClassName` too. */
export function registerSoftphoneApex(org: FakeOrg, options: { namespace?: string } = {}): void {
  const handlers: Record<CrmMethod, ApexHandler> = {
    findCaller: (params, context) => findByPhone(context.org, params.phone),
    searchDirectory: (params, context) => searchDirectory(context.org, params.term),
    getSipAccount: (_params, context) => getMySipAccount(context.org, context.userId),
    findLoggedCall: (params, context) =>
      findTaskByCallObject(context.org, params.callObject, context.userId),
    saveCallLog: (params, context) =>
      saveTaskOnce(context.org, context.userId, params.callObject, params.fields),
    whoAmI: (_params, context) =>
      JSON.stringify({ orgId: context.org.orgId, userId: context.userId })
  };
  for (const [method, handler] of Object.entries(handlers) as [CrmMethod, ApexHandler][]) {
    const { className, methodName } = APEX_METHODS[method];
    org.registerApex(className, methodName, handler);
    if (options.namespace)
      org.registerApex(`${options.namespace}.${className}`, methodName, handler);
  }
}
