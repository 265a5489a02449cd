/**
 * The connector page's way to Apex: Visualforce JavaScript remoting. A connector hosted as a
 * Visualforce page cannot call `@AuraEnabled` methods (those need Aura or LWC), and Open CTI's
 * runApex does not exist outside Open CTI; a `@RemoteAction` on the page's controller is what
 * a VF page reaches. The action's full name (with the namespace, if packaged) comes from the
 * page (`{!$RemoteAction.SoftphoneVoiceController.invoke}`).
 */
import { VoiceHostError, type VoiceAction, type VoiceBackend } from "./backend";

interface RemotingEvent {
  status: boolean;
  type?: string;
  message?: string;
}

export interface RemotingManager {
  invokeAction(action: string, ...args: unknown[]): void;
}

export interface VisualforceWindow {
  Visualforce?: { remoting?: { Manager?: RemotingManager } };
}

export const REMOTING_TIMEOUT_MS = 30_000;

export function remotingBackend(
  win: VisualforceWindow,
  actionName: string,
  timeoutMs = REMOTING_TIMEOUT_MS
): VoiceBackend {
  return {
    invoke: (action: VoiceAction, payload: string) =>
      new Promise((resolve, reject) => {
        const manager = win.Visualforce?.remoting?.Manager;
        if (!manager || !actionName) {
          reject(
            new VoiceHostError(action, "NOT_AVAILABLE", "Visualforce remoting is not on this page.")
          );
          return;
        }
        manager.invokeAction(
          actionName,
          action,
          payload,
          (result: unknown, event: RemotingEvent) => {
            if (event?.status) resolve(result);
            else
              reject(
                new VoiceHostError(
                  action,
                  event?.type === "exception" ? "SERVER_ERROR" : "GENERIC_ERROR",
                  event?.message ?? "The remote action failed."
                )
              );
          },
          { buffer: false, escape: false, timeout: timeoutMs }
        );
      })
  };
}
