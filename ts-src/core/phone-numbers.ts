/**
 * The port for phone-number rules (parsing, validating, formatting). libphonenumber-js and
 * its metadata are most of the softphone's weight, and nothing on the way to "ready" needs
 * them: the entry file injects a loader that imports them as a lazy chunk
 * (phone-numbers-lib.ts), and numbers-first.ts makes a dial or a call that comes first wait.
 */
import type { CountryCode } from "./countries";

export interface ParsedNumber {
  /** E.164, e.g. +14155550100. */
  number: string;
  countryCallingCode: string;
  nationalNumber: string;
  /** The country the number belongs to, when one can be told. */
  country?: string;
  valid: boolean;
  formatNational(): string;
  formatInternational(): string;
}

export interface PhoneNumbers {
  /** undefined when `text` is not a phone number at all. */
  parse(text: string, defaultCountry: CountryCode): ParsedNumber | undefined;
  callingCode(country: CountryCode): string;
}

/** Loads the rules; rejects when the chunk cannot be fetched. */
export type LoadPhoneNumbers = () => Promise<PhoneNumbers>;
