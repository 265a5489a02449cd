/**
 * Every method of `sforce.interaction` (with `.cti` and `.entityFeed`) for Classic, and how
 * the client treats one the library lacks (see ../features.ts).
 */
export const CLASSIC_METHODS = [
  "getPageInfo",
  "isInConsole",
  "isVisible",
  "onFocus",
  "refreshPage",
  "refreshRelatedList",
  "runApex",
  "saveLog",
  "screenPop",
  "searchAndGetScreenPopUrl",
  "searchAndScreenPop",
  "setVisible",
  "cti.disableClickToDial",
  "cti.enableClickToDial",
  "cti.getCallCenterSettings",
  "cti.getDirectoryNumbers",
  "cti.getSoftphoneLayout",
  "cti.notifyInitializationComplete",
  "cti.onClickToDial",
  "cti.setSoftphoneHeight",
  "cti.setSoftphoneWidth",
  "entityFeed.onObjectUpdate",
  "entityFeed.refreshObject",
  "entityFeed.reloadFrame"
] as const;

/** Calls that only change Salesforce's chrome: skipped as done when missing. */
export const CLASSIC_SKIPPABLE: ReadonlySet<string> = new Set([
  "cti.disableClickToDial",
  "cti.enableClickToDial",
  "cti.notifyInitializationComplete",
  "cti.setSoftphoneHeight",
  "cti.setSoftphoneWidth",
  "entityFeed.refreshObject",
  "entityFeed.reloadFrame",
  "refreshPage",
  "refreshRelatedList",
  "setVisible"
]);
