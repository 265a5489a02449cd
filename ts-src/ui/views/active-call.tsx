/** A call being placed or in progress: timer, mute, hold, tones, transfer, notes, related record. */
import { useState } from "preact/hooks";
import type { CallView, SoftphoneActions, SoftphoneState } from "../../core/model";
import { CallTimer } from "../parts/call-timer";
import { ExtText } from "../parts/ext-text";
import { CallFeaturesBar } from "../parts/feature-codes";
import { HangUpIcon } from "../parts/icons";
import { hotkeyHint, isTextField, TONE_KEY } from "../hotkeys";
import { Keypad } from "../parts/keypad";
import { MatchChooser } from "../parts/match-chooser";
import { NotesField } from "../parts/notes-field";
import { QualityIndicator } from "../parts/quality-indicator";
import { ReconnectingBanner } from "../parts/reconnecting-banner";
import { RelatedTo } from "../parts/related-to";
import { SimulateIncoming, canSimulate } from "../parts/simulate-incoming";
import { TransferPanel } from "../parts/transfer-panel";
import { partyName } from "../format";
import { useAutoFocus } from "../use-auto-focus";

interface Props {
  state: SoftphoneState;
  call: CallView;
  actions: SoftphoneActions;
  autoFocus: boolean;
}

const STATUS: Record<CallView["state"], string> = {
  ringing: "Ringing",
  dialing: "Calling…",
  connected: "Connected",
  held: "On hold",
  wrapup: "Call ended",
  ended: "Call ended"
};

type Panel = "none" | "keypad" | "transfer";

export function ActiveCallView({ state, call, actions, autoFocus }: Props) {
  const [panel, setPanel] = useState<Panel>("none");
  const [sentDigits, setSentDigits] = useState("");
  const titleRef = useAutoFocus<HTMLHeadingElement>(autoFocus);
  const live = call.state === "connected" || call.state === "held";
  const ended = call.state === "ended";
  const name = partyName(call);
  const togglePanel = (which: Panel) => setPanel(panel === which ? "none" : which);
  const sendDigit = (key: string) => {
    setSentDigits((d) => (d + key).slice(-24));
    void actions.sendDigits(key);
  };
  return (
    <section
      class="sp-view"
      data-id="active-call-view"
      aria-labelledby="sp-call-title"
      onKeyDown={(e) => {
        // With the keypad open, digits typed anywhere in the call view (but a text field) go
        // out as tones, like pressing the keys.
        if (panel !== "keypad" || call.state !== "connected") return;
        if (e.altKey || e.ctrlKey || e.metaKey || isTextField(e.target)) return;
        if (!TONE_KEY.test(e.key)) return;
        e.preventDefault();
        sendDigit(e.key);
      }}
    >
      <div class="sp-party">
        <h2
          id="sp-call-title"
          class="slds-text-heading_medium sp-min0"
          tabIndex={-1}
          ref={titleRef}
        >
          <ExtText
            text={name || call.displayNumber || call.number || "Unknown number"}
            truncate
            class="sp-block"
          />
        </h2>
        {name ? (
          <ExtText text={call.displayNumber || call.number} truncate class="sp-block" />
        ) : null}
        <p class="sp-row">
          <span
            class={`slds-badge ${call.state === "held" ? "slds-theme_warning" : ""}`}
            data-id="call-state"
          >
            {STATUS[call.state]}
          </span>
          {call.muted && <span class="slds-badge slds-theme_error">Muted</span>}
          <CallTimer connectedAt={call.connectedAt} endedAt={call.endedAt} />
          <QualityIndicator quality={call.quality} />
        </p>
      </div>
      <ReconnectingBanner call={call} />
      <div class="sp-controls" role="group" aria-label="Call controls">
        <button
          type="button"
          class={`slds-button ${call.muted ? "slds-button_brand" : "slds-button_neutral"}`}
          data-id="mute"
          aria-pressed={call.muted}
          disabled={!live}
          title={`${call.muted ? "Unmute" : "Mute"} (${hotkeyHint("mute")})`}
          onClick={() => void actions.mute(!call.muted)}
        >
          {call.muted ? "Unmute" : "Mute"}
        </button>
        <button
          type="button"
          class={`slds-button ${call.state === "held" ? "slds-button_brand" : "slds-button_neutral"}`}
          data-id="hold"
          aria-pressed={call.state === "held"}
          disabled={!live}
          title={`${call.state === "held" ? "Resume" : "Hold"} (${hotkeyHint("hold")})`}
          onClick={() => void actions.hold(call.state !== "held")}
        >
          {call.state === "held" ? "Resume" : "Hold"}
        </button>
        <button
          type="button"
          class="slds-button slds-button_neutral"
          data-id="keypad"
          aria-expanded={panel === "keypad"}
          disabled={call.state !== "connected"}
          title={`Keypad (${hotkeyHint("keypad")}); type digits to send tones`}
          onClick={() => togglePanel("keypad")}
        >
          Keypad
        </button>
        <button
          type="button"
          class="slds-button slds-button_neutral"
          data-id="transfer-open"
          aria-expanded={panel === "transfer"}
          disabled={!live}
          onClick={() => togglePanel("transfer")}
        >
          Transfer
        </button>
      </div>
      {panel === "keypad" && call.state === "connected" && (
        <div class="sp-section sp-panel" data-id="keypad-panel">
          <p class="slds-text-body_small" aria-live="off">
            Tones sent: <span data-id="sent-digits">{sentDigits || "none"}</span>
          </p>
          <Keypad label="Send tones" onKey={sendDigit} />
        </div>
      )}
      {panel === "transfer" && live && (
        <TransferPanel
          directory={state.directory}
          onSearch={(q) => void actions.searchDirectory(q)}
          onTransfer={(target) => void actions.transfer(target)}
        />
      )}
      {live && (
        <CallFeaturesBar
          state={state}
          connected={call.state === "connected"}
          run={(intent) => void actions.callFeature(intent)}
          onSearch={(q) => void actions.searchDirectory(q)}
        />
      )}
      {call.matchStatus === "several" ? (
        <MatchChooser
          matches={call.matches}
          selected={call.relatedTo}
          onChoose={(match) => void actions.chooseMatch(match.id)}
        />
      ) : call.matches.length > 1 ? (
        // Already chosen: switching relates the call to another match without a second pop.
        <MatchChooser
          matches={call.matches}
          selected={call.relatedTo}
          onChoose={(m) =>
            actions.setRelatedTo({ id: m.id, name: m.name, objectType: m.objectType })
          }
        />
      ) : null}
      <RelatedTo
        relatedTo={call.relatedTo}
        page={state.page}
        onChange={(r) => actions.setRelatedTo(r)}
      />
      <NotesField callId={call.id} notes={call.notes} onChange={(n) => actions.setNotes(n)} />
      <button
        type="button"
        class="slds-button slds-button_destructive slds-button_stretch sp-section"
        data-id="hangup"
        disabled={ended}
        title={`Hang up (${hotkeyHint("hangup")})`}
        onClick={() => void actions.hangup()}
      >
        <HangUpIcon class="slds-button__icon_left" />
        {call.state === "dialing" ? "Cancel call" : "Hang up"}
      </button>
      {canSimulate(state) && live && !state.waitingCall && (
        <SimulateIncoming onSimulate={(n) => void actions.simulateIncomingCall(n)} />
      )}
    </section>
  );
}
