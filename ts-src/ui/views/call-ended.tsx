/** A call that has just ended, shown briefly until the store clears it. */
import type { CallView } from "../../core/model";
import { ExtText } from "../parts/ext-text";
import { partyName } from "../format";

export function CallEndedView({ call }: { call: CallView }) {
  const name = partyName(call);
  return (
    <section class="sp-view" data-id="call-ended-view" aria-label="Call ended">
      <p class="slds-text-title_caps">Call ended</p>
      <ExtText
        text={name || call.displayNumber || call.number || "Unknown number"}
        truncate
        class="slds-text-heading_small sp-block"
      />
    </section>
  );
}
