/**
 * The utility bar item (Lightning) follows the state: its label and icon are a pure function
 * of the current call, and the container is called only when one of them changes.
 */
import type { CtiHost } from "../host/cti-host";
import { partyName } from "./calls/call-view";
import type { SoftphoneState } from "./model";
import type { StateCell } from "./store";

export interface UtilityItem {
  label: string;
  icon: string;
}

export const IDLE_ITEM: UtilityItem = { label: "Phone", icon: "call" };
/** Longer labels are cut: the utility bar shows a few words. */
export const MAX_LABEL = 80;

export function itemFor(state: SoftphoneState): UtilityItem {
  const call = state.call;
  if (!call) return IDLE_ITEM;
  const party = partyName(call);
  const item = (label: string, icon: string): UtilityItem => ({
    label: label.slice(0, MAX_LABEL),
    icon
  });
  switch (call.state) {
    case "ringing":
      return item(`Incoming: ${party}`, "incoming_call");
    case "dialing":
      return item(`Calling: ${party}`, "outbound_call");
    case "connected":
      return item(`On call: ${party}`, "call");
    case "held":
      return item(`On hold: ${party}`, "paused_call");
    case "wrapup":
      return item("After-call work", "log_a_call");
    case "ended":
      return IDLE_ITEM;
  }
}

/**
 * Sets the item whenever `itemFor` changes; failures are reported. The item starts as the
 * call center's own (IDLE_ITEM), so nothing is sent until a call arrives.
 */
export function followUtilityItem(
  cell: StateCell,
  host: CtiHost,
  onError: (what: string, error: unknown) => void
): () => void {
  let shown = IDLE_ITEM;
  return cell.subscribe((state) => {
    const wanted = itemFor(state);
    const was = shown;
    shown = wanted;
    if (wanted.label !== was.label)
      host.setItemLabel(wanted.label).catch((error: unknown) => onError("setItemLabel", error));
    if (wanted.icon !== was.icon)
      host.setItemIcon(wanted.icon).catch((error: unknown) => onError("setItemIcon", error));
  });
}
