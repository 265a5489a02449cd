/**
 * "Copy details for support": shows the diagnostics report as selectable text and tries the
 * clipboard too — Salesforce's iframe may not grant clipboard access, and then the agent copies
 * the selected text by hand.
 */
import { useState } from "preact/hooks";
import type { SoftphoneState } from "../../core/model";
import { diagnosticsReport } from "../diagnostics-report";

export function CopyReport({ state }: { state: SoftphoneState }) {
  const [report, setReport] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const copy = async () => {
    const text = diagnosticsReport(state);
    setReport(text);
    try {
      await navigator.clipboard.writeText(text);
      setStatus("Copied to the clipboard.");
    } catch {
      setStatus("Select the text below and copy it.");
    }
  };
  return (
    <div class="sp-section">
      <button
        type="button"
        class="slds-button slds-button_neutral"
        data-id="diag-copy"
        onClick={() => void copy()}
      >
        Copy details for support
      </button>
      <span class="slds-m-left_x-small slds-text-body_small" role="status">
        {status}
      </span>
      {report !== null && (
        <>
          <label class="slds-assistive-text" for="sp-diag-report">
            Diagnostics details
          </label>
          <textarea
            id="sp-diag-report"
            class="slds-textarea sp-notes slds-m-top_xx-small"
            data-id="diag-report"
            readOnly
            rows={4}
            value={report}
            onFocus={(e) => e.currentTarget.select()}
          />
        </>
      )}
    </div>
  );
}
