import { apexKey } from "../../host/apex-crm";
import { ScopedStorage, scopePrefix, type KeyValueStorage } from "../storage";
/**
 * A small CtiHost test double that records every call. Integration tests use the fake Open CTI
 * over a FakeOrg instead; this one keeps unit tests independent of it.
 */
import type {
  CallCenterSettings,
  ChannelMessage,
  ClickToDialEvent,
  CompleteWorkAttributes,
  CtiHost,
  HostKind,
  LogFields,
  PageInfo,
  ScreenPopTarget,
  SearchAndScreenPopRequest,
  SearchResultRecord,
  Unsubscribe,
  WorkItem
} from "../../host/cti-host";

export interface HostCall {
  method: string;
  args: unknown[];
}

export class HostFailure extends Error {
  constructor(
    readonly code: "INVALID_PARAM" | "GENERIC_ERROR" | "SERVER_ERROR" | "TIMEOUT" | "NOT_AVAILABLE",
    readonly description: string,
    readonly method: string
  ) {
    super(description);
    this.name = "HostFailure";
  }
}

/** Who a recording host says is signed in, unless a test changes `identity`. */
export const DEFAULT_IDENTITY = { orgId: "00D000000000001", userId: "005000000000001" };

/** Browser storage as the softphone of `identity` sees it (its keys are scoped by org and user). */
export function asAgent(
  storage: KeyValueStorage,
  identity: { orgId: string; userId: string } = DEFAULT_IDENTITY
): KeyValueStorage {
  return new ScopedStorage(storage, scopePrefix(identity.orgId, identity.userId));
}

type Apex = (params: Record<string, string>) => unknown;

export class RecordingHost implements CtiHost {
  readonly calls: HostCall[] = [];
  settings: CallCenterSettings = {};
  settingsError: Error | null = null;
  page: PageInfo = {};
  apex = new Map<string, Apex>();
  /** Who SoftphoneIdentity.whoAmI says is signed in. */
  identity = { ...DEFAULT_IDENTITY };
  /** Each saveLog takes the next outcome; an empty queue succeeds. */
  saveLogOutcomes: Array<"ok" | Error> = [];
  savedLogs: Array<{ entityApiName: string; fields: LogFields; recordId: string }> = [];
  searchResults: Record<string, SearchResultRecord> = {};
  channelAvailable = true;
  published: ChannelMessage[] = [];
  private clickToDial = new Set<(event: ClickToDialEvent) => void>();
  private navigation = new Set<(page: PageInfo) => void>();
  private workStart = new Set<(work: WorkItem) => void>();
  private channelListeners = new Set<(message: ChannelMessage) => void>();
  private nextTask = 1;

  constructor(readonly kind: HostKind = "lightning") {}

  private record(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
  }

  callsTo(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  async getCallCenterSettings(): Promise<CallCenterSettings> {
    this.record("getCallCenterSettings");
    if (this.settingsError) throw this.settingsError;
    return this.settings;
  }
  async notifyInitializationComplete(): Promise<void> {
    this.record("notifyInitializationComplete");
  }
  async enableClickToDial(): Promise<void> {
    this.record("enableClickToDial");
  }
  async disableClickToDial(): Promise<void> {
    this.record("disableClickToDial");
  }
  onClickToDial(listener: (event: ClickToDialEvent) => void): Unsubscribe {
    this.record("onClickToDial");
    this.clickToDial.add(listener);
    return () => this.clickToDial.delete(listener);
  }
  async getPageInfo(): Promise<PageInfo> {
    this.record("getPageInfo");
    return this.page;
  }
  onNavigationChange(listener: (page: PageInfo) => void): Unsubscribe {
    this.record("onNavigationChange");
    this.navigation.add(listener);
    return () => this.navigation.delete(listener);
  }
  async runApex(
    className: string,
    methodName: string,
    params: Record<string, string>
  ): Promise<unknown> {
    this.record("runApex", className, methodName, params);
    const handler =
      this.apex.get(`${className}.${methodName}`) ??
      (`${className}.${methodName}` === apexKey("saveCallLog")
        ? (p: Record<string, string>) => this.saveOnce(p)
        : `${className}.${methodName}` === apexKey("whoAmI")
          ? () => JSON.stringify(this.identity)
          : undefined);
    if (!handler)
      throw new HostFailure("SERVER_ERROR", `No Apex ${className}.${methodName}`, "runApex");
    return handler(params);
  }
  /** SoftphoneCallLog.saveOnce as Salesforce answers it, written through `saveLog` below. */
  private async saveOnce(p: Record<string, string>): Promise<string> {
    const existing = this.savedLogs.find((log) => log.fields.CallObject === p.callObject);
    if (existing) return JSON.stringify({ taskId: existing.recordId, created: false });
    const fields = JSON.parse(p.fields) as LogFields;
    const { recordId } = await this.saveLog("Task", { ...fields, CallObject: p.callObject });
    return JSON.stringify({ taskId: recordId, created: true });
  }

  async saveLog(entityApiName: string, fields: LogFields): Promise<{ recordId: string }> {
    this.record("saveLog", entityApiName, fields);
    const outcome = this.saveLogOutcomes.shift() ?? "ok";
    if (outcome !== "ok") throw outcome;
    const recordId = `00T000000000${String(this.nextTask++).padStart(3, "0")}AAA`;
    this.savedLogs.push({ entityApiName, fields, recordId });
    return { recordId };
  }
  async refreshView(): Promise<void> {
    this.record("refreshView");
  }
  async screenPop(target: ScreenPopTarget, options?: { deferred?: boolean }): Promise<unknown> {
    this.record("screenPop", target, options);
    if (target.type === "sobject") this.navigate({ recordId: target.recordId });
    return undefined;
  }
  async searchAndScreenPop(
    request: SearchAndScreenPopRequest
  ): Promise<Record<string, SearchResultRecord>> {
    this.record("searchAndScreenPop", request);
    return this.searchResults;
  }
  async isPanelVisible(): Promise<boolean> {
    return true;
  }
  async setPanelVisible(visible: boolean): Promise<void> {
    this.record("setPanelVisible", visible);
  }
  async setPanelSize(): Promise<void> {
    this.record("setPanelSize");
  }
  async setItemLabel(label: string): Promise<void> {
    this.record("setItemLabel", label);
  }
  async setItemIcon(icon: string): Promise<void> {
    this.record("setItemIcon", icon);
  }
  async subscribe(
    channel: string,
    listener: (message: ChannelMessage) => void
  ): Promise<Unsubscribe> {
    this.record("subscribe", channel);
    if (!this.channelAvailable)
      throw new HostFailure("NOT_AVAILABLE", "No message service", "subscribe");
    this.channelListeners.add(listener);
    return () => this.channelListeners.delete(listener);
  }
  async publish(channel: string, message: ChannelMessage): Promise<void> {
    this.record("publish", channel, message);
    this.published.push(message);
  }
  onWorkStart(listener: (work: WorkItem) => void): Unsubscribe {
    this.workStart.add(listener);
    return () => this.workStart.delete(listener);
  }
  async completeWork(workId: string, attributes: CompleteWorkAttributes): Promise<void> {
    this.record("completeWork", workId, attributes);
  }

  // ---- test controls ----
  clickToDialFrom(event: ClickToDialEvent): void {
    for (const listener of this.clickToDial) listener(event);
  }
  navigate(page: PageInfo): void {
    this.page = page;
    for (const listener of this.navigation) listener(page);
  }
  startWork(work: WorkItem): void {
    for (const listener of this.workStart) listener(work);
  }
  deliver(message: unknown): void {
    for (const listener of this.channelListeners) listener(message as ChannelMessage);
  }
  listenerCounts(): { clickToDial: number; navigation: number; channel: number } {
    return {
      clickToDial: this.clickToDial.size,
      navigation: this.navigation.size,
      channel: this.channelListeners.size
    };
  }
}
