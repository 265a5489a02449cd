/**
 * What the softphone found and what went wrong, so a blank or broken panel explains itself:
 * host, settings, phone, microphone, unsent call logs and the latest errors with their times.
 */
import { Fragment } from "preact";
import { devicesInUse } from "../../core/calls/call-health";
import type { SoftphoneState } from "../../core/model";
import { CopyReport } from "../parts/copy-report";
import { ExtText } from "../parts/ext-text";
import { formatClock } from "../format";
import { qualityLabel, ringerLabel } from "../health-labels";

const HOSTS: Record<SoftphoneState["host"], string> = {
  lightning: "Lightning Experience (Open CTI)",
  classic: "Salesforce Classic (Open CTI)",
  none: "Not found: the page is not inside a Salesforce call center"
};

const MICROPHONE: Record<SoftphoneState["microphone"], string> = {
  granted: "Allowed",
  denied: "Blocked: allow the microphone for this site in the browser",
  prompt: "Not asked yet: the browser asks on the first call",
  unknown: "Unknown"
};

const SHOWN_ERRORS = 10;

function settingsLabel(state: SoftphoneState): string {
  if (!state.settingsLoaded) return "Not loaded";
  const n = state.setupProblems.length;
  return n === 0 ? "Loaded, valid" : `Loaded, ${n} problem${n === 1 ? "" : "s"}`;
}

function outboxLabel(state: SoftphoneState): string {
  const count = String(state.outboxPending);
  return state.storageDurable === false
    ? `${count} (browser storage blocked: kept in memory only)`
    : count;
}

function phoneLabel(state: SoftphoneState): string {
  if (!state.phoneKind) return "Not started";
  const kind = state.phoneKind === "demo" ? "Demo phone" : "SIP phone";
  const signIn = state.needsSignIn ? ", waiting for sign-in" : "";
  return `${kind}, ${state.registration}${signIn}`;
}

export function DiagnosticsView({
  state,
  onClose
}: {
  state: SoftphoneState;
  onClose: () => void;
}) {
  const errors = [...state.errors].sort((a, b) => b.at - a.at).slice(0, SHOWN_ERRORS);
  const rows: Array<[string, string, string]> = [
    ["Host", HOSTS[state.host], "diag-host"],
    ["Settings", settingsLabel(state), "diag-settings"],
    ["Phone", phoneLabel(state), "diag-phone"],
    ["Agent", state.agent, "diag-agent"],
    ["Microphone", MICROPHONE[state.microphone], "diag-microphone"],
    ["Call logs waiting to save", outboxLabel(state), "diag-outbox"]
  ];
  const inUse = devicesInUse(state);
  if (inUse) {
    rows.push(
      ["Microphone in use", inUse.input, "diag-device-input"],
      ["Speaker in use", inUse.output, "diag-device-output"],
      ["Ringer output", inUse.ringer, "diag-device-ringer"]
    );
  }
  if (state.phoneKind) rows.push(["Ringer", ringerLabel(state), "diag-ringer"]);
  const quality = qualityLabel(state);
  if (quality) rows.push(["Call quality", quality, "diag-quality"]);
  if (state.initialized !== undefined) {
    rows.push([
      "Started",
      state.initialized ? "Yes: Salesforce was told the softphone is ready" : "Not yet",
      "diag-initialized"
    ]);
  }
  if (state.unavailableFeatures?.length) {
    rows.push([
      "Open CTI library",
      `Older library: skipped what it lacks (${state.unavailableFeatures.join(", ")})`,
      "diag-library"
    ]);
  }
  if (state.channelAvailable !== undefined) {
    rows.push([
      "Message channel",
      state.channelAvailable ? "Connected" : "Not available",
      "diag-channel"
    ]);
  }
  return (
    <section class="sp-view" data-id="diagnostics-view" aria-labelledby="sp-diag-title">
      <div class="sp-row">
        <h2 id="sp-diag-title" class="slds-text-heading_small sp-grow" tabIndex={-1}>
          Diagnostics
        </h2>
        <button
          type="button"
          class="slds-button slds-button_neutral"
          data-id="diagnostics-close"
          onClick={onClose}
        >
          Back
        </button>
      </div>
      <dl class="slds-dl_horizontal sp-dl slds-m-top_x-small">
        {rows.map(([label, value, id]) => (
          <Fragment key={id}>
            <dt class="slds-dl_horizontal__label">{label}</dt>
            <dd class="slds-dl_horizontal__detail" data-id={id}>
              {value}
            </dd>
          </Fragment>
        ))}
      </dl>
      <h3 class="slds-text-title_caps slds-m-top_small">Recent errors</h3>
      {errors.length === 0 ? (
        <p class="slds-text-body_small slds-text-color_weak">None.</p>
      ) : (
        <ul class="sp-list" data-id="diag-errors">
          {errors.map((error, index) => (
            <li class="slds-m-top_xx-small" key={`${error.at}-${index}`}>
              <span class="slds-text-body_small slds-text-color_weak">
                {formatClock(error.at)} · {error.source}
              </span>
              <span class="sp-block sp-wrap">
                <ExtText text={error.message} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <CopyReport state={state} />
    </section>
  );
}
