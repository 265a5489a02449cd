/**
 * Phone matching that ignores formatting, like Salesforce's phone search: "(415) 555-1212",
 * "415.555.1212" and "+1 415 555 1212" are the same number.
 */

/** Digits only, without international (00) or trunk (0) prefixes. */
export function phoneDigits(value: string): string {
  return value.replace(/\D/g, "").replace(/^0+/, "");
}

/** True when the input is made of digits and phone punctuation only, with 3 to 20 digits. */
export function looksLikePhone(value: string): boolean {
  if (!/^[\d\s().+\-/]+$/.test(value.trim())) return false;
  const digits = value.replace(/\D/g, "").length;
  return digits >= 3 && digits <= 20;
}

/**
 * Same digits, or the same number with and without a country code (up to 3 extra leading
 * digits on a number of at least 7 digits).
 */
export function samePhone(a: string, b: string): boolean {
  const left = phoneDigits(a);
  const right = phoneDigits(b);
  if (left === "" || right === "") return false;
  if (left === right) return true;
  const [shorter, longer] = left.length < right.length ? [left, right] : [right, left];
  return shorter.length >= 7 && longer.length - shorter.length <= 3 && longer.endsWith(shorter);
}
