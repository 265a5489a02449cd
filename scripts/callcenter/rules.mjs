/**
 * The call center validator: Salesforce's "Call Center Definition Files" rules (Open CTI
 * Developer Guide), the Metadata API format, Service Cloud Voice contact centers and this
 * softphone's own sections, as one function:
 *   checkCallCenter(xmlText, { format, fileName }) → [{ line, rule, severity, message }]
 * Every rule has one severity. **error**: the import or the deploy fails, or the softphone
 * cannot start. **warning**: guide advice that files Salesforce and vendors ship do break (a
 * custom `req…` name, no dialing options, a long name, letter case), disagreements a deploy
 * lets through, and security advice. An empty array means the definition is clean.
 */
import { readDefinition } from "./model.mjs";
import { checkCallFeatures } from "./rules-call-features.mjs";
import { checkIdentity, checkUniqueInternalNames } from "./rules-identity.mjs";
import { checkMetadataExtras } from "./rules-metadata.mjs";
import { checkOpenCti } from "./rules-open-cti.mjs";
import { checkSoftphoneSettings } from "./rules-softphone.mjs";
import { checkStructure } from "./rules-structure.mjs";
import { checkVoice } from "./rules-voice.mjs";

const error = (summary) => ({ severity: "error", summary });
const warning = (summary) => ({ severity: "warning", summary });

/** Every rule this validator applies, by id, with its severity. */
export const RULES = {
  "xml-syntax": error("the file is well-formed XML (no DOCTYPE; < and & escaped in values)"),
  root: error(
    "the root is <callCenter> (import) or <CallCenter xmlns=metadata> (Metadata API) and fits the content"
  ),
  "file-name": warning("the file name agrees with the content's format and a deployable suffix"),
  "call-center-missing": error("at least one <callCenter> element"),
  "call-center-empty": error("a call center holds one or more sections"),
  "section-empty": error("a section holds one or more items"),
  "unexpected-element": error("only the elements the format defines, where it defines them"),
  "stray-text": error("no text outside item values"),
  "attribute-missing": error("sections and items carry sortOrder and name"),
  "attribute-unknown": error("sections and items carry only sortOrder, name and label"),
  "sort-order-format": error("sortOrder is a non-negative whole number"),
  "sort-order-sequence": error(
    "sortOrder starts at 0 and runs without gaps or repeats within each parent"
  ),
  "name-format": error("names are letters and digits only"),
  "name-length": warning("names are at most 40 characters"),
  "name-reserved-req": warning("names starting with req are Salesforce's own sections and items"),
  "name-reserved-word": error(
    "names are not label, sortOrder, internalNameLabel or displayNameLabel"
  ),
  "name-duplicate": error("a name is used once per call center (sections) or section (items)"),
  "label-missing": error("Metadata API sections and items have a <label>"),
  "label-length": error("labels are at most 1,000 characters"),
  "required-missing": error("the required sections and items are present"),
  "dialing-options-missing": warning("reqDialingOptions holds the three dialing prefixes"),
  "req-misplaced": warning("Salesforce's Open CTI items sit in their own section"),
  "general-info-position": warning("reqGeneralInfo has sortOrder 0"),
  "internal-name-position": error("reqInternalName has sortOrder 0"),
  "internal-name-value": error(
    "reqInternalName is 1–40 alphanumerics starting with a letter, unique in the file"
  ),
  "display-name-position": error("reqDisplayName has sortOrder 1"),
  "display-name-value": error("reqDisplayName is at most 1,000 characters"),
  "use-api": error("reqUseApi is true or false"),
  "value-case": warning("Salesforce's values are written in the guide's letter case"),
  "softphone-size": error(
    "reqSoftphoneHeight 240–2560 and reqSoftphoneWidth 200–1920 with Lightning"
  ),
  "compatibility-mode": error(
    "reqSalesforceCompatibilityMode is Classic, Lightning or Classic_and_Lightning"
  ),
  "standby-pair": error("reqStandbyUrl and reqTimeout are set together"),
  "timeout-value": error("reqTimeout is a positive number of milliseconds"),
  "canvas-pair": error("reqCanvasApiName and reqCanvasNamespace are set together"),
  "adapter-url": error("adapter and standby URLs are https (or /apex/Page) for Lightning"),
  "dialing-prefix": error("dialing prefixes hold up to 6 digits, * or #"),
  "metadata-order": error("Metadata API fields come in schema order"),
  "metadata-consistency": warning("adapterUrl and customSettings agree with the items"),
  "metadata-internal-items": error(
    "reqInternalName/reqDisplayName are not items in the Metadata API format"
  ),
  "vendor-info-api-name": error(
    "Voice: reqVendorInfoApiName names a ConversationVendorInfo record by its API name"
  ),
  "telephony-certificate": warning(
    "Voice: reqTelephonyIntegrationCertificate is empty or a PEM certificate"
  ),
  "voice-open-cti-item": warning("Voice: no Open CTI items, which Voice does not read"),
  "setting-unknown": warning(
    "softphoneSettings, sipSettings and callFeatures hold only the items the softphone reads"
  ),
  provider: error("provider is demo or sip"),
  "default-country": error("defaultCountry is an ISO 3166-1 alpha-2 code with a numbering plan"),
  "screen-pop": error("screenPop is apex, layout or off"),
  "no-match-pop": error("noMatchPop is newContact, newLead, search, none or flow:<FlowApiName>"),
  "log-calls": error("logCalls is true or false"),
  "wrap-up-seconds": error("wrapUpSeconds is empty or 0–3600"),
  "reconnect-grace-seconds": error("reconnectGraceSeconds is empty or 0–300"),
  "dial-format": error("dialFormat is e164 or prefixes"),
  "retention-days": error("retentionDays is empty or a whole number of days from 1 to 90"),
  "not-ready-reasons": error("notReadyReasons lists up to 20 labels of up to 40 characters"),
  "not-ready-code": error("notReadyResponseCode is 480, 486 or 603"),
  dispositions: error("dispositions lists 1 to 20 labels of up to 40 characters"),
  "disposition-required": error("dispositionRequired is true or false"),
  "allow-service-codes": error("allowServiceCodes is true or false"),
  "channel-commands": error("channelCommands lists message-channel commands, none, or is empty"),
  "websocket-url": error("webSocketUrl is wss:// (ws:// only for localhost), without credentials"),
  "sip-domain": error("sipDomain is a host name or IP address"),
  "ice-servers": error("iceServers is a comma-separated list of stun:/turn: URLs"),
  credentials: error("credentials is prompt or salesforce"),
  "sip-required": error("provider sip needs webSocketUrl and sipDomain"),
  "conference-uri": error("conferenceUri is empty, a sip: URI or a conference room number"),
  "feature-codes": error("featureCodes is Name=digits or Name=sip: URI pairs, at most 12"),
  "supervisor-codes": error("supervisorCodes is Name=code pairs, each code holding {ext} once"),
  "voicemail-messages": error("voicemailMessages is Name=/resource/… static resource path pairs"),
  "secret-item": warning(
    "no password, secret or token values in call center items (every agent can read them)"
  )
};

/**
 * @typedef {{ line: number, rule: string, severity: "error"|"warning", message: string }} Problem
 * @typedef {{ format: "import"|"metadata"|null, kind: "open-cti"|"voice"|null,
 *   problems: Problem[], errors: number, warnings: number }} Analysis
 */

/**
 * Reads and checks a definition, saying which format and kind the content is.
 * @param {string} xmlText
 * @param {{ format?: "auto"|"import"|"metadata", fileName?: string }} [options]
 * @returns {Analysis}
 */
export function analyzeCallCenter(xmlText, options = {}) {
  const definition = readDefinition(xmlText, options);
  const found = [...definition.problems];
  const report = (line, rule, message) => found.push({ line, rule, message });
  for (const center of definition.centers) {
    const kind = definition.kind ?? "open-cti";
    checkStructure(center, definition.format, kind, report);
    checkIdentity(center, definition.format, report);
    if (kind === "voice") checkVoice(center, definition.format, report);
    else checkOpenCti(center, definition.format, report);
    checkSoftphoneSettings(center, report);
    checkCallFeatures(center, report);
    if (center.metadata) checkMetadataExtras(center, report);
  }
  checkUniqueInternalNames(definition.centers, report);
  /** @type {Problem[]} */
  const problems = found
    .map((p) => ({
      line: p.line,
      rule: p.rule,
      severity: RULES[p.rule].severity,
      message: p.message
    }))
    .sort((a, b) => a.line - b.line);
  const errors = problems.filter((p) => p.severity === "error").length;
  return {
    format: definition.format,
    kind: definition.kind,
    problems,
    errors,
    warnings: problems.length - errors
  };
}

/**
 * Checks a call center definition.
 * @param {string} xmlText
 * @param {{ format?: "auto"|"import"|"metadata", fileName?: string }} [options]
 * @returns {Problem[]} sorted by line
 */
export function checkCallCenter(xmlText, options = {}) {
  return analyzeCallCenter(xmlText, options).problems;
}
