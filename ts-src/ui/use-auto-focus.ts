/** Moves keyboard focus to an element when a view opens (not on the panel's first render). */
import { useEffect, useRef } from "preact/hooks";

export function useAutoFocus<T extends HTMLElement>(enabled: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
    // Focus moves once, when the view mounts.
  }, []);
  return ref;
}
