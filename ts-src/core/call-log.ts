/** The Task written for every call, with exactly the fields DESIGN.md lists. */
import type { LogFields } from "../host/cti-host";
import type { CallDirection } from "../phone/phone";
import type { RelatedRecord } from "./model";

export interface CallLogInput {
  callId: string;
  direction: CallDirection;
  /** True for calls to or from an extension. */
  internal: boolean;
  /** What the agent saw: the caller's name or the formatted number. */
  party: string;
  connectedAt?: number;
  endedAt: number;
  disposition: string;
  notes: string;
  /** The person on the phone (a matched or clicked Contact/Lead). */
  caller?: RelatedRecord;
  /** The record the agent related the call to. */
  relatedTo?: RelatedRecord;
}

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const SUBJECT_MAX = 255;
const DISPOSITION_MAX = 255;
const DESCRIPTION_MAX = 32_000;

export function isSalesforceId(value: unknown): value is string {
  return typeof value === "string" && SALESFORCE_ID.test(value);
}

/** Contacts (003) and Leads (00Q) go in WhoId; everything else in WhatId. */
export function isWhoId(id: string): boolean {
  return id.startsWith("003") || id.startsWith("00Q");
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** The agent's local calendar date, as Salesforce dates are. */
export function activityDate(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function buildTaskFields(input: CallLogInput): LogFields {
  const subject =
    input.direction === "inbound"
      ? `Inbound call from ${input.party}`
      : `Outbound call to ${input.party}`;
  const seconds =
    input.connectedAt === undefined
      ? 0
      : Math.max(0, Math.round((input.endedAt - input.connectedAt) / 1000));
  const fields: Record<string, string | number> = {
    Subject: clip(subject, SUBJECT_MAX),
    TaskSubtype: "Call",
    Type: "Call",
    Status: "Completed",
    ActivityDate: activityDate(input.endedAt),
    CallType: input.internal ? "Internal" : input.direction === "inbound" ? "Inbound" : "Outbound",
    CallDurationInSeconds: seconds,
    CallObject: input.callId,
    CallDisposition: clip(input.disposition, DISPOSITION_MAX),
    Description: clip(input.notes, DESCRIPTION_MAX)
  };
  const records = [input.relatedTo, input.caller].filter(
    (record): record is RelatedRecord => record !== undefined && isSalesforceId(record.id)
  );
  const who = records.find((record) => isWhoId(record.id));
  // Users cannot be a WhatId, and a Task about a Lead cannot have one at all.
  const what = records.find((record) => !isWhoId(record.id) && !record.id.startsWith("005"));
  if (who) fields.WhoId = who.id;
  if (what && !(who && who.id.startsWith("00Q"))) fields.WhatId = what.id;
  return fields;
}
