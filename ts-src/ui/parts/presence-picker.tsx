/**
 * The agent's presence: the Ready switch, the admin's not-ready reasons (call center
 * `notReadyReasons`) and the time spent in the current presence.
 */
import type { SoftphoneState } from "../../core/model";
import { formatDuration } from "../format";
import { useNow } from "../use-now";
import { AgentToggle } from "./agent-toggle";

interface Props {
  state: SoftphoneState;
  onSetReady: (ready: boolean, reason?: string) => void;
}

export function PresencePicker({ state, onSetReady }: Props) {
  const reasons = state.callFlow?.notReadyReasons ?? [];
  const now = useNow(state.presenceSince !== undefined);
  const usable = state.phoneKind !== null && !state.needsSignIn && state.registration !== "failed";
  const label = state.notReady
    ? `Not ready${state.notReadyReason ? ` · ${state.notReadyReason}` : ""}`
    : state.agent === "ready"
      ? "Ready"
      : "Offline";
  return (
    <div class="sp-section" data-id="presence">
      <AgentToggle state={state} onSetReady={(ready) => onSetReady(ready)} />
      {reasons.length > 0 && (
        <div class="slds-form-element">
          <label class="slds-form-element__label" for="sp-not-ready-reason">
            Not ready reason
          </label>
          <div class="slds-select_container">
            <select
              id="sp-not-ready-reason"
              class="slds-select"
              data-id="not-ready-reason"
              disabled={!usable || state.agent === "busy"}
              value={state.notReady ? (state.notReadyReason ?? "") : ""}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (value === "") onSetReady(true);
                else onSetReady(false, value);
              }}
            >
              <option value="">Ready (no reason)</option>
              {reasons.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <p class="slds-text-body_small slds-text-color_weak" data-id="presence-status">
        {label}
        {state.presenceSince !== undefined &&
          ` · ${formatDuration((now - state.presenceSince) / 1000)}`}
      </p>
    </div>
  );
}
