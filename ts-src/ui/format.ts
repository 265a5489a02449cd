/** Display helpers shared by the views: durations, clock times and labels for external text. */
import type { CallView, RecentCall, RecordMatch } from "../core/model";

/** The record the lookup settled on: the only match, or the one the agent chose among several. */
export function chosenMatch(call: CallView): RecordMatch | undefined {
  if (call.matchStatus !== "one") return undefined;
  return call.matches.find((m) => m.id === call.relatedTo?.id) ?? call.matches[0];
}

/** `m:ss`, or `h:mm:ss` from one hour on; negative input counts as zero. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, "0");
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}`
    : `${minutes}:${seconds}`;
}

/** 24-hour `HH:MM:SS` in the agent's time zone: unambiguous in a narrow panel. */
export function formatClock(at: number): string {
  const d = new Date(at);
  return [d.getHours(), d.getMinutes(), d.getSeconds()]
    .map((n) => String(n).padStart(2, "0"))
    .join(":");
}

/** The best name for the other party: caller ID name, known caller, one match, related record. */
export function partyName(call: CallView): string | undefined {
  if (call.callerName) return call.callerName;
  if (call.caller?.name) return call.caller.name;
  const match = chosenMatch(call);
  if (match) return match.name;
  return call.relatedTo?.name;
}

/** Who the agent is talking to, in a sentence for the live region. */
export function partyLabel(call: CallView): string {
  const name = partyName(call);
  const number = call.displayNumber || call.number;
  if (name && number) return `${name}, ${number}`;
  return name || number || "an unknown number";
}

export function recentLabel(recent: RecentCall): string {
  return recent.name || recent.displayNumber || recent.number;
}
