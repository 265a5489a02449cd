/**
 * Open CTI's own rules (the Open CTI Developer Guide, "Call Center Definition Files"): the
 * Required table, the values Salesforce and the softphone frame need, and the dialing options
 * the guide's samples carry.
 */
import { DIALING_OPTIONS, OPEN_CTI_REQUIRED, findSection, oneOf } from "./vocabulary.mjs";

const COMPATIBILITY_MODES = ["Classic", "Lightning", "Classic_and_Lightning"];

/**
 * @param {import("./model.mjs").Center} center
 * @param {"import"|"metadata"} format
 * @param {(line: number, rule: string, message: string) => void} report
 */
export function checkOpenCti(center, format, report) {
  checkRequired(center, format, report);
  const general = findSection(center, "reqGeneralInfo");
  if (format === "import" && general && general.sortOrder !== null && general.sortOrder !== 0)
    report(
      general.sortOrderLine,
      "general-info-position",
      `Section reqGeneralInfo should have sortOrder 0, not ${general.sortOrder}: the guide lets only its label change; move it first.`
    );
  if (general) checkGeneralValues(general, report);
  checkDialingPrefixes(center, report);
}

function checkRequired(center, format, report) {
  const general = findSection(center, "reqGeneralInfo");
  if (!general)
    report(
      center.line,
      "required-missing",
      `The required section reqGeneralInfo is missing; add it with ${OPEN_CTI_REQUIRED.filter((n) => format === "import" || !/^req(Internal|Display)Name$/.test(n)).join(", ")}.`
    );
  else
    for (const itemName of OPEN_CTI_REQUIRED) {
      if (
        format === "metadata" &&
        (itemName === "reqInternalName" || itemName === "reqDisplayName")
      )
        continue;
      if (!general.items.some((i) => i.name === itemName))
        report(
          general.line,
          "required-missing",
          `Section reqGeneralInfo is missing the required item ${itemName}; the import fails without it.`
        );
    }
  const dialing = findSection(center, "reqDialingOptions");
  if (!dialing)
    report(
      center.line,
      "dialing-options-missing",
      "There is no reqDialingOptions section; the guide's samples carry one (reqOutsidePrefix, reqLongDistPrefix, reqInternationalPrefix), and softphones that dial with prefixes find nothing. Add it, with empty values for none."
    );
  else
    for (const itemName of DIALING_OPTIONS)
      if (!dialing.items.some((i) => i.name === itemName))
        report(
          dialing.line,
          "dialing-options-missing",
          `Section reqDialingOptions has no ${itemName}; add it (empty for none).`
        );
}

/** @returns {string|null} a problem with the URL, or null when it is acceptable */
function urlProblem(value, lightning) {
  if (value.startsWith("/")) {
    if (!/^\/apex\/[A-Za-z][A-Za-z0-9_]*(?:__[A-Za-z][A-Za-z0-9_]*)?(?:[?#].*)?$/.test(value))
      return "is relative, so it must point to a Visualforce page, like /apex/Softphone";
    return null;
  }
  let url;
  try {
    url = new URL(value);
  } catch {
    return "is not a URL (a placeholder?); use https://host/path or a Visualforce page like /apex/Softphone";
  }
  if (url.username || url.password) return "must not contain a user name or password";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:")
    return lightning
      ? "uses http, which Lightning Experience (an https page) blocks as mixed content; use https or a Visualforce page like /apex/Softphone"
      : null;
  return `uses "${url.protocol}"; only https${lightning ? "" : " or http"} URLs and /apex/ pages are allowed`;
}

/** A value that is right but for its letter case: Salesforce accepts it, the guide spells it otherwise. */
function caseOnly(value, allowed) {
  return allowed.find((a) => a !== value && a.toLowerCase() === value.toLowerCase()) ?? null;
}

function checkGeneralValues(general, report) {
  const item = (name) => general.items.find((i) => i.name === name);
  const mode = item("reqSalesforceCompatibilityMode");
  if (mode && mode.value !== "" && !COMPATIBILITY_MODES.includes(mode.value)) {
    const spelled = caseOnly(mode.value, COMPATIBILITY_MODES);
    if (spelled)
      report(
        mode.valueLine,
        "value-case",
        `reqSalesforceCompatibilityMode "${mode.value}" is spelled "${spelled}" in the guide; write it that way.`
      );
    else
      report(
        mode.valueLine,
        "compatibility-mode",
        `reqSalesforceCompatibilityMode "${mode.value}" must be one of ${oneOf(COMPATIBILITY_MODES)} (empty means Classic).`
      );
  }
  const lightning = mode !== undefined && /lightning/i.test(mode.value);

  const useApi = item("reqUseApi");
  if (useApi && useApi.value !== "" && useApi.value !== "true" && useApi.value !== "false") {
    const spelled = caseOnly(useApi.value, ["true", "false"]);
    if (spelled)
      report(
        useApi.valueLine,
        "value-case",
        `reqUseApi "${useApi.value}" is written "${spelled}" in the guide; write it in lower case.`
      );
    else
      report(
        useApi.valueLine,
        "use-api",
        `reqUseApi "${useApi.value}" must be "true" (Open CTI) or "false".`
      );
  }

  for (const [name, min, max] of [
    ["reqSoftphoneHeight", 240, 2560],
    ["reqSoftphoneWidth", 200, 1920]
  ]) {
    const size = item(name);
    if (!size || size.value === "") continue;
    const n = /^\d+$/.test(size.value) ? Number(size.value) : NaN;
    if (Number.isNaN(n) || n <= 0)
      report(
        size.valueLine,
        "softphone-size",
        `${name} "${size.value}" must be a whole number of pixels, like ${min === 240 ? 400 : 340}.`
      );
    else if (lightning && (n < min || n > max))
      report(
        size.valueLine,
        "softphone-size",
        `${name} ${n} is outside ${min}–${max} pixels, the range Lightning Experience allows; pick a size within it.`
      );
  }

  const standby = item("reqStandbyUrl");
  const timeout = item("reqTimeout");
  const hasStandby = standby !== undefined && standby.value !== "";
  const hasTimeout = timeout !== undefined && timeout.value !== "";
  if (hasStandby !== hasTimeout) {
    const present = hasStandby ? standby : timeout;
    report(
      present.valueLine,
      "standby-pair",
      hasStandby
        ? "reqStandbyUrl is set but reqTimeout is not; set both (a timeout in milliseconds) or neither."
        : "reqTimeout is set but reqStandbyUrl is not; set both or neither."
    );
  }
  if (hasTimeout && !/^[1-9]\d{0,8}$/.test(timeout.value))
    report(
      timeout.valueLine,
      "timeout-value",
      `reqTimeout "${timeout.value}" must be a positive whole number of milliseconds, like 10000.`
    );

  for (const name of ["reqAdapterUrl", "reqStandbyUrl"]) {
    const u = item(name);
    if (!u || u.value === "") continue;
    const problem = urlProblem(u.value, lightning);
    if (problem) report(u.valueLine, "adapter-url", `${name} "${u.value}" ${problem}.`);
  }

  const canvasName = item("reqCanvasApiName");
  const canvasNamespace = item("reqCanvasNamespace");
  const hasName = canvasName !== undefined && canvasName.value !== "";
  const hasNamespace = canvasNamespace !== undefined && canvasNamespace.value !== "";
  if (hasName !== hasNamespace) {
    const present = hasName ? canvasName : canvasNamespace;
    report(
      present.valueLine,
      "canvas-pair",
      "reqCanvasApiName and reqCanvasNamespace go together: a Canvas app needs both, so set the other or clear this one."
    );
  }
}

function checkDialingPrefixes(center, report) {
  for (const item of findSection(center, "reqDialingOptions")?.items ?? []) {
    if (!DIALING_OPTIONS.includes(item.name)) continue;
    if (!/^[0-9*#]{0,6}$/.test(item.value))
      report(
        item.valueLine,
        "dialing-prefix",
        `${item.name} "${item.value}" must be up to 6 digits (or * and #), or empty for none.`
      );
  }
}
