/**
 * A fake `window.sforce.interaction` (with `.cti` and `.entityFeed`) over a FakeOrg, shaped like
 * Open CTI for Salesforce Classic: positional arguments, `{result, error}` callbacks, JSON
 * strings where Classic returns them.
 */
import { saveFailureKey } from "./apex-handlers";
import type { AppViewInfo, ClickToDialPayload } from "../lightning/types";
import { apexNameProblem } from "../invoke";
import type { ClassicCallType, ClassicInteractionApi, ClassicResponse } from "../classic/types";
import { DIRECTORY_PAGE_SIZE } from "../classic/types";
import { registerHooks, parseMethodParams, type FakeHostHooks } from "./fake-opencti";
import type { FakeOrg, FakePanelState } from "./org";
import { saveRecord } from "./save";
import { SCHEMA } from "./schema";
import { classicEntry, classicUrlFor, decidePop, layoutCallType, searchLayout } from "./search";

type Answer = { result: unknown; id?: string } | { error: string };

export function createFakeInteraction(
  org: FakeOrg,
  hooks: FakeHostHooks = {}
): ClassicInteractionApi {
  registerHooks(org, hooks);

  const answer = (
    method: string,
    args: unknown[],
    callback: unknown,
    compute: () => Answer,
    failureKey = method
  ): void => {
    org.record("classic", method, args);
    const injected = org.takeFailure(failureKey);
    if (injected === "drop") return;
    if (injected === "late") {
      org.runLate(compute);
      return;
    }
    const result: Answer = injected ? { error: injected.description } : compute();
    if (typeof callback !== "function") return;
    const response: ClassicResponse = "error" in result ? { error: result.error } : { ...result };
    org.schedule(() => (callback as (response: ClassicResponse) => void)(response));
  };

  const fail = (error: string): Answer => ({ error });

  const search = (searchParams: unknown, queryParams: unknown, callType: ClassicCallType) => {
    const found = searchLayout(
      org,
      typeof searchParams === "string" ? searchParams : "",
      layoutCallType(callType)
    );
    const entries: Record<string, Record<string, unknown>> = {};
    for (const record of found.matches) {
      if (found.layout) entries[record.Id] = classicEntry(org, record, found.layout);
    }
    const decided = decidePop(found, {
      ...(typeof searchParams === "string" ? { searchParams } : {}),
      ...(typeof queryParams === "string" && queryParams !== "" ? { queryParams } : {})
    });
    // Classic pops only for inbound calls (callType null means inbound).
    const popUrl =
      decided && (callType === null || callType === "inbound") ? classicUrlFor(decided) : null;
    return { entries, popUrl };
  };

  const panel = (
    method: string,
    args: unknown[],
    callback: unknown,
    problem: string | null,
    patch: Partial<FakePanelState>
  ) =>
    answer(method, args, callback, () => {
      if (problem) return fail(problem);
      org.changePanel(patch);
      return { result: true };
    });

  const pageJson = (page: AppViewInfo): string => JSON.stringify(toClassicPage(page));

  return {
    getPageInfo: (callback) =>
      answer("getPageInfo", [callback], callback, () => ({ result: pageJson(org.currentPage) })),
    isInConsole: (callback) =>
      answer("isInConsole", [callback], callback, () => ({ result: org.inConsole })),
    isVisible: (callback) =>
      answer("isVisible", [callback], callback, () => ({ result: org.panel.visible })),
    onFocus: (listener) => {
      org.record("classic", "onFocus", [listener]);
      if (typeof listener !== "function")
        throw new TypeError("onFocus: listener must be a function");
      org.addNavigationListener((page) => listener({ result: pageJson(page) }));
    },
    refreshPage: (callback) =>
      answer("refreshPage", [callback], callback, () => {
        org.recordRefresh({ api: "classic", method: "refreshPage" });
        return { result: true };
      }),
    refreshRelatedList: (listName, callback) =>
      answer("refreshRelatedList", [listName, callback], callback, () => {
        if (typeof listName !== "string" || listName === "") return fail("listName is required.");
        if (!org.currentPage.recordId) return { result: false };
        org.recordRefresh({ api: "classic", method: "refreshRelatedList", args: { listName } });
        return { result: true };
      }),
    runApex: (apexClass, methodName, methodParams, callback) =>
      answer(
        "runApex",
        [apexClass, methodName, methodParams, callback],
        callback,
        () => {
          const problem = apexNameProblem(apexClass, methodName);
          if (problem) return fail(problem);
          const params = parseMethodParams(methodParams);
          if (params === null) return fail("methodParams must be a query string.");
          const outcome = org.runApex(apexClass, methodName, params);
          return outcome.ok ? { result: outcome.value } : fail(outcome.error.description);
        },
        saveFailureKey(apexClass, methodName)
      ),
    saveLog: (object, saveParams, callback) =>
      answer("saveLog", [object, saveParams, callback], callback, () => {
        if (typeof object !== "string" || object === "") return fail("object is required.");
        if (typeof saveParams !== "string") return fail("saveParams must be a query string.");
        const fields: Record<string, unknown> = Object.fromEntries(new URLSearchParams(saveParams));
        const outcome = saveRecord(org, { ...fields, entityApiName: object });
        return outcome.ok ? { result: true, id: outcome.id } : fail(outcome.message);
      }),
    screenPop: (url, force, callback) =>
      answer("screenPop", [url, force, callback], callback, () => {
        if (typeof url !== "string" || !url.startsWith("/") || url.startsWith("//")) {
          return fail("url must be a relative URL starting with /.");
        }
        org.recordScreenPop({
          api: "classic",
          type: "url",
          params: { url },
          url,
          force: force === true
        });
        return { result: true };
      }),
    searchAndGetScreenPopUrl: (searchParams, queryParams, callType, callback) =>
      answer(
        "searchAndGetScreenPopUrl",
        [searchParams, queryParams, callType, callback],
        callback,
        () => {
          const { entries, popUrl } = search(searchParams, queryParams, callType);
          return {
            result: JSON.stringify(popUrl ? { ...entries, screenPopUrl: popUrl } : entries)
          };
        }
      ),
    searchAndScreenPop: (searchParams, queryParams, callType, callback) =>
      answer(
        "searchAndScreenPop",
        [searchParams, queryParams, callType, callback],
        callback,
        () => {
          const { entries, popUrl } = search(searchParams, queryParams, callType);
          if (popUrl)
            org.recordScreenPop({
              api: "classic",
              type: "url",
              params: { url: popUrl },
              url: popUrl,
              force: false
            });
          return { result: JSON.stringify(entries) };
        }
      ),
    setVisible: (value, callback) =>
      panel(
        "setVisible",
        [value, callback],
        callback,
        typeof value === "boolean" ? null : "value must be true or false.",
        {
          visible: value
        }
      ),
    cti: {
      notifyInitializationComplete: () => {
        org.record("classic", "cti.notifyInitializationComplete", []);
        org.initialized = true;
      },
      disableClickToDial: (callback) =>
        answer("cti.disableClickToDial", [callback], callback, () => {
          org.clickToDialEnabled = false;
          return { result: true };
        }),
      enableClickToDial: (callback) =>
        answer("cti.enableClickToDial", [callback], callback, () => {
          org.clickToDialEnabled = true;
          return { result: true };
        }),
      getCallCenterSettings: (callback) =>
        answer("cti.getCallCenterSettings", [callback], callback, () => ({
          result: JSON.stringify(org.callCenterSettings)
        })),
      getDirectoryNumbers: (isGlobal, callCenterName, callback, resultSetPage, resultSetPageSize) =>
        answer(
          "cti.getDirectoryNumbers",
          [isGlobal, callCenterName, callback, resultSetPage, resultSetPageSize],
          callback,
          () => {
            const page = resultSetPage ?? 0;
            const size = resultSetPageSize ?? DIRECTORY_PAGE_SIZE.default;
            if (!Number.isInteger(page) || page < 0)
              return fail("resultSetPage must be an integer of 0 or more.");
            if (!Number.isInteger(size) || size < 1 || size > DIRECTORY_PAGE_SIZE.max) {
              return fail(
                `resultSetPageSize must be an integer from 1 through ${DIRECTORY_PAGE_SIZE.max}.`
              );
            }
            const all = org.directoryNumbers.filter(
              (item) =>
                isGlobal === true || !callCenterName || item.callCenterName === callCenterName
            );
            const slice = all.slice(page * size, page * size + size);
            return {
              result: JSON.stringify({
                directoryNumbers: slice,
                hasNext: all.length > (page + 1) * size
              })
            };
          }
        ),
      getSoftphoneLayout: (callback) =>
        answer("cti.getSoftphoneLayout", [callback], callback, () =>
          org.softphoneLayout
            ? { result: JSON.stringify(org.softphoneLayout) }
            : fail("No softphone layout is assigned to the current user.")
        ),
      onClickToDial: (listener) => {
        org.record("classic", "cti.onClickToDial", [listener]);
        if (typeof listener !== "function")
          throw new TypeError("onClickToDial: listener must be a function");
        org.addClickToDialListener((payload) =>
          listener({ result: JSON.stringify(toClassicClick(payload)) })
        );
      },
      setSoftphoneHeight: (height, callback) =>
        panel(
          "cti.setSoftphoneHeight",
          [height, callback],
          callback,
          sizeProblem("height", height),
          { heightPX: height }
        ),
      setSoftphoneWidth: (width, callback) =>
        panel("cti.setSoftphoneWidth", [width, callback], callback, sizeProblem("width", width), {
          widthPX: width
        })
    },
    entityFeed: {
      onObjectUpdate: (callback) => {
        org.record("classic", "entityFeed.onObjectUpdate", [callback]);
        if (typeof callback !== "function")
          throw new TypeError("onObjectUpdate: callback must be a function");
        org.addObjectUpdateListener(callback);
      },
      refreshObject: (objectId, refreshFields, refreshRelatedLists, refreshFeed, callback) =>
        answer(
          "entityFeed.refreshObject",
          [objectId, refreshFields, refreshRelatedLists, refreshFeed, callback],
          callback,
          () => {
            if (typeof objectId !== "string" || !org.get(objectId)) return { result: false };
            org.recordRefresh({
              api: "classic",
              method: "entityFeed.refreshObject",
              args: { objectId, refreshFields, refreshRelatedLists, refreshFeed }
            });
            return { result: true };
          }
        ),
      reloadFrame: () => {
        org.record("classic", "entityFeed.reloadFrame", []);
        org.recordRefresh({ api: "classic", method: "entityFeed.reloadFrame" });
      }
    }
  };
}

function sizeProblem(name: string, value: unknown): string | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0
    ? null
    : `${name} must be a number of 0 or more.`;
}

function toClassicPage(page: AppViewInfo): Record<string, unknown> {
  const result: Record<string, unknown> = {
    url: page.url ?? "",
    objectId: page.recordId ?? "",
    objectName: page.recordName ?? "",
    object: page.objectType ?? ""
  };
  if (page.objectType) result.displayName = SCHEMA[page.objectType]?.label ?? page.objectType;
  if (page.personAccount !== undefined) result.personAccount = page.personAccount;
  if (page.contactId) result.contactId = page.contactId;
  if (page.accountId) result.accountId = page.accountId;
  return result;
}

function toClassicClick(payload: ClickToDialPayload): Record<string, unknown> {
  const { url: _url, ...page } = toClassicPage(payload);
  return { number: String(payload.number), ...page };
}
