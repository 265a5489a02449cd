/**
 * What the ARIA live regions say when the state changes. `urgent` messages (a call ringing)
 * go to the assertive region; the rest are polite.
 */
import type { CallView, SoftphoneState } from "../core/model";
import { partyLabel } from "./format";

export interface Announcement {
  text: string;
  urgent: boolean;
}

type Watched = Pick<SoftphoneState, "call" | "waitingCall" | "needsSignIn">;

function callChange(prev: CallView | null, next: CallView | null): Announcement | null {
  if (!next) {
    if (!prev) return null;
    return {
      text: prev.state === "wrapup" ? "Call logged. Ready for the next call." : "Call ended.",
      urgent: false
    };
  }
  const who = partyLabel(next);
  const isNew = !prev || prev.id !== next.id;
  if (isNew || prev.state !== next.state) {
    switch (next.state) {
      case "ringing":
        return { text: `Incoming call from ${who}.`, urgent: true };
      case "dialing":
        return { text: `Calling ${who}.`, urgent: false };
      case "connected":
        return {
          text: !isNew && prev.state === "held" ? "Call resumed." : `Connected to ${who}.`,
          urgent: false
        };
      case "held":
        return { text: "Call on hold.", urgent: false };
      case "wrapup":
        return {
          text: "Call ended. After-call work: choose a disposition and save.",
          urgent: false
        };
      case "ended":
        return { text: "Call ended.", urgent: false };
    }
  }
  if (!prev.connection !== !next.connection) {
    return {
      text: next.connection
        ? "Connection lost. Reconnecting; the call is kept for now."
        : "Reconnected. The call continues.",
      urgent: false
    };
  }
  if (prev.muted !== next.muted) {
    return { text: next.muted ? "Microphone muted." : "Microphone on.", urgent: false };
  }
  return null;
}

/** The announcements for one state change, in the order they should be read. */
export function announce(prev: Watched | null, next: Watched): Announcement[] {
  const out: Announcement[] = [];
  const call = callChange(prev?.call ?? null, next.call);
  if (call) out.push(call);
  const waiting = next.waitingCall;
  if (waiting && waiting.id !== prev?.waitingCall?.id) {
    out.push({ text: `Call waiting from ${partyLabel(waiting)}.`, urgent: true });
  }
  if (next.needsSignIn && !prev?.needsSignIn) {
    out.push({ text: "Sign in to your phone account to take calls.", urgent: false });
  }
  return out;
}
