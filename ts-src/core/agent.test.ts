import { PhoneError } from "../phone/phone";
import { NOT_READY_KEY } from "./agent";
import { FakeSipPhone } from "./testing/fake-sip-phone";
import { boot } from "./testing/harness";
import { settle } from "./testing/fake-clock";
import { asAgent, HostFailure } from "./testing/recording-host";
import { host, methods } from "./testing/softphone-fixtures";

describe("start-up", () => {
  it("reads settings, registers, goes ready, enables click-to-dial, then notifies once", async () => {
    const t = await boot(host());
    const s = t.store.getState();
    expect(s).toMatchObject({
      host: "lightning",
      settingsLoaded: true,
      setupProblems: [],
      phoneKind: "demo",
      registration: "registered",
      agent: "ready",
      microphone: "granted",
      initialized: true,
      channelAvailable: true,
      canSimulateIncoming: true
    });
    const order = methods(t.host).filter((m) =>
      [
        "getCallCenterSettings",
        "subscribe",
        "enableClickToDial",
        "disableClickToDial",
        "notifyInitializationComplete"
      ].includes(m)
    );
    expect(order).toEqual([
      "getCallCenterSettings",
      "subscribe",
      "disableClickToDial",
      "enableClickToDial",
      "notifyInitializationComplete"
    ]);
    expect(t.host.listenerCounts()).toEqual({ clickToDial: 1, navigation: 1, channel: 1 });
    await t.store.start();
    expect(t.host.callsTo("notifyInitializationComplete")).toHaveLength(1);
    expect(t.host.published.at(-1)).toEqual({
      source: "softphone",
      type: "state",
      payload: { agent: "ready", call: null }
    });
  });

  it("explains a page outside Salesforce", async () => {
    const t = await boot(null);
    expect(t.store.getState()).toMatchObject({ host: "none", agent: "offline" });
    expect(t.store.getState().errors[0]).toMatchObject({
      source: "host",
      message: expect.stringContaining("Not inside Salesforce")
    });
  });

  it("shows setup problems and never initialises on bad settings", async () => {
    const t = await boot(host({ "/softphoneSettings/provider": "pbx" }));
    expect(t.store.getState()).toMatchObject({
      settingsLoaded: true,
      setupProblems: [
        { item: "/softphoneSettings/provider", value: "pbx", allowed: "one of demo, sip" }
      ],
      phoneKind: null,
      agent: "offline"
    });
    expect(methods(t.host)).not.toContain("notifyInitializationComplete");
    expect(methods(t.host)).not.toContain("enableClickToDial");
  });

  it("records unreadable settings", async () => {
    const h = host();
    h.settingsError = new HostFailure("GENERIC_ERROR", "no call center", "getCallCenterSettings");
    const t = await boot(h);
    expect(t.store.getState()).toMatchObject({ settingsLoaded: false, agent: "offline" });
    expect(t.store.getState().errors[0].message).toContain("GENERIC_ERROR: no call center");
  });

  it("records a phone that cannot start", async () => {
    const t = await boot(host(), {
      createPhone: async () => Promise.reject(new Error("chunk failed to load"))
    });
    expect(t.store.getState()).toMatchObject({ registration: "failed", agent: "offline" });
    expect(t.store.getState().errors.at(-1)?.message).toContain("chunk failed to load");
    expect(methods(t.host)).not.toContain("notifyInitializationComplete");
  });

  it("works without a message service (Classic)", async () => {
    const h = host();
    h.channelAvailable = false;
    const t = await boot(h);
    expect(t.store.getState()).toMatchObject({
      channelAvailable: false,
      agent: "ready",
      initialized: true
    });
  });
});

describe("SIP sign-in", () => {
  const sipSettings = {
    "/softphoneSettings/provider": "sip",
    "/sipSettings/webSocketUrl": "wss://pbx.example.com/ws",
    "/sipSettings/sipDomain": "pbx.example.com"
  };

  it("waits for the agent to sign in when credentials are prompted", async () => {
    const sip = new FakeSipPhone();
    const t = await boot(host(sipSettings), { createPhone: async () => sip });
    expect(t.store.getState()).toMatchObject({
      needsSignIn: true,
      phoneKind: "sip",
      agent: "offline"
    });
    expect(methods(t.host)).not.toContain("notifyInitializationComplete");
    await t.store.actions.signIn({ username: " ", password: "" });
    expect(t.store.getState().signInError).toBe("Enter your SIP user name and password.");
    await t.store.actions.signIn({ username: "1001", password: "wrong" });
    expect(t.store.getState()).toMatchObject({ needsSignIn: true, registration: "failed" });
    expect(t.store.getState().signInError).toContain("refused");
    await t.store.actions.signIn({ username: " 1001 ", password: "right" });
    await settle();
    expect(t.store.getState()).toMatchObject({
      needsSignIn: false,
      registration: "registered",
      agent: "ready",
      initialized: true
    });
    expect(sip.registrations.at(-1)).toEqual({ username: "1001", password: "right" });
    expect(t.host.callsTo("notifyInitializationComplete")).toHaveLength(1);
    expect(JSON.stringify(t.host.published)).not.toContain("right");
  });

  it("signs in with the agent's Salesforce-stored account", async () => {
    const sip = new FakeSipPhone();
    const h = host({ ...sipSettings, "/sipSettings/credentials": "salesforce" });
    h.apex.set("SoftphoneSipAccount.getMine", () => '{"username":"1002","password":"right"}');
    const t = await boot(h, { createPhone: async () => sip });
    expect(t.store.getState()).toMatchObject({ needsSignIn: false, agent: "ready" });
    expect(sip.registrations).toEqual([{ username: "1002", password: "right" }]);
  });

  it("offers sign-in when the stored account is refused", async () => {
    const sip = new FakeSipPhone();
    const h = host({ ...sipSettings, "/sipSettings/credentials": "salesforce" });
    h.apex.set("SoftphoneSipAccount.getMine", () => '{"username":"1002","password":"stale"}');
    const t = await boot(h, { createPhone: async () => sip });
    expect(t.store.getState()).toMatchObject({
      needsSignIn: true,
      registration: "failed",
      agent: "offline"
    });
    expect(t.store.getState().signInError).toContain("refused");
    await t.store.actions.signIn({ username: "1002", password: "right" });
    expect(t.store.getState()).toMatchObject({ needsSignIn: false, agent: "ready" });
  });

  it("offers sign-in when no account is provisioned or the lookup fails", async () => {
    const h = host({ ...sipSettings, "/sipSettings/credentials": "salesforce" });
    h.apex.set("SoftphoneSipAccount.getMine", () => '{"error":"NOT_PROVISIONED"}');
    const t = await boot(h, { createPhone: async () => new FakeSipPhone() });
    expect(t.store.getState()).toMatchObject({
      needsSignIn: true,
      signInError: expect.stringContaining("No SIP account")
    });
    const failing = host({ ...sipSettings, "/sipSettings/credentials": "salesforce" });
    const u = await boot(failing, { createPhone: async () => new FakeSipPhone() });
    expect(u.store.getState().signInError).toContain("Could not read your SIP account");
  });

  it("goes offline when registration is lost and ready again when it returns", async () => {
    const sip = new FakeSipPhone();
    const h = host({ ...sipSettings, "/sipSettings/credentials": "salesforce" });
    h.apex.set("SoftphoneSipAccount.getMine", () => '{"username":"1002","password":"right"}');
    const t = await boot(h, { createPhone: async () => sip });
    sip.emit({
      type: "registration",
      state: "failed",
      error: new PhoneError("UNREACHABLE", "socket closed")
    });
    await settle();
    expect(t.store.getState()).toMatchObject({ agent: "offline", registration: "failed" });
    expect(methods(h).at(-1)).toBe("disableClickToDial");
    expect(t.store.getState().errors.at(-1)?.message).toBe("socket closed");
    sip.emit({ type: "registration", state: "registered" });
    await settle();
    expect(t.store.getState().agent).toBe("ready");
    expect(h.callsTo("notifyInitializationComplete")).toHaveLength(1);
  });
});

describe("agent state", () => {
  it("keeps click-to-dial enabled exactly while ready, and remembers not-ready for the session", async () => {
    const t = await boot(host());
    await t.store.actions.setReady(false);
    await settle();
    expect(t.store.getState()).toMatchObject({ agent: "offline", notReady: true });
    expect(
      methods(t.host)
        .filter((m) => m.endsWith("ClickToDial"))
        .at(-1)
    ).toBe("disableClickToDial");
    expect(asAgent(t.session).getItem(NOT_READY_KEY)).toBe("1");
    expect(t.session.getItem(NOT_READY_KEY)).toBeNull();

    const again = await boot(host(), { session: t.session });
    expect(again.store.getState()).toMatchObject({
      agent: "offline",
      notReady: true,
      initialized: true
    });
    expect(again.host.callsTo("enableClickToDial")).toHaveLength(0);
    await again.store.actions.setReady(true);
    await settle();
    expect(again.store.getState().agent).toBe("ready");
    expect(again.host.callsTo("enableClickToDial")).toHaveLength(1);
    expect(again.session.getItem(NOT_READY_KEY)).toBeNull();
  });

  it("is busy during a call and after-call work", async () => {
    const t = await boot(host());
    await t.store.actions.simulateIncomingCall("+14155550100");
    expect(t.store.getState().agent).toBe("busy");
    await settle();
    expect(
      methods(t.host)
        .filter((m) => m.endsWith("ClickToDial"))
        .at(-1)
    ).toBe("disableClickToDial");
    await t.store.actions.answer();
    await t.store.actions.setReady(false);
    await t.store.actions.hangup();
    expect(t.store.getState()).toMatchObject({ agent: "busy", call: { state: "wrapup" } });
    await t.store.actions.saveWrapUp();
    expect(t.store.getState().agent).toBe("offline");
  });
});

describe("microphone", () => {
  it("follows microphone permission changes", async () => {
    let change: (state: "granted") => void = () => undefined;
    const t = await boot(host(), {
      deps: {
        microphone: async (onChange) => {
          change = onChange;
          return "prompt";
        }
      }
    });
    expect(t.store.getState().microphone).toBe("prompt");
    change("granted");
    expect(t.store.getState().microphone).toBe("granted");
  });

  it("reads unknown microphone permission when the query fails", async () => {
    const t = await boot(host(), {
      deps: { microphone: async () => Promise.reject(new Error("unsupported")) }
    });
    expect(t.store.getState().microphone).toBe("unknown");
  });
});
