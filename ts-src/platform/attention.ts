/**
 * TabAttention over the document: visible when its browser tab is shown, focused when focus is
 * inside this page (in Salesforce, inside the softphone iframe).
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
      return () => {
        doc.removeEventListener("visibilitychange", handler);
        win.removeEventListener("focus", handler);
        win.removeEventListener("blur", handler);
      };
    }
  };
}
