/**
 * Numbers as people write them: `+1 415 555 0100 x123` / `ext. 123` (dial the number, then
 * send the extension as tones once the call connects), letters on the keypad
 * (`1-800-FLOWERS`), and `*` / `#` service codes (`*67 415 555 0100`, `#31#…`) where the call
 * center allows them. Everything else goes to planDial unchanged, so dialFormat rules apply.
 */
import { planDial, type DialingRules, type DialPlan } from "../dialing";
import type { PhoneNumbers } from "../phone-numbers";

export type ExtendedDialPlan =
  | (Extract<DialPlan, { ok: true }> & {
      /** Tones to send once the call is answered (the extension). */
      postDialDigits?: string;
    })
  | Extract<DialPlan, { ok: false }>;

export interface NumberOptions {
  /** Call center `allowServiceCodes`: `*` and `#` codes longer than a short code. */
  allowServiceCodes: boolean;
}

/** How long after the answer the extension is sent: auto-attendants greet before they listen. */
export const POST_DIAL_DELAY_MS = 1500;

const EXTENSION = /^(.*?)[\s,;]*(?:x|ext\.?|extension)\s*(\d{1,8})$/i;
const KEYPAD: Record<string, string> = {
  A: "2",
  B: "2",
  C: "2",
  D: "3",
  E: "3",
  F: "3",
  G: "4",
  H: "4",
  I: "4",
  J: "5",
  K: "5",
  L: "5",
  M: "6",
  N: "6",
  O: "6",
  P: "7",
  Q: "7",
  R: "7",
  S: "7",
  T: "8",
  U: "8",
  V: "8",
  W: "9",
  X: "9",
  Y: "9",
  Z: "9"
};
/** A vanity number: digits first (at least 3), then letters and digits, e.g. 1-800-FLOWERS. */
const VANITY = /^\+?[0-9][0-9\s\-().]{2,}[A-Za-z][A-Za-z0-9\s\-().]*$/;
const SERVICE_CODE = /^[*#][0-9*#\s-]{1,38}$/;

/** `{main, extension}` when the input ends with x123 / ext. 123 / extension 123. */
export function splitExtension(input: string): { main: string; extension: string } | null {
  const match = EXTENSION.exec(input.trim());
  if (!match || !match[1] || !/\d/.test(match[1])) return null;
  return { main: match[1].trim(), extension: match[2] ?? "" };
}

/** Letters to their keypad digits (1-800-FLOWERS → 1-800-3569377); null when not a vanity number. */
export function lettersToDigits(input: string): string | null {
  const typed = input.trim();
  if (!VANITY.test(typed)) return null;
  return typed.replace(/[A-Za-z]/g, (c) => KEYPAD[c.toUpperCase()] ?? c);
}

/** Plans a call to what the agent typed, with the extension and vanity rules above. */
export function planNumber(
  input: string,
  rules: DialingRules,
  numbers: PhoneNumbers | null,
  options: NumberOptions
): ExtendedDialPlan {
  const typed = input.trim();
  const compact = typed.replace(/[\s-]/g, "");
  if (SERVICE_CODE.test(typed) && compact.length > 6) {
    if (!options.allowServiceCodes) {
      return {
        ok: false,
        message: `"${typed}" is a service code: your admin has not allowed them (call center item allowServiceCodes).`
      };
    }
    return {
      ok: true,
      dialString: compact,
      number: compact,
      displayNumber: compact,
      extension: true
    };
  }
  const split = splitExtension(typed);
  const main = split ? split.main : typed;
  const plan = planDial(lettersToDigits(main) ?? main, rules, numbers);
  if (!plan.ok || !split) return plan;
  return {
    ...plan,
    displayNumber: `${plan.displayNumber} ext. ${split.extension}`,
    postDialDigits: split.extension
  };
}
