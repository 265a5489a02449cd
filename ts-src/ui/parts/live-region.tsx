/**
 * Two visually hidden live regions announcing incoming calls (assertive) and call state changes
 * (polite). They exist from the first render so screen readers pick up later changes.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { SoftphoneState } from "../../core/model";
import { announce } from "../announcements";

export function LiveRegion({ state }: { state: SoftphoneState }) {
  const previous = useRef<SoftphoneState | null>(null);
  const [polite, setPolite] = useState("");
  const [urgent, setUrgent] = useState("");
  useEffect(() => {
    // Nothing is announced for the state the panel opened in, except a call already ringing.
    const before = previous.current;
    previous.current = state;
    const messages = announce(before, state).filter((m) => before !== null || m.urgent);
    const politeText = messages
      .filter((m) => !m.urgent)
      .map((m) => m.text)
      .join(" ");
    const urgentText = messages
      .filter((m) => m.urgent)
      .map((m) => m.text)
      .join(" ");
    if (politeText) setPolite(politeText);
    if (urgentText) setUrgent(urgentText);
  }, [state]);
  return (
    <>
      <div
        class="slds-assistive-text"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-id="live-polite"
      >
        {polite}
      </div>
      <div
        class="slds-assistive-text"
        aria-live="assertive"
        aria-atomic="true"
        data-id="live-urgent"
      >
        {urgent}
      </div>
    </>
  );
}
