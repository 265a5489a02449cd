/**
 * The shape of `window.sforce.opencti` (Open CTI for Lightning Experience) as the Open CTI
 * Developer Guide documents it: arguments, payloads, results and constants.
 */
import type { RawOpenCtiError } from "../errors";

/** Every Lightning callback receives this. */
export interface LightningResponse<T = unknown> {
  success: boolean;
  returnValue: T | null;
  errors: RawOpenCtiError[] | null;
}

export type LightningCallback<T = unknown> = (response: LightningResponse<T>) => void;

export interface WithCallback<T = unknown> {
  callback?: LightningCallback<T>;
}

/** `sforce.opencti.CALL_TYPE` */
export interface CallTypeConstants {
  readonly INBOUND: "inbound";
  readonly OUTBOUND: "outbound";
  readonly INTERNAL: "internal";
}

export type LightningCallType = CallTypeConstants[keyof CallTypeConstants];

/** `sforce.opencti.SCREENPOP_TYPE` (the guide's `SUBJECT` is a typo for `SOBJECT`). */
export interface ScreenPopTypeConstants {
  readonly SOBJECT: "sobject";
  readonly URL: "url";
  readonly OBJECTHOME: "objecthome";
  readonly LIST: "list";
  readonly SEARCH: "search";
  readonly NEW_RECORD_MODAL: "newRecord";
  readonly FLOW: "flow";
}

export type LightningScreenPopType = ScreenPopTypeConstants[keyof ScreenPopTypeConstants];

export const CALL_TYPE: CallTypeConstants = Object.freeze({
  INBOUND: "inbound",
  OUTBOUND: "outbound",
  INTERNAL: "internal"
});

export const SCREENPOP_TYPE: ScreenPopTypeConstants = Object.freeze({
  SOBJECT: "sobject",
  URL: "url",
  OBJECTHOME: "objecthome",
  LIST: "list",
  SEARCH: "search",
  NEW_RECORD_MODAL: "newRecord",
  FLOW: "flow"
});

export interface LightningFlowArgument {
  name: string;
  type: string;
  value: unknown;
}

export type FieldValues = Record<string, unknown>;

/** screenPop arguments per type; also the shape of searchAndScreenPop's SCREEN_POP_DATA. */
export type ScreenPopArgs = (
  | { type: "sobject"; params: { recordId: string } }
  | { type: "url"; params: { url: string } }
  | { type: "objecthome"; params: { scope: string } }
  | { type: "list"; params: { listViewId: string; scope: string } }
  | { type: "search"; params: { searchString: string } }
  | { type: "newRecord"; params: { entityName: string; defaultFieldValues?: FieldValues } }
  | { type: "flow"; params: { flowDevName: string; flowArgs?: LightningFlowArgument[] } }
) & { defaultFieldValues?: FieldValues };

/** onClickToDial payload. */
export interface ClickToDialPayload {
  /** Documented as a number; arrives as the number text clicked. */
  number: string | number;
  recordId?: string;
  recordName?: string;
  objectType?: string;
  /** Person accounts: the other half of the person account. */
  accountId?: string;
  contactId?: string;
  /** Present only when person accounts are enabled. */
  personAccount?: boolean;
  /** Comma-separated parameters given to the click-to-dial component. */
  params?: string;
}

/** getAppViewInfo result and onNavigationChange payload. */
export interface AppViewInfo {
  url?: string;
  recordId?: string;
  recordName?: string;
  objectType?: string;
  accountId?: string;
  contactId?: string;
  personAccount?: boolean;
}

/** Call center settings: `/section/item` keys to string values. */
export type RawCallCenterSettings = Record<string, string>;

export type CallRelatedField = "ANI" | "DNIS" | "SEGMENT" | "QUEUE";

export interface SoftphoneLayoutField {
  displayName: string;
  apiName: string;
}

export type ScreenPopMatchType =
  "PopToEntity" | "PopToVisualforce" | "PopToSearch" | "PopToFlow" | "DoNotPop";

export interface ScreenPopMatchSetting {
  screenPopType: ScreenPopMatchType;
  /** Object name (PopToEntity), Visualforce page (PopToVisualforce) or flow (PopToFlow). */
  screenPopData?: string;
}

export interface ScreenPopSettings {
  screenPopsOpenWithin?: "ExistingWindow" | "NewWindow";
  NoMatch?: ScreenPopMatchSetting;
  SingleMatch?: ScreenPopMatchSetting;
  MultipleMatches?: ScreenPopMatchSetting;
}

export interface SoftphoneCallTypeLayout {
  callRelatedFields: CallRelatedField[];
  objects: Record<string, SoftphoneLayoutField[]>;
  screenPopSettings: ScreenPopSettings;
}

/** getSoftphoneLayout result (Lightning object; Classic JSON string of the same shape). */
export interface SoftphoneLayout {
  Inbound?: SoftphoneCallTypeLayout;
  Outbound?: SoftphoneCallTypeLayout;
  Internal?: SoftphoneCallTypeLayout;
}

/** One searchAndScreenPop match, keyed by record Id in the result. */
export interface RawSearchRecord {
  Id?: string;
  Name?: string;
  RecordType?: string;
  LastModifiedDate?: string;
  IsPersonAccount?: boolean;
  PersonContactId?: string;
  AccountId?: string;
  object?: string;
  displayName?: string;
  [field: string]: unknown;
}

/** searchAndScreenPop returnValue: matches by Id, plus SCREEN_POP_DATA when `deferred`. */
export type SearchAndScreenPopReturnValue = Record<string, unknown>;

export interface SearchAndScreenPopArgs extends WithCallback<SearchAndScreenPopReturnValue> {
  searchParams?: string;
  queryParams?: string;
  defaultFieldValues?: FieldValues;
  callType: LightningCallType;
  deferred?: boolean;
  /** Flow arguments when the layout pops a flow. */
  params?: { FLOW?: { flowArgs: LightningFlowArgument[] } };
}

/** saveLog `value`: `Id` updates, `entityApiName` creates; other keys are field values. */
export interface SaveLogValue {
  entityApiName?: string;
  Id?: string;
  [field: string]: unknown;
}

/** saveLog returnValue: `{recordId}` in current orgs (older docs: the Id itself). */
export type SaveLogReturnValue = { recordId: string } | string;

export interface RunApexArgs extends WithCallback<{ runApex: unknown }> {
  apexClass: string;
  methodName: string;
  /** A query string, e.g. `name=acme&phone=%28212%29%20555-5555`. */
  methodParams?: string;
}

/** hvs.onWorkStart payload (Sales Engagement). */
export interface WorkStartPayload {
  workId: string;
  completeWorkWhen?: string;
  attributes?: { to?: string; [key: string]: unknown };
  workTargetId?: string;
}

export interface CompleteWorkArgs extends WithCallback<null> {
  workId: string;
  attributes: { disposition?: string; taskId?: string; wasConnected?: boolean };
}

/** An opaque Lightning message service subscription. */
export type LmsSubscription = unknown;

export interface SubscribeResponse extends LightningResponse<{ subscription?: LmsSubscription }> {
  /** The guide's sample reads the subscription here. */
  subscription?: LmsSubscription;
}

export interface OpenCtiLightningApi {
  readonly CALL_TYPE: CallTypeConstants;
  readonly SCREENPOP_TYPE: ScreenPopTypeConstants;

  disableClickToDial(args?: WithCallback<null>): void;
  enableClickToDial(args?: WithCallback<null>): void;
  getAppViewInfo(args: WithCallback<AppViewInfo>): void;
  getCallCenterSettings(args: WithCallback<RawCallCenterSettings>): void;
  getSoftphoneLayout(args: WithCallback<SoftphoneLayout>): void;
  isSoftphonePanelVisible(args: WithCallback<{ visible: boolean }>): void;
  notifyInitializationComplete(args?: WithCallback<null>): void;
  onClickToDial(args: { listener: (payload: ClickToDialPayload) => void }): void;
  onNavigationChange(args: { listener: (payload: AppViewInfo) => void }): void;
  refreshView(args?: WithCallback<null>): void;
  runApex(args: RunApexArgs): void;
  saveLog(args: { value: SaveLogValue } & WithCallback<SaveLogReturnValue>): void;
  screenPop(args: ScreenPopArgs & WithCallback<null>): void;
  searchAndScreenPop(args: SearchAndScreenPopArgs): void;
  setSoftphoneItemIcon(args: { key: string } & WithCallback<null>): void;
  setSoftphoneItemLabel(args: { label: string } & WithCallback<null>): void;
  setSoftphonePanelHeight(args: { heightPX: number } & WithCallback<null>): void;
  setSoftphonePanelIcon(args: { key: string } & WithCallback<null>): void;
  setSoftphonePanelLabel(args: { label: string } & WithCallback<null>): void;
  setSoftphonePanelVisibility(args: { visible: boolean } & WithCallback<null>): void;
  setSoftphonePanelWidth(args: { widthPX: number } & WithCallback<null>): void;
  subscribe(args: {
    channelName: string;
    listener: (message: unknown) => void;
    callback?: (response: SubscribeResponse) => void;
  }): void;
  unsubscribe(args: { subscription: LmsSubscription } & WithCallback<null>): void;
  publish(args: { channelName: string; message: unknown } & WithCallback<null>): void;
  readonly hvs: {
    onWorkStart(args: { listener: (payload: WorkStartPayload) => void }): void;
    completeWork(args: CompleteWorkArgs): void;
  };
}

/** Panel limits from the guide (also the call center's reqSoftphoneHeight/Width limits). */
export const PANEL_HEIGHT = { min: 240, max: 2560 } as const;
export const PANEL_WIDTH = { min: 200, max: 1920 } as const;
/** screenPop SEARCH needs at least this many characters. */
export const MIN_SEARCH_LENGTH = 3;
