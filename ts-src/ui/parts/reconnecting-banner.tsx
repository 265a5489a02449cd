/**
 * "Reconnecting… (n s)" on a call whose connection (or audio path) was lost: the call is kept
 * until the grace period runs out, so the agent is never told it ended before it has.
 */
import type { CallView } from "../../core/model";
import { useNow } from "../use-now";

export function reconnectingText(connection: NonNullable<CallView["connection"]>, now: number) {
  const seconds = Math.max(0, Math.ceil((connection.graceEndsAt - now) / 1000));
  return `Reconnecting… (${seconds} s)`;
}

export function ReconnectingBanner({ call }: { call: CallView }) {
  const connection = call.connection;
  const now = useNow(connection !== undefined);
  if (!connection) return null;
  const what =
    connection.lost === "media"
      ? "The call's audio path was lost; the phone is restoring it."
      : "The connection to the phone system was lost; the call is kept while the phone reconnects.";
  return (
    <div
      class="slds-notify slds-notify_alert slds-alert_warning sp-section"
      role="status"
      data-id="call-reconnecting"
    >
      <p>
        <strong data-id="call-reconnecting-countdown">{reconnectingText(connection, now)}</strong>
        <span class="sp-block slds-text-body_small">{what}</span>
      </p>
    </div>
  );
}
