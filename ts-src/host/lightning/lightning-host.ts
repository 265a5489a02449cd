/** CtiHost over Open CTI for Lightning Experience. */
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
import { OpenCtiLightningClient, isObject, type SearchAndScreenPopResult } from "./client";
import type { AppViewInfo, ClickToDialPayload, OpenCtiLightningApi, ScreenPopArgs } from "./types";
import { panelHeightProblem, panelWidthProblem } from "./validate";

export class LightningHost implements CtiHost, ApexRunner, DeferredScreenPopHost {
  readonly kind = "lightning" as const;
  readonly client: OpenCtiLightningClient;

  constructor(api: OpenCtiLightningApi | OpenCtiLightningClient, options?: CallOptions) {
    this.client =
      api instanceof OpenCtiLightningClient ? api : new OpenCtiLightningClient(api, options);
  }

  /**
   * The parts of `sforce.opencti` this page's library lacks, e.g. `hvs.onWorkStart` or
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

  enableClickToDial(): Promise<void> {
    return this.client.enableClickToDial();
  }

  disableClickToDial(): Promise<void> {
    return this.client.disableClickToDial();
  }

  onClickToDial(listener: (event: ClickToDialEvent) => void): Unsubscribe {
    return this.client.onClickToDial((payload) => listener(toClickToDialEvent(payload)));
  }

  async getPageInfo(): Promise<PageInfo> {
    return toPageInfo(await this.client.getAppViewInfo());
  }

  onNavigationChange(listener: (page: PageInfo) => void): Unsubscribe {
    return this.client.onNavigationChange((payload) => listener(toPageInfo(payload)));
  }

  runApex(className: string, methodName: string, params: Record<string, string>): Promise<unknown> {
    return this.client.runApex(className, methodName, params);
  }

  saveLog(entityApiName: string, fields: LogFields): Promise<{ recordId: string }> {
    return this.client.saveLog({ ...fields, entityApiName });
  }

  refreshView(): Promise<void> {
    return this.client.refreshView();
  }

  /** `options.deferred` has no meaning for a direct pop in Open CTI and is ignored. */
  async screenPop(target: ScreenPopTarget, _options?: { deferred?: boolean }): Promise<unknown> {
    await this.client.screenPop(toScreenPopArgs(target));
    return null;
  }

  async searchAndScreenPop(
    request: SearchAndScreenPopRequest
  ): Promise<Record<string, SearchResultRecord>> {
    const result = await this.client.searchAndScreenPop(request);
    return result.records;
  }

  async searchForScreenPop(
    request: Omit<SearchAndScreenPopRequest, "deferred">
  ): Promise<DeferredSearchResult> {
    const result: SearchAndScreenPopResult = await this.client.searchAndScreenPop({
      ...request,
      deferred: true
    });
    return { records: result.records, screenPopData: result.screenPopData ?? null };
  }

  async popDeferred(screenPopData: unknown): Promise<void> {
    if (!isObject(screenPopData)) {
      throw OpenCtiError.invalidParam(
        "popDeferred",
        "screenPopData must be the SCREEN_POP_DATA object of a deferred search."
      );
    }
    await this.client.screenPop(screenPopData as ScreenPopArgs);
  }

  isPanelVisible(): Promise<boolean> {
    return this.client.isSoftphonePanelVisible();
  }

  setPanelVisible(visible: boolean): Promise<void> {
    return this.client.setSoftphonePanelVisibility(visible);
  }

  /** Both sizes are checked before either is applied, so a bad width never leaves a half-done resize. */
  async setPanelSize(size: PanelSize): Promise<void> {
    const problem =
      (size.height !== undefined ? panelHeightProblem(size.height) : null) ??
      (size.width !== undefined ? panelWidthProblem(size.width) : null);
    if (problem) throw OpenCtiError.invalidParam("setPanelSize", problem);
    if (size.height !== undefined) await this.client.setSoftphonePanelHeight(size.height);
    if (size.width !== undefined) await this.client.setSoftphonePanelWidth(size.width);
  }

  setItemLabel(label: string): Promise<void> {
    return this.client.setSoftphoneItemLabel(label);
  }

  setItemIcon(icon: string): Promise<void> {
    return this.client.setSoftphoneItemIcon(icon);
  }

  async subscribe(
    channel: string,
    listener: (message: ChannelMessage) => void
  ): Promise<Unsubscribe> {
    const subscription = await this.client.subscribe(channel, (message) => {
      if (isObject(message)) listener(message);
    });
    return () => {
      subscription
        .unsubscribe()
        .catch((error: unknown) => console.error("unsubscribe failed", error));
    };
  }

  publish(channel: string, message: ChannelMessage): Promise<void> {
    return this.client.publish(channel, { ...message });
  }

  onWorkStart(listener: (work: WorkItem) => void): Unsubscribe {
    return this.client.onWorkStart((payload) => {
      const work: WorkItem = { workId: payload.workId };
      const target = payload.workTargetId ?? payload.attributes?.workTargetId;
      if (typeof target === "string") work.workTargetId = target;
      const to = payload.attributes?.to;
      if (typeof to === "string") work.to = to;
      listener(work);
    });
  }

  completeWork(workId: string, attributes: CompleteWorkAttributes): Promise<void> {
    return this.client.completeWork(workId, attributes);
  }
}

export function toClickToDialEvent(payload: ClickToDialPayload): ClickToDialEvent {
  const event: ClickToDialEvent = { number: String(payload.number ?? "") };
  if (nonEmpty(payload.recordId)) event.recordId = payload.recordId;
  if (nonEmpty(payload.recordName)) event.recordName = payload.recordName;
  if (nonEmpty(payload.objectType)) event.objectType = payload.objectType;
  if (nonEmpty(payload.contactId)) event.contactId = payload.contactId.trim();
  if (nonEmpty(payload.accountId)) event.accountId = payload.accountId.trim();
  if (typeof payload.personAccount === "boolean") event.personAccount = payload.personAccount;
  return event;
}

export function toPageInfo(info: AppViewInfo): PageInfo {
  const page: PageInfo = {};
  if (nonEmpty(info.url)) page.url = info.url;
  if (nonEmpty(info.recordId)) page.recordId = info.recordId;
  if (nonEmpty(info.recordName)) page.recordName = info.recordName;
  if (nonEmpty(info.objectType)) page.objectType = info.objectType;
  return page;
}

export function toScreenPopArgs(target: ScreenPopTarget): ScreenPopArgs {
  switch (target.type) {
    case "sobject":
      return { type: "sobject", params: { recordId: target.recordId } };
    case "url":
      return { type: "url", params: { url: target.url } };
    case "objecthome":
      return { type: "objecthome", params: { scope: target.scope } };
    case "list":
      return { type: "list", params: { listViewId: target.listViewId, scope: target.scope } };
    case "search":
      return { type: "search", params: { searchString: target.searchString } };
    case "newRecord":
      return {
        type: "newRecord",
        params: {
          entityName: target.entityName,
          ...(target.defaultFieldValues
            ? { defaultFieldValues: { ...target.defaultFieldValues } }
            : {})
        }
      };
    case "flow":
      return {
        type: "flow",
        params: {
          flowDevName: target.flowDevName,
          ...(target.flowArgs ? { flowArgs: [...target.flowArgs] } : {})
        }
      };
  }
}

function nonEmpty(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}
