/** Plain-text diagnostics an agent can paste into a support case (the state holds no secrets). */
import { devicesInUse } from "../core/calls/call-health";
import type { SoftphoneState } from "../core/model";
import { qualityLabel, ringerLabel } from "./health-labels";

export function diagnosticsReport(state: SoftphoneState, now: number = Date.now()): string {
  const lines = [
    `Softphone diagnostics, ${new Date(now).toISOString()}`,
    `Host: ${state.host}`,
    `Settings loaded: ${state.settingsLoaded ? "yes" : "no"}`,
    `Settings problems: ${state.setupProblems.length}`,
    ...state.setupProblems.map((p) => `  ${p.item} = "${p.value}" (allowed: ${p.allowed})`),
    `Phone: ${state.phoneKind ?? "none"}, registration ${state.registration}${state.needsSignIn ? ", needs sign-in" : ""}`,
    `Agent: ${state.agent}`,
    `Microphone: ${state.microphone}`,
    `Call logs waiting to save: ${state.outboxPending}${state.storageDurable === false ? " (memory only)" : ""}`,
    `Initialized: ${state.initialized === undefined ? "unknown" : state.initialized ? "yes" : "no"}`,
    ...(state.unavailableFeatures?.length
      ? [`Missing from the Open CTI library: ${state.unavailableFeatures.join(", ")}`]
      : []),
    `Message channel: ${state.channelAvailable === undefined ? "unknown" : state.channelAvailable ? "yes" : "no"}`,
    `Call: ${state.call ? `${state.call.direction} ${state.call.state}${state.call.connection ? ", reconnecting" : ""}` : "none"}`,
    ...deviceLines(state),
    ...(state.phoneKind ? [`Ringer: ${ringerLabel(state)}`] : []),
    ...(qualityLabel(state) ? [`Call quality: ${qualityLabel(state)}`] : []),
    `Errors: ${state.errors.length}`,
    ...[...state.errors]
      .sort((a, b) => b.at - a.at)
      .map((e) => `  ${new Date(e.at).toISOString()} [${e.source}] ${e.message}`)
  ];
  return lines.join("\n");
}

function deviceLines(state: SoftphoneState): string[] {
  const inUse = devicesInUse(state);
  if (!inUse) return [];
  const p = state.devices?.processing;
  const on = (v: boolean | undefined) => (v ? "on" : "off");
  return [
    `Microphone in use: ${inUse.input}`,
    `Speaker in use: ${inUse.output}`,
    `Ringer output: ${inUse.ringer}`,
    `Audio processing: echo cancellation ${on(p?.echoCancellation)}, noise suppression ${on(p?.noiseSuppression)}, auto gain ${on(p?.autoGainControl)}`
  ];
}
