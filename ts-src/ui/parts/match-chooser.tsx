/** Lets the agent pick one of several records that share the caller's number. */
import type { RecordMatch, RelatedRecord } from "../../core/model";
import { ExtText } from "./ext-text";

interface Props {
  matches: RecordMatch[];
  selected?: RelatedRecord;
  onChoose: (match: RecordMatch) => void;
}

export function MatchChooser({ matches, selected, onChoose }: Props) {
  return (
    <div class="sp-section" role="group" aria-labelledby="sp-matches-label" data-id="match-chooser">
      <p id="sp-matches-label" class="slds-form-element__label">
        {matches.length} records match this number. Choose one:
      </p>
      <ul class="slds-has-dividers_bottom-space sp-list">
        {matches.map((match) => {
          const chosen = selected?.id === match.id;
          return (
            <li class="slds-item sp-list__item" key={match.id}>
              <div class="sp-list__text">
                <ExtText text={match.name} truncate class="sp-strong" />
                <span class="slds-text-body_small slds-text-color_weak sp-block">
                  <ExtText text={match.objectType} />
                  {match.accountName ? (
                    <>
                      {" · "}
                      <ExtText text={match.accountName} />
                    </>
                  ) : null}
                </span>
              </div>
              <button
                type="button"
                class={`slds-button sp-list__action ${chosen ? "slds-button_brand" : "slds-button_neutral"}`}
                data-id={`match-${match.id}`}
                aria-pressed={chosen}
                aria-label={`Choose ${match.name}, ${match.objectType}`}
                onClick={() => onChoose(match)}
              >
                {chosen ? "Chosen" : "Choose"}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
