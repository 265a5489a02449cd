import { PhoneError } from "../phone/phone";
import { FakeSipPhone } from "./testing/fake-sip-phone";
import { boot } from "./testing/harness";
import { settle } from "./testing/fake-clock";
import { HostFailure } from "./testing/recording-host";
import { ADA, host } from "./testing/softphone-fixtures";

describe("message channel", () => {
  const from = (type: string, payload?: unknown) => ({
    source: "softphoneCallPanel",
    type,
    payload
  });

  it("obeys commands and publishes every state change", async () => {
    const t = await boot(
      host({
        "/softphoneSettings/channelCommands":
          "requestState,dial,answer,hangup,hold,mute,sendDigits,transfer"
      })
    );
    t.host.deliver(from("dial", { number: "4155550100", recordId: ADA.id }));
    await settle();
    expect(t.store.getState().call?.state).toBe("dialing");
    const states = () =>
      t.host.published.map(
        (m) => (m.payload as { call: { state: string } | null }).call?.state ?? null
      );
    expect(states().slice(-1)).toEqual(["dialing"]);
    await t.clock.advance(1000);
    t.host.deliver(from("hold", { on: true }));
    await settle();
    t.host.deliver(from("hold", { on: false }));
    await settle();
    t.host.deliver(from("mute", { on: true }));
    await settle();
    t.host.deliver(from("sendDigits", { digits: "42" }));
    await settle();
    expect(t.phone.sentDigits(t.store.getState().call?.id as string)).toBe("42");
    const before = t.host.published.length;
    t.host.deliver(from("requestState"));
    await settle();
    expect(t.host.published).toHaveLength(before + 1);
    expect(t.host.published.at(-1)?.payload).toMatchObject({
      agent: "busy",
      call: {
        direction: "outbound",
        number: "+14155550100",
        state: "connected",
        muted: true,
        recordId: ADA.id
      }
    });
    t.host.deliver(from("transfer", { target: "2001" }));
    await settle();
    expect(t.store.getState().call?.state).toBe("wrapup");
    expect(states()).toEqual(expect.arrayContaining(["dialing", "connected", "held", "wrapup"]));
  });

  it("answers and hangs up inbound calls, and simulates them on the demo phone", async () => {
    const t = await boot(
      host({
        "/softphoneSettings/channelCommands":
          "requestState,dial,answer,hangup,hold,mute,sendDigits,transfer"
      })
    );
    t.host.deliver(from("simulateIncoming", { number: "+14155550100", name: "Ada" }));
    await settle();
    expect(t.store.getState().call?.state).toBe("ringing");
    t.host.deliver(from("answer"));
    await settle();
    expect(t.store.getState().call?.state).toBe("connected");
    t.host.deliver(from("hangup"));
    await settle();
    expect(t.store.getState().call?.state).toBe("wrapup");
  });

  it("warns once for each malformed or unknown message and ignores its own", async () => {
    const t = await boot(host());
    t.host.deliver({ source: "softphone", type: "dial", payload: { number: "4155550100" } });
    t.host.deliver(from("dial", { number: 4155550100 }));
    t.host.deliver(from("selfDestruct"));
    t.host.deliver("<img src=x onerror=alert(1)>");
    await settle();
    expect(t.warnings).toHaveLength(3);
    expect(t.store.getState().call).toBeNull();
  });

  it("ignores simulateIncoming unless the demo phone is active", async () => {
    const sip = new FakeSipPhone();
    const t = await boot(
      host({
        "/softphoneSettings/provider": "sip",
        "/sipSettings/webSocketUrl": "wss://pbx.example.com/ws",
        "/sipSettings/sipDomain": "pbx.example.com"
      }),
      { createPhone: async () => sip }
    );
    t.host.deliver(from("simulateIncoming", { number: "+14155550100" }));
    await settle();
    expect(t.warnings).toEqual([
      "Softphone__c: ignored simulateIncoming: the demo phone is not active"
    ]);
    await t.store.actions.simulateIncomingCall("+14155550100");
    expect(t.store.getState().notice).toContain("demo phone");
  });
});

describe("odds and ends", () => {
  it("records failing host calls as diagnostics without breaking the call", async () => {
    const h = host();
    h.setItemLabel = async () =>
      Promise.reject(new HostFailure("NOT_AVAILABLE", "no utility bar", "setItemLabel"));
    const t = await boot(h);
    await t.store.actions.simulateIncomingCall("+14155550100");
    await settle();
    expect(t.store.getState().call?.state).toBe("ringing");
    expect(
      t.store.getState().errors.some((e) => e.message.includes("setItemLabel: NOT_AVAILABLE"))
    ).toBe(true);
  });

  it("shows a notice when the phone refuses an action", async () => {
    const t = await boot(host());
    await t.store.actions.simulateIncomingCall("+14155550100");
    t.phone.answer = async () =>
      Promise.reject(new PhoneError("MEDIA_DENIED", "Microphone blocked"));
    await t.store.actions.answer();
    expect(t.store.getState().notice).toBe("Could not answer: Microphone blocked");
  });

  it("ignores actions that do not apply", async () => {
    const t = await boot(host());
    await t.store.actions.answer();
    await t.store.actions.decline();
    await t.store.actions.hangup();
    await t.store.actions.hold(true);
    await t.store.actions.mute(true);
    await t.store.actions.sendDigits("1");
    await t.store.actions.chooseMatch(ADA.id);
    t.store.actions.setNotes("x");
    t.store.actions.setDisposition("Busy");
    t.store.actions.setRelatedTo(null);
    await t.store.actions.saveWrapUp();
    await t.store.actions.signIn({ username: "a", password: "b" });
    expect(t.store.getState()).toMatchObject({ call: null, agent: "ready" });
    expect(t.store.getState().notice).toBeUndefined();
  });

  it("survives a throwing state listener and stops on dispose", async () => {
    const t = await boot(host());
    t.store.subscribe(() => {
      throw new Error("view crashed");
    });
    const seen: string[] = [];
    const unsubscribe = t.store.subscribe((s) => seen.push(s.agent));
    await t.store.actions.setReady(false);
    expect(seen).toEqual(["offline"]);
    expect(t.warnings[0]).toContain("view crashed");
    unsubscribe();
    await t.store.dispose();
    expect(t.host.listenerCounts()).toEqual({ clickToDial: 0, navigation: 0, channel: 0 });
  });
});
