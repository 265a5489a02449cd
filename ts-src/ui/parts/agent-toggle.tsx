/** Ready / Not ready switch (SLDS checkbox toggle); unavailable until the phone is usable. */
import type { SoftphoneState } from "../../core/model";

interface Props {
  state: SoftphoneState;
  onSetReady: (ready: boolean) => void;
}

export function AgentToggle({ state, onSetReady }: Props) {
  const ready = state.agent === "ready";
  const usable = state.phoneKind !== null && !state.needsSignIn && state.registration !== "failed";
  return (
    <div class="slds-form-element">
      <label class="slds-checkbox_toggle slds-grid sp-toggle">
        <span class="slds-form-element__label slds-m-bottom_none">Available for calls</span>
        <input
          type="checkbox"
          name="ready"
          data-id="ready-toggle"
          checked={ready}
          disabled={!usable || state.agent === "busy"}
          aria-describedby="sp-agent-state"
          onChange={(e) => {
            // The store owns the agent state: show the old value until it reports the new one.
            e.currentTarget.checked = ready;
            onSetReady(!ready);
          }}
        />
        <span class="slds-checkbox_faux_container" aria-live="off">
          <span class="slds-checkbox_faux" />
          <span class="slds-checkbox_on">Ready</span>
          <span class="slds-checkbox_off">Not ready</span>
        </span>
      </label>
      <span id="sp-agent-state" class="slds-assistive-text">
        {ready ? "You are ready to take calls." : "You will not be offered calls."}
      </span>
    </div>
  );
}
