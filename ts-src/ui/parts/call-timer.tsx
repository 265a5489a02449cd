/** Time connected, counted from `connectedAt`; frozen at `endedAt` once the call is over. */
import { formatDuration } from "../format";
import { useNow } from "../use-now";

interface Props {
  connectedAt?: number;
  endedAt?: number;
}

export function CallTimer({ connectedAt, endedAt }: Props) {
  const now = useNow(connectedAt !== undefined && endedAt === undefined);
  if (connectedAt === undefined) return null;
  const end = endedAt ?? now;
  return (
    <span class="sp-timer" data-id="call-timer" role="timer" aria-label="Call duration">
      {formatDuration((end - connectedAt) / 1000)}
    </span>
  );
}
