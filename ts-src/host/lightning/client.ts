/**
 * Typed, Promise-based `sforce.opencti` (Lightning Experience): one method per API method,
 * arguments checked before Salesforce is called, listeners registered once and fanned out,
 * and every method feature-detected: a library without it (an older API version, a trimmed
 * copy) is never called for it (see ../features.ts).
 */
import type { Unsubscribe } from "../cti-host";
import { OpenCtiError } from "../errors";
import { Features } from "../features";
import {
  apexNameProblem,
  failure,
  invoke,
  parseApexResult,
  resolveCallOptions,
  success,
  toQueryString,
  type CallOptions,
  type Outcome,
  type ResolvedCallOptions
} from "../invoke";
import { ListenerHub } from "../listeners";
import { LIGHTNING_METHODS, LIGHTNING_SKIPPABLE } from "./methods";
import type {
  AppViewInfo,
  ClickToDialPayload,
  CompleteWorkArgs,
  FieldValues,
  LightningCallType,
  LightningFlowArgument,
  LmsSubscription,
  OpenCtiLightningApi,
  RawCallCenterSettings,
  RawSearchRecord,
  SaveLogValue,
  ScreenPopArgs,
  SoftphoneLayout,
  SubscribeResponse,
  WorkStartPayload
} from "./types";
import {
  booleanProblem,
  messageProblem,
  panelHeightProblem,
  panelWidthProblem,
  requiredString,
  saveLogProblem,
  screenPopProblem,
  searchAndScreenPopProblem
} from "./validate";

export interface SearchAndScreenPopRequestArgs {
  searchParams?: string;
  queryParams?: string;
  defaultFieldValues?: FieldValues;
  callType: LightningCallType;
  deferred?: boolean;
  flowArgs?: LightningFlowArgument[];
}

export interface SearchAndScreenPopResult {
  /** Matches by record Id; `Id` is filled in from the key where Salesforce leaves it out. */
  records: Record<string, RawSearchRecord & { Id: string }>;
  /** With `deferred`: pass unmodified to `screenPop` to pop later. */
  screenPopData?: ScreenPopArgs;
}

export type ApexParams = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** A local subscription to a message channel; several share one Open CTI subscription. */
export interface ChannelSubscription {
  readonly channelName: string;
  unsubscribe(): Promise<void>;
}

interface ChannelState {
  listeners: Set<(message: unknown) => void>;
  subscription: Promise<LmsSubscription>;
}

type Raw = { success?: unknown; returnValue?: unknown; errors?: unknown };

export class OpenCtiLightningClient {
  private readonly options: ResolvedCallOptions;
  private readonly clickToDial: ListenerHub<ClickToDialPayload>;
  private readonly navigation: ListenerHub<AppViewInfo>;
  private readonly workStart: ListenerHub<WorkStartPayload>;
  private readonly channels = new Map<string, ChannelState>();

  private readonly features: Features;

  constructor(
    private readonly api: OpenCtiLightningApi,
    options?: CallOptions
  ) {
    this.options = resolveCallOptions(options);
    this.features = new Features(api, LIGHTNING_METHODS, LIGHTNING_SKIPPABLE, "sforce.opencti");
    const has = (method: string) => this.features.has(method);
    this.clickToDial = new ListenerHub("onClickToDial", (dispatch) => {
      if (!has("onClickToDial")) return;
      api.onClickToDial({
        listener: (payload) => {
          // A click without a number cannot be dialled; never forward one.
          if (isObject(payload) && payload.number !== undefined && payload.number !== null)
            dispatch(payload);
        }
      });
    });
    this.navigation = new ListenerHub("onNavigationChange", (dispatch) => {
      if (!has("onNavigationChange")) return;
      api.onNavigationChange({ listener: (payload) => dispatch(isObject(payload) ? payload : {}) });
    });
    this.workStart = new ListenerHub("hvs.onWorkStart", (dispatch) => {
      if (!has("hvs.onWorkStart")) return;
      api.hvs.onWorkStart({ listener: dispatch });
    });
  }

  /** The parts of `sforce.opencti` this library lacks (skipped, never called), e.g. `hvs.onWorkStart`. */
  get unavailableFeatures(): readonly string[] {
    return this.features.unavailable;
  }

  /** The API's own constants, read at runtime as the guide recommends. */
  get CALL_TYPE(): OpenCtiLightningApi["CALL_TYPE"] {
    return this.api.CALL_TYPE;
  }

  get SCREENPOP_TYPE(): OpenCtiLightningApi["SCREENPOP_TYPE"] {
    return this.api.SCREENPOP_TYPE;
  }

  disableClickToDial(): Promise<void> {
    return this.call(
      "disableClickToDial",
      (callback) => this.api.disableClickToDial({ callback }),
      nothing
    );
  }

  enableClickToDial(): Promise<void> {
    return this.call(
      "enableClickToDial",
      (callback) => this.api.enableClickToDial({ callback }),
      nothing
    );
  }

  getAppViewInfo(): Promise<AppViewInfo> {
    return this.call(
      "getAppViewInfo",
      (callback) => this.api.getAppViewInfo({ callback }),
      (value) => (isObject(value) ? (value as AppViewInfo) : {})
    );
  }

  getCallCenterSettings(): Promise<RawCallCenterSettings> {
    return this.call(
      "getCallCenterSettings",
      (callback) => this.api.getCallCenterSettings({ callback }),
      (value) => toStringRecord(value)
    );
  }

  getSoftphoneLayout(): Promise<SoftphoneLayout> {
    return this.call(
      "getSoftphoneLayout",
      (callback) => this.api.getSoftphoneLayout({ callback }),
      (value) => (isObject(value) ? (value as SoftphoneLayout) : {})
    );
  }

  isSoftphonePanelVisible(): Promise<boolean> {
    return this.call(
      "isSoftphonePanelVisible",
      (callback) => this.api.isSoftphonePanelVisible({ callback }),
      (value) => (isObject(value) ? value.visible === true : value === true)
    );
  }

  notifyInitializationComplete(): Promise<void> {
    return this.call(
      "notifyInitializationComplete",
      (callback) => this.api.notifyInitializationComplete({ callback }),
      nothing
    );
  }

  onClickToDial(listener: (payload: ClickToDialPayload) => void): Unsubscribe {
    return this.clickToDial.add(listener);
  }

  onNavigationChange(listener: (payload: AppViewInfo) => void): Unsubscribe {
    return this.navigation.add(listener);
  }

  refreshView(): Promise<void> {
    return this.call("refreshView", (callback) => this.api.refreshView({ callback }), nothing);
  }

  /**
   * Runs a `webservice static` Apex method. Every parameter value is URL-encoded into
   * methodParams; a JSON object or array result is parsed.
   */
  runApex(apexClass: string, methodName: string, methodParams: ApexParams = {}): Promise<unknown> {
    const problem = apexNameProblem(apexClass, methodName) ?? paramsProblem(methodParams);
    if (problem) return reject("runApex", problem);
    return this.call(
      "runApex",
      (callback) =>
        this.api.runApex({
          apexClass,
          methodName,
          methodParams: toQueryString(methodParams),
          callback
        }),
      (value) => parseApexResult(isObject(value) ? value.runApex : value)
    );
  }

  /** Creates (with entityApiName) or updates (with Id) a record; resolves with its Id. */
  saveLog(value: SaveLogValue): Promise<{ recordId: string }> {
    const problem = saveLogProblem(value);
    if (problem) return reject("saveLog", problem);
    return this.callOutcome(
      "saveLog",
      (callback) => this.api.saveLog({ value, callback }),
      (returned) => {
        const recordId =
          typeof returned === "string"
            ? returned
            : isObject(returned)
              ? (returned.recordId ?? returned.id)
              : undefined;
        if (typeof recordId === "string" && recordId !== "") return success({ recordId });
        if (typeof value.Id === "string") return success({ recordId: value.Id });
        return failure(
          new OpenCtiError(
            "saveLog",
            "GENERIC_ERROR",
            "saveLog succeeded but returned no record Id."
          )
        );
      }
    );
  }

  screenPop(args: ScreenPopArgs): Promise<void> {
    const problem = screenPopProblem(args);
    if (problem) return reject("screenPop", problem);
    return this.call("screenPop", (callback) => this.api.screenPop({ ...args, callback }), nothing);
  }

  searchAndScreenPop(request: SearchAndScreenPopRequestArgs): Promise<SearchAndScreenPopResult> {
    const problem = searchAndScreenPopProblem(request);
    if (problem) return reject("searchAndScreenPop", problem);
    const { flowArgs, ...rest } = request;
    return this.call(
      "searchAndScreenPop",
      (callback) =>
        this.api.searchAndScreenPop({
          ...rest,
          ...(flowArgs ? { params: { FLOW: { flowArgs } } } : {}),
          callback
        }),
      (value) => splitSearchResult(value)
    );
  }

  setSoftphoneItemIcon(key: string): Promise<void> {
    const problem = requiredString("key", key);
    if (problem) return reject("setSoftphoneItemIcon", problem);
    return this.call(
      "setSoftphoneItemIcon",
      (callback) => this.api.setSoftphoneItemIcon({ key, callback }),
      nothing
    );
  }

  setSoftphoneItemLabel(label: string): Promise<void> {
    if (typeof label !== "string")
      return reject("setSoftphoneItemLabel", "label must be a string.");
    return this.call(
      "setSoftphoneItemLabel",
      (callback) => this.api.setSoftphoneItemLabel({ label, callback }),
      nothing
    );
  }

  setSoftphonePanelHeight(heightPX: number): Promise<void> {
    const problem = panelHeightProblem(heightPX);
    if (problem) return reject("setSoftphonePanelHeight", problem);
    return this.call(
      "setSoftphonePanelHeight",
      (callback) => this.api.setSoftphonePanelHeight({ heightPX, callback }),
      nothing
    );
  }

  setSoftphonePanelIcon(key: string): Promise<void> {
    const problem = requiredString("key", key);
    if (problem) return reject("setSoftphonePanelIcon", problem);
    return this.call(
      "setSoftphonePanelIcon",
      (callback) => this.api.setSoftphonePanelIcon({ key, callback }),
      nothing
    );
  }

  setSoftphonePanelLabel(label: string): Promise<void> {
    if (typeof label !== "string")
      return reject("setSoftphonePanelLabel", "label must be a string.");
    return this.call(
      "setSoftphonePanelLabel",
      (callback) => this.api.setSoftphonePanelLabel({ label, callback }),
      nothing
    );
  }

  setSoftphonePanelVisibility(visible: boolean): Promise<void> {
    const problem = booleanProblem("visible", visible);
    if (problem) return reject("setSoftphonePanelVisibility", problem);
    return this.call(
      "setSoftphonePanelVisibility",
      (callback) => this.api.setSoftphonePanelVisibility({ visible, callback }),
      nothing
    );
  }

  setSoftphonePanelWidth(widthPX: number): Promise<void> {
    const problem = panelWidthProblem(widthPX);
    if (problem) return reject("setSoftphonePanelWidth", problem);
    return this.call(
      "setSoftphonePanelWidth",
      (callback) => this.api.setSoftphonePanelWidth({ widthPX, callback }),
      nothing
    );
  }

  /**
   * Listens on a Lightning message channel. The first listener of a channel subscribes with
   * Open CTI; the last one to leave unsubscribes.
   */
  async subscribe(
    channelName: string,
    listener: (message: unknown) => void
  ): Promise<ChannelSubscription> {
    const problem = requiredString("channelName", channelName);
    if (problem) throw OpenCtiError.invalidParam("subscribe", problem);
    if (typeof listener !== "function")
      throw OpenCtiError.invalidParam("subscribe", "listener must be a function.");
    await this.features.guard("subscribe", () => Promise.resolve());
    let state = this.channels.get(channelName);
    if (!state) {
      const listeners = new Set<(message: unknown) => void>();
      const subscription = this.rawSubscribe(channelName, (message) =>
        fanOut(channelName, listeners, message)
      );
      state = { listeners, subscription };
      this.channels.set(channelName, state);
      subscription.catch(() => {
        if (this.channels.get(channelName) === state) this.channels.delete(channelName);
      });
    }
    const entry = (message: unknown): void => listener(message);
    state.listeners.add(entry);
    const current = state;
    try {
      await current.subscription;
    } catch (error) {
      current.listeners.delete(entry);
      throw error;
    }
    let active = true;
    return {
      channelName,
      unsubscribe: async () => {
        if (!active) return;
        active = false;
        current.listeners.delete(entry);
        if (current.listeners.size > 0 || this.channels.get(channelName) !== current) return;
        this.channels.delete(channelName);
        await this.unsubscribe(await current.subscription);
      }
    };
  }

  /** Removes an Open CTI subscription (the raw API call; `subscribe` handles this for you). */
  unsubscribe(subscription: LmsSubscription): Promise<void> {
    return this.call(
      "unsubscribe",
      (callback) => this.api.unsubscribe({ subscription, callback }),
      nothing
    );
  }

  publish(channelName: string, message: Record<string, unknown>): Promise<void> {
    const problem = requiredString("channelName", channelName) ?? messageProblem(message);
    if (problem) return reject("publish", problem);
    return this.call(
      "publish",
      (callback) => this.api.publish({ channelName, message, callback }),
      nothing
    );
  }

  onWorkStart(listener: (payload: WorkStartPayload) => void): Unsubscribe {
    return this.workStart.add(listener);
  }

  completeWork(workId: string, attributes: CompleteWorkArgs["attributes"]): Promise<void> {
    const problem = requiredString("workId", workId);
    if (problem) return reject("hvs.completeWork", problem);
    if (!isObject(attributes)) return reject("hvs.completeWork", "attributes must be an object.");
    // The guide's sample callback takes no response: a bare callback means done.
    return this.features.guard("hvs.completeWork", () =>
      invoke(
        "hvs.completeWork",
        (callback) => this.api.hvs.completeWork({ workId, attributes, callback }),
        (response) =>
          response === undefined || response === null
            ? success(undefined)
            : interpretLightning("hvs.completeWork", response, () => success(undefined)),
        this.options
      )
    );
  }

  private rawSubscribe(
    channelName: string,
    listener: (message: unknown) => void
  ): Promise<LmsSubscription> {
    return invoke(
      "subscribe",
      (callback) =>
        this.api.subscribe({
          channelName,
          listener,
          callback: callback as (response: SubscribeResponse) => void
        }),
      (response) => {
        const outcome = interpretLightning("subscribe", response, (value) => success(value));
        if (!outcome.ok) return outcome;
        const raw = response as SubscribeResponse;
        const subscription =
          raw.subscription ??
          (isObject(raw.returnValue) ? raw.returnValue.subscription : undefined);
        return subscription === undefined
          ? failure(
              new OpenCtiError("subscribe", "GENERIC_ERROR", "subscribe returned no subscription.")
            )
          : success(subscription);
      },
      this.options
    );
  }

  private call<T>(
    method: string,
    start: (callback: (response: unknown) => void) => void,
    map: (value: unknown) => T
  ): Promise<T> {
    return this.callOutcome(method, start, (value) => success(map(value)));
  }

  private callOutcome<T>(
    method: string,
    start: (callback: (response: unknown) => void) => void,
    map: (value: unknown) => Outcome<T>
  ): Promise<T> {
    return this.features.guard(method, () =>
      invoke(method, start, (response) => interpretLightning(method, response, map), this.options)
    );
  }
}

function interpretLightning<T>(
  method: string,
  response: unknown,
  map: (value: unknown) => Outcome<T>
): Outcome<T> {
  if (!isObject(response)) {
    return failure(
      new OpenCtiError(method, "GENERIC_ERROR", "Open CTI answered without a response object.")
    );
  }
  const raw = response as Raw;
  if (raw.success !== true) return failure(OpenCtiError.fromErrors(method, raw.errors));
  return map(raw.returnValue);
}

function fanOut(
  channelName: string,
  listeners: Set<(message: unknown) => void>,
  message: unknown
): void {
  for (const listener of [...listeners]) {
    try {
      listener(message);
    } catch (error) {
      console.error(`message channel ${channelName} listener failed`, error);
    }
  }
}

function splitSearchResult(value: unknown): SearchAndScreenPopResult {
  const records: SearchAndScreenPopResult["records"] = {};
  let screenPopData: ScreenPopArgs | undefined;
  if (isObject(value)) {
    for (const [key, entry] of Object.entries(value)) {
      if (key === "SCREEN_POP_DATA") {
        if (isObject(entry)) screenPopData = entry as ScreenPopArgs;
        continue;
      }
      if (!isObject(entry)) continue;
      const record = entry as RawSearchRecord;
      records[key] = {
        ...record,
        Id: typeof record.Id === "string" && record.Id !== "" ? record.Id : key
      };
    }
  }
  return screenPopData ? { records, screenPopData } : { records };
}

function paramsProblem(params: unknown): string | null {
  if (!isObject(params)) return "methodParams must be an object of parameter names to values.";
  for (const [key, value] of Object.entries(params)) {
    if (key === "") return "methodParams has an empty parameter name.";
    if (
      value !== null &&
      value !== undefined &&
      !["string", "number", "boolean"].includes(typeof value)
    ) {
      return `methodParams.${key} must be a string, number or boolean.`;
    }
  }
  return null;
}

function toStringRecord(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry !== null && entry !== undefined) result[key] = String(entry);
  }
  return result;
}

const nothing = (): void => undefined;

function reject<T>(method: string, description: string): Promise<T> {
  return Promise.reject(OpenCtiError.invalidParam(method, description));
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
