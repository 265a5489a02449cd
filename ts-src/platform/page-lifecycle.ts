/** beforeunload and pagehide, for the tab that holds the phone. */

/**
 * Asks the browser to confirm leaving while `shouldWarn()` (a call in this tab: closing or
 * reloading it would end the call). Browsers show their own text.
 */
export function warnBeforeUnload(win: Window, shouldWarn: () => boolean): () => void {
  const handler = (event: BeforeUnloadEvent) => {
    if (!shouldWarn()) return;
    event.preventDefault();
    // Older Chromium and Safari need returnValue set to show the dialog.
    event.returnValue = "";
  };
  win.addEventListener("beforeunload", handler);
  return () => win.removeEventListener("beforeunload", handler);
}

/** Runs `leave` once when the page goes away (closed, reloaded, navigated). */
export function onPageHide(win: Window, leave: () => void): () => void {
  let done = false;
  const handler = () => {
    if (done) return;
    done = true;
    leave();
  };
  win.addEventListener("pagehide", handler);
  return () => win.removeEventListener("pagehide", handler);
}

/** A random id for this page load. */
export function newTabId(random: () => number = Math.random): string {
  const uuid = globalThis.crypto?.randomUUID?.();
  if (uuid) return `t${uuid.replace(/-/g, "").slice(0, 20)}`;
  return `t${Math.floor(random() * 2 ** 52).toString(36)}${Date.now().toString(36)}`;
}
