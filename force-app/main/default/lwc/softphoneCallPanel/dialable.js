/**
 * What the softphone can dial from a stored phone field. The softphone's `dial` command takes
 * 1–40 characters of digits, + * #, spaces, dots, dashes and brackets, and refuses extensions
 * (the agent dials the main number, then keys the extension in). Phone fields hold anything
 * people type, so the panel splits the extension off and leaves what still does not fit
 * undialable rather than sending a command the softphone would ignore.
 */

const MAX_DIAL_LENGTH = 40;
const EXTENSION = /^(.*?\d[^a-z#,;]*?)\s*(?:;\s*ext\s*=|extension|ext\.?|x|#|,+)\s*(\d{1,10})\s*$/i;
const DIAL_TEXT = /^[0-9+().\-\s]+$/;

/**
 * @param {string} stored A phone field's value.
 * @returns {{number: string, extension?: string} | null} The number to send with `dial`, and
 *   the extension to key in after connecting; null when the value cannot be dialed.
 */
export function dialable(stored) {
  if (typeof stored !== "string") return null;
  let main = stored.trim();
  let extension;
  const withExtension = EXTENSION.exec(main);
  if (withExtension) {
    main = withExtension[1].trim();
    extension = withExtension[2];
  }
  // Slashes and no-break spaces are separators people write; the dial command wants spaces.
  main = main.replace(/[/\u00a0]/g, " ").trim();
  if (main === "" || main.length > MAX_DIAL_LENGTH || !DIAL_TEXT.test(main) || !/\d/.test(main)) {
    return null;
  }
  return extension ? { number: main, extension } : { number: main };
}
