/**
 * TabAttention over the document: visible when its browser tab is shown, focused when focus is
 * inside this page (in Salesforce, inside the softphone iframe); a click or key press in the
 * page counts as the agent looking at it now.
 */
import type { TabAttention } from "../core/tabs/ports";

export function documentAttention(doc: Document, win: Window): TabAttention {
  return {
    visible: () => doc.visibilityState === "visible",
    focused: () => doc.hasFocus(),
    onChange: (listener) => {
      const handler = () => listener();
      doc.addEventListener("visibilitychange", handler);
      win.addEventListener("focus", handler);
      win.addEventListener("blur", handler);
      doc.addEventListener("pointerdown", handler, { capture: true, passive: true });
      doc.addEventListener("keydown", handler, { capture: true, passive: true });
      return () => {
        doc.removeEventListener("pointerdown", handler, { capture: true });
        doc.removeEventListener("keydown", handler, { capture: true });
        doc.removeEventListener("visibilitychange", handler);
        win.removeEventListener("focus", handler);
        win.removeEventListener("blur", handler);
      };
    }
  };
}
