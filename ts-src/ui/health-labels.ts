/** Words for the ringer's outcome and a call's quality, shared by diagnostics and the copy-report. */
import { describeQuality } from "../core/after-call/call-log";
import type { SoftphoneState } from "../core/model";

/** How the ringer announced the last incoming call, in words. */
export function ringerLabel(state: SoftphoneState): string {
  const ringer = state.ringer;
  if (!ringer) return "No incoming call yet";
  const mode =
    ringer.outcome === "audio"
      ? "Audio (ring sound)"
      : ringer.outcome === "notification"
        ? "Browser notification (the ring sound could not play)"
        : "Silent: neither sound nor a notification was possible";
  return ringer.detail ? `${mode}. ${ringer.detail}` : mode;
}

/** The call's quality (a live call's, else the last measured call's). */
export function qualityLabel(state: SoftphoneState): string | null {
  const quality = state.call?.quality ?? state.lastCallQuality;
  return quality ? describeQuality(quality).replace(/^Call quality: /, "") : null;
}
