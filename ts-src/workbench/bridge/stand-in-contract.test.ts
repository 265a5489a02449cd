/**
 * The stand-in's contract: one table of calls, each with the behaviour OPENCTI-LIBRARY.md
 * documents for Salesforce's own opencti_min.js (synchronous throws, forwarded keys, callbacks
 * that never come). The table runs against the stand-in as the workbench serves it (the
 * bridge client in a frame, posting to a shell that runs the fake container) and against the
 * in-process fake that unit tests use; both must behave the same.
 */
import { FakeOrg, registerSoftphoneApex } from "../../host/fake";
import { createFakeOpenCti, createFakeOpenCtiContainer } from "../../host/fake/fake-opencti";
import type { OpenCtiLightningApi } from "../../host/lightning/types";
import { installBridgeClient } from "./client";
import { BRIDGE_TAG, decodeArgs, parseBridgeMessage } from "./protocol";

type Api = OpenCtiLightningApi & Record<string, unknown>;
type Response = { success: boolean; errors?: Array<{ code: string }> | null };

const SHELL = "https://workbench.lightning.force.com";
const PAGE = `${SHELL}/apex/Softphone`;

/** A softphone frame whose parent is a shell serving the fake container over the bridge. */
function bridged(org: FakeOrg, url = `${PAGE}?sfdcIframeOrigin=${SHELL}&mode=Lightning`) {
  const frameListeners: Array<(event: MessageEvent) => void> = [];
  const location = new URL(url);
  const container = createFakeOpenCtiContainer(org);
  const parent = {
    postMessage(data: unknown, targetOrigin: string) {
      expect(targetOrigin).toBe(new URLSearchParams(location.search).get("sfdcIframeOrigin"));
      const message = parseBridgeMessage(JSON.parse(JSON.stringify(data)));
      if (!message || message.kind !== "call") throw new Error("the stand-in posted a non-call");
      const args = decodeArgs(message.args, (token) => (...callbackArgs: unknown[]) => {
        const invoke = {
          tag: BRIDGE_TAG,
          kind: "invoke",
          session: message.session,
          fn: token.__workbenchFn,
          args: JSON.parse(JSON.stringify(callbackArgs)) as unknown[]
        };
        for (const l of frameListeners)
          l({ source: parent, origin: SHELL, data: invoke } as unknown as MessageEvent);
      });
      let target: unknown = container;
      let owner: unknown = null;
      for (const part of message.method.split(".")) {
        owner = target;
        target = (target as Record<string, unknown>)[part];
      }
      (target as (...a: unknown[]) => void).apply(owner, args);
    }
  };
  const win = {
    location: { search: location.search, protocol: location.protocol, hostname: location.hostname },
    parent,
    crypto: { randomUUID: () => "session-1" },
    addEventListener: (_type: string, l: (event: MessageEvent) => void) => frameListeners.push(l)
  } as unknown as Window & { sforce?: { opencti?: Api } };
  installBridgeClient(win, "lightning");
  return win.sforce?.opencti as Api;
}

const TARGETS: Array<[string, (org: FakeOrg) => Api]> = [
  ["the served stand-in (bridge)", (org) => bridged(org)],
  ["the in-process fake", (org) => createFakeOpenCti(org) as Api]
];

type Expect =
  | { throws: RegExp }
  | {
      forwards: Record<string, unknown> | null;
      answer?: "success" | "never" | "INVALID_PARAM" | "GENERIC_ERROR";
    };

const fn = () => undefined;
const TASK = { entityApiName: "Task", Subject: "Call" };

/** [name, call (given a callback), expected behaviour] */
const ROWS: Array<[string, (api: Api, callback: (r: Response) => void) => void, Expect]> = [
  [
    "getCallCenterSettings() throws",
    (api) => (api.getCallCenterSettings as () => void)(),
    { throws: /one object argument/ }
  ],
  [
    "getCallCenterSettings({}) throws",
    (api) => api.getCallCenterSettings({}),
    { throws: /non-empty/ }
  ],
  [
    "getCallCenterSettings({callback}) forwards and calls back",
    (api, cb) => api.getCallCenterSettings({ callback: cb as never }),
    { forwards: { callback: "[function]" }, answer: "success" }
  ],
  [
    "getAppViewInfo without a callback throws",
    (api) => api.getAppViewInfo({ other: 1 } as never),
    { throws: /needs a callback/ }
  ],
  [
    "getSoftphoneLayout with a non-function callback throws",
    (api) => api.getSoftphoneLayout({ callback: "x" as never }),
    { throws: /callback/ }
  ],
  [
    "isSoftphonePanelVisible without a callback throws",
    (api) => api.isSoftphonePanelVisible({ x: 1 } as never),
    { throws: /needs a callback/ }
  ],
  ["enableClickToDial() is allowed", (api) => api.enableClickToDial(), { forwards: {} }],
  ["enableClickToDial({}) throws", (api) => api.enableClickToDial({}), { throws: /non-empty/ }],
  ["disableClickToDial() is allowed", (api) => api.disableClickToDial(), { forwards: {} }],
  ["refreshView() is allowed", (api) => api.refreshView(), { forwards: {} }],
  ["refreshView({}) throws", (api) => api.refreshView({}), { throws: /non-empty/ }],
  [
    "notifyInitializationComplete is not checked",
    (api) => (api.notifyInitializationComplete as (a: unknown) => void)("anything"),
    { forwards: {} }
  ],
  [
    "two arguments throw",
    (api, cb) => (api.refreshView as (...a: unknown[]) => void)({ callback: cb }, 2),
    { throws: /exactly one/ }
  ],
  ["onClickToDial({}) throws", (api) => api.onClickToDial({} as never), { throws: /non-empty/ }],
  [
    "onNavigationChange with a non-function listener throws",
    (api) => api.onNavigationChange({ listener: 1 as never }),
    { throws: /listener/ }
  ],
  [
    "hvs.onWorkStart without a listener throws",
    (api) => api.hvs.onWorkStart({ x: 1 } as never),
    { throws: /listener/ }
  ],
  [
    "onClickToDial({listener}) forwards the listener",
    (api) => api.onClickToDial({ listener: fn }),
    { forwards: { listener: "[function]" } }
  ],
  [
    "saveLog with a non-object value throws",
    (api, cb) => api.saveLog({ value: "x" as never, callback: cb as never }),
    { throws: /value must be an object/ }
  ],
  [
    "saveLog forwards value and answers",
    (api, cb) => api.saveLog({ value: TASK as never, callback: cb as never }),
    { forwards: { value: TASK, callback: "[function]" }, answer: "success" }
  ],
  [
    "saveLog's Task fields are the container's to check",
    (api, cb) =>
      api.saveLog({
        value: { entityApiName: "Task", Bogus__x: 1 } as never,
        callback: cb as never
      }),
    {
      forwards: { value: { entityApiName: "Task", Bogus__x: 1 }, callback: "[function]" },
      answer: "GENERIC_ERROR"
    }
  ],
  [
    "screenPop drops a top-level defaultFieldValues",
    (api, cb) =>
      api.screenPop({
        type: "newRecord",
        params: { entityName: "Contact" },
        defaultFieldValues: { LastName: "Dropped" },
        callback: cb as never
      }),
    {
      forwards: { type: "newRecord", params: { entityName: "Contact" }, callback: "[function]" },
      answer: "success"
    }
  ],
  [
    "screenPop's pop type is the container's to check",
    (api, cb) =>
      api.screenPop({ type: "nowhere" as never, params: {} as never, callback: cb as never }),
    { forwards: { type: "nowhere", params: {}, callback: "[function]" }, answer: "INVALID_PARAM" }
  ],
  [
    "searchAndScreenPop forwards its listed keys only",
    (api, cb) =>
      api.searchAndScreenPop({
        searchParams: "Acme",
        callType: "inbound",
        queryParams: "q=1",
        deferred: true,
        extra: "dropped",
        callback: cb as never
      } as never),
    {
      forwards: {
        searchParams: "Acme",
        callType: "inbound",
        queryParams: "q=1",
        deferred: true,
        callback: "[function]"
      },
      answer: "success"
    }
  ],
  [
    "runApex forwards class, method and params only",
    (api, cb) =>
      api.runApex({
        apexClass: "SoftphoneDirectory",
        methodName: "search",
        methodParams: "term=ab",
        namespace: "dropped",
        callback: cb as never
      } as never),
    {
      forwards: {
        apexClass: "SoftphoneDirectory",
        methodName: "search",
        methodParams: "term=ab",
        callback: "[function]"
      },
      answer: "success"
    }
  ],
  [
    "a panel height out of range is forwarded; the container refuses it",
    (api, cb) => api.setSoftphonePanelHeight({ heightPX: 100, callback: cb as never }),
    { forwards: { heightPX: 100, callback: "[function]" }, answer: "INVALID_PARAM" }
  ],
  [
    "subscribe with an empty channel name throws",
    (api) => api.subscribe({ channelName: "", listener: fn }),
    { throws: /channelName/ }
  ],
  [
    "subscribe without a listener throws",
    (api) => api.subscribe({ channelName: "Softphone__c" } as never),
    { throws: /listener/ }
  ],
  [
    "subscribe forwards the channel and answers with a subscription",
    (api, cb) =>
      api.subscribe({ channelName: "Softphone__c", listener: fn, callback: cb as never }),
    {
      forwards: { channelName: "Softphone__c", listener: "[function]", callback: "[function]" },
      answer: "success"
    }
  ],
  [
    "publish with an empty channel name throws",
    (api) => api.publish({ channelName: "", message: {} }),
    { throws: /channelName/ }
  ],
  [
    "publish with a string message throws",
    (api) => api.publish({ channelName: "Softphone__c", message: "str" }),
    { throws: /JSON-serialisable object/ }
  ],
  [
    "publish forwards channel and message",
    (api, cb) =>
      api.publish({ channelName: "Softphone__c", message: { a: 1 }, callback: cb as never }),
    {
      forwards: { channelName: "Softphone__c", message: { a: 1 }, callback: "[function]" },
      answer: "success"
    }
  ],
  [
    "unsubscribe with a non-object subscription throws",
    (api) => api.unsubscribe({ subscription: "x" }),
    { throws: /subscription must be an object/ }
  ],
  [
    "unsubscribe of an unknown subscription sends nothing and never calls back",
    (api, cb) =>
      api.unsubscribe({ subscription: { channelName: "Softphone__c" }, callback: cb as never }),
    { forwards: null, answer: "never" }
  ]
];

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe.each(TARGETS)("stand-in contract: %s", (_target, make) => {
  it.each(ROWS)("%s", async (_name, call, expected) => {
    const org = new FakeOrg();
    registerSoftphoneApex(org);
    const api = make(org);
    const answers: Response[] = [];
    const run = () => call(api, (r) => answers.push(r));
    if ("throws" in expected) {
      expect(run).toThrow(expected.throws);
      await settle();
      expect(org.calls).toHaveLength(0);
      expect(answers).toHaveLength(0);
      return;
    }
    run();
    await settle();
    const method = org.calls[0]?.method;
    if (expected.forwards === null) expect(org.calls).toHaveLength(0);
    else {
      expect(org.calls).toHaveLength(1);
      expect(org.calls[0]?.args).toEqual(expected.forwards);
      expect(method).toBeDefined();
    }
    if (expected.answer === undefined) return;
    if (expected.answer === "never") expect(answers).toHaveLength(0);
    else if (expected.answer === "success") expect(answers).toMatchObject([{ success: true }]);
    else expect(answers).toMatchObject([{ success: false, errors: [{ code: expected.answer }] }]);
  });

  it("subscriptions: the library's frozen object, matched by identity; only the last unsubscribe is sent", async () => {
    const org = new FakeOrg();
    const api = make(org);
    const heard: string[] = [];
    const subscribe = (name: string) =>
      new Promise<{ subscription: object }>((resolve) =>
        api.subscribe({
          channelName: "Softphone__c",
          listener: (m) => heard.push(`${name}:${(m as { n: number }).n}`),
          callback: resolve as never
        })
      );
    const first = await subscribe("a");
    const second = await subscribe("b");
    expect(Object.isFrozen(first.subscription)).toBe(true);
    org.messageBus.publish("Softphone__c", { n: 1 });
    await settle();
    expect(heard).toEqual(["a:1", "b:1"]);

    const answered: unknown[] = [];
    // A look-alike is not the subscription: nothing happens.
    api.unsubscribe({ subscription: { ...first.subscription }, callback: (r) => answered.push(r) });
    // Others remain on the channel: nothing is sent, no callback.
    api.unsubscribe({ subscription: first.subscription, callback: (r) => answered.push(r) });
    await settle();
    expect(org.callsTo("unsubscribe")).toHaveLength(0);
    expect(answered).toHaveLength(0);
    org.messageBus.publish("Softphone__c", { n: 2 });
    await settle();
    expect(heard).toEqual(["a:1", "b:1", "b:2"]);

    api.unsubscribe({ subscription: second.subscription, callback: (r) => answered.push(r) });
    await settle();
    expect(org.callsTo("unsubscribe").map((c) => c.args)).toEqual([
      { eventName: "Softphone__c", callback: "[function]" }
    ]);
    expect(answered).toMatchObject([{ success: true }]);
    org.messageBus.publish("Softphone__c", { n: 3 });
    await settle();
    expect(heard).toEqual(["a:1", "b:1", "b:2"]);
  });

  it("listeners registered twice are called twice (never de-duplicated)", async () => {
    const org = new FakeOrg();
    const api = make(org);
    const clicks: unknown[] = [];
    const listener = (p: unknown) => clicks.push(p);
    api.onClickToDial({ listener });
    api.onClickToDial({ listener });
    await settle();
    org.clickToDialEnabled = true;
    org.fireClickToDial({ number: "100" });
    await settle();
    expect(clicks).toHaveLength(2);
  });
});

describe("stand-in initialisation (origin and mode)", () => {
  const load = (url: string, { child = true } = {}) => {
    const location = new URL(url);
    const win = {
      location: {
        search: location.search,
        protocol: location.protocol,
        hostname: location.hostname
      },
      parent: null as unknown,
      crypto: { randomUUID: () => "s" },
      addEventListener: () => undefined
    } as unknown as Window & { sforce?: { opencti?: Api } };
    (win as unknown as { parent: unknown }).parent = child ? { postMessage: () => undefined } : win;
    let thrown: unknown = null;
    try {
      installBridgeClient(win, "lightning");
    } catch (e) {
      thrown = e;
    }
    return { thrown, opencti: win.sforce?.opencti };
  };

  it.each([
    ["no sfdcIframeOrigin", `${PAGE}?mode=Lightning`, /no sfdcIframeOrigin/],
    ["no mode", `${PAGE}?sfdcIframeOrigin=${SHELL}`, /no mode/],
    [
      "a foreign host",
      `${PAGE}?mode=Lightning&sfdcIframeOrigin=https://evil.example.com`,
      /not a Salesforce host/
    ],
    [
      "a look-alike host",
      `${PAGE}?mode=Lightning&sfdcIframeOrigin=https://force.com.evil.example`,
      /not a Salesforce host/
    ],
    [
      "another protocol",
      `${PAGE}?mode=Lightning&sfdcIframeOrigin=http://workbench.lightning.force.com`,
      /protocol/
    ],
    [
      "a path, not an origin",
      `${PAGE}?mode=Lightning&sfdcIframeOrigin=${SHELL}/x`,
      /not an origin/
    ],
    [
      "a loopback shell for a force.com page",
      `${PAGE}?mode=Lightning&sfdcIframeOrigin=https://127.0.0.1:3000`,
      /not a Salesforce host/
    ]
  ])("refuses %s: throws the string at load, sforce.opencti exists", (_name, url, reason) => {
    const { thrown, opencti } = load(url);
    expect(typeof thrown).toBe("string");
    expect(thrown).toMatch(/^Failed to initialize Open CTI/);
    expect(thrown).toMatch(reason);
    expect(typeof opencti?.initialize).toBe("function");
    expect(() => opencti?.refreshView()).toThrow(/not initialized/);
  });

  it.each([
    [
      "a Salesforce origin with the page's protocol",
      `${PAGE}?mode=Lightning&sfdcIframeOrigin=${SHELL}:8443`
    ],
    [
      "a Visualforce domain",
      `https://x--c.vf.force.com/apex/S?mode=Lightning&sfdcIframeOrigin=https://x.lightning.force.com`
    ],
    [
      "a loopback shell for a loopback page (npm start)",
      "http://127.0.0.1:3000/apex/Softphone?mode=Lightning&sfdcIframeOrigin=http://127.0.0.1:3000"
    ]
  ])("accepts %s", (_name, url) => {
    const { thrown, opencti } = load(url);
    expect(thrown).toBeNull();
    expect(() => opencti?.refreshView()).not.toThrow();
  });

  it("refuses a page that is not the direct child of a frame", () => {
    expect(
      load(`${PAGE}?mode=Lightning&sfdcIframeOrigin=${SHELL}`, { child: false }).thrown
    ).toMatch(/not inside the Salesforce frame/);
  });
});
