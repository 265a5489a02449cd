/**
 * The record-page call panel, behaving like the LWC softphoneCallPanel: Call buttons publish
 * `dial` on the Softphone__c channel; live call state arrives as `state` events; answer,
 * mute, hold and hang-up are commands on the same channel.
 */
import { useEffect, useState } from "preact/hooks";
import type { OrgRecord } from "./backend";
import { useStore } from "./context";
import { Icon } from "./icon";
import { phoneNumbersOf } from "./records";

export const CHANNEL = "Softphone__c";
/** The same source name the LWC uses. */
const SOURCE = "callPanel";

interface ChannelCall {
  id: string;
  direction: string;
  number: string;
  state: string;
  muted: boolean;
  recordId?: string;
}
interface ChannelState {
  agent: string;
  call: ChannelCall | null;
}

/** Reads a `state` event defensively: the channel carries whatever anyone publishes. */
export function parseStateEvent(message: Record<string, unknown>): ChannelState | null {
  if (message.type !== "state" || message.source !== "softphone") return null;
  const payload = message.payload as Record<string, unknown> | undefined;
  if (!payload || typeof payload.agent !== "string") return null;
  const c = payload.call as Record<string, unknown> | null | undefined;
  if (c === null || c === undefined) return { agent: payload.agent, call: null };
  if (typeof c !== "object" || typeof c.id !== "string" || typeof c.state !== "string") return null;
  return {
    agent: payload.agent,
    call: {
      id: c.id,
      direction: String(c.direction ?? ""),
      number: String(c.number ?? ""),
      state: c.state,
      muted: c.muted === true,
      recordId: typeof c.recordId === "string" ? c.recordId : undefined
    }
  };
}

const STATE_LABELS: Record<string, string> = {
  ringing: "Ringing",
  dialing: "Dialing",
  connected: "Connected",
  held: "On hold",
  wrapup: "After-call work",
  ended: "Ended"
};

export function CallPanel(props: { record: OrgRecord; objectType: string }) {
  const store = useStore();
  const [state, setState] = useState<ChannelState | null>(null);
  useEffect(() => {
    const off = store.backend.subscribe(CHANNEL, (message) => {
      const parsed = parseStateEvent(message);
      if (parsed) setState(parsed);
    });
    store.backend.publish(CHANNEL, { source: SOURCE, type: "requestState" });
    return off;
  }, [store]);

  const send = (type: string, payload?: Record<string, unknown>) =>
    store.backend.publish(
      CHANNEL,
      payload ? { source: SOURCE, type, payload } : { source: SOURCE, type }
    );
  const numbers = phoneNumbersOf(props.record, props.objectType, (id) => store.backend.record(id));
  const call = state?.call ?? null;
  const live = call && call.state !== "ended" && call.state !== "wrapup";
  // Mute and hold act on an answered call only (as in the LWC): never while it rings or dials.
  const talking = call?.state === "connected" || call?.state === "held";
  // Like the LWC: calls are allowed unless the softphone said it is offline or busy.
  const canDial = state?.agent !== "offline" && state?.agent !== "busy" && !live;
  const status = live
    ? ""
    : !state
      ? "Waiting for the softphone. Open the Phone utility if calls do not start."
      : state.agent === "offline"
        ? "The softphone is offline. Open the Phone utility to go online."
        : state.agent === "busy"
          ? "Finish the current call before placing another."
          : "";

  return (
    <article class="slds-card" data-id="call-panel" aria-labelledby="call-panel-title">
      <div class="slds-card__header slds-grid">
        <header class="slds-media slds-media_center slds-has-flexi-truncate">
          <div class="slds-media__figure">
            <span class="slds-icon_container slds-icon-standard-call">
              <Icon sprite="standard" name="call" class="slds-icon slds-icon_small" />
            </span>
          </div>
          <div class="slds-media__body">
            <h2 class="slds-card__header-title" id="call-panel-title">
              Softphone
            </h2>
          </div>
        </header>
      </div>
      <div class="slds-card__body slds-card__body_inner">
        <p class="slds-text-body_small slds-m-bottom_x-small" data-id="call-panel-agent">
          {status || `Agent: ${state?.agent ?? "unknown"}`}
        </p>
        {call ? (
          <div
            class="slds-box slds-box_x-small slds-m-bottom_small"
            data-id="call-panel-call"
            role="status"
          >
            <p>
              <strong data-id="call-panel-state">{STATE_LABELS[call.state] ?? call.state}</strong>{" "}
              {call.direction === "inbound" ? "from" : "to"}{" "}
              <span data-id="call-panel-number">{call.number}</span>
              {call.muted ? " · muted" : ""}
            </p>
            {live ? (
              <div class="slds-button-group slds-m-top_x-small" role="group">
                {call.state === "ringing" ? (
                  <button
                    class="slds-button slds-button_success"
                    data-id="call-panel-answer"
                    onClick={() => send("answer")}
                  >
                    Answer
                  </button>
                ) : null}
                {talking ? (
                  <>
                    <button
                      class="slds-button slds-button_neutral"
                      data-id="call-panel-mute"
                      aria-pressed={call.muted}
                      onClick={() => send("mute", { on: !call.muted })}
                    >
                      {call.muted ? "Unmute" : "Mute"}
                    </button>
                    <button
                      class="slds-button slds-button_neutral"
                      data-id="call-panel-hold"
                      aria-pressed={call.state === "held"}
                      onClick={() => send("hold", { on: call.state !== "held" })}
                    >
                      {call.state === "held" ? "Resume" : "Hold"}
                    </button>
                  </>
                ) : null}
                <button
                  class="slds-button slds-button_destructive"
                  data-id="call-panel-hangup"
                  onClick={() => send("hangup")}
                >
                  {call.state === "ringing" ? "Decline" : "Hang up"}
                </button>
              </div>
            ) : null}
          </div>
        ) : null}
        {numbers.length === 0 ? (
          <p class="slds-text-color_weak">This record has no phone numbers.</p>
        ) : (
          <ul class="slds-has-dividers_bottom-space">
            {numbers.map((n) => (
              <li
                class="slds-item slds-grid slds-grid_align-spread slds-grid_vertical-align-center"
                key={n.field}
              >
                <span>
                  <span class="slds-text-title">{n.label}</span>
                  <br />
                  {n.number}
                </span>
                <button
                  class="slds-button slds-button_brand"
                  data-id="call-panel-dial"
                  data-number={n.number}
                  disabled={!canDial}
                  aria-label={`Call ${n.label} ${n.number}`}
                  onClick={() => send("dial", { number: n.number, recordId: props.record.Id })}
                >
                  Call
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}
