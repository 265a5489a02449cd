/**
 * The names call center definitions are made of: Salesforce's own sections and items (Open CTI
 * and Service Cloud Voice), this softphone's sections, and small helpers the rules share.
 */

/** Open CTI: Salesforce's own sections and the items each holds (Open CTI Developer Guide). */
export const OPEN_CTI_ITEMS = {
  reqGeneralInfo: [
    "reqInternalName",
    "reqDisplayName",
    "reqAdapterUrl",
    "reqUseApi",
    "reqSoftphoneHeight",
    "reqSoftphoneWidth",
    "reqSalesforceCompatibilityMode",
    "reqStandbyUrl",
    "reqTimeout",
    "reqCanvasApiName",
    "reqCanvasNamespace",
    "reqDescription",
    "reqProgId",
    "reqVersion"
  ],
  reqDialingOptions: ["reqOutsidePrefix", "reqLongDistPrefix", "reqInternationalPrefix"]
};

/** The guide's "Required Call Center Elements" table: an import without them fails. */
export const OPEN_CTI_REQUIRED = [
  "reqInternalName",
  "reqDisplayName",
  "reqAdapterUrl",
  "reqUseApi",
  "reqSoftphoneHeight",
  "reqSoftphoneWidth"
];

/** The guide's samples also carry this section; shipping files (Cisco, Webex) leave it out. */
export const DIALING_OPTIONS = OPEN_CTI_ITEMS.reqDialingOptions;

/**
 * Service Cloud Voice (Partner Telephony) contact centers: the sample in Salesforce's Partner
 * Telephony developer guide (reqGeneralInfo with reqVendorInfoApiName; reqHvcc with the
 * telephony integration certificate) and the Amazon Connect import attributes in Salesforce
 * Help. Voice reads items by name, so their section is not checked beyond the two required.
 */
export const VOICE_REQUIRED = {
  reqGeneralInfo: ["reqInternalName", "reqDisplayName", "reqVendorInfoApiName"],
  reqHvcc: ["reqTelephonyIntegrationCertificate"]
};
export const VOICE_SECTIONS = ["reqGeneralInfo", "reqHvcc", "reqDialingOptions"];
export const VOICE_ITEMS = [
  "reqInternalName",
  "reqDisplayName",
  "reqVendorInfoApiName",
  "reqDescription",
  "reqProgId",
  "reqVersion",
  "reqTelephonyIntegrationCertificate",
  "reqTelephonyIntegrationKeyPairExpDate",
  "reqLongDistPrefix",
  "reqOutsidePrefix",
  "reqInternationalPrefix",
  "reqInstanceId",
  "reqInstanceName",
  "reqAmazonConnectManagementRole",
  "reqRegion",
  "reqIdentityUrl",
  "reqInstanceRecordingRole",
  "reqUniversalCallRecordingAccess"
];
/** Open CTI items a Voice contact center does not read (its connector URL is in ConversationVendorInfo). */
export const OPEN_CTI_ONLY_ITEMS = [
  "reqAdapterUrl",
  "reqUseApi",
  "reqSoftphoneHeight",
  "reqSoftphoneWidth",
  "reqSalesforceCompatibilityMode",
  "reqStandbyUrl",
  "reqTimeout",
  "reqCanvasApiName",
  "reqCanvasNamespace"
];

/** This softphone's sections and the items it reads from each (both hosts read them). */
export const SOFTPHONE_ITEMS = {
  softphoneSettings: [
    "provider",
    "defaultCountry",
    "screenPop",
    "noMatchPop",
    "logCalls",
    "wrapUpSeconds",
    "dialFormat",
    "retentionDays",
    "notReadyReasons",
    "notReadyResponseCode",
    "dispositions",
    "dispositionRequired",
    "allowServiceCodes",
    "channelCommands"
  ],
  sipSettings: ["webSocketUrl", "sipDomain", "iceServers", "credentials", "reconnectGraceSeconds"],
  callFeatures: ["conferenceUri", "featureCodes", "supervisorCodes", "voicemailMessages"]
};

export const RESERVED_WORDS = ["label", "sortOrder", "internalNameLabel", "displayNameLabel"];

export const codePoints = (s) => [...s].length;
/** A value as messages show it: long ones cut, so a report stays readable. */
export const clip = (s, max = 80) =>
  codePoints(s) > max ? `${[...s].slice(0, max - 1).join("")}…` : s;
export const oneOf = (values) => values.map((v) => `"${v}"`).join(", ");

/** @param {import("./model.mjs").Center} center @param {string} name */
export const findSection = (center, name) => center.sections.find((s) => s.name === name);
/** @param {import("./model.mjs").Center} center */
export const findItem = (center, sectionName, itemName) =>
  findSection(center, sectionName)?.items.find((i) => i.name === itemName);

/** Levenshtein distance, capped: enough to suggest a near spelling. */
function distance(a, b, cap) {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        previous[j] + 1,
        row[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
    previous = row;
  }
  return previous[b.length];
}

/** The known name that `name` most likely misspells (letter case or up to 2 edits), or null. */
export function nearestName(name, known) {
  const lower = name.toLowerCase();
  let best = null;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = distance(lower, candidate.toLowerCase(), 2);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
