/**
 * Pure helpers around one call's view: a new view from the phone's call, who the other party
 * is called, which record a call is about (association), and the internal-number rule.
 */
import type { ClickToDialEvent, PageInfo } from "../../host/cti-host";
import type { PhoneCall } from "../../phone/phone";
import type { CountryCode } from "../countries";
import { formatNumber, isShortCode, normaliseNumber } from "../dialing";
import { isSalesforceId, isWhoId, sameRecord } from "../ids";
import type { CallView, RecentCall, RecordMatch, RelatedRecord } from "../model";
import type { PhoneNumbers } from "../phone-numbers";

/** Signalled names and numbers come from outside: keep them to a size every field can hold. */
const MAX_NAME = 255;
const MAX_SIGNALLED_NUMBER = 64;

/**
 * A view for a call the phone reports, first seen at `now`; without `numbers` (not loaded yet)
 * the number stays as signalled until the call desk fills it in.
 */
export function newCallView(
  call: PhoneCall,
  country: CountryCode,
  numbers: PhoneNumbers | null,
  now: number,
  extra: Partial<CallView> = {}
): CallView {
  const signalled = call.remoteNumber.slice(0, MAX_SIGNALLED_NUMBER);
  const view: CallView = {
    id: call.id,
    direction: call.direction,
    number: normaliseNumber(signalled, country, numbers),
    displayNumber: formatNumber(signalled, country, numbers),
    state: call.state === "ended" ? "ended" : call.state,
    muted: call.muted,
    startedAt: now,
    matchStatus: "off",
    matches: [],
    notes: "",
    ...extra
  };
  const name = call.remoteName?.trim().slice(0, MAX_NAME);
  if (name && view.callerName === undefined) view.callerName = name;
  if (call.state === "connected") view.connectedAt = now;
  return view;
}

/** Calls to and from extensions and short codes are internal. */
export function isInternalNumber(number: string): boolean {
  return isShortCode(number.trim());
}

/** Who the agent is talking to, as the agent sees it. */
export function partyName(view: CallView): string {
  return view.callerName ?? view.caller?.name ?? view.displayNumber;
}

/** Ringing, dialing, connected or held: a call the phone can act on. */
export function isLive(view: CallView | null): view is CallView {
  return view !== null && ["dialing", "connected", "held", "ringing"].includes(view.state);
}

export function recordFromMatch(match: RecordMatch): RelatedRecord {
  return { id: match.id, name: match.name, objectType: match.objectType };
}

export function recordFromPage(page: PageInfo | undefined): RelatedRecord | undefined {
  if (!page || !isSalesforceId(page.recordId)) return undefined;
  const record: RelatedRecord = { id: page.recordId };
  if (page.recordName) record.name = page.recordName;
  if (page.objectType) record.objectType = page.objectType;
  return record;
}

export function isOnRecord(page: PageInfo | undefined, recordId: string): boolean {
  return sameRecord(page?.recordId, recordId);
}

/** Which records a call placed from Salesforce is about. */
export interface Association {
  relatedTo?: RelatedRecord;
  caller?: RelatedRecord;
  /** Pop this record unless the agent is already on it. */
  popRecordId?: string;
}

/** A click on a phone field: the record clicked (person accounts by their contact). */
export function associationFromClick(event: ClickToDialEvent): Association {
  const association: Association = {};
  const name = event.recordName;
  if (event.personAccount && isSalesforceId(event.contactId)) {
    association.caller = { id: event.contactId, name, objectType: "Contact" };
    const accountId = isSalesforceId(event.accountId) ? event.accountId : event.recordId;
    if (isSalesforceId(accountId))
      association.relatedTo = { id: accountId, name, objectType: "Account" };
  } else if (isSalesforceId(event.recordId)) {
    const record: RelatedRecord = { id: event.recordId, name, objectType: event.objectType };
    association.relatedTo = record;
    if (isWhoId(record.id)) association.caller = record;
  }
  return association;
}

/** A dial that names a record (the panel, a recent call, the message channel). */
export function associationForRecord(
  recordId: string | undefined,
  page: PageInfo | undefined,
  recentCalls: readonly RecentCall[]
): Association {
  if (!isSalesforceId(recordId)) return {};
  const fromPage = isOnRecord(page, recordId);
  const recent = recentCalls.find((c) => c.recordId === recordId);
  const record: RelatedRecord = { id: recordId };
  const name = fromPage ? page?.recordName : recent?.name;
  if (name) record.name = name;
  if (fromPage && page?.objectType) record.objectType = page.objectType;
  const association: Association = { relatedTo: record, popRecordId: recordId };
  if (isWhoId(recordId)) association.caller = record;
  return association;
}
