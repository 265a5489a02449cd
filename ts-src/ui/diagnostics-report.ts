/** Plain-text diagnostics an agent can paste into a support case (the state holds no secrets). */
import type { SoftphoneState } from "../core/model";

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
    `Call: ${state.call ? `${state.call.direction} ${state.call.state}` : "none"}`,
    `Errors: ${state.errors.length}`,
    ...[...state.errors]
      .sort((a, b) => b.at - a.at)
      .map((e) => `  ${new Date(e.at).toISOString()} [${e.source}] ${e.message}`)
  ];
  return lines.join("\n");
}
