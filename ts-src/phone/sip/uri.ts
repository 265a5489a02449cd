/** Building SIP URIs from what agents type, and reading numbers back out of them. */
import { PhoneError } from "../phone";

// RFC 3261 "user" unreserved characters plus the escapes we produce ourselves.
const USER_PART = /^[A-Za-z0-9\-_.!~*'()&=+$,;?/%]+$/;
const PHONE_PUNCTUATION = /[\s().\-\u00a0]/g;

/** `sip:username@domain`, for the agent's own address of record. */
export function aorFor(username: string, domain: string): string {
  const user = username.trim();
  if (!user || !USER_PART.test(user) || user.includes("@") || user.includes(":"))
    throw new PhoneError("CONFIG", `SIP user name ${JSON.stringify(username)} is not valid.`);
  return `sip:${user}@${domain}`;
}

/**
 * The URI to call or transfer to. Numbers lose their formatting ("+1 (415) 555-0100" →
 * "+14155550100"); `user@host` and `sip:` / `sips:` URIs are used as given; `*` and `#`
 * feature codes are kept (`#` escaped as %23 as RFC 3261 requires).
 */
export function targetUri(target: string, domain: string): string {
  const raw = (target ?? "").trim();
  if (!raw) throw new PhoneError("INVALID_STATE", "Enter a number or SIP address to call.");
  let uri: string;
  if (/^sips?:/i.test(raw)) uri = raw;
  else if (raw.includes("@")) uri = `sip:${raw}`;
  else {
    const user = raw.replace(PHONE_PUNCTUATION, "").replace(/#/g, "%23");
    if (!user || !USER_PART.test(user))
      throw new PhoneError(
        "INVALID_STATE",
        `${JSON.stringify(target)} is not a number or SIP address.`
      );
    uri = `sip:${user}@${domain}`;
  }
  const match = /^(sips?):([^@\s<>"]+)@([A-Za-z0-9.\-[\]:]+)(;[^\s<>"]*)?$/i.exec(uri);
  if (!match || !USER_PART.test(match[2]))
    throw new PhoneError(
      "INVALID_STATE",
      `${JSON.stringify(target)} is not a number or SIP address.`
    );
  return uri;
}

/** The number (or user) shown for a remote party: the URI's user part, unescaped. */
export function displayNumber(user: string | undefined, host: string | undefined): string {
  if (!user) return host ?? "";
  try {
    return decodeURIComponent(user);
  } catch {
    return user;
  }
}

/** Extracts the URI from a P-Asserted-Identity / From style header value. */
export function uriFromNameAddr(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const angle = /<([^>]+)>/.exec(value);
  const candidate = (angle ? angle[1] : value.split(",")[0]).trim();
  return /^(sips?|tel):/i.test(candidate) ? candidate : undefined;
}
