/**
 * The Task written for every call, with exactly the fields DESIGN.md lists, and its defaults
 * (disposition, the notes the softphone adds): the one place that decides what a Task says.
 */
import type { LogFields } from "../../host/cti-host";
import type { CallDirection, CallEndCause, CallEndReason } from "../../phone/phone";
import { partyName } from "../calls/call-view";
import { isSalesforceId, isWhoId } from "../ids";
import {
  MAX_NOTES,
  type CallQualityView,
  type CallView,
  type Disposition,
  type RelatedRecord
} from "../model";

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

const SUBJECT_MAX = 255;
const DISPOSITION_MAX = 255;

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
    Description: clip(input.notes, MAX_NOTES)
  };
  // The party on the line comes first: they are the WhoId even when the agent dialled from
  // another person's page; that page can only be a WhatId when it is not a person.
  const records = [input.caller, input.relatedTo].filter(
    (record): record is RelatedRecord => record !== undefined && isSalesforceId(record.id)
  );
  const who = records.find((record) => isWhoId(record.id));
  // Users cannot be a WhatId, and a Task about a Lead cannot have one at all.
  const what = records.find((record) => !isWhoId(record.id) && !record.id.startsWith("005"));
  if (who) fields.WhoId = who.id;
  if (what && !(who && who.id.startsWith("00Q"))) fields.WhatId = what.id;
  return fields;
}

export const MISSED_NOTE = "Missed call: the caller hung up before it was answered.";
export const DECLINED_NOTE = "Declined by the agent.";
export const CLOSED_TAB_NOTE =
  "The softphone tab that held this call was closed; the call ended then.";
export const CLOSED_TAB_MISSED_NOTE = "Missed call: the softphone tab was closed while it rang.";

/** What a call ended by the phone's grace period is logged as: it says why the call dropped. */
const DROPPED: Record<CallEndCause, Disposition> = {
  connectionLost: "Dropped: connection lost",
  mediaLost: "Dropped: audio lost"
};

/** The disposition a call gets unless the agent chose one. */
export function dispositionFor(
  view: CallView,
  reason?: CallEndReason,
  cause?: CallEndCause
): Disposition {
  if (view.disposition) return view.disposition;
  if (cause && view.connectedAt !== undefined && Object.hasOwn(DROPPED, cause))
    return DROPPED[cause];
  if (view.connectedAt !== undefined) return "Connected";
  return reason === "rejected" ? "Busy" : "No answer";
}

/** Notes with a line of what the softphone knows (a transfer, a closed tab) added below. */
export function withNote(notes: string, note: string | undefined): string {
  if (!note) return notes;
  return notes ? `${notes}\n${note}` : note;
}

export interface CallOutcome {
  endedAt: number;
  disposition: string;
  notes: string;
  internal: boolean;
}

/** Rounds for people: one decimal below 10, whole numbers above. */
function figure(value: number): string {
  return value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}

/**
 * The call-quality footer of a Task's Description: "Call quality: MOS min 3.4 / avg 4.1 over 12
 * samples; packet loss up to 6 %, jitter up to 35 ms, round trip up to 180 ms (network: packet
 * loss 6 %)". The one place that words it (the copy-report uses it too).
 */
export function describeQuality(quality: CallQualityView): string {
  const rtt =
    quality.maxRoundTripMs === null ? "not measured" : `up to ${figure(quality.maxRoundTripMs)} ms`;
  const base =
    `Call quality: MOS min ${quality.mosMin.toFixed(1)} / avg ${quality.mosAvg.toFixed(1)} ` +
    `over ${quality.samples} sample${quality.samples === 1 ? "" : "s"}; ` +
    `packet loss up to ${figure(quality.maxPacketLossPercent)} %, ` +
    `jitter up to ${figure(quality.maxJitterMs)} ms, round trip ${rtt}`;
  return quality.worstReason ? `${base} (${quality.worstReason})` : base;
}

/** Notes with the quality footer below; the notes give way so the footer always fits. */
function withQualityFooter(notes: string, quality: CallQualityView | undefined): string {
  if (!quality) return notes;
  const footer = describeQuality(quality);
  const room = MAX_NOTES - footer.length - 1;
  return withNote(notes.length > room ? notes.slice(0, room) : notes, footer);
}

/** The Task for a call (DESIGN.md's fields), from its view and how it ended. */
export function taskFieldsFor(view: CallView, outcome: CallOutcome): LogFields {
  return buildTaskFields({
    callId: view.id,
    direction: view.direction,
    internal: outcome.internal,
    party: partyName(view),
    connectedAt: view.connectedAt,
    endedAt: outcome.endedAt,
    disposition: outcome.disposition,
    notes: withQualityFooter(outcome.notes, view.quality),
    caller: view.caller,
    relatedTo: view.relatedTo
  });
}

/** The line a blind transfer adds to the notes. */
export function transferNote(target: string): string {
  return `Transferred to ${target}.`;
}
