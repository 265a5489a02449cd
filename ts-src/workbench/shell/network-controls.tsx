/**
 * Workbench controls for the demo phone's network: drop and restore the connection (the call
 * shows "Reconnecting… (n s)" and survives, or ends when the grace period runs out) and dip or
 * restore the call quality. Sent over the Softphone__c channel like "Simulate incoming call".
 */
import { useShellState, useStore } from "./context";
import { CHANNEL } from "./call-panel";

const BUTTONS: Array<[string, string, string]> = [
  ["connectionLoss", "Drop connection", "wb-net-drop"],
  ["reconnect", "Restore connection", "wb-net-restore"],
  ["qualityDip", "Quality dip (6 % loss)", "wb-net-dip"],
  ["qualityGood", "Quality good", "wb-net-good"]
];

export function NetworkControls() {
  const store = useStore();
  const { view } = useShellState();
  if (view === "classic")
    return (
      <p class="slds-text-body_small" data-id="wb-net-classic">
        Salesforce Classic has no message channel: network trouble can be simulated in Lightning.
      </p>
    );
  return (
    <div class="slds-button-group-row slds-wrap" role="group" aria-label="Simulate network">
      {BUTTONS.map(([what, label, id]) => (
        <div class="slds-button-group-item slds-m-bottom_xx-small" key={what}>
          <button
            type="button"
            class="slds-button slds-button_neutral"
            data-id={id}
            onClick={() => {
              store.backend.publish(CHANNEL, {
                source: "workbench",
                type: "simulateNetwork",
                payload: { what }
              });
              store.log(`simulated network: ${what}`);
            }}
          >
            {label}
          </button>
        </div>
      ))}
    </div>
  );
}
