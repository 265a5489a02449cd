/**
 * Ready / Not ready switch. A real button with role="switch" (not SLDS's visually hidden
 * checkbox) so it is keyboard operable, clickable by browser tests, and its state is aria-checked.
 */
import type { SoftphoneState } from "../../core/model";

interface Props {
  state: SoftphoneState;
  onSetReady: (ready: boolean) => void;
}

export function AgentToggle({ state, onSetReady }: Props) {
  const ready = state.agent === "ready";
  const usable = state.phoneKind !== null && !state.needsSignIn && state.registration !== "failed";
  return (
    <div class="sp-row">
      <button
        type="button"
        role="switch"
        class="slds-button sp-switch"
        data-id="ready-toggle"
        aria-checked={ready}
        disabled={!usable || state.agent === "busy"}
        onClick={() => onSetReady(!ready)}
      >
        <span class={`sp-switch__track ${ready ? "sp-switch__track_on" : ""}`} aria-hidden="true">
          <span class="sp-switch__thumb" />
        </span>
        <span class="slds-m-left_x-small">Ready for calls</span>
      </button>
    </div>
  );
}
