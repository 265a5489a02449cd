/**
 * Inbound screen pops by the `screenPop` setting: our Apex lookup then a pop of the one match
 * (or the no-match action), the softphone layout's searchAndScreenPop, or nothing.
 */
import type { CtiHost, ScreenPopTarget, SearchResultRecord } from "../../host/cti-host";
import { readCallerMatches, type Crm } from "../crm";
import { describeError } from "../errors";
import { isSalesforceId } from "../ids";
import type { MatchStatus, RecordMatch } from "../model";
import type { NoMatchPop, ScreenPopMode } from "../settings";

export interface CallerNumber {
  /** E.164 where it parses, otherwise as signalled: for lookups and flows. */
  number: string;
  /** As the agent sees it: for record fields and searches. */
  displayNumber: string;
}

export interface PopOutcome {
  matchStatus: MatchStatus;
  matches: RecordMatch[];
  error?: string;
}

/** Flow input variable that receives the caller's number (a Text variable available for input). */
export const FLOW_NUMBER_ARGUMENT = "phoneNumber";
const MIN_SEARCH_LENGTH = 3;

export function noMatchTarget(noMatch: NoMatchPop, caller: CallerNumber): ScreenPopTarget | null {
  switch (noMatch.kind) {
    case "newContact":
      return {
        type: "newRecord",
        entityName: "Contact",
        defaultFieldValues: { Phone: caller.displayNumber }
      };
    case "newLead":
      return {
        type: "newRecord",
        entityName: "Lead",
        defaultFieldValues: { Phone: caller.displayNumber }
      };
    case "search":
      return caller.displayNumber.length >= MIN_SEARCH_LENGTH
        ? { type: "search", searchString: caller.displayNumber }
        : null;
    case "flow":
      return {
        type: "flow",
        flowDevName: noMatch.flowName,
        flowArgs: [{ name: FLOW_NUMBER_ARGUMENT, type: "String", value: caller.number }]
      };
    case "none":
      return null;
  }
}

/** Looks the caller up and pops; several matches are left to the agent's choice. */
export async function popInbound(
  host: CtiHost,
  crm: Crm | null,
  mode: ScreenPopMode,
  noMatch: NoMatchPop,
  caller: CallerNumber,
  isOnRecord: (recordId: string) => boolean = () => false
): Promise<PopOutcome> {
  if (mode === "off") return { matchStatus: "off", matches: [] };
  if (mode === "layout") return popByLayout(host, caller);
  let matches: RecordMatch[];
  try {
    if (!crm)
      throw new Error("No caller lookup: the softphone is not connected to Salesforce data.");
    const result = readCallerMatches(await crm.findCaller(caller.number));
    if (!result.ok) throw new Error(result.message);
    matches = result.value;
  } catch (error) {
    // A failed lookup must not create a duplicate record: fall back to a read-only search.
    const search = noMatchTarget({ kind: "search" }, caller);
    if (search) await host.screenPop(search).catch(() => undefined);
    return { matchStatus: "error", matches: [], error: describeError(error) };
  }
  if (matches.length === 1) {
    if (!isOnRecord(matches[0].id))
      await host.screenPop({ type: "sobject", recordId: matches[0].id });
    return { matchStatus: "one", matches };
  }
  if (matches.length > 1) return { matchStatus: "several", matches };
  const target = noMatchTarget(noMatch, caller);
  if (target) await host.screenPop(target);
  return { matchStatus: "none", matches };
}

async function popByLayout(host: CtiHost, caller: CallerNumber): Promise<PopOutcome> {
  let found: Record<string, SearchResultRecord>;
  try {
    found = await host.searchAndScreenPop({
      searchParams: caller.displayNumber,
      queryParams: "",
      callType: "inbound",
      defaultFieldValues: { Phone: caller.displayNumber },
      deferred: false
    });
  } catch (error) {
    return { matchStatus: "error", matches: [], error: describeError(error) };
  }
  const matches: RecordMatch[] = [];
  for (const [key, record] of Object.entries(found ?? {})) {
    const id = isSalesforceId(record?.Id) ? record.Id : key;
    if (!isSalesforceId(id)) continue;
    const name = typeof record?.Name === "string" && record.Name.length <= 255 ? record.Name : id;
    const objectType =
      typeof record?.RecordType === "string" &&
      /^[A-Za-z][A-Za-z0-9_]{0,79}$/.test(record.RecordType)
        ? record.RecordType
        : "Record";
    matches.push({ id, name, objectType });
  }
  const matchStatus: MatchStatus =
    matches.length === 0 ? "none" : matches.length === 1 ? "one" : "several";
  return { matchStatus, matches: matches.slice(0, 20) };
}
