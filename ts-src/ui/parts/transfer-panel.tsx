/** Blind transfer to a typed number or to a directory entry. */
import { useState } from "preact/hooks";
import type { SoftphoneState } from "../../core/model";
import { DirectorySearch } from "./directory-search";

interface Props {
  directory: SoftphoneState["directory"];
  onSearch: (query: string) => void;
  onTransfer: (target: string) => void;
}

export function TransferPanel({ directory, onSearch, onTransfer }: Props) {
  const [target, setTarget] = useState("");
  const submit = (event: Event) => {
    event.preventDefault();
    const value = target.trim();
    if (value) onTransfer(value);
  };
  return (
    <div class="sp-section sp-panel" id="sp-transfer-panel">
      <form onSubmit={submit}>
        <label class="slds-form-element__label" for="sp-transfer-input">
          Transfer to number
        </label>
        <div class="sp-row">
          <input
            id="sp-transfer-input"
            class="slds-input"
            type="tel"
            data-id="transfer-input"
            autocomplete="off"
            maxLength={40}
            value={target}
            onInput={(e) => setTarget(e.currentTarget.value)}
          />
          <button
            type="submit"
            class="slds-button slds-button_brand"
            data-id="transfer"
            disabled={!target.trim()}
          >
            Transfer
          </button>
        </div>
      </form>
      <p class="slds-form-element__label slds-m-top_x-small">
        Or transfer to someone in the directory
      </p>
      <DirectorySearch
        directory={directory}
        onSearch={onSearch}
        actionLabel="Transfer"
        idPrefix="directory-transfer"
        onPick={(entry) => onTransfer(entry.number)}
      />
    </div>
  );
}
