/**
 * An in-memory Salesforce org for the fake Open CTI hosts: records with phone fields, Tasks
 * written by saveLog, a softphone layout, call center settings, Apex handlers, the softphone
 * panel, events an outside party fires (click-to-dial, navigation, Sales Engagement work), a
 * message channel bus, failure injection, and a recorder of every API call.
 */
import type { RawOpenCtiError } from "../errors";
import type {
  AppViewInfo,
  ClickToDialPayload,
  SoftphoneLayout,
  WorkStartPayload
} from "../lightning/types";
import { FakeMessageBus } from "./message-bus";
import { samePhone } from "./phone-match";
import { SCHEMA, objectForId } from "./schema";

export type FakeApi = "lightning" | "classic";

export interface FakeRecord {
  readonly Id: string;
  readonly sobjectType: string;
  fields: Record<string, unknown>;
  LastModifiedDate: string;
  /** Written by a transaction that has not committed yet: other transactions cannot see it. */
  uncommitted?: boolean;
}

export interface RecordedCall {
  api: FakeApi;
  /** As the API names it: `saveLog`, `hvs.completeWork`, `cti.getDirectoryNumbers`, … */
  method: string;
  /** The arguments with functions replaced by "[function]": safe to compare and serialise. */
  args: unknown;
  at: number;
}

export interface FakeScreenPop {
  api: FakeApi;
  /** Lightning SCREENPOP_TYPE value; Classic pops are always `url`. */
  type: string;
  params: Record<string, unknown>;
  /** Classic: the relative URL popped; `force` as passed. */
  url?: string;
  force?: boolean;
}

export interface FakeRefresh {
  api: FakeApi;
  method: string;
  args?: unknown;
}

export interface FakePanelState {
  visible: boolean;
  heightPX: number;
  widthPX: number;
  label: string;
  icon: string;
  itemLabel: string;
  itemIcon: string;
}

export interface FakeError {
  code: "INVALID_PARAM" | "GENERIC_ERROR" | "SERVER_ERROR" | "SOFTPHONE_CONTAINER_ERROR";
  description: string;
  details?: unknown;
}

export interface ApexContext {
  org: FakeOrg;
  /** The running user's Id. */
  userId: string;
}

/** Returns what the `webservice static` method returns (a string, usually JSON); throw to fail. */
export type ApexHandler = (
  params: Readonly<Record<string, string>>,
  context: ApexContext
) => unknown;

export type ApexOutcome = { ok: true; value: unknown } | { ok: false; error: FakeError };

export interface DirectoryNumber {
  callCenterName: string;
  name: string;
  phone: string;
  description?: string;
}

export interface SipCredentials {
  username: string;
  password: string;
  displayName?: string;
  authorizationUser?: string;
}

export interface FakeOrgOptions {
  /** Delay before callbacks and events, in ms; 0 (default) answers on the next microtask. */
  latencyMs?: number;
  /** Clock for LastModifiedDate and the recorder. */
  now?: () => Date;
  /** Call center settings merged over the defaults. */
  callCenterSettings?: Record<string, string>;
}

export type ClickToDialInput = Omit<ClickToDialPayload, "number"> & { number: string };
export type NavigationInput = Partial<AppViewInfo>;

type Listener<T> = (value: T) => void;

const DEFAULT_SETTINGS: Record<string, string> = {
  "/reqGeneralInfo/reqInternalName": "OpenCtiSoftphone",
  "/reqGeneralInfo/reqDisplayName": "Open CTI Softphone",
  "/reqGeneralInfo/reqAdapterUrl": "/apex/Softphone",
  "/reqGeneralInfo/reqUseApi": "true",
  "/reqGeneralInfo/reqSoftphoneHeight": "400",
  "/reqGeneralInfo/reqSoftphoneWidth": "340",
  "/reqGeneralInfo/reqSalesforceCompatibilityMode": "Classic_and_Lightning",
  "/reqDialingOptions/reqOutsidePrefix": "9",
  "/reqDialingOptions/reqLongDistPrefix": "1",
  "/reqDialingOptions/reqInternationalPrefix": "011",
  "/softphoneSettings/provider": "demo",
  "/softphoneSettings/defaultCountry": "US",
  "/softphoneSettings/screenPop": "apex",
  "/softphoneSettings/noMatchPop": "newContact",
  "/softphoneSettings/logCalls": "true",
  "/softphoneSettings/wrapUpSeconds": "",
  "/softphoneSettings/dialFormat": "e164",
  "/softphoneSettings/notReadyReasons": "Break,Lunch,Training",
  "/softphoneSettings/notReadyResponseCode": "486",
  "/softphoneSettings/dispositions": "Connected,Left voicemail,No answer,Busy,Wrong number",
  "/softphoneSettings/dispositionRequired": "false",
  "/softphoneSettings/allowServiceCodes": "false",
  "/sipSettings/webSocketUrl": "",
  "/sipSettings/sipDomain": "",
  "/sipSettings/iceServers": "",
  "/sipSettings/credentials": "prompt"
};

/** A typical layout: Contacts, Accounts and Leads; inbound calls pop matches or a new Contact. */
export function defaultSoftphoneLayout(): SoftphoneLayout {
  const objects = {
    Contact: [
      { displayName: "Name", apiName: "Name" },
      { displayName: "Business Phone", apiName: "Phone" },
      { displayName: "Mobile", apiName: "MobilePhone" }
    ],
    Account: [
      { displayName: "Account Name", apiName: "Name" },
      { displayName: "Account Phone", apiName: "Phone" }
    ],
    Lead: [
      { displayName: "Name", apiName: "Name" },
      { displayName: "Company", apiName: "Company" },
      { displayName: "Phone", apiName: "Phone" }
    ]
  };
  return {
    Inbound: {
      callRelatedFields: ["ANI", "DNIS"],
      objects,
      screenPopSettings: {
        screenPopsOpenWithin: "ExistingWindow",
        NoMatch: { screenPopType: "PopToEntity", screenPopData: "Contact" },
        SingleMatch: { screenPopType: "PopToEntity" },
        MultipleMatches: { screenPopType: "PopToSearch" }
      }
    },
    Outbound: { callRelatedFields: ["DNIS"], objects, screenPopSettings: {} },
    Internal: {
      callRelatedFields: ["ANI", "DNIS"],
      objects: { User: [{ displayName: "Name", apiName: "Name" }] },
      screenPopSettings: {}
    }
  };
}

export class FakeOrg {
  readonly records = new Map<string, FakeRecord>();
  readonly calls: RecordedCall[] = [];
  readonly screenPops: FakeScreenPop[] = [];
  readonly refreshes: FakeRefresh[] = [];
  readonly messageBus: FakeMessageBus;
  readonly sipAccounts = new Map<string, SipCredentials>();
  /** Sales Engagement work completed with hvs.completeWork. */
  readonly completedWork: { workId: string; attributes: Record<string, unknown> }[] = [];
  callCenterSettings: Record<string, string>;
  /** null: no layout assigned (as in a fresh scratch org): searches find nothing. */
  softphoneLayout: SoftphoneLayout | null = defaultSoftphoneLayout();
  directoryNumbers: DirectoryNumber[] = [];
  /** The Softphone Directory Setting's Show Mobile Phone (off, as in a fresh org). */
  directoryShowsMobile = false;
  /** Users in the running user's call center (SoftphoneDirectory). */
  readonly callCenterUserIds = new Set<string>();
  currentUserId: string;
  /** The org's Id, as UserInfo.getOrganizationId() answers. */
  orgId = "00DFk0000000001";
  currentPage: AppViewInfo = { url: "/lightning/page/home" };
  personAccountsEnabled = false;
  inConsole = false;
  clickToDialEnabled = false;
  initialized = false;
  containerReady = true;
  panel: FakePanelState;
  /** Per object, overrides of the fields saveLog requires on create. */
  readonly requiredFields = new Map<string, readonly string[]>();

  private readonly now: () => Date;
  private readonly latencyMs: number;
  private readonly apex = new Map<string, Map<string, ApexHandler>>();
  private readonly failures = new Map<string, (FakeError | "drop" | "late")[]>();
  /** How long a save injected with commitLate takes to commit, in real milliseconds. */
  lateCommitMs = 50;
  private committingLate = false;
  private readonly counters = new Map<string, number>();
  private caseNumber = 1000;
  private readonly listeners = {
    clickToDial: [] as Listener<ClickToDialPayload>[],
    navigation: [] as Listener<AppViewInfo>[],
    workStart: [] as Listener<WorkStartPayload>[],
    objectUpdate: [] as Listener<{
      fieldsUpdated: boolean;
      relatedListsUpdated: boolean;
      feedUpdated: boolean;
    }>[],
    screenPop: [] as Listener<FakeScreenPop>[],
    refresh: [] as Listener<FakeRefresh>[],
    panel: [] as Listener<FakePanelState>[]
  };

  constructor(options: FakeOrgOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.latencyMs = options.latencyMs ?? 0;
    this.callCenterSettings = { ...DEFAULT_SETTINGS, ...(options.callCenterSettings ?? {}) };
    this.messageBus = new FakeMessageBus((task) => this.schedule(task));
    this.currentUserId = this.insert("User", {
      FirstName: "Ada",
      LastName: "Agent",
      Extension: "100"
    }).Id;
    this.callCenterUserIds.add(this.currentUserId);
    this.panel = {
      visible: true,
      heightPX: Number(this.callCenterSettings["/reqGeneralInfo/reqSoftphoneHeight"]) || 400,
      widthPX: Number(this.callCenterSettings["/reqGeneralInfo/reqSoftphoneWidth"]) || 340,
      label: "Phone",
      icon: "call",
      itemLabel: "Phone",
      itemIcon: "call"
    };
  }

  /** Runs a task the way Open CTI answers: later, never synchronously. */
  schedule(task: () => void): void {
    if (this.latencyMs > 0) setTimeout(task, this.latencyMs);
    else void Promise.resolve().then(task);
  }

  // Records

  newId(sobjectType: string): string {
    const prefix = SCHEMA[sobjectType]?.keyPrefix ?? "a00";
    const next = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, next);
    return `${prefix}Fk${String(next).padStart(10, "0")}AAA`;
  }

  insert(sobjectType: string, fields: Record<string, unknown>): FakeRecord {
    const record: FakeRecord = {
      Id: this.newId(sobjectType),
      sobjectType,
      fields: { ...fields },
      LastModifiedDate: this.now().toISOString()
    };
    if (sobjectType === "Case" && record.fields.CaseNumber === undefined) {
      record.fields.CaseNumber = String(++this.caseNumber).padStart(8, "0");
    }
    if (sobjectType === "Lead" && record.fields.IsConverted === undefined)
      record.fields.IsConverted = false;
    if (this.committingLate && sobjectType === "Task") {
      record.uncommitted = true;
      setTimeout(() => delete record.uncommitted, this.lateCommitMs);
    }
    this.records.set(record.Id, record);
    return record;
  }

  update(id: string, fields: Record<string, unknown>): FakeRecord {
    const record = this.records.get(id);
    if (!record) throw new Error(`No record with Id ${id}`);
    Object.assign(record.fields, fields);
    record.LastModifiedDate = this.now().toISOString();
    return record;
  }

  get(id: string): FakeRecord | undefined {
    return (
      this.records.get(id) ??
      [...this.records.values()].find((record) => record.Id.slice(0, 15) === id)
    );
  }

  query(
    sobjectType: string,
    predicate: (record: FakeRecord) => boolean = () => true
  ): FakeRecord[] {
    return [...this.records.values()].filter(
      (record) => record.sobjectType === sobjectType && predicate(record)
    );
  }

  /** Tasks saved so far, oldest first. */
  get tasks(): FakeRecord[] {
    return this.query("Task");
  }

  nameOf(record: FakeRecord): string {
    const { Name, FirstName, LastName, CaseNumber } = record.fields;
    if (typeof Name === "string" && Name !== "") return Name;
    if (record.sobjectType === "Case" && typeof CaseNumber === "string") return CaseNumber;
    return [FirstName, LastName]
      .filter((part) => typeof part === "string" && part !== "")
      .join(" ");
  }

  addAccount(fields: { Name: string; Phone?: string; [field: string]: unknown }): FakeRecord {
    return this.insert("Account", fields);
  }

  /** A person account: an Account with IsPersonAccount and its person Contact. */
  addPersonAccount(fields: {
    FirstName?: string;
    LastName: string;
    Phone?: string;
    PersonMobilePhone?: string;
    [field: string]: unknown;
  }): {
    account: FakeRecord;
    contact: FakeRecord;
  } {
    this.personAccountsEnabled = true;
    const name = [fields.FirstName, fields.LastName].filter(Boolean).join(" ");
    const account = this.insert("Account", { ...fields, Name: name, IsPersonAccount: true });
    const contact = this.insert("Contact", {
      FirstName: fields.FirstName,
      LastName: fields.LastName,
      AccountId: account.Id,
      IsPersonAccount: true
    });
    account.fields.PersonContactId = contact.Id;
    return { account, contact };
  }

  addContact(fields: {
    LastName: string;
    FirstName?: string;
    Phone?: string;
    AccountId?: string;
    [field: string]: unknown;
  }): FakeRecord {
    return this.insert("Contact", fields);
  }

  addLead(fields: {
    LastName: string;
    Company: string;
    FirstName?: string;
    Phone?: string;
    IsConverted?: boolean;
    [field: string]: unknown;
  }): FakeRecord {
    return this.insert("Lead", fields);
  }

  addCase(fields: {
    Subject: string;
    ContactId?: string;
    AccountId?: string;
    [field: string]: unknown;
  }): FakeRecord {
    return this.insert("Case", { Status: "New", ...fields });
  }

  addUser(
    fields: {
      LastName: string;
      FirstName?: string;
      Phone?: string;
      Extension?: string;
      [field: string]: unknown;
    },
    options: { inCallCenter?: boolean } = {}
  ): FakeRecord {
    const user = this.insert("User", fields);
    if (options.inCallCenter !== false) this.callCenterUserIds.add(user.Id);
    return user;
  }

  /** Records of the given objects with a phone field matching `phone`, ignoring formatting. */
  findByPhone(
    phone: string,
    objects: readonly string[]
  ): { record: FakeRecord; field: string; value: string }[] {
    const matches: { record: FakeRecord; field: string; value: string }[] = [];
    for (const sobjectType of objects) {
      const fields = SCHEMA[sobjectType]?.phoneFields ?? [];
      for (const record of this.query(sobjectType)) {
        if (record.fields.IsPersonAccount === true && sobjectType === "Contact") continue;
        const field = fields.find((name) => {
          const value = record.fields[name];
          return typeof value === "string" && samePhone(value, phone);
        });
        if (field) matches.push({ record, field, value: String(record.fields[field]) });
      }
    }
    return matches;
  }

  requiredFieldsOf(sobjectType: string): readonly string[] {
    return this.requiredFields.get(sobjectType) ?? SCHEMA[sobjectType]?.required ?? [];
  }

  // Settings, layout, directory

  setCallCenterSetting(key: string, value: string): void {
    this.callCenterSettings[key] = value;
  }

  // Apex

  /** Registers a `webservice static` method; `className` may be namespaced (`ns.ClassName`). */
  registerApex(className: string, methodName: string, handler: ApexHandler): void {
    let methods = this.apex.get(className.toLowerCase());
    if (!methods) {
      methods = new Map();
      this.apex.set(className.toLowerCase(), methods);
    }
    methods.set(methodName.toLowerCase(), handler);
  }

  runApex(
    className: string,
    methodName: string,
    params: Readonly<Record<string, string>>
  ): ApexOutcome {
    const methods = this.apex.get(String(className).toLowerCase());
    if (!methods)
      return {
        ok: false,
        error: { code: "SERVER_ERROR", description: `Could not load Apex class: ${className}` }
      };
    const handler = methods.get(String(methodName).toLowerCase());
    if (!handler) {
      return {
        ok: false,
        error: {
          code: "SERVER_ERROR",
          description: `No such method '${methodName}' on Apex class: ${className}`
        }
      };
    }
    try {
      const value = handler(params, { org: this, userId: this.currentUserId });
      return {
        ok: true,
        value: typeof value === "string" || value === null ? value : JSON.stringify(value)
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: "SERVER_ERROR", description: message } };
    }
  }

  // Failure injection

  /** The next `times` calls of `method` (either API) fail with `error`. */
  failNext(
    method: string,
    error: FakeError | FakeError["code"] = "GENERIC_ERROR",
    times = 1
  ): void {
    const failure: FakeError =
      typeof error === "string"
        ? { code: error, description: `Injected ${error} for ${method}.` }
        : error;
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.failures.set(method, queue);
  }

  /** The next call of `method` never calls back (for timeout tests). */
  dropNext(method: string, times = 1): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push("drop");
    this.failures.set(method, queue);
  }

  /**
   * The next `times` saves of `method` (saveLog; a call-log save over runApex counts as
   * saveLog) are written but commit only after `lateCommitMs`, and their answer never comes:
   * the caller times out, and a check made before the commit finds nothing.
   */
  commitLate(method: string, times = 1): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push("late");
    this.failures.set(method, queue);
  }

  /** Runs a save injected with commitLate: its Tasks stay uncommitted for a while. */
  runLate<T>(save: () => T): T {
    this.committingLate = true;
    try {
      return save();
    } finally {
      this.committingLate = false;
    }
  }

  /** While false, every Lightning call fails with SOFTPHONE_CONTAINER_ERROR. */
  setContainerReady(ready: boolean): void {
    this.containerReady = ready;
  }

  /** Used by the fake APIs: the injected outcome for this call, if any. */
  takeFailure(method: string): FakeError | "drop" | "late" | undefined {
    const queue = this.failures.get(method);
    const next = queue?.shift();
    if (queue && queue.length === 0) this.failures.delete(method);
    return next;
  }

  // Recorder

  record(api: FakeApi, method: string, args: unknown): void {
    this.calls.push({ api, method, args: sanitize(args), at: this.now().getTime() });
  }

  callsTo(method: string, api?: FakeApi): RecordedCall[] {
    return this.calls.filter(
      (call) => call.method === method && (api === undefined || call.api === api)
    );
  }

  /** Every attempt to write a call log: saveLog, and SoftphoneCallLog.saveOnce over runApex. */
  callLogSaves(): RecordedCall[] {
    return this.calls.filter((call) => {
      if (call.method === "saveLog") return true;
      if (call.method !== "runApex") return false;
      const args = call.args as unknown;
      const [className, methodName] = Array.isArray(args)
        ? [args[0], args[1]]
        : typeof args === "object" && args !== null
          ? [
              (args as Record<string, unknown>).apexClass,
              (args as Record<string, unknown>).methodName
            ]
          : [undefined, undefined];
      return (
        /(^|\.)SoftphoneCallLog$/i.test(String(className)) && /^saveOnce$/i.test(String(methodName))
      );
    });
  }

  clearCalls(): void {
    this.calls.length = 0;
  }

  // Events the outside world fires

  /** A user clicks a phone number. Returns false (nothing delivered) while click-to-dial is disabled. */
  fireClickToDial(input: ClickToDialInput): boolean {
    if (!this.clickToDialEnabled) return false;
    const payload: ClickToDialPayload = {
      ...this.describeRecord(input.recordId),
      ...definedOnly(input),
      number: input.number
    };
    this.emit(this.listeners.clickToDial, payload);
    return this.listeners.clickToDial.length > 0;
  }

  /** The user navigates (or a tab comes back into focus). */
  fireNavigationChange(input: NavigationInput): AppViewInfo {
    const described = this.describeRecord(input.recordId);
    const page: AppViewInfo = {
      url:
        input.url ??
        (described.recordId
          ? `/lightning/r/${described.objectType}/${described.recordId}/view`
          : "/lightning/page/home"),
      ...described,
      ...definedOnly(input)
    };
    this.currentPage = page;
    this.emit(this.listeners.navigation, page);
    return page;
  }

  /** Sales Engagement starts a work item. */
  fireWorkStart(work: WorkStartPayload): void {
    this.emit(this.listeners.workStart, { completeWorkWhen: "TaskSaved", ...work });
  }

  /** Case Feed reports an update (Classic entityFeed.onObjectUpdate). */
  fireObjectUpdate(update: {
    fieldsUpdated?: boolean;
    relatedListsUpdated?: boolean;
    feedUpdated?: boolean;
  }): void {
    this.emit(this.listeners.objectUpdate, {
      fieldsUpdated: update.fieldsUpdated ?? false,
      relatedListsUpdated: update.relatedListsUpdated ?? false,
      feedUpdated: update.feedUpdated ?? false
    });
  }

  // Listener registration used by the fake APIs (not de-duplicated, as in Open CTI)

  addClickToDialListener(listener: Listener<ClickToDialPayload>): void {
    this.listeners.clickToDial.push(listener);
  }

  addNavigationListener(listener: Listener<AppViewInfo>): void {
    this.listeners.navigation.push(listener);
  }

  addWorkStartListener(listener: Listener<WorkStartPayload>): void {
    this.listeners.workStart.push(listener);
  }

  addObjectUpdateListener(
    listener: Listener<{
      fieldsUpdated: boolean;
      relatedListsUpdated: boolean;
      feedUpdated: boolean;
    }>
  ): void {
    this.listeners.objectUpdate.push(listener);
  }

  listenerCount(event: "clickToDial" | "navigation" | "workStart" | "objectUpdate"): number {
    return this.listeners[event].length;
  }

  // What the softphone did to the page (for the workbench and assertions)

  onScreenPop(listener: Listener<FakeScreenPop>): () => void {
    return addRemovable(this.listeners.screenPop, listener);
  }

  onRefreshView(listener: Listener<FakeRefresh>): () => void {
    return addRemovable(this.listeners.refresh, listener);
  }

  onPanelChange(listener: Listener<FakePanelState>): () => void {
    return addRemovable(this.listeners.panel, listener);
  }

  recordScreenPop(pop: FakeScreenPop): void {
    this.screenPops.push(pop);
    notify(this.listeners.screenPop, pop);
  }

  recordRefresh(refresh: FakeRefresh): void {
    this.refreshes.push(refresh);
    notify(this.listeners.refresh, refresh);
  }

  changePanel(patch: Partial<FakePanelState>): void {
    this.panel = { ...this.panel, ...patch };
    notify(this.listeners.panel, { ...this.panel });
  }

  /** recordName, objectType and person account details of a record, as Open CTI reports them. */
  describeRecord(recordId: string | undefined): Omit<AppViewInfo, "url"> {
    if (!recordId) return {};
    const record = this.get(recordId);
    const objectType = record?.sobjectType ?? objectForId(recordId);
    const info: Omit<AppViewInfo, "url"> = { recordId };
    if (objectType) info.objectType = objectType;
    if (!record) return info;
    info.recordName = this.nameOf(record);
    if (!this.personAccountsEnabled) return info;
    if (record.fields.IsPersonAccount === true) {
      info.personAccount = true;
      if (record.sobjectType === "Account" && typeof record.fields.PersonContactId === "string") {
        info.contactId = record.fields.PersonContactId;
      }
      if (record.sobjectType === "Contact" && typeof record.fields.AccountId === "string") {
        info.accountId = record.fields.AccountId;
      }
    } else if (record.sobjectType !== "Account") {
      info.personAccount = false;
    }
    return info;
  }

  errorFor(code: FakeError["code"], description: string, details?: unknown): RawOpenCtiError {
    return details === undefined ? { code, description } : { code, description, details };
  }

  private emit<T>(listeners: Listener<T>[], value: T): void {
    for (const listener of [...listeners]) {
      this.schedule(() => {
        try {
          listener(JSON.parse(JSON.stringify(value)) as T);
        } catch (error) {
          console.error("fake Open CTI listener failed", error);
        }
      });
    }
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined)
  ) as Partial<T>;
}

function addRemovable<T>(list: Listener<T>[], listener: Listener<T>): () => void {
  list.push(listener);
  return () => {
    const index = list.indexOf(listener);
    if (index >= 0) list.splice(index, 1);
  };
}

function notify<T>(listeners: Listener<T>[], value: T): void {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch (error) {
      console.error("fake org hook failed", error);
    }
  }
}

/** A JSON-safe copy of call arguments: functions become "[function]". */
export function sanitize(value: unknown): unknown {
  if (typeof value === "function") return "[function]";
  if (Array.isArray(value)) return value.map(sanitize);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, sanitize(entry)]));
  }
  return value;
}
