/**
 * Recovering a call whose connection or audio path was lost: a re-INVITE whose offer restarts
 * ICE (new ufrag/password, fresh candidates, so media finds the new network path), sent on
 * whatever WebSocket the phone has now, and a watch on the peer connection's ICE state.
 */
import type { Session, SessionDescriptionHandlerOptions } from "./sip-lib";

/**
 * `accepted`: the far end took the new offer; `gone`: the dialog no longer exists there (481);
 * `retry`: try again shortly (408, 491 glare, 5xx, a transport error, another re-INVITE in
 * flight); `refused`: the far end kept the dialog but declined the restart (the call goes on
 * with the media it has). A 408 is retried rather than ending the call (RFC 3261 §12.2.1.2
 * allows either): sip.js makes one up when a request sent on a silently dead connection
 * times out, which says nothing about the far end; the grace period bounds the retries.
 */
export type RecoveryOutcome = "accepted" | "gone" | "retry" | "refused";

export function reinviteWithIceRestart(
  session: Session,
  options: SessionDescriptionHandlerOptions & { hold?: boolean }
): Promise<{ outcome: RecoveryOutcome; status?: number }> {
  const previous = session.sessionDescriptionHandlerOptionsReInvite;
  session.sessionDescriptionHandlerOptionsReInvite = {
    ...options,
    offerOptions: { iceRestart: true }
  } as object;
  return new Promise((resolve) => {
    const done = (outcome: RecoveryOutcome, status?: number) => {
      session.sessionDescriptionHandlerOptionsReInvite = previous;
      resolve(status === undefined ? { outcome } : { outcome, status });
    };
    session
      .invite({
        requestDelegate: {
          onAccept: () => done("accepted"),
          onReject: (response) => {
            const status = response.message.statusCode ?? 0;
            if (status === 481) done("gone", status);
            else if (status === 408 || status === 491 || status >= 500) done("retry", status);
            else done("refused", status);
          }
        }
      })
      .catch(() => done("retry"));
  });
}

/** ICE states that mean the audio path is broken, now or for good. */
export function iceLost(state: RTCIceConnectionState): boolean {
  return state === "disconnected" || state === "failed";
}

export function iceUp(state: RTCIceConnectionState): boolean {
  return state === "connected" || state === "completed";
}

/** Calls `listener` on every ICE connection state change; returns the unsubscribe. */
export function watchIce(
  pc: RTCPeerConnection,
  listener: (state: RTCIceConnectionState) => void
): () => void {
  const handler = () => listener(pc.iceConnectionState);
  pc.addEventListener("iceconnectionstatechange", handler);
  return () => pc.removeEventListener("iceconnectionstatechange", handler);
}
