/** Between calls: agent state, dial pad, recent calls and the directory. */
import { useState } from "preact/hooks";
import type { SoftphoneActions, SoftphoneState } from "../../core/model";
import { PresencePicker } from "../parts/presence-picker";
import { DirectorySearch } from "../parts/directory-search";
import { SupervisorActions } from "../parts/feature-codes";
import { PhoneIcon } from "../parts/icons";
import { Keypad } from "../parts/keypad";
import { PhoneStatus } from "../parts/phone-status";
import { RecentCalls } from "../parts/recent-calls";
import { SimulateIncoming, canSimulate } from "../parts/simulate-incoming";
import { useAutoFocus } from "../use-auto-focus";

interface Props {
  state: SoftphoneState;
  actions: SoftphoneActions;
  autoFocus: boolean;
}

type Tab = "recent" | "directory";

export function ReadyView({ state, actions, autoFocus }: Props) {
  const [number, setNumber] = useState("");
  const [keypadOpen, setKeypadOpen] = useState(false);
  const [tab, setTab] = useState<Tab>("recent");
  const inputRef = useAutoFocus<HTMLInputElement>(autoFocus);
  const canDial = state.phoneKind !== null && !state.needsSignIn;
  const dial = (event: Event) => {
    event.preventDefault();
    const target = number.trim();
    if (!target || !canDial) return;
    void actions.dial(target);
  };
  return (
    <section class="sp-view" data-id="ready-view" aria-label="Phone">
      <PresencePicker
        state={state}
        onSetReady={(ready, reason) => void actions.setReady(ready, reason)}
      />
      <PhoneStatus state={state} />
      <form class="sp-section" onSubmit={dial}>
        <label class="slds-form-element__label" for="sp-dial-input">
          Number to call
        </label>
        <div class="sp-row">
          <input
            ref={inputRef}
            id="sp-dial-input"
            class="slds-input"
            type="tel"
            data-id="dial-input"
            autocomplete="off"
            maxLength={40}
            value={number}
            onInput={(e) => setNumber(e.currentTarget.value)}
          />
          <button
            type="button"
            class="slds-button slds-button_neutral"
            data-id="keypad"
            aria-expanded={keypadOpen}
            aria-controls="sp-dial-keypad"
            onClick={() => setKeypadOpen(!keypadOpen)}
          >
            Keypad
          </button>
          <button
            type="submit"
            class="slds-button slds-button_success"
            data-id="dial"
            disabled={!number.trim() || !canDial}
          >
            <PhoneIcon class="slds-button__icon_left" />
            Call
          </button>
        </div>
      </form>
      {keypadOpen && (
        <div id="sp-dial-keypad">
          <Keypad label="Dial pad" onKey={(key) => setNumber((n) => n + key)} />
        </div>
      )}
      <div class="slds-button-group sp-section" role="group" aria-label="Show">
        <button
          type="button"
          class={`slds-button ${tab === "recent" ? "slds-button_brand" : "slds-button_neutral"}`}
          data-id="tab-recent"
          aria-pressed={tab === "recent"}
          onClick={() => setTab("recent")}
        >
          Recent
        </button>
        <button
          type="button"
          class={`slds-button ${tab === "directory" ? "slds-button_brand" : "slds-button_neutral"}`}
          data-id="tab-directory"
          aria-pressed={tab === "directory"}
          onClick={() => setTab("directory")}
        >
          Directory
        </button>
      </div>
      {tab === "recent" ? (
        <RecentCalls
          calls={state.recentCalls}
          disabled={!canDial}
          onRedial={(call) => void actions.dial(call.number, call.recordId)}
        />
      ) : (
        <DirectorySearch
          directory={state.directory}
          onSearch={(query) => void actions.searchDirectory(query)}
          actionLabel="Call"
          idPrefix="directory-call"
          disabled={!canDial}
          onPick={(entry) => void actions.dial(entry.number)}
          extra={(entry, index) => (
            <SupervisorActions
              codes={state.callFeatures?.supervisorCodes ?? []}
              entry={entry}
              index={index}
              disabled={!canDial}
              run={(intent) => void actions.callFeature(intent)}
            />
          )}
        />
      )}
      {canSimulate(state) && (
        <SimulateIncoming onSimulate={(n) => void actions.simulateIncomingCall(n)} />
      )}
    </section>
  );
}
