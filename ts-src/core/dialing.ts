/**
 * Turning what the agent typed (or what Salesforce sent) into a dial string, and numbers into
 * something readable. Extensions and short codes of up to 6 characters are dialed as typed.
 */
import type { CountryCode } from "./countries";
import type { PhoneNumbers } from "./phone-numbers";
import type { DialFormat, DialingPrefixes } from "./settings";

export interface DialingRules {
  defaultCountry: CountryCode;
  dialFormat: DialFormat;
  prefixes: DialingPrefixes;
}

export type DialPlan =
  | {
      ok: true;
      /** What the phone dials. */
      dialString: string;
      /** The number for logs and lookups: E.164, or the extension as typed. */
      number: string;
      displayNumber: string;
      extension: boolean;
    }
  | { ok: false; message: string };

export const MAX_INPUT_LENGTH = 40;
const SHORT_CODE = /^[0-9*#]{1,6}$/;
/** Visual separators people paste with numbers; anything else is refused, not dropped. */
const SEPARATORS = /[\s\-()./\u00a0]/g;

/** Extensions and short codes: up to 6 of 0-9 * #, dialed as typed and logged as internal. */
export function isShortCode(compact: string): boolean {
  return SHORT_CODE.test(compact);
}

/**
 * Plans a call to `input`; refuses, with a message for the agent, anything it cannot dial.
 * Without `numbers` (the rules could not be loaded) only extensions and short codes dial.
 */
export function planDial(
  input: string,
  rules: DialingRules,
  numbers: PhoneNumbers | null
): DialPlan {
  const typed = input.trim();
  if (typed === "") return { ok: false, message: "Enter a number to call." };
  if (typed.length > MAX_INPUT_LENGTH) {
    return { ok: false, message: `A number has at most ${MAX_INPUT_LENGTH} characters.` };
  }
  const compact = typed.replace(SEPARATORS, "");
  if (SHORT_CODE.test(compact)) {
    return {
      ok: true,
      dialString: compact,
      number: compact,
      displayNumber: compact,
      extension: true
    };
  }
  if (!/^\+?[0-9]+$/.test(compact)) {
    if (/(?:x|ext\.?|#)\s*\d+$/i.test(typed)) {
      return {
        ok: false,
        message: `"${typed}" has an extension: dial the main number, then enter the extension on the keypad.`
      };
    }
    return {
      ok: false,
      message: `"${typed}" is not a phone number: use digits, and + for international numbers.`
    };
  }
  if (!numbers) {
    return {
      ok: false,
      message: `Could not check "${typed}": the phone number rules did not load. Try again in a moment.`
    };
  }
  const parsed = numbers.parse(compact, rules.defaultCountry);
  if (parsed === undefined || !parsed.valid) {
    return {
      ok: false,
      message: `"${typed}" is not a valid phone number for ${rules.defaultCountry}. Check the digits, or add + and the country code.`
    };
  }
  const number = parsed.number;
  const displayNumber = formatNumber(number, rules.defaultCountry, numbers);
  if (rules.dialFormat === "e164") {
    return { ok: true, dialString: number, number, displayNumber, extension: false };
  }
  const { outside, longDistance, international } = rules.prefixes;
  const domestic = parsed.countryCallingCode === numbers.callingCode(rules.defaultCountry);
  const dialString = domestic
    ? `${outside}${longDistance}${parsed.nationalNumber}`
    : `${outside}${international}${parsed.countryCallingCode}${parsed.nationalNumber}`;
  return { ok: true, dialString, number, displayNumber, extension: false };
}

/**
 * A number for display: national format at home, international abroad, unchanged when it
 * cannot be parsed (a SIP user name, an extension, a withheld number) or the rules are not in.
 */
export function formatNumber(
  number: string,
  defaultCountry: CountryCode,
  numbers: PhoneNumbers | null
): string {
  const trimmed = number.trim();
  if (trimmed === "") return "Unknown number";
  const compact = trimmed.replace(SEPARATORS, "");
  if (!numbers || !/^\+?[0-9]{7,17}$/.test(compact)) return trimmed;
  const parsed = numbers.parse(compact, defaultCountry);
  if (parsed === undefined || !parsed.valid) return trimmed;
  if (parsed.country !== defaultCountry) return parsed.formatInternational();
  // A short national number would read (and redial) as an extension: show it in full.
  const national = parsed.formatNational();
  return SHORT_CODE.test(national.replace(SEPARATORS, ""))
    ? parsed.formatInternational()
    : national;
}

/** E.164 for a signalled number when it parses, otherwise the number as signalled. */
export function normaliseNumber(
  number: string,
  defaultCountry: CountryCode,
  numbers: PhoneNumbers | null
): string {
  const compact = number.trim().replace(SEPARATORS, "");
  if (!numbers || !/^\+?[0-9]{7,17}$/.test(compact)) return number.trim();
  const parsed = numbers.parse(compact, defaultCountry);
  return parsed !== undefined && parsed.valid ? parsed.number : number.trim();
}

/** Keypad digits the phone can send as DTMF. */
export const DTMF_DIGITS = /^[0-9*#A-Da-d,]{1,32}$/;
