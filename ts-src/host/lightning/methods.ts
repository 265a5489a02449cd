/**
 * Every method of `sforce.opencti`, as the Open CTI Developer Guide (API 66.0) lists them, and
 * how the client treats one the library lacks (see ../features.ts).
 */
export const LIGHTNING_METHODS = [
  "disableClickToDial",
  "enableClickToDial",
  "getAppViewInfo",
  "getCallCenterSettings",
  "getSoftphoneLayout",
  "hvs.completeWork",
  "hvs.onWorkStart",
  "isSoftphonePanelVisible",
  "notifyInitializationComplete",
  "onClickToDial",
  "onNavigationChange",
  "publish",
  "refreshView",
  "runApex",
  "saveLog",
  "screenPop",
  "searchAndScreenPop",
  "setSoftphoneItemIcon",
  "setSoftphoneItemLabel",
  "setSoftphonePanelHeight",
  "setSoftphonePanelIcon",
  "setSoftphonePanelLabel",
  "setSoftphonePanelVisibility",
  "setSoftphonePanelWidth",
  "subscribe",
  "unsubscribe"
] as const;

/** Calls that only change Salesforce's chrome: skipped as done when missing. */
export const LIGHTNING_SKIPPABLE: ReadonlySet<string> = new Set([
  "disableClickToDial",
  "enableClickToDial",
  "notifyInitializationComplete",
  "publish",
  "refreshView",
  "setSoftphoneItemIcon",
  "setSoftphoneItemLabel",
  "setSoftphonePanelHeight",
  "setSoftphonePanelIcon",
  "setSoftphonePanelLabel",
  "setSoftphonePanelVisibility",
  "setSoftphonePanelWidth"
]);
