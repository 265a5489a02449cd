/**
 * Another component on the page asked to transfer the call to a number outside the directory:
 * nothing happens until the agent confirms here.
 */
import { ExtText } from "./ext-text";

interface Props {
  target: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmTransfer({ target, onConfirm, onCancel }: Props) {
  return (
    <section
      class="slds-box slds-box_xx-small slds-theme_shade sp-waiting"
      data-id="confirm-transfer"
      role="alertdialog"
      aria-label="Confirm transfer"
    >
      <p class="sp-min0">
        <span class="slds-text-title_caps">Transfer requested</span>{" "}
        <span class="sp-block">
          Another component asks to transfer this call to a number outside the directory:
        </span>
        <ExtText text={target} truncate class="sp-strong sp-block" />
      </p>
      <div class="sp-row">
        <button
          type="button"
          class="slds-button slds-button_brand"
          data-id="confirm-transfer-yes"
          onClick={onConfirm}
        >
          Transfer
        </button>
        <button
          type="button"
          class="slds-button slds-button_neutral"
          data-id="confirm-transfer-no"
          onClick={onCancel}
        >
          Cancel
        </button>
      </div>
    </section>
  );
}
