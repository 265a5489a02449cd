/**
 * The container side of the softphone's Salesforce host (Lightning or Classic Open CTI, or a
 * fake): settings, click-to-dial, navigation, screen pops, the panel and utility item, the
 * message channel and call logging. Core depends on this interface, never on `sforce`; the
 * data it looks up goes through its `Crm` port instead (host/apex-crm.ts over runApex).
 */

export type HostKind = "lightning" | "classic";

/** Removes a listener registered with an `on…` method. */
export type Unsubscribe = () => void;

/** Call center settings as Open CTI returns them: keys like `/softphoneSettings/provider`. */
export type CallCenterSettings = Readonly<Record<string, string>>;

/** Where a screen pop goes (mirrors `sforce.opencti.SCREENPOP_TYPE`). */
export type ScreenPopTarget =
  | { type: "sobject"; recordId: string }
  | { type: "url"; url: string }
  | { type: "objecthome"; scope: string }
  | { type: "list"; listViewId: string; scope: string }
  | { type: "search"; searchString: string }
  | { type: "newRecord"; entityName: string; defaultFieldValues?: Record<string, string> }
  | { type: "flow"; flowDevName: string; flowArgs?: FlowArgument[] };

export interface FlowArgument {
  name: string;
  type: string;
  value: string | number | boolean;
}

export type CallType = "inbound" | "outbound" | "internal";

/** A record the host reports: from click-to-dial, navigation or a search. */
export interface RecordRef {
  recordId: string;
  recordName?: string;
  objectType?: string;
}

/** The onClickToDial payload, normalised for both APIs. */
export interface ClickToDialEvent {
  number: string;
  recordId?: string;
  recordName?: string;
  objectType?: string;
  /** Person accounts: the person contact id, used as WhoId. */
  contactId?: string;
  accountId?: string;
  personAccount?: boolean;
}

/** What the agent is looking at (onNavigationChange / getAppViewInfo / onFocus / getPageInfo). */
export interface PageInfo {
  url?: string;
  recordId?: string;
  recordName?: string;
  objectType?: string;
}

/** One record found by searchAndScreenPop, keyed by its Id in the raw result. */
export interface SearchResultRecord {
  Id: string;
  Name?: string;
  RecordType?: string;
  [field: string]: unknown;
}

export interface SearchAndScreenPopRequest {
  searchParams: string;
  queryParams?: string;
  callType: CallType;
  defaultFieldValues?: Record<string, string>;
  deferred?: boolean;
}

/** A Task (or other record) for saveLog: field API names to values. */
export type LogFields = Readonly<Record<string, string | number | boolean | null>>;

/** A Sales Engagement (High Velocity Sales) work item started by the agent. */
export interface WorkItem {
  workId: string;
  workTargetId?: string;
  /** The number to dial (Sales Engagement `attributes.to`), matching the click-to-dial that follows. */
  to?: string;
}

export interface CompleteWorkAttributes {
  disposition?: string;
  taskId?: string;
  wasConnected?: boolean;
}

/** A message on a Lightning message channel. */
export type ChannelMessage = Readonly<Record<string, unknown>>;

export interface PanelSize {
  height?: number;
  width?: number;
}

export interface CtiHost {
  readonly kind: HostKind;

  getCallCenterSettings(): Promise<CallCenterSettings>;
  notifyInitializationComplete(): Promise<void>;

  enableClickToDial(): Promise<void>;
  disableClickToDial(): Promise<void>;
  onClickToDial(listener: (event: ClickToDialEvent) => void): Unsubscribe;

  getPageInfo(): Promise<PageInfo>;
  onNavigationChange(listener: (page: PageInfo) => void): Unsubscribe;

  /** Saves a record (a Task for call logs) and resolves with its Id. */
  saveLog(entityApiName: string, fields: LogFields): Promise<{ recordId: string }>;
  refreshView(): Promise<void>;

  screenPop(target: ScreenPopTarget, options?: { deferred?: boolean }): Promise<unknown>;
  searchAndScreenPop(
    request: SearchAndScreenPopRequest
  ): Promise<Record<string, SearchResultRecord>>;

  isPanelVisible(): Promise<boolean>;
  setPanelVisible(visible: boolean): Promise<void>;
  setPanelSize(size: PanelSize): Promise<void>;
  /** Utility bar item label/icon (Lightning); a no-op where the host has none. */
  setItemLabel(label: string): Promise<void>;
  setItemIcon(icon: string): Promise<void>;

  /** Lightning message service; the Classic host has none and rejects with NOT_AVAILABLE. */
  subscribe(channel: string, listener: (message: ChannelMessage) => void): Promise<Unsubscribe>;
  publish(channel: string, message: ChannelMessage): Promise<void>;

  /** Sales Engagement; hosts without it never call the listener. */
  onWorkStart(listener: (work: WorkItem) => void): Unsubscribe;
  completeWork(workId: string, attributes: CompleteWorkAttributes): Promise<void>;
}

/** Codes a host rejects with: Open CTI's own codes plus TIMEOUT and NOT_AVAILABLE. */
export type HostErrorCode =
  | "INVALID_PARAM"
  | "GENERIC_ERROR"
  | "SERVER_ERROR"
  | "SOFTPHONE_CONTAINER_ERROR"
  | "TIMEOUT"
  | "NOT_AVAILABLE";

/** What every host method rejects with (implemented by `OpenCtiError`). */
export interface HostError extends Error {
  readonly code: HostErrorCode;
  readonly description: string;
  /** Open CTI's `details` (saveLog: `[{message, pageErrors, fieldErrors, …}]`). */
  readonly details?: unknown;
  /** The host method that failed, e.g. `saveLog`. */
  readonly method: string;
}

const HOST_ERROR_CODES: readonly string[] = [
  "INVALID_PARAM",
  "GENERIC_ERROR",
  "SERVER_ERROR",
  "SOFTPHONE_CONTAINER_ERROR",
  "TIMEOUT",
  "NOT_AVAILABLE"
];

/** Narrows a caught value to a HostError without importing the host implementation. */
export function isHostError(value: unknown): value is HostError {
  if (!(value instanceof Error)) return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && HOST_ERROR_CODES.includes(code);
}

/** A search whose screen pop is kept for later (Lightning `deferred`, Classic searchAndGetScreenPopUrl). */
export interface DeferredSearchResult {
  records: Record<string, SearchResultRecord>;
  /** Opaque: pass unmodified to `popDeferred`; null when the layout says not to pop. */
  screenPopData: unknown;
}

/** Optional capability: both Open CTI hosts have it; check with `supportsDeferredScreenPop`. */
export interface DeferredScreenPopHost {
  searchForScreenPop(
    request: Omit<SearchAndScreenPopRequest, "deferred">
  ): Promise<DeferredSearchResult>;
  popDeferred(screenPopData: unknown): Promise<void>;
}

export function supportsDeferredScreenPop(host: CtiHost): host is CtiHost & DeferredScreenPopHost {
  const candidate = host as Partial<DeferredScreenPopHost>;
  return (
    typeof candidate.searchForScreenPop === "function" &&
    typeof candidate.popDeferred === "function"
  );
}
