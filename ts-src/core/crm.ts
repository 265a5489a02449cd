/**
 * The port through which core reaches Salesforce data, and strict readers for its answers.
 * A host implements `Crm` (the Open CTI one over runApex and the project's Apex classes, in
 * host/apex-crm.ts); core never names a class, a method or an object it queries. Answers are
 * untrusted: anything outside the JSON contract below is dropped or reported, because these
 * strings end up on screen and in Task fields.
 */
import type { LogFields } from "../host/cti-host";
import type { SipCredentials } from "../phone/phone";
import { isRecord, isSalesforceId } from "./ids";
import type { DirectoryEntry, RecordMatch } from "./model";

/**
 * Salesforce data for core. Each method resolves with the answer as JSON (a string, or an
 * object a host already parsed) and rejects only when the host could not ask at all.
 */
export interface Crm {
  /**
   * Records whose phone fields hold `phone`: `{"matches":[{"id","name","objectType","phone"?,
   * "accountId"?,"accountName"?}]}` or `{"error","message"?}`.
   */
  findCaller(phone: string): Promise<unknown>;
  /** The Task already logged for a call: `{"taskId":"00T…"|null}`. */
  findLoggedCall(callId: string): Promise<unknown>;
  /** Colleagues and directory numbers: `{"entries":[{"name","number","kind","description"?}]}`. */
  searchDirectory(term: string): Promise<unknown>;
  /** The agent's own SIP account: `{"username","password",…}` or `{"error":"NOT_PROVISIONED"}`. */
  getSipAccount(): Promise<unknown>;
  /**
   * Writes a call's Task unless the agent already has one for it, check and insert in one
   * locked transaction: `{"taskId":"00T…","created":bool}` or `{"error","message"?}`. Hosts
   * without it save through CtiHost.saveLog.
   */
  saveCallLog?(callId: string, fields: LogFields): Promise<unknown>;
  /** Who is signed in: `{"orgId":"00D…","userId":"005…"}`, to scope browser storage. */
  whoAmI?(): Promise<unknown>;
}

export const MAX_MATCHES = 20;
export const MAX_DIRECTORY_ENTRIES = 200;

export type CrmResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Answers usually arrive as a JSON string; the host may already have parsed them. */
function asObject(result: unknown): Record<string, unknown> | null {
  if (typeof result === "string") {
    try {
      const parsed: unknown = JSON.parse(result);
      return isRecord(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
  return isRecord(result) ? result : null;
}

function text(value: unknown, max: number): string | undefined {
  return typeof value === "string" && value.length > 0 && value.length <= max ? value : undefined;
}

function answerError(object: Record<string, unknown>): string | null {
  if (object.error === undefined) return null;
  const code = text(object.error, 80) ?? "ERROR";
  const message = text(object.message, 500);
  return message ? `${code}: ${message}` : code;
}

export function readCallerMatches(result: unknown): CrmResult<RecordMatch[]> {
  const object = asObject(result);
  if (!object)
    return { ok: false, message: "The caller lookup returned something that is not JSON." };
  const error = answerError(object);
  if (error) return { ok: false, message: `The caller lookup failed: ${error}` };
  if (!Array.isArray(object.matches))
    return { ok: false, message: "The caller lookup returned no matches list." };
  const matches: RecordMatch[] = [];
  for (const item of object.matches.slice(0, MAX_MATCHES)) {
    if (!isRecord(item) || !isSalesforceId(item.id)) continue;
    const objectType = text(item.objectType, 80);
    if (!objectType || !/^[A-Za-z][A-Za-z0-9_]*$/.test(objectType)) continue;
    const match: RecordMatch = { id: item.id, name: text(item.name, 255) ?? item.id, objectType };
    const phone = text(item.phone, 40);
    if (phone) match.phone = phone;
    if (isSalesforceId(item.accountId)) match.accountId = item.accountId;
    const accountName = text(item.accountName, 255);
    if (accountName) match.accountName = accountName;
    matches.push(match);
  }
  return { ok: true, value: matches };
}

export function readDirectory(result: unknown): CrmResult<DirectoryEntry[]> {
  const object = asObject(result);
  if (!object) return { ok: false, message: "The directory returned something that is not JSON." };
  const error = answerError(object);
  if (error) return { ok: false, message: `The directory search failed: ${error}` };
  if (!Array.isArray(object.entries))
    return { ok: false, message: "The directory returned no entries list." };
  const entries: DirectoryEntry[] = [];
  for (const item of object.entries.slice(0, MAX_DIRECTORY_ENTRIES)) {
    if (!isRecord(item)) continue;
    const name = text(item.name, 255);
    const number = text(item.number, 40);
    if (!name || !number || (item.kind !== "user" && item.kind !== "directory")) continue;
    const entry: DirectoryEntry = { name, number, kind: item.kind };
    const description = text(item.description, 255);
    if (description) entry.description = description;
    entries.push(entry);
  }
  return { ok: true, value: entries };
}

export function readSipAccount(result: unknown): CrmResult<SipCredentials> {
  const object = asObject(result);
  if (!object)
    return { ok: false, message: "The SIP account lookup returned something that is not JSON." };
  if (object.error === "NOT_PROVISIONED") {
    return {
      ok: false,
      message:
        "No SIP account is set up for you in Salesforce (Softphone SIP Account). Ask your administrator, or sign in here."
    };
  }
  const error = answerError(object);
  if (error) return { ok: false, message: `The SIP account lookup failed: ${error}` };
  const username = text(object.username, 255);
  const password = text(object.password, 255);
  if (!username || !password)
    return { ok: false, message: "The SIP account in Salesforce has no user name or password." };
  const credentials: SipCredentials = { username, password };
  const displayName = text(object.displayName, 255);
  if (displayName) credentials.displayName = displayName;
  const authorizationUser = text(object.authorizationUser, 255);
  if (authorizationUser) credentials.authorizationUser = authorizationUser;
  return { ok: true, value: credentials };
}

/**
 * Whether a call's Task already exists, asked before resending a log whose earlier attempt may
 * have landed (a saveLog that timed out).
 */
export function readLoggedCall(result: unknown): CrmResult<string | null> {
  const object = asObject(result);
  if (!object)
    return { ok: false, message: "The call log lookup returned something that is not JSON." };
  const error = answerError(object);
  if (error) return { ok: false, message: `The call log lookup failed: ${error}` };
  if (object.taskId === null) return { ok: true, value: null };
  if (isSalesforceId(object.taskId) && object.taskId.startsWith("00T"))
    return { ok: true, value: object.taskId };
  return { ok: false, message: "The call log lookup returned no taskId." };
}

/** The Task saveCallLog wrote or found. */
export function readSavedCallLog(result: unknown): CrmResult<string> {
  const object = asObject(result);
  if (!object)
    return { ok: false, message: "The call log save returned something that is not JSON." };
  const error = answerError(object);
  if (error) return { ok: false, message: `The call log save failed: ${error}` };
  if (isSalesforceId(object.taskId) && object.taskId.startsWith("00T"))
    return { ok: true, value: object.taskId };
  return { ok: false, message: "The call log save returned no taskId." };
}

export interface Identity {
  orgId: string;
  userId: string;
}

/** The signed-in org and user, as Salesforce reports them. */
export function readIdentity(result: unknown): CrmResult<Identity> {
  const object = asObject(result);
  if (!object)
    return { ok: false, message: "The identity lookup returned something that is not JSON." };
  const error = answerError(object);
  if (error) return { ok: false, message: `The identity lookup failed: ${error}` };
  const { orgId, userId } = object;
  if (
    isSalesforceId(orgId) &&
    orgId.startsWith("00D") &&
    isSalesforceId(userId) &&
    userId.startsWith("005")
  )
    return { ok: true, value: { orgId: orgId.slice(0, 15), userId: userId.slice(0, 15) } };
  return { ok: false, message: "The identity lookup returned no org or user Id." };
}
