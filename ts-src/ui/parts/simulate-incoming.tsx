/** Demo phone only: places a simulated inbound call from the typed number. */
import { useState } from "preact/hooks";
import type { SoftphoneState } from "../../core/model";

/** The demo phone's "Simulate incoming call"; a store may also say the phone cannot. */
export function canSimulate(state: SoftphoneState): boolean {
  return state.phoneKind === "demo" && state.canSimulateIncoming !== false;
}

interface Props {
  onSimulate: (number: string) => void;
}

const SAMPLE_NUMBER = "+14155550123";

export function SimulateIncoming({ onSimulate }: Props) {
  const [number, setNumber] = useState(SAMPLE_NUMBER);
  const submit = (event: Event) => {
    event.preventDefault();
    const value = number.trim();
    if (value) onSimulate(value);
  };
  return (
    <form class="sp-section sp-demo" onSubmit={submit} aria-label="Demo phone">
      <label class="slds-form-element__label" for="sp-simulate-number">
        Demo: simulate an incoming call from
      </label>
      <div class="sp-row">
        <input
          id="sp-simulate-number"
          class="slds-input"
          type="tel"
          data-id="simulate-number"
          value={number}
          maxLength={40}
          onInput={(e) => setNumber(e.currentTarget.value)}
        />
        <button
          type="submit"
          class="slds-button slds-button_neutral"
          data-id="simulate-incoming"
          aria-label="Simulate incoming call"
          disabled={!number.trim()}
        >
          Simulate
        </button>
      </div>
    </form>
  );
}
