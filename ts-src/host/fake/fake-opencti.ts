/**
 * A fake Open CTI for Lightning Experience over a FakeOrg, in two layers as in Salesforce:
 * the container (the Salesforce page answering the softphone frame: value checks, results and
 * error shapes, the org's data) and, in front of it, the client library's own behaviour
 * (opencti-library.ts: synchronous argument throws, forwarded keys, subscriptions).
 * `createFakeOpenCti` is both, as a softphone sees `sforce.opencti`; the workbench bridges
 * the library in the softphone frame to `createFakeOpenCtiContainer` in the shell.
 */
import { apexNameProblem } from "../invoke";
import {
  CALL_TYPE,
  SCREENPOP_TYPE,
  type LightningResponse,
  type OpenCtiLightningApi,
  type ScreenPopArgs,
  type SearchAndScreenPopArgs
} from "../lightning/types";
import {
  booleanProblem,
  messageProblem,
  panelHeightProblem,
  panelWidthProblem,
  requiredString,
  saveLogProblem,
  screenPopProblem,
  searchAndScreenPopProblem
} from "../lightning/validate";
import { saveFailureKey } from "./apex-handlers";
import { createOpenCtiLibrary } from "./opencti-library";
import type { FakeError, FakeOrg, FakePanelState, FakeRefresh, FakeScreenPop } from "./org";
import { saveRecord } from "./save";
import { decidePop, layoutCallType, lightningEntry, searchLayout } from "./search";

export interface FakeHostHooks {
  /** A screen pop happened (the workbench navigates). */
  onScreenPop?: (pop: FakeScreenPop) => void;
  /** refreshView / refreshPage / … was called (the workbench reloads the record view). */
  onRefreshView?: (refresh: FakeRefresh) => void;
  /** Panel visibility, size, label or icon changed (the workbench resizes the panel). */
  onPanelChange?: (panel: FakePanelState) => void;
}

type Answer =
  { ok: true; value: unknown; extra?: Record<string, unknown> } | { ok: false; error: FakeError };

const ok = (value: unknown = null, extra?: Record<string, unknown>): Answer => ({
  ok: true,
  value,
  ...(extra ? { extra } : {})
});
const invalid = (description: string): Answer => ({
  ok: false,
  error: { code: "INVALID_PARAM", description }
});

export function registerHooks(org: FakeOrg, hooks: FakeHostHooks): void {
  if (hooks.onScreenPop) org.onScreenPop(hooks.onScreenPop);
  if (hooks.onRefreshView) org.onRefreshView(hooks.onRefreshView);
  if (hooks.onPanelChange) org.onPanelChange(hooks.onPanelChange);
}

/** What the container receives from the library: unsubscribe names the channel only. */
export type OpenCtiContainer = Omit<OpenCtiLightningApi, "unsubscribe"> & {
  unsubscribe(args: { eventName: string; callback?: (response: unknown) => void }): void;
};

/** `sforce.opencti` as a softphone sees it: the library in front of the container. */
export function createFakeOpenCti(org: FakeOrg, hooks: FakeHostHooks = {}): OpenCtiLightningApi {
  return createOpenCtiLibrary(sendTo(createFakeOpenCtiContainer(org, hooks)));
}

/** Delivers a library call to the container method of that name (`hvs.completeWork` too). */
export function sendTo(container: object): (method: string, args: Record<string, unknown>) => void {
  return (method, args) => {
    let owner: unknown = null;
    let value: unknown = container;
    for (const part of method.split(".")) {
      owner = value;
      value = isObject(value) ? value[part] : undefined;
    }
    if (typeof value !== "function") throw new TypeError(`${method} is not a container method`);
    (value as (a: unknown) => void).call(owner, args);
  };
}

/** The container side: the Salesforce page that answers the softphone frame's calls. */
export function createFakeOpenCtiContainer(
  org: FakeOrg,
  hooks: FakeHostHooks = {}
): OpenCtiContainer {
  registerHooks(org, hooks);
  /** One message-service subscription per channel; a repeated subscribe replaces the listener. */
  const channels = new Map<string, { remove: () => void; listener: (message: unknown) => void }>();

  /** Records the call, applies injected failures, computes the answer now and calls back later. */
  const answer = (
    method: string,
    args: unknown,
    compute: () => Answer,
    failureKey = method
  ): void => {
    org.record("lightning", method, args);
    const callback =
      isObject(args) && typeof args.callback === "function"
        ? (args.callback as (r: unknown) => void)
        : undefined;
    const injected = org.takeFailure(failureKey);
    if (injected === "drop") return;
    if (injected === "late") {
      org.runLate(compute);
      return;
    }
    let result: Answer;
    if (!org.containerReady) {
      result = {
        ok: false,
        error: {
          code: "SOFTPHONE_CONTAINER_ERROR",
          description: `Unable to execute ${method} because the softphone container hasn't initialized yet.`
        }
      };
    } else if (injected) {
      result = { ok: false, error: injected };
    } else {
      result = compute();
    }
    if (!callback) return;
    const response: LightningResponse & Record<string, unknown> = result.ok
      ? { success: true, returnValue: result.value as never, errors: null, ...(result.extra ?? {}) }
      : {
          success: false,
          returnValue: null,
          errors: [org.errorFor(result.error.code, result.error.description, result.error.details)]
        };
    org.schedule(() => callback(response));
  };

  const register = (method: string, args: unknown, add: (listener: never) => void): void => {
    org.record("lightning", method, args);
    const listener = isObject(args) ? args.listener : undefined;
    if (typeof listener !== "function")
      throw new TypeError(`${method}: listener must be a function`);
    add(listener as never);
  };

  const pop = (args: ScreenPopArgs): void => {
    org.recordScreenPop({ api: "lightning", type: args.type, params: { ...args.params } });
  };

  const panel = (
    method: string,
    args: unknown,
    problem: string | null,
    patch: () => Partial<FakePanelState>
  ): void =>
    answer(method, args, () => {
      if (problem) return invalid(problem);
      org.changePanel(patch());
      return ok();
    });

  const api: OpenCtiContainer = {
    CALL_TYPE,
    SCREENPOP_TYPE,

    disableClickToDial: (args = {}) =>
      answer("disableClickToDial", args, () => {
        org.clickToDialEnabled = false;
        return ok();
      }),
    enableClickToDial: (args = {}) =>
      answer("enableClickToDial", args, () => {
        org.clickToDialEnabled = true;
        return ok();
      }),
    getAppViewInfo: (args) => answer("getAppViewInfo", args, () => ok({ ...org.currentPage })),
    getCallCenterSettings: (args) =>
      answer("getCallCenterSettings", args, () => ok({ ...org.callCenterSettings })),
    getSoftphoneLayout: (args) =>
      answer("getSoftphoneLayout", args, () =>
        org.softphoneLayout
          ? ok(JSON.parse(JSON.stringify(org.softphoneLayout)))
          : {
              ok: false,
              error: {
                code: "GENERIC_ERROR",
                description: "No softphone layout is assigned to the current user."
              }
            }
      ),
    isSoftphonePanelVisible: (args) =>
      answer("isSoftphonePanelVisible", args, () => ok({ visible: org.panel.visible })),
    notifyInitializationComplete: (args = {}) =>
      answer("notifyInitializationComplete", args, () => {
        org.initialized = true;
        return ok();
      }),
    onClickToDial: (args) =>
      register("onClickToDial", args, (listener) => org.addClickToDialListener(listener)),
    onNavigationChange: (args) =>
      register("onNavigationChange", args, (listener) => org.addNavigationListener(listener)),
    refreshView: (args = {}) =>
      answer("refreshView", args, () => {
        org.recordRefresh({ api: "lightning", method: "refreshView" });
        return ok();
      }),
    runApex: (args) =>
      answer(
        "runApex",
        args,
        () => {
          const problem = apexNameProblem(args?.apexClass, args?.methodName);
          if (problem) return invalid(problem);
          const params = parseMethodParams(args.methodParams);
          if (params === null) return invalid("methodParams must be a query string.");
          const outcome = org.runApex(args.apexClass, args.methodName, params);
          return outcome.ok ? ok({ runApex: outcome.value }) : { ok: false, error: outcome.error };
        },
        saveFailureKey(args?.apexClass, args?.methodName)
      ),
    saveLog: (args) =>
      answer("saveLog", args, () => {
        const problem = saveLogProblem(args?.value);
        if (problem) return invalid(problem);
        const outcome = saveRecord(org, args.value);
        return outcome.ok
          ? ok({ recordId: outcome.id })
          : { ok: false, error: outcome.error as FakeError };
      }),
    screenPop: (args) =>
      answer("screenPop", args, () => {
        const problem = screenPopProblem(args);
        if (problem) return invalid(problem);
        pop(args);
        return ok();
      }),
    searchAndScreenPop: (args: SearchAndScreenPopArgs) =>
      answer("searchAndScreenPop", args, () => {
        const problem = isObject(args)
          ? searchAndScreenPopProblem(args)
          : "searchAndScreenPop needs an object.";
        if (problem) return invalid(problem);
        const search = searchLayout(org, args.searchParams, layoutCallType(args.callType));
        const result: Record<string, unknown> = {};
        for (const record of search.matches) {
          if (search.layout) result[record.Id] = lightningEntry(org, record, search.layout);
        }
        const decided = decidePop(search, {
          ...(args.searchParams !== undefined ? { searchParams: args.searchParams } : {}),
          ...(args.queryParams !== undefined ? { queryParams: args.queryParams } : {}),
          ...(args.defaultFieldValues ? { defaultFieldValues: args.defaultFieldValues } : {}),
          ...(args.params?.FLOW?.flowArgs ? { flowArgs: args.params.FLOW.flowArgs } : {})
        });
        if (decided && args.deferred === true) result.SCREEN_POP_DATA = decided;
        else if (decided) pop(decided);
        return ok(result);
      }),
    setSoftphoneItemIcon: (args) =>
      panel("setSoftphoneItemIcon", args, requiredString("key", args?.key), () => ({
        itemIcon: args.key
      })),
    setSoftphoneItemLabel: (args) =>
      panel("setSoftphoneItemLabel", args, stringProblem("label", args?.label), () => ({
        itemLabel: args.label
      })),
    setSoftphonePanelHeight: (args) =>
      panel("setSoftphonePanelHeight", args, panelHeightProblem(args?.heightPX), () => ({
        heightPX: args.heightPX
      })),
    setSoftphonePanelIcon: (args) =>
      panel("setSoftphonePanelIcon", args, requiredString("key", args?.key), () => ({
        icon: args.key
      })),
    setSoftphonePanelLabel: (args) =>
      panel("setSoftphonePanelLabel", args, stringProblem("label", args?.label), () => ({
        label: args.label
      })),
    setSoftphonePanelVisibility: (args) =>
      panel("setSoftphonePanelVisibility", args, booleanProblem("visible", args?.visible), () => ({
        visible: args.visible
      })),
    setSoftphonePanelWidth: (args) =>
      panel("setSoftphonePanelWidth", args, panelWidthProblem(args?.widthPX), () => ({
        widthPX: args.widthPX
      })),

    subscribe: (args) =>
      answer("subscribe", args, () => {
        const problem = requiredString("channelName", args?.channelName);
        if (problem) return invalid(problem);
        if (typeof args.listener !== "function") return invalid("listener must be a function.");
        const existing = channels.get(args.channelName);
        if (existing) existing.listener = args.listener;
        else {
          const entry = {
            listener: args.listener,
            remove: org.messageBus.subscribe(args.channelName, (message) => entry.listener(message))
          };
          channels.set(args.channelName, entry);
        }
        return ok({});
      }),
    unsubscribe: (args) =>
      answer("unsubscribe", args, () => {
        const entry =
          typeof args?.eventName === "string" ? channels.get(args.eventName) : undefined;
        if (!entry) return invalid("eventName is not a subscribed channel.");
        entry.remove();
        channels.delete(args.eventName);
        return ok();
      }),
    publish: (args) =>
      answer("publish", args, () => {
        const problem =
          requiredString("channelName", args?.channelName) ?? messageProblem(args?.message);
        if (problem) return invalid(problem);
        org.messageBus.publish(args.channelName, args.message as Record<string, unknown>);
        return ok();
      }),

    hvs: {
      onWorkStart: (args) =>
        register("hvs.onWorkStart", args, (listener) => org.addWorkStartListener(listener)),
      completeWork: (args) =>
        answer("hvs.completeWork", args, () => {
          const problem = requiredString("workId", args?.workId);
          if (problem) return invalid(problem);
          if (!isObject(args.attributes)) return invalid("attributes must be an object.");
          org.completedWork.push({
            workId: args.workId,
            attributes: { wasConnected: true, ...args.attributes }
          });
          return ok();
        })
    }
  };
  return api;
}

/** Decodes methodParams the way the server does (form decoding: `+` is a space). */
export function parseMethodParams(methodParams: unknown): Record<string, string> | null {
  if (methodParams === undefined || methodParams === null || methodParams === "") return {};
  if (isObject(methodParams) && Object.keys(methodParams).length === 0) return {};
  if (typeof methodParams !== "string") return null;
  return Object.fromEntries(new URLSearchParams(methodParams));
}

function stringProblem(name: string, value: unknown): string | null {
  return typeof value === "string" ? null : `${name} must be a string.`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
