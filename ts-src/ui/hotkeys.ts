/**
 * Softphone hotkeys. They act only while focus is inside the softphone (the handler sits on
 * the panel's root element, inside its own frame), so they never take keys from Salesforce's
 * page. Each one presses the visible button of the same name, so a disabled button stays
 * disabled and the hotkey does exactly what a click would. Alt+Shift avoids the browser's and
 * screen readers' own shortcuts; `event.code` keeps them working on any keyboard layout.
 */

export type Hotkey = "answer" | "hangup" | "mute" | "hold" | "keypad";

/** Hotkey → key code (with Alt+Shift) and the buttons it presses, first visible one wins. */
export const HOTKEYS: Record<Hotkey, { code: string; key: string; buttons: string[] }> = {
  answer: { code: "KeyA", key: "A", buttons: ["answer", "waiting-answer"] },
  hangup: { code: "KeyH", key: "H", buttons: ["hangup", "decline"] },
  mute: { code: "KeyM", key: "M", buttons: ["mute"] },
  hold: { code: "KeyO", key: "O", buttons: ["hold"] },
  keypad: { code: "KeyK", key: "K", buttons: ["keypad"] }
};

/** The tooltip suffix for a button: "Alt+Shift+A". */
export function hotkeyHint(hotkey: Hotkey): string {
  return `Alt+Shift+${HOTKEYS[hotkey].key}`;
}

interface KeyLike {
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  code: string;
}

export function hotkeyFor(event: KeyLike): Hotkey | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  const found = (Object.keys(HOTKEYS) as Hotkey[]).find((h) => HOTKEYS[h].code === event.code);
  return found ?? null;
}

/** Presses the hotkey's button inside `root`; true when one was there and enabled. */
export function pressHotkey(root: ParentNode, hotkey: Hotkey): boolean {
  for (const id of HOTKEYS[hotkey].buttons) {
    const button = root.querySelector<HTMLButtonElement>(`button[data-id="${id}"]`);
    if (button && !button.disabled) {
      button.click();
      return true;
    }
  }
  return false;
}

/** Keys typed while the keypad is open that are sent as tones. */
export const TONE_KEY = /^[0-9*#]$/;

/** Typing goes to text fields, never to the keypad. */
export function isTextField(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  const tag = el?.tagName?.toLowerCase();
  return (
    tag === "input" || tag === "textarea" || tag === "select" || el?.isContentEditable === true
  );
}
