/**
 * Why the phone is not usable yet, in one line above the dial pad, so the panel is never
 * silently inert (the details are in diagnostics).
 */
import type { SoftphoneState } from "../../core/model";

export function phoneStatus(state: SoftphoneState): { text: string; error: boolean } | null {
  if (state.host === "none") {
    return {
      text: "Not running inside Salesforce: calls cannot be logged. See diagnostics.",
      error: true
    };
  }
  if (!state.settingsLoaded) return { text: "Loading call center settings…", error: false };
  if (state.phoneKind === null) return { text: "Starting the phone…", error: false };
  if (state.registration === "failed") {
    return {
      text: "Not connected to the phone system. See diagnostics for the reason.",
      error: true
    };
  }
  if (state.registration === "registering")
    return { text: "Connecting to the phone system…", error: false };
  if (state.registration === "unregistered")
    return { text: "The phone is not connected.", error: true };
  return null;
}

export function PhoneStatus({ state }: { state: SoftphoneState }) {
  const status = phoneStatus(state);
  if (!status) return null;
  return (
    <p
      class={`slds-text-body_small sp-section ${status.error ? "slds-text-color_error" : "slds-text-color_weak"}`}
      role="status"
      data-id="phone-status"
    >
      {status.text}
    </p>
  );
}
