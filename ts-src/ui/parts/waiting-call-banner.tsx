/** A second inbound call while on a call: answer it (the current call goes on hold) or decline. */
import type { CallView } from "../../core/model";
import { partyName } from "../format";
import { ExtText } from "./ext-text";

interface Props {
  call: CallView;
  onAnswer: () => void;
  onDecline: () => void;
}

export function WaitingCallBanner({ call, onAnswer, onDecline }: Props) {
  const name = partyName(call);
  return (
    <section
      class="slds-box slds-box_xx-small slds-theme_shade sp-waiting"
      data-id="waiting-call"
      aria-label="Call waiting"
    >
      <p class="sp-min0">
        <span class="slds-text-title_caps">Call waiting</span>{" "}
        {name ? <ExtText text={name} truncate class="sp-strong sp-block" /> : null}
        <ExtText text={call.displayNumber || call.number} truncate class="sp-block" />
      </p>
      <div class="sp-row">
        <button
          type="button"
          class="slds-button slds-button_success"
          data-id="waiting-answer"
          onClick={onAnswer}
        >
          Answer &amp; hold current
        </button>
        <button
          type="button"
          class="slds-button slds-button_destructive"
          data-id="waiting-decline"
          onClick={onDecline}
        >
          Decline
        </button>
      </div>
    </section>
  );
}
