/**
 * Moves keyboard focus to an element when a view opens — but only while the agent is working
 * in the panel: focus is never pulled out of the Salesforce page the agent is typing in (a
 * keystroke meant for a record could otherwise answer or end a call).
 */
import { useEffect, useRef } from "preact/hooks";

interface Options {
  /** When the panel is not focused now, focus the element once the agent comes to the panel. */
  whenPanelFocused?: boolean;
}

export function useAutoFocus<T extends HTMLElement>(enabled: boolean, options: Options = {}) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element) return undefined;
    if (element.ownerDocument.hasFocus()) {
      element.focus();
      return undefined;
    }
    if (!options.whenPanelFocused) return undefined;
    const view = element.ownerDocument.defaultView;
    const onPanelFocus = () => element.focus();
    view?.addEventListener("focus", onPanelFocus, { once: true });
    return () => view?.removeEventListener("focus", onPanelFocus);
    // Focus moves once, when the view mounts.
  }, []);
  return ref;
}
