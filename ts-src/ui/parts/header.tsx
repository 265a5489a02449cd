/** Title bar: agent state at a glance and the diagnostics switch, present in every view. */
import type { SoftphoneState } from "../../core/model";
import { HeadsetIcon, InfoIcon } from "./icons";

interface Props {
  state: SoftphoneState;
  diagnosticsOpen: boolean;
  onToggleDiagnostics: () => void;
  /** The audio devices menu (absent: no button). */
  devicesOpen?: boolean;
  onToggleDevices?: () => void;
}

export function agentLabel(state: SoftphoneState): string {
  if (state.agent === "ready") return "Ready";
  if (state.agent === "busy") return "Busy";
  if (state.needsSignIn) return "Signed out";
  if (state.notReady && state.phoneKind) return "Not ready";
  return state.phoneKind && state.registration === "registered" ? "Not ready" : "Offline";
}

export function Header({
  state,
  diagnosticsOpen,
  onToggleDiagnostics,
  devicesOpen,
  onToggleDevices
}: Props) {
  const label = agentLabel(state);
  const badge =
    state.agent === "ready"
      ? "slds-theme_success"
      : state.agent === "busy"
        ? "slds-theme_warning"
        : "";
  return (
    <header class="sp-header slds-theme_shade">
      <h1 class="slds-text-heading_small sp-grow">Softphone</h1>
      <span class={`slds-badge ${badge}`} data-id="agent-state">
        {label}
      </span>
      {onToggleDevices && (
        <button
          type="button"
          class="slds-button slds-button_icon slds-button_icon-border-filled"
          data-id="devices"
          aria-pressed={devicesOpen === true}
          title={devicesOpen ? "Close audio devices" : "Audio devices"}
          onClick={onToggleDevices}
        >
          <HeadsetIcon />
          <span class="slds-assistive-text">
            {devicesOpen ? "Close audio devices" : "Audio devices"}
          </span>
        </button>
      )}
      <button
        type="button"
        class="slds-button slds-button_icon slds-button_icon-border-filled"
        data-id="diagnostics"
        aria-pressed={diagnosticsOpen}
        title={diagnosticsOpen ? "Close diagnostics" : "Diagnostics"}
        onClick={onToggleDiagnostics}
      >
        <InfoIcon />
        <span class="slds-assistive-text">
          {diagnosticsOpen ? "Close diagnostics" : "Diagnostics"}
        </span>
      </button>
    </header>
  );
}
