/** After-call work: disposition, notes and related record, then Save writes the call log. */
import { useState } from "preact/hooks";
import {
  DISPOSITIONS,
  type CallView,
  type SoftphoneActions,
  type SoftphoneState
} from "../../core/model";
import { ExtText } from "../parts/ext-text";
import { MatchChooser } from "../parts/match-chooser";
import { NotesField } from "../parts/notes-field";
import { RelatedTo } from "../parts/related-to";
import { WrapUpCountdown } from "../parts/wrap-up-countdown";
import { formatDuration, partyName } from "../format";
import { useAutoFocus } from "../use-auto-focus";

interface Props {
  state: SoftphoneState;
  call: CallView;
  actions: SoftphoneActions;
  autoFocus: boolean;
}

export function WrapUpView({ state, call, actions, autoFocus }: Props) {
  const [saving, setSaving] = useState(false);
  const selectRef = useAutoFocus<HTMLSelectElement>(autoFocus);
  const name = partyName(call);
  const dispositions: readonly string[] = state.callFlow?.dispositions ?? DISPOSITIONS;
  const required = state.callFlow?.dispositionRequired === true;
  const seconds =
    call.connectedAt !== undefined && call.endedAt !== undefined
      ? (call.endedAt - call.connectedAt) / 1000
      : 0;
  const save = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      await actions.saveWrapUp();
    } finally {
      setSaving(false);
    }
  };
  return (
    <section class="sp-view" data-id="wrap-up-view" aria-labelledby="sp-wrap-up-title">
      <h2 id="sp-wrap-up-title" class="slds-text-title_caps">
        After-call work
      </h2>
      <div class="sp-party">
        <ExtText
          text={name || call.displayNumber || call.number || "Unknown number"}
          truncate
          class="slds-text-heading_small sp-block"
        />
        <p class="slds-text-body_small slds-text-color_weak">
          {call.direction === "inbound" ? "Inbound" : "Outbound"}
          {call.connectedAt !== undefined ? ` · ${formatDuration(seconds)}` : " · not connected"}
          {name ? (
            <>
              {" · "}
              <ExtText text={call.displayNumber || call.number} />
            </>
          ) : null}
        </p>
        {call.wrapUpDeadline !== undefined && (
          <div class="sp-row">
            <WrapUpCountdown deadline={call.wrapUpDeadline} />
            <button
              type="button"
              class="slds-button slds-button_neutral"
              data-id="extend-wrap-up"
              onClick={() => void actions.extendWrapUp()}
            >
              More time (+30 s)
            </button>
          </div>
        )}
      </div>
      <form onSubmit={save}>
        <div class="slds-form-element sp-section">
          <label class="slds-form-element__label" for="sp-disposition">
            {required && (
              <abbr class="slds-required" title="required">
                *{" "}
              </abbr>
            )}
            Disposition
          </label>
          <div class="slds-form-element__control">
            <div class="slds-select_container">
              <select
                ref={selectRef}
                id="sp-disposition"
                class="slds-select"
                data-id="disposition"
                required={required}
                value={call.disposition ?? ""}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  if (dispositions.includes(value)) actions.setDisposition(value);
                }}
              >
                <option value="" disabled>
                  Choose a disposition…
                </option>
                {dispositions.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </div>
        <NotesField callId={call.id} notes={call.notes} onChange={(n) => actions.setNotes(n)} />
        {call.matches.length > 1 && (
          <MatchChooser
            matches={call.matches}
            selected={call.relatedTo}
            onChoose={(m) =>
              actions.setRelatedTo({ id: m.id, name: m.name, objectType: m.objectType })
            }
          />
        )}
        <RelatedTo
          relatedTo={call.relatedTo}
          page={state.page}
          onChange={(r) => actions.setRelatedTo(r)}
        />
        <button
          type="submit"
          class="slds-button slds-button_brand slds-button_stretch sp-section"
          data-id="save-log"
          disabled={saving || (required && !call.disposition)}
        >
          {saving ? "Saving…" : "Save call log"}
        </button>
      </form>
    </section>
  );
}
