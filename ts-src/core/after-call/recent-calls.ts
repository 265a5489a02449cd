/** The agent's recent calls: made from finished calls, kept in storage across reloads. */
import type { CallView, RecentCall } from "../model";
import { isRecord } from "../ids";
import { readJson, type KeyValueStorage } from "../storage";

export const MAX_RECENT_CALLS = 20;
export const RECENT_KEY = "softphone.recent";

export function recentFromCall(call: CallView, endedAt: number, missed: boolean): RecentCall {
  const recent: RecentCall = {
    id: call.id,
    direction: call.direction,
    number: call.number,
    displayNumber: call.displayNumber,
    at: call.startedAt,
    durationSeconds:
      call.connectedAt === undefined
        ? 0
        : Math.max(0, Math.round((endedAt - call.connectedAt) / 1000)),
    missed
  };
  const name = call.caller?.name ?? call.callerName;
  if (name !== undefined) recent.name = name;
  const recordId = call.caller?.id ?? call.relatedTo?.id;
  if (recordId !== undefined) recent.recordId = recordId;
  return recent;
}

function short(value: unknown, max: number): value is string {
  return typeof value === "string" && value.length <= max;
}

/** The stored recent calls; those that started before `notBefore` (retention) are left out. */
export function loadRecentCalls(storage: KeyValueStorage, notBefore = -Infinity): RecentCall[] {
  const value = readJson(storage, RECENT_KEY);
  if (!Array.isArray(value)) return [];
  const out: RecentCall[] = [];
  for (const item of value.slice(0, MAX_RECENT_CALLS)) {
    if (!isRecord(item)) continue;
    const { id, direction, number, displayNumber, at, durationSeconds, missed, name, recordId } =
      item;
    if (!short(id, 200) || !short(number, 64) || !short(displayNumber, 64)) continue;
    if (direction !== "inbound" && direction !== "outbound") continue;
    if (
      typeof at !== "number" ||
      at < notBefore ||
      typeof durationSeconds !== "number" ||
      typeof missed !== "boolean"
    )
      continue;
    const recent: RecentCall = {
      id,
      direction,
      number,
      displayNumber,
      at,
      durationSeconds,
      missed
    };
    if (short(name, 255)) recent.name = name;
    if (short(recordId, 18)) recent.recordId = recordId;
    out.push(recent);
  }
  return out;
}

export function saveRecentCalls(storage: KeyValueStorage, calls: RecentCall[]): void {
  try {
    storage.setItem(RECENT_KEY, JSON.stringify(calls.slice(0, MAX_RECENT_CALLS)));
  } catch {
    // Storage full or blocked: recent calls are a convenience, the call log is in the outbox.
  }
}
