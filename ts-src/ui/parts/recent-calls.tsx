/** The agent's recent calls, newest first, each with a redial button. */
import type { RecentCall } from "../../core/model";
import { formatClock, formatDuration, recentLabel } from "../format";
import { ExtText } from "./ext-text";

interface Props {
  calls: RecentCall[];
  onRedial: (call: RecentCall) => void;
  disabled?: boolean;
}

const SHOWN = 20;

export function RecentCalls({ calls, onRedial, disabled = false }: Props) {
  if (calls.length === 0) {
    return <p class="slds-text-body_small slds-text-color_weak sp-section">No recent calls.</p>;
  }
  return (
    <ul class="slds-has-dividers_bottom-space sp-list" aria-label="Recent calls">
      {calls.slice(0, SHOWN).map((call) => {
        const label = recentLabel(call);
        const kind = call.missed ? "Missed" : call.direction === "inbound" ? "Inbound" : "Outbound";
        return (
          <li class="slds-item sp-list__item" key={call.id} data-id={`recent-${call.id}`}>
            <div class="sp-list__text">
              <ExtText
                text={label}
                truncate
                class={call.missed ? "sp-strong slds-text-color_error" : "sp-strong"}
              />
              <span class="slds-text-body_small slds-text-color_weak sp-block">
                {kind} · {formatClock(call.at)}
                {call.missed ? "" : ` · ${formatDuration(call.durationSeconds)}`}
                {call.name ? (
                  <>
                    {" · "}
                    <ExtText text={call.displayNumber || call.number} />
                  </>
                ) : null}
              </span>
            </div>
            <button
              type="button"
              class="slds-button slds-button_neutral sp-list__action"
              data-id={`redial-${call.id}`}
              aria-label={`Call ${label} again`}
              disabled={disabled || !call.number}
              onClick={() => onRedial(call)}
            >
              Call
            </button>
          </li>
        );
      })}
    </ul>
  );
}
