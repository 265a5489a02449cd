/**
 * The shape of `window.sforce.interaction` (Open CTI for Salesforce Classic) as the Open CTI
 * Developer Guide documents it. Arguments are positional; many results are JSON strings.
 */

/** Every Classic callback receives this; `result` is often a JSON string. */
export interface ClassicResponse<T = unknown> {
  result?: T;
  /** saveLog: the Id of the saved record. */
  id?: string;
  error?: string;
}

export type ClassicCallback<T = unknown> = (response: ClassicResponse<T>) => void;

export type ClassicCallType = "inbound" | "outbound" | "internal" | null;

/** getPageInfo / onFocus result (parsed from the JSON string). */
export interface ClassicPageInfo {
  url?: string;
  objectId?: string;
  objectName?: string;
  object?: string;
  /** The object's tab name (API 33.0+). */
  displayName?: string;
  accountId?: string;
  contactId?: string;
  personAccount?: boolean;
}

/** onClickToDial result (parsed from the JSON string). */
export interface ClassicClickToDial extends ClassicPageInfo {
  number: string;
}

/** One searchAndScreenPop / searchAndGetScreenPopUrl match, keyed by Id. */
export interface ClassicSearchRecord {
  Name?: string;
  object?: string;
  displayName?: string;
  personAccount?: boolean;
  contactId?: string;
  screenPopUrl?: string;
  [field: string]: unknown;
}

export interface ClassicDirectoryNumber {
  callCenterName: string;
  name: string;
  phone: string;
  description?: string;
}

export interface ClassicDirectoryPage {
  directoryNumbers: ClassicDirectoryNumber[];
  hasNext: boolean;
}

export interface ObjectUpdate {
  fieldsUpdated: boolean;
  relatedListsUpdated: boolean;
  feedUpdated: boolean;
}

export interface ClassicInteractionApi {
  getPageInfo(callback: ClassicCallback<string>): void;
  isInConsole(callback: ClassicCallback<boolean>): void;
  isVisible(callback: ClassicCallback<boolean>): void;
  onFocus(listener: ClassicCallback<string>): void;
  refreshPage(callback?: ClassicCallback<boolean>): void;
  refreshRelatedList(listName: string, callback?: ClassicCallback<boolean>): void;
  runApex(
    apexClass: string,
    methodName: string,
    methodParams: string,
    callback?: ClassicCallback<string>
  ): void;
  saveLog(object: string, saveParams: string, callback?: ClassicCallback<boolean>): void;
  screenPop(url: string, force: boolean, callback?: ClassicCallback<boolean>): void;
  searchAndGetScreenPopUrl(
    searchParams: string,
    queryParams: string,
    callType: ClassicCallType,
    callback: ClassicCallback<string>
  ): void;
  searchAndScreenPop(
    searchParams: string,
    queryParams: string,
    callType: ClassicCallType,
    callback?: ClassicCallback<string>
  ): void;
  setVisible(value: boolean, callback?: ClassicCallback<boolean>): void;
  readonly cti: {
    notifyInitializationComplete(): void;
    disableClickToDial(callback?: ClassicCallback<boolean>): void;
    enableClickToDial(callback?: ClassicCallback<boolean>): void;
    getCallCenterSettings(callback: ClassicCallback<string>): void;
    getDirectoryNumbers(
      isGlobal: boolean,
      callCenterName: string | null | undefined,
      callback?: ClassicCallback<string>,
      resultSetPage?: number,
      resultSetPageSize?: number
    ): void;
    getSoftphoneLayout(callback: ClassicCallback<string>): void;
    onClickToDial(listener: ClassicCallback<string>): void;
    setSoftphoneHeight(height: number, callback?: ClassicCallback<boolean>): void;
    setSoftphoneWidth(width: number, callback?: ClassicCallback<boolean>): void;
  };
  readonly entityFeed: {
    onObjectUpdate(callback: (response: ObjectUpdate) => void): void;
    refreshObject(
      objectId: string,
      refreshFields: boolean,
      refreshRelatedLists: boolean,
      refreshFeed: boolean,
      callback?: ClassicCallback<boolean>
    ): void;
    reloadFrame(): void;
  };
}

/** getDirectoryNumbers page size limits from the guide. */
export const DIRECTORY_PAGE_SIZE = { default: 5000, max: 10000 } as const;
