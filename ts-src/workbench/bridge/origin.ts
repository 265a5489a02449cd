/**
 * Which parent origins the stand-in Open CTI scripts talk to. Salesforce's library accepts a
 * `sfdcIframeOrigin` only on Salesforce host names and only with the page's own protocol
 * (OPENCTI-LIBRARY.md). The workbench adds one exception: a loopback shell for a loopback page
 * (`npm start` on http://127.0.0.1), since a browser cannot reach a force.com name there
 * without a hosts entry. The browser tests serve under a force.com name mapped to loopback,
 * where only the library's rule applies.
 */

/** Salesforce host names (any sub-domain): force.com covers *.visual.force.com, *.lightning.force.com. */
const SALESFORCE_DOMAINS = [
  "force.com",
  "salesforce.com",
  "my-lightning.com",
  // Government clouds; the names are assumptions from public material, not verified.
  "force.mil",
  "salesforce.mil",
  "salesforce-gov.com"
];
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export const isSalesforceHost = (hostname: string): boolean =>
  SALESFORCE_DOMAINS.some((d) => hostname.toLowerCase().endsWith(`.${d}`));

export const isLoopbackHost = (hostname: string): boolean => LOOPBACK.has(hostname.toLowerCase());

/**
 * Why the page may not talk to `sfdcIframeOrigin`, or null when it may.
 * @param page the softphone page's own location (protocol and host name)
 */
export function originProblem(
  sfdcIframeOrigin: string | null,
  page: { protocol: string; hostname: string }
): string | null {
  if (!sfdcIframeOrigin) return "the page URL has no sfdcIframeOrigin parameter";
  let url: URL;
  try {
    url = new URL(sfdcIframeOrigin);
  } catch {
    return `sfdcIframeOrigin "${sfdcIframeOrigin}" is not an origin`;
  }
  if (url.origin !== sfdcIframeOrigin.replace(/\/$/, ""))
    return `sfdcIframeOrigin "${sfdcIframeOrigin}" is not an origin (scheme://host[:port])`;
  if (url.protocol !== page.protocol)
    return `sfdcIframeOrigin ${url.origin} does not use the page's protocol (${page.protocol})`;
  if (isSalesforceHost(url.hostname)) return null;
  if (isLoopbackHost(url.hostname) && isLoopbackHost(page.hostname)) return null;
  return `sfdcIframeOrigin ${url.origin} is not a Salesforce host name`;
}
