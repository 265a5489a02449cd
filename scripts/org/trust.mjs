/**
 * CSP Trusted Sites for the PBX: the softphone's Visualforce page may only open WebSocket
 * (and fetch) connections to hosts an admin trusted. This module turns the PBX URL into a
 * CspTrustedSite metadata file (connect-src, Visualforce context).
 */
import { escapeText } from "../callcenter/xml.mjs";

export class TrustInputError extends Error {
  constructor(message) {
    super(message);
    this.name = "TrustInputError";
  }
}

/** Developer names: a letter first, then letters, digits and single underscores, at most 80. */
const DEVELOPER_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;

export function checkSiteName(name) {
  if (!DEVELOPER_NAME.test(name) || name.endsWith("_") || name.length > 80)
    throw new TrustInputError(
      `"${name}" is not a valid trusted site name: use up to 80 letters, digits and single underscores, starting with a letter and not ending with an underscore.`
    );
  return name;
}

/**
 * Parses what the admin typed into the trusted origin.
 * @param {string} input e.g. wss://pbx.example.com:8089/ws
 * @returns {{ origin: string, host: string, droppedPath: string|null }}
 */
export function parseEndpoint(input) {
  const raw = (input ?? "").trim();
  if (raw === "")
    throw new TrustInputError(
      "Give the PBX URL, for example: npm run org:trust -- wss://pbx.example.com:8089"
    );
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new TrustInputError(
      `"${raw}" is not a URL. Give the PBX URL, for example wss://pbx.example.com:8089`
    );
  }
  if (url.protocol === "ws:" || url.protocol === "http:")
    throw new TrustInputError(
      `"${raw}" is unencrypted (${url.protocol}//). Salesforce pages are served over https and may only connect to wss:// or https:// endpoints.`
    );
  if (url.protocol !== "wss:" && url.protocol !== "https:")
    throw new TrustInputError(
      `"${raw}" uses ${url.protocol}//; only wss:// (the PBX WebSocket) and https:// URLs can be trusted.`
    );
  if (url.username || url.password)
    throw new TrustInputError(
      `"${raw}" contains a user name or password; trusted sites are visible to every admin. Remove them.`
    );
  if (url.hostname === "" || url.hostname.includes("*"))
    throw new TrustInputError(
      `"${raw}" needs a plain host name (wildcards are not written by this tool).`
    );
  if (url.search || url.hash)
    throw new TrustInputError(`"${raw}" must not have a ?query or #fragment.`);
  const path = url.pathname === "/" ? null : url.pathname;
  const origin = `${url.protocol}//${url.host}`;
  return { origin, host: url.host, droppedPath: path };
}

/** "pbx.example.com:8089" → "Softphone_PBX_pbx_example_com_8089" */
export function defaultSiteName(host) {
  const slug = host
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .replace(/_+/g, "_");
  return `Softphone_PBX_${slug}`.slice(0, 80).replace(/_+$/, "");
}

/** The CspTrustedSite metadata: connect-src only, for Visualforce pages (our softphone page). */
export function cspTrustedSiteXml({ endpointUrl, description }) {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<CspTrustedSite xmlns="http://soap.sforce.com/2006/04/metadata">',
    "    <context>VisualForce</context>",
    `    <description>${escapeText(description)}</description>`,
    `    <endpointUrl>${escapeText(endpointUrl)}</endpointUrl>`,
    "    <isActive>true</isActive>",
    "    <isApplicableToConnectSrc>true</isApplicableToConnectSrc>",
    "    <isApplicableToFontSrc>false</isApplicableToFontSrc>",
    "    <isApplicableToFrameSrc>false</isApplicableToFrameSrc>",
    "    <isApplicableToImgSrc>false</isApplicableToImgSrc>",
    "    <isApplicableToMediaSrc>false</isApplicableToMediaSrc>",
    "    <isApplicableToStyleSrc>false</isApplicableToStyleSrc>",
    "</CspTrustedSite>",
    ""
  ].join("\n");
}
