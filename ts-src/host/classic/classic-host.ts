/** CtiHost over Open CTI for Salesforce Classic (`sforce.interaction`). */
import type {
  CallCenterSettings,
  ChannelMessage,
  ClickToDialEvent,
  CompleteWorkAttributes,
  CtiHost,
  DeferredScreenPopHost,
  DeferredSearchResult,
  LogFields,
  PageInfo,
  PanelSize,
  ScreenPopTarget,
  SearchAndScreenPopRequest,
  SearchResultRecord,
  Unsubscribe,
  WorkItem
} from "../cti-host";
import type { ApexRunner } from "../apex-crm";
import { OpenCtiError } from "../errors";
import type { CallOptions } from "../invoke";
import { OpenCtiClassicClient, isRelativeUrl } from "./client";
import { classicUrlFor } from "./classic-urls";
import type {
  ClassicClickToDial,
  ClassicInteractionApi,
  ClassicPageInfo,
  ClassicSearchRecord
} from "./types";

export class ClassicHost implements CtiHost, ApexRunner, DeferredScreenPopHost {
  readonly kind = "classic" as const;
  readonly client: OpenCtiClassicClient;

  constructor(api: ClassicInteractionApi | OpenCtiClassicClient, options?: CallOptions) {
    this.client =
      api instanceof OpenCtiClassicClient ? api : new OpenCtiClassicClient(api, options);
  }

  /**
   * The parts of `sforce.interaction` this page's library lacks, e.g. `hvs.onWorkStart` or
   * `subscribe` in an API 43 copy: skipped (never called, never a crash) and listed here for
   * diagnostics. Not on CtiHost: other hosts have no such library.
   */
  get unavailableFeatures(): readonly string[] {
    return this.client.unavailableFeatures;
  }

  getCallCenterSettings(): Promise<CallCenterSettings> {
    return this.client.getCallCenterSettings();
  }

  notifyInitializationComplete(): Promise<void> {
    return this.client.notifyInitializationComplete();
  }

  async enableClickToDial(): Promise<void> {
    expectTrue(
      "enableClickToDial",
      await this.client.enableClickToDial(),
      "Salesforce did not enable click-to-dial."
    );
  }

  async disableClickToDial(): Promise<void> {
    expectTrue(
      "disableClickToDial",
      await this.client.disableClickToDial(),
      "Salesforce did not disable click-to-dial."
    );
  }

  onClickToDial(listener: (event: ClickToDialEvent) => void): Unsubscribe {
    return this.client.onClickToDial((payload) => listener(toClickToDialEvent(payload)));
  }

  async getPageInfo(): Promise<PageInfo> {
    return toPageInfo(await this.client.getPageInfo());
  }

  /** Classic reports focus changes (onFocus), which include navigation between console tabs. */
  onNavigationChange(listener: (page: PageInfo) => void): Unsubscribe {
    return this.client.onFocus((page) => listener(toPageInfo(page)));
  }

  runApex(className: string, methodName: string, params: Record<string, string>): Promise<unknown> {
    return this.client.runApex(className, methodName, params);
  }

  saveLog(entityApiName: string, fields: LogFields): Promise<{ recordId: string }> {
    return this.client.saveLog(entityApiName, fields);
  }

  /** refreshPage; `false` (nothing to refresh) is not an error. */
  async refreshView(): Promise<void> {
    await this.client.refreshPage();
  }

  async screenPop(target: ScreenPopTarget, _options?: { deferred?: boolean }): Promise<unknown> {
    const url = classicUrlFor(target);
    expectTrue(
      "screenPop",
      await this.client.screenPop(url, true),
      `Salesforce did not open ${url}.`
    );
    return null;
  }

  /** Classic has no default field values for layout pops; `deferred` searches without popping. */
  async searchAndScreenPop(
    request: SearchAndScreenPopRequest
  ): Promise<Record<string, SearchResultRecord>> {
    if (request.deferred === true) return (await this.searchForScreenPop(request)).records;
    const records = await this.client.searchAndScreenPop(
      request.searchParams,
      request.queryParams ?? "",
      request.callType
    );
    return toSearchRecords(records);
  }

  async searchForScreenPop(
    request: Omit<SearchAndScreenPopRequest, "deferred">
  ): Promise<DeferredSearchResult> {
    const result = await this.client.searchAndGetScreenPopUrl(
      request.searchParams,
      request.queryParams ?? "",
      request.callType
    );
    return { records: toSearchRecords(result.records), screenPopData: result.screenPopUrl ?? null };
  }

  async popDeferred(screenPopData: unknown): Promise<void> {
    if (!isRelativeUrl(screenPopData)) {
      throw OpenCtiError.invalidParam(
        "popDeferred",
        "screenPopData must be the screen pop URL of a deferred search."
      );
    }
    expectTrue(
      "popDeferred",
      await this.client.screenPop(screenPopData, true),
      `Salesforce did not open ${screenPopData}.`
    );
  }

  isPanelVisible(): Promise<boolean> {
    return this.client.isVisible();
  }

  async setPanelVisible(visible: boolean): Promise<void> {
    expectTrue(
      "setPanelVisible",
      await this.client.setVisible(visible),
      "Salesforce did not show or hide the softphone."
    );
  }

  async setPanelSize(size: PanelSize): Promise<void> {
    for (const [name, value] of [
      ["height", size.height],
      ["width", size.width]
    ] as const) {
      if (
        value !== undefined &&
        (typeof value !== "number" || !Number.isFinite(value) || value < 0)
      ) {
        throw OpenCtiError.invalidParam("setPanelSize", `${name} must be a number of 0 or more.`);
      }
    }
    if (size.height !== undefined) {
      expectTrue(
        "setPanelSize",
        await this.client.setSoftphoneHeight(size.height),
        "Salesforce did not resize the softphone."
      );
    }
    if (size.width !== undefined) {
      expectTrue(
        "setPanelSize",
        await this.client.setSoftphoneWidth(size.width),
        "Salesforce did not resize the softphone."
      );
    }
  }

  /** Classic has no utility bar item: nothing to label. */
  setItemLabel(_label: string): Promise<void> {
    return Promise.resolve();
  }

  setItemIcon(_icon: string): Promise<void> {
    return Promise.resolve();
  }

  subscribe(_channel: string, _listener: (message: ChannelMessage) => void): Promise<Unsubscribe> {
    return Promise.reject(
      OpenCtiError.notAvailable(
        "subscribe",
        "Lightning message channels are not available in Salesforce Classic."
      )
    );
  }

  publish(_channel: string, _message: ChannelMessage): Promise<void> {
    return Promise.reject(
      OpenCtiError.notAvailable(
        "publish",
        "Lightning message channels are not available in Salesforce Classic."
      )
    );
  }

  /** Sales Engagement exists only in Lightning Experience: the listener is never called. */
  onWorkStart(_listener: (work: WorkItem) => void): Unsubscribe {
    return () => undefined;
  }

  completeWork(_workId: string, _attributes: CompleteWorkAttributes): Promise<void> {
    return Promise.reject(
      OpenCtiError.notAvailable(
        "completeWork",
        "Sales Engagement is not available in Salesforce Classic."
      )
    );
  }
}

function expectTrue(method: string, result: boolean, description: string): void {
  if (!result) throw new OpenCtiError(method, "GENERIC_ERROR", description);
}

export function toPageInfo(info: ClassicPageInfo): PageInfo {
  const page: PageInfo = {};
  if (nonEmpty(info.url)) page.url = info.url;
  if (nonEmpty(info.objectId)) page.recordId = info.objectId;
  if (nonEmpty(info.objectName)) page.recordName = info.objectName;
  if (nonEmpty(info.object)) page.objectType = info.object;
  return page;
}

export function toClickToDialEvent(payload: ClassicClickToDial): ClickToDialEvent {
  const event: ClickToDialEvent = { number: String(payload.number ?? "") };
  if (nonEmpty(payload.objectId)) event.recordId = payload.objectId.trim();
  if (nonEmpty(payload.objectName)) event.recordName = payload.objectName;
  if (nonEmpty(payload.object)) event.objectType = payload.object;
  if (nonEmpty(payload.contactId)) event.contactId = payload.contactId.trim();
  if (nonEmpty(payload.accountId)) event.accountId = payload.accountId.trim();
  if (typeof payload.personAccount === "boolean") event.personAccount = payload.personAccount;
  return event;
}

function toSearchRecords(
  records: Record<string, ClassicSearchRecord>
): Record<string, SearchResultRecord> {
  const result: Record<string, SearchResultRecord> = {};
  for (const [id, record] of Object.entries(records)) {
    const { object, ...fields } = record;
    result[id] = {
      ...fields,
      Id: id,
      ...(typeof object === "string" ? { RecordType: object } : {})
    };
  }
  return result;
}

function nonEmpty(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}
