/**
 * A transient message for the agent (from the store, or an action that failed), dismissable.
 * A long message scrolls inside the bar, which is focusable so keyboard users can scroll it.
 */
import { CloseIcon } from "./icons";
import { ExtText } from "./ext-text";

interface Props {
  message: string;
  onDismiss: () => void;
}

export function NoticeBar({ message, onDismiss }: Props) {
  return (
    <div
      class="slds-notify slds-notify_alert slds-alert_warning sp-notice"
      role="alert"
      data-id="notice"
    >
      <p class="sp-notice__text" tabIndex={0}>
        <ExtText text={message} />
      </p>
      <div class="slds-notify__close">
        <button
          type="button"
          class="slds-button slds-button_icon slds-button_icon-small"
          data-id="dismiss-notice"
          title="Dismiss"
          onClick={onDismiss}
        >
          <CloseIcon />
          <span class="slds-assistive-text">Dismiss</span>
        </button>
      </div>
    </div>
  );
}
