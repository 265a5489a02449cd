/**
 * The host object core gets in the Salesforce Voice connector. Salesforce draws the phone UI
 * and pops records itself, so most of Open CTI's surface is a quiet no-op here; what core
 * still needs goes to the connector page's Apex: the caller lookup (it fills the VoiceCall's
 * related record), the directory, the agent's SIP account, and the call log, which becomes
 * the VoiceCall's final update instead of a Task. Core's outbox keeps retrying that update
 * across reloads, so no call loses its record.
 *
 * This is the one file that knows core's ports (CtiHost and the Crm of ts-src/core/crm.ts,
 * whose answers are the same JSON the Apex classes give Open CTI).
 */
import type { CallCenterSettings, CtiHost, LogFields, PageInfo, Unsubscribe } from "../cti-host";
import { resultObject, VoiceHostError, type VoiceAction, type VoiceBackend } from "./backend";
import type { CallFactsBook } from "./call-facts";
import { callCenterSettingsFrom } from "./config";
import type { VoiceCallFinish, VoiceCallRecords } from "./voice-calls";

export interface VoiceCoreHost extends CtiHost {
  /** SETUP_CONNECTOR's connectorConfig: what getCallCenterSettings resolves with. */
  provideSettings(config: unknown): void;
}

export interface VoiceCoreHostDeps {
  backend: VoiceBackend;
  records: VoiceCallRecords;
  facts: CallFactsBook;
  now?: () => number;
}

const none: Unsubscribe = () => undefined;
const done = async (): Promise<void> => undefined;

function text(fields: LogFields, name: string): string {
  const value = fields[name];
  return typeof value === "string" ? value : "";
}

export function createVoiceCoreHost(deps: VoiceCoreHostDeps): VoiceCoreHost {
  const now = deps.now ?? Date.now;
  let provide: (settings: CallCenterSettings) => void = () => undefined;
  const settings = new Promise<CallCenterSettings>((resolve) => (provide = resolve));

  const finishFrom = (fields: LogFields): VoiceCallFinish => {
    const key = text(fields, "CallObject");
    const facts = deps.facts.get(key);
    const duration = fields.CallDurationInSeconds;
    const finish: VoiceCallFinish = {
      vendorCallKey: key,
      callType: text(fields, "CallType"),
      from: facts?.from ?? "",
      to: facts?.to ?? "",
      endTime: facts?.endTime ?? new Date(now()).toISOString(),
      durationSeconds: typeof duration === "number" ? duration : 0,
      disposition: text(fields, "CallDisposition"),
      description: text(fields, "Description"),
      subject: text(fields, "Subject")
    };
    if (facts?.startTime) finish.startTime = facts.startTime;
    const who = text(fields, "WhoId");
    const what = text(fields, "WhatId");
    if (who) finish.whoId = who;
    if (what) finish.whatId = what;
    return finish;
  };

  const host: VoiceCoreHost = {
    // Core has no Voice kind yet; Lightning is the closest (no Classic-only behaviour).
    kind: "lightning",
    provideSettings: (config) => provide(callCenterSettingsFrom(config)),
    getCallCenterSettings: () => settings,
    notifyInitializationComplete: done,
    // Salesforce owns click-to-dial in Voice: it sends DIAL to the connector instead.
    enableClickToDial: done,
    disableClickToDial: done,
    onClickToDial: () => none,
    getPageInfo: async (): Promise<PageInfo> => ({}),
    onNavigationChange: () => none,
    saveLog: async (entityApiName, fields) => {
      if (entityApiName !== "Task")
        throw new VoiceHostError("saveLog", "INVALID_PARAM", `Cannot log a ${entityApiName}.`);
      const finish = finishFrom(fields);
      const recordId = await deps.records.finish(finish);
      deps.facts.forget(finish.vendorCallKey);
      return { recordId };
    },
    refreshView: done,
    // Salesforce pops the VoiceCall (and what its Omni flow says) in Voice.
    screenPop: async () => undefined,
    searchAndScreenPop: async () => ({}),
    isPanelVisible: async () => true,
    setPanelVisible: done,
    setPanelSize: done,
    setItemLabel: done,
    setItemIcon: done,
    subscribe: async () => {
      throw new VoiceHostError("subscribe", "NOT_AVAILABLE", "No message channel in Voice.");
    },
    publish: async () => {
      throw new VoiceHostError("publish", "NOT_AVAILABLE", "No message channel in Voice.");
    },
    onWorkStart: () => none,
    completeWork: done
  };
  return host;
}

/**
 * Salesforce data for core in the connector (core's Crm port): the connector page's remote
 * action answers with the same JSON the Apex classes give Open CTI; whether a call was logged
 * is whether its VoiceCall was finished.
 */
export function createVoiceCrm(deps: Pick<VoiceCoreHostDeps, "backend" | "records">) {
  const ask = async (action: VoiceAction, argument: string): Promise<unknown> => {
    const result = await deps.backend.invoke(action, argument);
    return resultObject(result) ?? result;
  };
  return {
    findCaller: (phone: string) => ask("findByPhone", phone),
    searchDirectory: (term: string) => ask("searchDirectory", term),
    getSipAccount: () => ask("getSipAccount", ""),
    findLoggedCall: async (callId: string) => ({ taskId: await deps.records.findFinished(callId) })
  };
}
