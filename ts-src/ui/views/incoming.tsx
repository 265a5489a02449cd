/** An inbound call ringing: who is calling, the record lookup, Answer and Decline. */
import type { CallView, SoftphoneActions } from "../../core/model";
import { hotkeyHint } from "../hotkeys";
import { ExtText } from "../parts/ext-text";
import { HangUpIcon, PhoneIcon } from "../parts/icons";
import { MatchChooser } from "../parts/match-chooser";
import { chosenMatch, partyName } from "../format";
import { useAutoFocus } from "../use-auto-focus";

interface Props {
  call: CallView;
  actions: SoftphoneActions;
}

function LookupStatus({ call }: { call: CallView }) {
  switch (call.matchStatus) {
    case "pending":
      return <p class="slds-text-body_small slds-text-color_weak">Looking up the caller…</p>;
    case "none":
      return <p class="slds-text-body_small slds-text-color_weak">No matching record.</p>;
    case "error":
      return <p class="slds-text-body_small slds-text-color_error">The caller lookup failed.</p>;
    case "one": {
      const match = chosenMatch(call);
      return match ? (
        <p class="slds-text-body_small slds-text-color_weak">
          <ExtText text={match.objectType} />
          {match.accountName ? (
            <>
              {" · "}
              <ExtText text={match.accountName} />
            </>
          ) : null}
        </p>
      ) : null;
    }
    default:
      return null;
  }
}

export function IncomingView({ call, actions }: Props) {
  // Answering is the one thing the agent needs to do: Answer gets focus now if the agent is in
  // the panel, or as soon as they come to it.
  const answerRef = useAutoFocus<HTMLButtonElement>(true, { whenPanelFocused: true });
  const name = partyName(call);
  return (
    <section class="sp-view" data-id="incoming-view" aria-labelledby="sp-incoming-title">
      <p id="sp-incoming-title" class="slds-text-title_caps">
        Incoming call
      </p>
      <div class="sp-party">
        {name ? <ExtText text={name} truncate class="slds-text-heading_medium sp-block" /> : null}
        <ExtText
          text={call.displayNumber || call.number || "Unknown number"}
          truncate
          class={name ? "sp-block" : "slds-text-heading_medium sp-block"}
        />
        <LookupStatus call={call} />
      </div>
      <div class="sp-row sp-section">
        <button
          ref={answerRef}
          type="button"
          class="slds-button slds-button_success sp-grow"
          data-id="answer"
          title={`Answer (${hotkeyHint("answer")})`}
          onClick={() => void actions.answer()}
        >
          <PhoneIcon class="slds-button__icon_left" />
          Answer
        </button>
        <button
          type="button"
          class="slds-button slds-button_destructive sp-grow"
          data-id="decline"
          title={`Decline (${hotkeyHint("hangup")})`}
          onClick={() => void actions.decline()}
        >
          <HangUpIcon class="slds-button__icon_left" />
          Decline
        </button>
      </div>
      {call.matchStatus === "several" && (
        <MatchChooser
          matches={call.matches}
          selected={call.relatedTo}
          onChoose={(match) => void actions.chooseMatch(match.id)}
        />
      )}
    </section>
  );
}
