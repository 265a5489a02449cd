/** Seconds left before after-call work saves by itself (wrapUpSeconds = N). */
import { formatDuration } from "../format";
import { useNow } from "../use-now";

export function WrapUpCountdown({ deadline }: { deadline: number }) {
  const now = useNow(true);
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  return (
    <p class="slds-text-body_small" data-id="wrap-up-countdown">
      {left > 0 ? `Saves automatically in ${formatDuration(left)}` : "Saving…"}
    </p>
  );
}
