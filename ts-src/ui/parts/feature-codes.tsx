/**
 * Call-flow buttons during a call: consult (a number or a directory entry), the call center's
 * PBX feature codes, and voicemail drop messages; and the supervisor codes on a directory
 * entry. What is offered comes from state.callFeatures.
 */
import { useState } from "preact/hooks";
import type { CallFeatureIntent, DirectoryEntry, SoftphoneState } from "../../core/model";
import { DirectorySearch } from "./directory-search";
import { ExtText } from "./ext-text";

interface BarProps {
  state: SoftphoneState;
  connected: boolean;
  run: (intent: CallFeatureIntent) => void;
  onSearch: (query: string) => void;
}

export function CallFeaturesBar({ state, connected, run, onSearch }: BarProps) {
  const [consultOpen, setConsultOpen] = useState(false);
  const [target, setTarget] = useState("");
  const offer = state.callFeatures;
  const dropping = state.voicemailDrop;
  const canConsult = (offer?.consult ?? false) && !state.secondLeg && !dropping;
  const consult = (number: string, name?: string) => {
    setConsultOpen(false);
    run(name ? { type: "consult", target: number, name } : { type: "consult", target: number });
  };
  const submit = (event: Event) => {
    event.preventDefault();
    if (target.trim()) consult(target.trim());
  };
  return (
    <div class="sp-section" data-id="call-features">
      {dropping && (
        <p class="slds-text-body_small" role="status" data-id="voicemail-playing">
          Playing “<ExtText text={dropping.message} />
          ”… the call ends when it finishes.
        </p>
      )}
      <div class="sp-row sp-row_wrap" role="group" aria-label="Call features">
        {canConsult && (
          <button
            type="button"
            class="slds-button slds-button_neutral"
            data-id="consult-open"
            aria-expanded={consultOpen}
            onClick={() => setConsultOpen(!consultOpen)}
          >
            Consult
          </button>
        )}
        {offer?.featureCodes.map(({ name, sends }, index) => (
          <button
            type="button"
            class="slds-button slds-button_neutral"
            data-id={`feature-code-${index}`}
            key={`code-${name}`}
            title={`Sends ${sends}`}
            disabled={!connected || !!dropping}
            onClick={() => run({ type: "featureCode", name })}
          >
            <ExtText text={name} />
          </button>
        ))}
        {!state.secondLeg &&
          offer?.voicemailMessages.map((name, index) => (
            <button
              type="button"
              class="slds-button slds-button_outline-brand"
              data-id={`voicemail-drop-${index}`}
              key={`vm-${name}`}
              title="Plays the recorded message, then hangs up"
              disabled={!connected || !!dropping}
              onClick={() => run({ type: "dropVoicemail", message: name })}
            >
              Drop voicemail: <ExtText text={name} />
            </button>
          ))}
      </div>
      {consultOpen && canConsult && (
        <div class="sp-section sp-panel" id="sp-consult-panel">
          <form onSubmit={submit}>
            <label class="slds-form-element__label" for="sp-consult-input">
              Consult (the caller waits on hold)
            </label>
            <div class="sp-row">
              <input
                id="sp-consult-input"
                class="slds-input"
                type="tel"
                data-id="consult-input"
                autocomplete="off"
                maxLength={40}
                value={target}
                onInput={(e) => setTarget(e.currentTarget.value)}
              />
              <button
                type="submit"
                class="slds-button slds-button_brand"
                data-id="consult-call"
                disabled={!target.trim()}
              >
                Call
              </button>
            </div>
          </form>
          <DirectorySearch
            directory={state.directory}
            onSearch={onSearch}
            actionLabel="Consult"
            idPrefix="directory-consult"
            onPick={(entry) => consult(entry.number, entry.name)}
          />
        </div>
      )}
    </div>
  );
}

interface SupervisorProps {
  codes: readonly string[];
  entry: DirectoryEntry;
  index: number;
  disabled: boolean;
  run: (intent: CallFeatureIntent) => void;
}

/** Supervisor codes (Listen, Whisper, Barge) for one directory entry. */
export function SupervisorActions({ codes, entry, index, disabled, run }: SupervisorProps) {
  if (codes.length === 0) return null;
  return (
    <span class="sp-row sp-row_wrap" role="group" aria-label={`Supervise ${entry.name}`}>
      {codes.map((name, k) => (
        <button
          type="button"
          class="slds-button slds-button_neutral sp-list__action"
          data-id={`supervisor-${index}-${k}`}
          key={name}
          aria-label={`${name} ${entry.name}`}
          disabled={disabled}
          onClick={() =>
            run({ type: "supervisor", name, number: entry.number, entryName: entry.name })
          }
        >
          <ExtText text={name} />
        </button>
      ))}
    </span>
  );
}
