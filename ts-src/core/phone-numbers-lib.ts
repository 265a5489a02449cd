/**
 * PhoneNumbers over libphonenumber-js with its default (min) metadata. Only ever imported
 * dynamically by an entry file, so the library and its metadata are a chunk of their own.
 */
import { getCountryCallingCode, parsePhoneNumberFromString } from "libphonenumber-js";
import type { PhoneNumbers } from "./phone-numbers";

export function createPhoneNumbers(): PhoneNumbers {
  return {
    parse(text, defaultCountry) {
      const parsed = parsePhoneNumberFromString(text, defaultCountry);
      if (parsed === undefined) return undefined;
      return {
        number: parsed.number,
        countryCallingCode: parsed.countryCallingCode,
        nationalNumber: parsed.nationalNumber,
        country: parsed.country,
        valid: parsed.isValid(),
        formatNational: () => parsed.formatNational(),
        formatInternational: () => parsed.formatInternational()
      };
    },
    callingCode: (country) => getCountryCallingCode(country)
  };
}
