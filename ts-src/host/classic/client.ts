/**
 * Typed, Promise-based `sforce.interaction` (Salesforce Classic), with `.cti` and `.entityFeed`:
 * one method per API method, JSON-string results parsed, arguments checked before the call,
 * listeners registered once and fanned out.
 */
import type { Unsubscribe } from "../cti-host";
import { OpenCtiError } from "../errors";
import {
  apexNameProblem,
  failure,
  invoke,
  invokeWithoutCallback,
  parseApexResult,
  resolveCallOptions,
  success,
  toQueryString,
  type CallOptions,
  type Outcome,
  type ResolvedCallOptions
} from "../invoke";
import { Features } from "../features";
import { ListenerHub } from "../listeners";
import { CLASSIC_METHODS, CLASSIC_SKIPPABLE } from "./methods";
import type { RawCallCenterSettings, SoftphoneLayout } from "../lightning/types";
import {
  DIRECTORY_PAGE_SIZE,
  type ClassicCallType,
  type ClassicClickToDial,
  type ClassicDirectoryNumber,
  type ClassicDirectoryPage,
  type ClassicInteractionApi,
  type ClassicPageInfo,
  type ClassicSearchRecord,
  type ObjectUpdate
} from "./types";

export type SaveParams = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface DirectoryQuery {
  /** true: the global call center's numbers (default false). */
  isGlobal?: boolean;
  callCenterName?: string;
  /** Page number, from 0. */
  page?: number;
  /** Up to 10 000 (default 5 000). */
  pageSize?: number;
}

export interface ClassicSearchResult {
  records: Record<string, ClassicSearchRecord>;
  /** searchAndGetScreenPopUrl: where the layout would pop. */
  screenPopUrl?: string;
}

/** Safety bound for getAllDirectoryNumbers: 100 pages of up to 10 000 numbers. */
export const MAX_DIRECTORY_PAGES = 100;

export class OpenCtiClassicClient {
  private readonly options: ResolvedCallOptions;
  private readonly features: Features;
  private readonly focus: ListenerHub<ClassicPageInfo>;
  private readonly clickToDial: ListenerHub<ClassicClickToDial>;
  private readonly objectUpdate: ListenerHub<ObjectUpdate>;

  constructor(
    private readonly api: ClassicInteractionApi,
    options?: CallOptions
  ) {
    this.options = resolveCallOptions(options);
    this.features = new Features(api, CLASSIC_METHODS, CLASSIC_SKIPPABLE, "sforce.interaction");
    const has = (method: string) => this.features.has(method);
    this.focus = new ListenerHub("onFocus", (dispatch) => {
      if (!has("onFocus")) return;
      api.onFocus((response) => {
        const page = parseJsonResult<ClassicPageInfo>(response?.result);
        if (page) dispatch(page);
      });
    });
    this.clickToDial = new ListenerHub("cti.onClickToDial", (dispatch) => {
      if (!has("cti.onClickToDial")) return;
      api.cti.onClickToDial((response) => {
        const payload = parseJsonResult<ClassicClickToDial>(response?.result);
        if (payload) dispatch(payload);
      });
    });
    this.objectUpdate = new ListenerHub("entityFeed.onObjectUpdate", (dispatch) => {
      if (!has("entityFeed.onObjectUpdate")) return;
      api.entityFeed.onObjectUpdate((response) => dispatch(response));
    });
  }

  /** The parts of `sforce.interaction` this library lacks (skipped, never called). */
  get unavailableFeatures(): readonly string[] {
    return this.features.unavailable;
  }

  getPageInfo(): Promise<ClassicPageInfo> {
    return this.call(
      "getPageInfo",
      (cb) => this.api.getPageInfo(cb),
      (result) => jsonObject<ClassicPageInfo>("getPageInfo", result)
    );
  }

  isInConsole(): Promise<boolean> {
    return this.call("isInConsole", (cb) => this.api.isInConsole(cb), booleanResult);
  }

  isVisible(): Promise<boolean> {
    return this.call("isVisible", (cb) => this.api.isVisible(cb), booleanResult);
  }

  /** Classic's notifyInitializationComplete takes no callback; resolves once it has been called. */
  notifyInitializationComplete(): Promise<void> {
    return this.features.guard("cti.notifyInitializationComplete", () =>
      invokeWithoutCallback("cti.notifyInitializationComplete", () =>
        this.api.cti.notifyInitializationComplete()
      )
    );
  }

  onFocus(listener: (page: ClassicPageInfo) => void): Unsubscribe {
    return this.focus.add(listener);
  }

  onObjectUpdate(listener: (update: ObjectUpdate) => void): Unsubscribe {
    return this.objectUpdate.add(listener);
  }

  refreshObject(
    objectId: string,
    refresh: { fields?: boolean; relatedLists?: boolean; feed?: boolean } = {}
  ): Promise<boolean> {
    if (!nonEmpty(objectId)) return reject("entityFeed.refreshObject", "objectId is required.");
    return this.call(
      "entityFeed.refreshObject",
      (cb) =>
        this.api.entityFeed.refreshObject(
          objectId,
          refresh.fields ?? true,
          refresh.relatedLists ?? true,
          refresh.feed ?? true,
          cb
        ),
      booleanResult
    );
  }

  refreshPage(): Promise<boolean> {
    return this.call("refreshPage", (cb) => this.api.refreshPage(cb), booleanResult);
  }

  refreshRelatedList(listName: string): Promise<boolean> {
    if (!nonEmpty(listName)) return reject("refreshRelatedList", "listName is required.");
    return this.call(
      "refreshRelatedList",
      (cb) => this.api.refreshRelatedList(listName, cb),
      booleanResult
    );
  }

  /** Classic's reloadFrame takes no callback. */
  reloadFrame(): Promise<void> {
    return this.features.guard("entityFeed.reloadFrame", () =>
      invokeWithoutCallback("entityFeed.reloadFrame", () => this.api.entityFeed.reloadFrame())
    );
  }

  runApex(apexClass: string, methodName: string, methodParams: SaveParams = {}): Promise<unknown> {
    const problem = apexNameProblem(apexClass, methodName);
    if (problem) return reject("runApex", problem);
    return this.call(
      "runApex",
      (cb) => this.api.runApex(apexClass, methodName, toQueryString(methodParams), cb),
      (result) => success(parseApexResult(result))
    );
  }

  /**
   * Saves a record: `Id` in `fields` updates, otherwise creates. The fields become an encoded
   * query string, as Classic's saveLog takes them.
   */
  saveLog(object: string, fields: SaveParams): Promise<{ recordId: string }> {
    if (!nonEmpty(object)) return reject("saveLog", "object is required.");
    if (typeof fields !== "object" || fields === null)
      return reject("saveLog", "fields must be an object.");
    return this.callRaw(
      "saveLog",
      (cb) => this.api.saveLog(object, toQueryString(fields), cb),
      (response) => {
        if (response.result !== true && response.result !== "true") {
          return failure(
            new OpenCtiError("saveLog", "GENERIC_ERROR", "Salesforce did not save the record.")
          );
        }
        const recordId =
          typeof response.id === "string" && response.id !== "" ? response.id : fields.Id;
        return typeof recordId === "string" && recordId !== ""
          ? success({ recordId })
          : failure(
              new OpenCtiError(
                "saveLog",
                "GENERIC_ERROR",
                "saveLog succeeded but returned no record Id."
              )
            );
      }
    );
  }

  /** Pops a relative URL (the guide requires relative URLs). */
  screenPop(url: string, force = false): Promise<boolean> {
    if (!isRelativeUrl(url))
      return reject("screenPop", "url must be a relative URL starting with /.");
    return this.call("screenPop", (cb) => this.api.screenPop(url, force, cb), booleanResult);
  }

  searchAndGetScreenPopUrl(
    searchParams: string,
    queryParams = "",
    callType: ClassicCallType = "inbound"
  ): Promise<ClassicSearchResult> {
    const problem = searchProblem(searchParams, queryParams, callType);
    if (problem) return reject("searchAndGetScreenPopUrl", problem);
    return this.call(
      "searchAndGetScreenPopUrl",
      (cb) => this.api.searchAndGetScreenPopUrl(searchParams, queryParams, callType, cb),
      (result) =>
        mapOutcome(
          jsonObject<Record<string, unknown>>("searchAndGetScreenPopUrl", result),
          splitClassicSearch
        )
    );
  }

  searchAndScreenPop(
    searchParams: string,
    queryParams = "",
    callType: ClassicCallType = "inbound"
  ): Promise<Record<string, ClassicSearchRecord>> {
    const problem = searchProblem(searchParams, queryParams, callType);
    if (problem) return reject("searchAndScreenPop", problem);
    return this.call(
      "searchAndScreenPop",
      (cb) => this.api.searchAndScreenPop(searchParams, queryParams, callType, cb),
      (result) =>
        mapOutcome(
          jsonObject<Record<string, unknown>>("searchAndScreenPop", result),
          (value) => splitClassicSearch(value).records
        )
    );
  }

  setVisible(value: boolean): Promise<boolean> {
    if (typeof value !== "boolean") return reject("setVisible", "value must be true or false.");
    return this.call("setVisible", (cb) => this.api.setVisible(value, cb), booleanResult);
  }

  disableClickToDial(): Promise<boolean> {
    return this.call(
      "cti.disableClickToDial",
      (cb) => this.api.cti.disableClickToDial(cb),
      booleanResult
    );
  }

  enableClickToDial(): Promise<boolean> {
    return this.call(
      "cti.enableClickToDial",
      (cb) => this.api.cti.enableClickToDial(cb),
      booleanResult
    );
  }

  getCallCenterSettings(): Promise<RawCallCenterSettings> {
    return this.call(
      "cti.getCallCenterSettings",
      (cb) => this.api.cti.getCallCenterSettings(cb),
      (result) =>
        mapOutcome(
          jsonObject<Record<string, unknown>>("cti.getCallCenterSettings", result),
          (value) => {
            const settings: Record<string, string> = {};
            for (const [key, entry] of Object.entries(value)) {
              if (entry !== null && entry !== undefined) settings[key] = String(entry);
            }
            return settings;
          }
        )
    );
  }

  /** One page of the call center directory. */
  getDirectoryNumbers(query: DirectoryQuery = {}): Promise<ClassicDirectoryPage> {
    const page = query.page ?? 0;
    const pageSize = query.pageSize ?? DIRECTORY_PAGE_SIZE.default;
    if (!Number.isInteger(page) || page < 0)
      return reject("cti.getDirectoryNumbers", "page must be an integer of 0 or more.");
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > DIRECTORY_PAGE_SIZE.max) {
      return reject(
        "cti.getDirectoryNumbers",
        `pageSize must be an integer from 1 through ${DIRECTORY_PAGE_SIZE.max}.`
      );
    }
    return this.call(
      "cti.getDirectoryNumbers",
      (cb) =>
        this.api.cti.getDirectoryNumbers(
          query.isGlobal ?? false,
          query.callCenterName,
          cb,
          page,
          pageSize
        ),
      (result) =>
        mapOutcome(
          jsonObject<Record<string, unknown>>("cti.getDirectoryNumbers", result),
          (value) => ({
            directoryNumbers: Array.isArray(value.directoryNumbers)
              ? (value.directoryNumbers.filter(isDirectoryNumber) as ClassicDirectoryNumber[])
              : [],
            hasNext: value.hasNext === true
          })
        )
    );
  }

  /** Every page of the directory, following `hasNext` up to MAX_DIRECTORY_PAGES pages. */
  async getAllDirectoryNumbers(
    query: Omit<DirectoryQuery, "page"> = {}
  ): Promise<ClassicDirectoryNumber[]> {
    const numbers: ClassicDirectoryNumber[] = [];
    for (let page = 0; page < MAX_DIRECTORY_PAGES; page++) {
      const result = await this.getDirectoryNumbers({ ...query, page });
      numbers.push(...result.directoryNumbers);
      if (!result.hasNext) return numbers;
    }
    throw new OpenCtiError(
      "cti.getDirectoryNumbers",
      "GENERIC_ERROR",
      `The directory has more than ${MAX_DIRECTORY_PAGES} pages; ask for fewer with callCenterName.`
    );
  }

  getSoftphoneLayout(): Promise<SoftphoneLayout> {
    return this.call(
      "cti.getSoftphoneLayout",
      (cb) => this.api.cti.getSoftphoneLayout(cb),
      (result) => jsonObject<SoftphoneLayout>("cti.getSoftphoneLayout", result)
    );
  }

  onClickToDial(listener: (payload: ClassicClickToDial) => void): Unsubscribe {
    return this.clickToDial.add(listener);
  }

  setSoftphoneHeight(height: number): Promise<boolean> {
    const problem = sizeProblem("height", height);
    if (problem) return reject("cti.setSoftphoneHeight", problem);
    return this.call(
      "cti.setSoftphoneHeight",
      (cb) => this.api.cti.setSoftphoneHeight(height, cb),
      booleanResult
    );
  }

  setSoftphoneWidth(width: number): Promise<boolean> {
    const problem = sizeProblem("width", width);
    if (problem) return reject("cti.setSoftphoneWidth", problem);
    return this.call(
      "cti.setSoftphoneWidth",
      (cb) => this.api.cti.setSoftphoneWidth(width, cb),
      booleanResult
    );
  }

  private call<T>(
    method: string,
    start: (callback: (response: unknown) => void) => void,
    map: (result: unknown) => Outcome<T>
  ): Promise<T> {
    return this.callRaw(method, start, (response) => map(response.result));
  }

  private callRaw<T>(
    method: string,
    start: (callback: (response: unknown) => void) => void,
    map: (response: { result?: unknown; id?: unknown }) => Outcome<T>
  ): Promise<T> {
    return this.features.guard(method, () => this.invokeClassic(method, start, map));
  }

  private invokeClassic<T>(
    method: string,
    start: (callback: (response: unknown) => void) => void,
    map: (response: { result?: unknown; id?: unknown }) => Outcome<T>
  ): Promise<T> {
    return invoke(
      method,
      start,
      (response) => {
        if (typeof response !== "object" || response === null) {
          return failure(
            new OpenCtiError(
              method,
              "GENERIC_ERROR",
              "Open CTI answered without a response object."
            )
          );
        }
        const raw = response as { result?: unknown; id?: unknown; error?: unknown };
        if (raw.error !== undefined && raw.error !== null && raw.error !== "") {
          const message = String(raw.error);
          return failure(
            OpenCtiError.fromMessage(
              method,
              message,
              /^Could not load Apex class/.test(message) ? "SERVER_ERROR" : "GENERIC_ERROR"
            )
          );
        }
        return map(raw);
      },
      this.options
    );
  }
}

function booleanResult(result: unknown): Outcome<boolean> {
  return success(result === true || result === "true");
}

function jsonObject<T>(method: string, result: unknown): Outcome<T> {
  const parsed = typeof result === "string" ? safeParse(result) : result;
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return failure(
      new OpenCtiError(
        method,
        "GENERIC_ERROR",
        "Salesforce returned a result that is not a JSON object."
      )
    );
  }
  return success(parsed as T);
}

function parseJsonResult<T>(result: unknown): T | null {
  const outcome = jsonObject<T>("listener", result);
  return outcome.ok ? outcome.value : null;
}

function mapOutcome<A, B>(outcome: Outcome<A>, map: (value: A) => B): Outcome<B> {
  return outcome.ok ? success(map(outcome.value)) : outcome;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Separates the records (by Id) from `screenPopUrl`, wherever Salesforce put it. */
function splitClassicSearch(value: Record<string, unknown>): ClassicSearchResult {
  const records: Record<string, ClassicSearchRecord> = {};
  let screenPopUrl = typeof value.screenPopUrl === "string" ? value.screenPopUrl : undefined;
  for (const [key, entry] of Object.entries(value)) {
    if (key === "screenPopUrl" || typeof entry !== "object" || entry === null) continue;
    const record = entry as ClassicSearchRecord;
    if (screenPopUrl === undefined && typeof record.screenPopUrl === "string")
      screenPopUrl = record.screenPopUrl;
    const { screenPopUrl: _url, ...fields } = record;
    records[key] = fields;
  }
  return screenPopUrl === undefined ? { records } : { records, screenPopUrl };
}

function isDirectoryNumber(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { phone?: unknown }).phone === "string"
  );
}

function searchProblem(
  searchParams: unknown,
  queryParams: unknown,
  callType: unknown
): string | null {
  if (typeof searchParams !== "string") return "searchParams must be a string.";
  if (typeof queryParams !== "string") return "queryParams must be a string.";
  if (callType !== null && !["inbound", "outbound", "internal"].includes(callType as string)) {
    return "callType must be inbound, outbound, internal or null.";
  }
  return null;
}

function sizeProblem(name: string, value: unknown): string | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0
    ? null
    : `${name} must be a number of 0 or more.`;
}

export function isRelativeUrl(url: unknown): url is string {
  return typeof url === "string" && url.startsWith("/") && !url.startsWith("//");
}

function nonEmpty(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

function reject<T>(method: string, description: string): Promise<T> {
  return Promise.reject(OpenCtiError.invalidParam(method, description));
}
