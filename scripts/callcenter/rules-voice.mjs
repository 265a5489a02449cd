/**
 * Service Cloud Voice (Partner Telephony) contact center definitions, checked by their own
 * rules rather than Open CTI's: reqGeneralInfo names the ConversationVendorInfo record in
 * reqVendorInfoApiName, reqHvcc holds the telephony integration certificate; there is no
 * adapter URL, softphone size or dialing options section (Salesforce draws the phone).
 */
import { OPEN_CTI_ONLY_ITEMS, VOICE_REQUIRED, findSection } from "./vocabulary.mjs";

// A ConversationVendorInfo API name: DeveloperName, with its namespace (ns__ or c__) when it has one.
const API_NAME =
  /^(?:[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*__)?[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*$/;
const PEM = /^-----BEGIN (CERTIFICATE|PUBLIC KEY)-----\s+[A-Za-z0-9+/=\s]+-----END \1-----$/;

/**
 * @param {import("./model.mjs").Center} center
 * @param {"import"|"metadata"} format
 * @param {(line: number, rule: string, message: string) => void} report
 */
export function checkVoice(center, format, report) {
  for (const [sectionName, items] of Object.entries(VOICE_REQUIRED)) {
    const section = findSection(center, sectionName);
    const needed = items.filter(
      (n) => format === "import" || (n !== "reqInternalName" && n !== "reqDisplayName")
    );
    if (!section) {
      report(
        center.line,
        "required-missing",
        `A Service Cloud Voice contact center needs the section ${sectionName} with ${needed.join(", ")}; add it.`
      );
      continue;
    }
    for (const itemName of needed)
      if (!section.items.some((i) => i.name === itemName))
        report(
          section.line,
          "required-missing",
          `Section ${sectionName} of a Service Cloud Voice contact center needs the item ${itemName}; add it.`
        );
  }

  const vendor = findSection(center, "reqGeneralInfo")?.items.find(
    (i) => i.name === "reqVendorInfoApiName"
  );
  if (vendor && !API_NAME.test(vendor.value))
    report(
      vendor.valueLine,
      "vendor-info-api-name",
      vendor.value === ""
        ? "reqVendorInfoApiName is empty: give the API name of the telephony provider's ConversationVendorInfo record, with its namespace (like acme__AcmeTelephony, or c__AcmeTelephony when it is not in a package)."
        : `reqVendorInfoApiName "${vendor.value}" is not an API name; give the ConversationVendorInfo record's API name with its namespace, like acme__AcmeTelephony.`
    );

  const certificate = findSection(center, "reqHvcc")?.items.find(
    (i) => i.name === "reqTelephonyIntegrationCertificate"
  );
  if (certificate && certificate.value !== "" && !PEM.test(certificate.value.trim()))
    report(
      certificate.valueLine,
      "telephony-certificate",
      "reqTelephonyIntegrationCertificate does not hold a PEM certificate or public key (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----); paste the certificate whose private key signs the connector's JWTs, or leave it empty and upload it in Setup."
    );

  for (const section of center.sections)
    for (const item of section.items)
      if (OPEN_CTI_ONLY_ITEMS.includes(item.name))
        report(
          item.nameLine,
          "voice-open-cti-item",
          `${item.name} is an Open CTI item; a Service Cloud Voice contact center does not read it (the connector's URL is in the ConversationVendorInfo record). Remove it.`
        );
}
