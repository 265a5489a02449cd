/**
 * The call's audio quality at a glance: a badge (Good / Fair / Poor with the latest MOS) whose
 * tooltip and accessible description say in plain language what hurts ("network: packet
 * loss 6 %") and the call's min/avg so far.
 */
import type { CallQualityView } from "../../core/model";

const WORD: Record<CallQualityView["rating"], string> = {
  good: "Good",
  fair: "Fair",
  poor: "Poor"
};

const THEME: Record<CallQualityView["rating"], string> = {
  good: "slds-theme_success",
  fair: "slds-theme_warning",
  poor: "slds-theme_error"
};

/** The tooltip: why, then the figures. */
export function qualityTooltip(quality: CallQualityView): string {
  const figures = `MOS ${quality.mos.toFixed(1)} (min ${quality.mosMin.toFixed(1)}, avg ${quality.mosAvg.toFixed(1)})`;
  return quality.reason ? `${quality.reason}. ${figures}` : `Audio quality is good. ${figures}`;
}

export function QualityIndicator({ quality }: { quality: CallQualityView | undefined }) {
  if (!quality) return null;
  const tooltip = qualityTooltip(quality);
  return (
    <span
      class={`slds-badge ${THEME[quality.rating]}`}
      data-id="call-quality"
      data-rating={quality.rating}
      title={tooltip}
      aria-label={`Call quality ${WORD[quality.rating]}: ${tooltip}`}
      role="img"
    >
      {WORD[quality.rating]} {quality.mos.toFixed(1)}
    </span>
  );
}
