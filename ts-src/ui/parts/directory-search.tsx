/** Searches the call center directory (actions.searchDirectory) and offers one action per entry. */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { DirectoryEntry, SoftphoneState } from "../../core/model";
import { ExtText } from "./ext-text";

interface Props {
  directory: SoftphoneState["directory"];
  onSearch: (query: string) => void;
  /** "Call" or "Transfer": the button on each entry. */
  actionLabel: string;
  onPick: (entry: DirectoryEntry) => void;
  /** Prefix of the entries' data-id: `directory-call-0`, `directory-transfer-0`. */
  idPrefix: string;
  disabled?: boolean;
  /** More actions on an entry (supervisor codes). */
  extra?: (entry: DirectoryEntry, index: number) => ComponentChildren;
}

export function DirectorySearch({
  directory,
  onSearch,
  actionLabel,
  onPick,
  idPrefix,
  disabled = false,
  extra
}: Props) {
  const [query, setQuery] = useState(directory.query);
  const inputId = `${idPrefix}-query`;
  const submit = (event: Event) => {
    event.preventDefault();
    const term = query.trim();
    if (term) onSearch(term);
  };
  return (
    <div class="sp-directory">
      <form class="sp-row" onSubmit={submit} role="search">
        <label class="slds-assistive-text" for={inputId}>
          Search the directory
        </label>
        <input
          id={inputId}
          class="slds-input"
          type="search"
          data-id="directory-input"
          placeholder="Search people and numbers"
          value={query}
          maxLength={80}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <button
          type="submit"
          class="slds-button slds-button_neutral"
          data-id="directory-search"
          disabled={!query.trim() || directory.status === "loading"}
        >
          Search
        </button>
      </form>
      {directory.status === "loading" && (
        <p class="slds-text-body_small slds-m-top_xx-small" role="status">
          Searching…
        </p>
      )}
      {directory.status === "error" && (
        <p class="slds-text-color_error slds-text-body_small slds-m-top_xx-small" role="alert">
          The directory search failed. Try again.
        </p>
      )}
      {directory.status === "idle" && directory.query && directory.entries.length === 0 && (
        <p class="slds-text-body_small slds-m-top_xx-small">
          No one found for <ExtText text={directory.query} />.
        </p>
      )}
      {directory.entries.length > 0 && (
        <ul class="slds-has-dividers_bottom-space sp-list" aria-label="Directory results">
          {directory.entries.map((entry, index) => (
            <li class="slds-item sp-list__item" key={`${entry.number}-${index}`}>
              <div class="sp-list__text">
                <ExtText text={entry.name} truncate class="sp-strong" />
                <span class="slds-text-body_small slds-text-color_weak sp-block">
                  <ExtText text={entry.number} />
                  {entry.kind === "user" ? " · User" : " · Directory"}
                  {entry.description ? (
                    <>
                      {" · "}
                      <ExtText text={entry.description} />
                    </>
                  ) : null}
                </span>
              </div>
              <button
                type="button"
                class="slds-button slds-button_neutral sp-list__action"
                data-id={`${idPrefix}-${index}`}
                aria-label={`${actionLabel} ${entry.name}`}
                disabled={disabled}
                onClick={() => onPick(entry)}
              >
                {actionLabel}
              </button>
              {extra?.(entry, index)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
