/**
 * The second leg of a customer call (core/calls/second-leg.ts): a consultation with its
 * complete / swap / conference / cancel buttons, a conference of three with a button to drop
 * either party, or the party left on the line after the caller dropped.
 */
import type { CallFeatureIntent, SoftphoneState } from "../../core/model";
import { ExtText } from "./ext-text";

interface Props {
  state: SoftphoneState;
  run: (intent: CallFeatureIntent) => void;
}

const STATUS = { dialing: "Calling…", connected: "Talking", held: "On hold" } as const;

export function ConsultPanel({ state, run }: Props) {
  const leg = state.secondLeg;
  if (!leg) return null;
  const customer = state.call?.id === leg.customerCallId ? state.call : null;
  const customerLive = customer?.state === "connected" || customer?.state === "held";
  const party = leg.name ?? leg.displayNumber;
  const answered = leg.connectedAt !== undefined && leg.id !== null;
  const title =
    leg.conference === "local"
      ? "Conference of three"
      : leg.conference === "pbx"
        ? "In the PBX conference"
        : customerLive
          ? "Consultation"
          : "Still on the line";
  const button = (id: string, label: string, intent: CallFeatureIntent, kind = "neutral") => (
    <button
      type="button"
      class={`slds-button slds-button_${kind}`}
      data-id={id}
      onClick={() => run(intent)}
    >
      {label}
    </button>
  );
  return (
    <section
      class="slds-box slds-box_xx-small slds-theme_shade sp-waiting"
      data-id="second-leg"
      data-conference={leg.conference}
      aria-label={title}
    >
      <p class="sp-min0">
        <span class="slds-text-title_caps">{title}</span>{" "}
        <ExtText text={party} truncate class="sp-strong sp-block" />
        {leg.name ? <ExtText text={leg.displayNumber} truncate class="sp-block" /> : null}
        <span class="slds-badge" data-id="second-leg-state">
          {STATUS[leg.state]}
        </span>
      </p>
      <div class="sp-row sp-row_wrap" role="group" aria-label={`${title} controls`}>
        {leg.conference === "none" && customerLive && answered && (
          <>
            {state.callFeatures?.consult !== false &&
              button(
                "consult-complete",
                "Complete transfer",
                { type: "completeTransfer" },
                "brand"
              )}
            {button(
              "consult-swap",
              customer?.state === "held" ? "Talk to caller" : `Talk to ${party}`.slice(0, 40),
              { type: "swapLegs" }
            )}
            {state.callFeatures?.conference &&
              button("consult-conference", "Conference", { type: "conference" })}
          </>
        )}
        {leg.conference === "local" && customerLive && (
          <>
            {button("conference-drop-other", `Drop ${party}`.slice(0, 40), {
              type: "dropParty",
              party: "other"
            })}
            {button("conference-drop-customer", "Drop caller", {
              type: "dropParty",
              party: "customer"
            })}
          </>
        )}
        {leg.conference === "none" && customerLive
          ? button(
              "consult-cancel",
              "Cancel consultation",
              { type: "cancelConsult" },
              "destructive"
            )
          : leg.conference === "local" && customerLive
            ? null
            : button(
                "second-leg-hangup",
                leg.conference === "pbx" ? "Leave conference" : "Hang up",
                { type: "dropParty", party: "other" },
                "destructive"
              )}
      </div>
    </section>
  );
}
