/**
 * Wraps the store's actions so a rejected promise or a thrown error never escapes into the
 * browser as an unhandled rejection: the view reports it to the agent instead.
 */
import type { SoftphoneActions } from "../core/model";

export function safeActions(
  actions: SoftphoneActions,
  report: (message: string) => void
): SoftphoneActions {
  const describe = (error: unknown): string =>
    error instanceof Error
      ? error.message
      : typeof error === "string"
        ? error
        : "The action failed.";
  const wrapped: Record<string, unknown> = {};
  for (const key of Object.keys(actionNames) as (keyof SoftphoneActions)[]) {
    // Optional actions a store does not offer stay absent.
    if (typeof actions[key] !== "function") continue;
    wrapped[key] = (...args: unknown[]) => {
      try {
        const result = (actions[key] as (...a: unknown[]) => unknown).apply(actions, args);
        if (result && typeof (result as Promise<unknown>).then === "function") {
          return (result as Promise<unknown>).then(
            () => undefined,
            (error: unknown) => {
              report(describe(error));
            }
          );
        }
        return result;
      } catch (error) {
        report(describe(error));
        return undefined;
      }
    };
  }
  return wrapped as unknown as SoftphoneActions;
}

/** Every action name, checked by the compiler against SoftphoneActions. */
const actionNames: Record<keyof SoftphoneActions, true> = {
  signIn: true,
  setReady: true,
  dial: true,
  answer: true,
  decline: true,
  hangup: true,
  hold: true,
  mute: true,
  sendDigits: true,
  transfer: true,
  chooseMatch: true,
  setRelatedTo: true,
  setNotes: true,
  setDisposition: true,
  saveWrapUp: true,
  extendWrapUp: true,
  searchDirectory: true,
  dismissNotice: true,
  simulateIncomingCall: true,
  callFeature: true,
  loadDevices: true,
  selectDevice: true,
  setAudioProcessing: true,
  simulateNetwork: true,
  confirmTransfer: true,
  cancelTransfer: true
};
