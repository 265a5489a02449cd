import { CHANNEL_NAME, readChannelMessage, SoftphoneChannel, type ChannelCommand } from "./channel";
import { settle } from "./testing/fake-clock";
import { RecordingHost } from "./testing/recording-host";

const msg = (type: string, payload?: unknown) => ({
  source: "recordPanel",
  type,
  ...(payload === undefined ? {} : { payload })
});

describe("readChannelMessage", () => {
  it.each<[unknown, ChannelCommand]>([
    [msg("dial", { number: "+14155550100" }), { type: "dial", number: "+14155550100" }],
    [
      msg("dial", { number: "415 555 0100", recordId: "003000000000001AAA" }),
      { type: "dial", number: "415 555 0100", recordId: "003000000000001AAA" }
    ],
    [msg("answer"), { type: "answer" }],
    [msg("hangup", {}), { type: "hangup" }],
    [msg("hold", { on: true }), { type: "hold", on: true }],
    [msg("mute", { on: false }), { type: "mute", on: false }],
    [msg("sendDigits", { digits: "12#*" }), { type: "sendDigits", digits: "12#*" }],
    [msg("transfer", { target: "2001" }), { type: "transfer", target: "2001" }],
    [msg("requestState"), { type: "requestState" }],
    [
      msg("simulateIncoming", { number: "+14155550100" }),
      { type: "simulateIncoming", number: "+14155550100" }
    ],
    [
      msg("simulateIncoming", { number: "+14155550100", name: "Ada" }),
      { type: "simulateIncoming", number: "+14155550100", name: "Ada" }
    ]
  ])("accepts %j", (message, command) => {
    expect(readChannelMessage(message)).toEqual({
      kind: "command",
      command,
      source: "recordPanel"
    });
  });

  it("recognises its own messages", () => {
    expect(readChannelMessage({ source: "softphone", type: "state", payload: {} })).toEqual({
      kind: "own"
    });
  });

  it.each<unknown>([
    null,
    "dial",
    [],
    { type: "dial", payload: { number: "1" } },
    { source: "", type: "answer" },
    { source: "x".repeat(81), type: "answer" },
    { source: "p", type: "answer", extra: 1 },
    msg("state", {}),
    msg("explode"),
    msg("__proto__"),
    msg("toString"),
    { source: "p", type: 5 },
    msg("answer", "now"),
    msg("answer", { now: true }),
    msg("dial", {}),
    msg("dial", { number: 4155550100 }),
    msg("dial", { number: "" }),
    msg("dial", { number: "1".repeat(41) }),
    msg("dial", { number: "123\n456" }),
    msg("dial", { number: "123", recordId: "x' OR 1=1" }),
    msg("dial", { number: "123", other: 1 }),
    msg("hold", { on: "yes" }),
    msg("mute", {}),
    msg("sendDigits", { digits: "<b>" }),
    msg("sendDigits", { digits: "1".repeat(33) }),
    msg("transfer", { target: "" }),
    msg("dial", { number: "<img src=x onerror=alert(1)>" }),
    msg("transfer", { target: "sip:evil@example.com" }),
    msg("simulateIncoming", { number: "javascript:alert(1)" }),
    msg("transfer", { target: "1", to: "2" }),
    msg("simulateIncoming", { number: "" }),
    msg("simulateIncoming", { number: "1", name: 5 }),
    msg("simulateIncoming", { number: "1", name: "x".repeat(81) }),
    msg("simulateIncoming", { number: "1", name: "a\u0000b" }),
    msg("simulateIncoming", { number: "1", extra: "a" })
  ])("rejects %j", (message) => {
    expect(readChannelMessage(message)).toMatchObject({
      kind: "invalid",
      reason: expect.any(String)
    });
  });
});

describe("SoftphoneChannel", () => {
  function setup() {
    const host = new RecordingHost();
    const warnings: string[] = [];
    const commands: ChannelCommand[] = [];
    const errors: string[] = [];
    const channel = new SoftphoneChannel(
      host,
      { warn: (m) => warnings.push(m) },
      (c) => commands.push(c),
      (e) => errors.push(e)
    );
    return { host, warnings, commands, errors, channel };
  }
  const ready = { agent: "ready" as const, call: null };

  it("subscribes, hands on commands and answers requestState", async () => {
    const t = setup();
    t.channel.publish(ready);
    expect(await t.channel.start()).toBe(true);
    expect(t.host.callsTo("subscribe")).toEqual([[CHANNEL_NAME]]);
    expect(t.host.published).toEqual([{ source: "softphone", type: "state", payload: ready }]);
    t.host.deliver(msg("hangup"));
    expect(t.commands).toEqual([{ type: "hangup" }]);
    t.host.deliver(msg("requestState"));
    await settle();
    expect(t.host.published).toHaveLength(2);
    expect(t.commands).toHaveLength(1);
  });

  it("publishes only changes", async () => {
    const t = setup();
    await t.channel.start();
    t.channel.publish(ready);
    t.channel.publish({ ...ready });
    t.channel.publish({ agent: "busy", call: null });
    expect(t.host.published.map((m) => (m.payload as { agent: string }).agent)).toEqual([
      "ready",
      "busy"
    ]);
  });

  it("warns once per malformed message and ignores its own", async () => {
    const t = setup();
    await t.channel.start();
    t.host.deliver({ source: "softphone", type: "state", payload: ready });
    t.host.deliver(msg("explode"));
    t.host.deliver(42);
    expect(t.warnings).toHaveLength(2);
    expect(t.warnings[0]).toContain("unknown type");
    expect(t.commands).toEqual([]);
  });

  it("never lets a throwing command handler escape", async () => {
    const host = new RecordingHost();
    const warnings: string[] = [];
    const channel = new SoftphoneChannel(
      host,
      { warn: (m) => warnings.push(m) },
      () => {
        throw new Error("handler broke");
      },
      () => undefined
    );
    await channel.start();
    expect(() => host.deliver(msg("answer"))).not.toThrow();
    expect(warnings).toEqual(["Softphone__c: ignored a message: handler broke"]);
  });

  it("reports a host without a message service and stays quiet", async () => {
    const t = setup();
    t.host.channelAvailable = false;
    expect(await t.channel.start()).toBe(false);
    t.channel.publish(ready);
    expect(t.host.published).toEqual([]);
    expect(t.errors).toEqual([]);
  });

  it("reports a subscription that fails for another reason", async () => {
    const t = setup();
    t.host.subscribe = async () => Promise.reject(new Error("container not ready"));
    expect(await t.channel.start()).toBe(false);
    expect(t.errors).toEqual(["Message channel unavailable: container not ready"]);
  });

  it("reports a failed publish and republishes the next time", async () => {
    const t = setup();
    await t.channel.start();
    t.host.publish = async () => Promise.reject(new Error("LMS down"));
    t.channel.publish(ready);
    await settle();
    expect(t.errors).toEqual(["Could not publish state: LMS down"]);
    t.channel.stop();
    expect(t.host.listenerCounts().channel).toBe(0);
  });
});

describe("simulateNetwork", () => {
  it("reads the demo phone's network simulations and refuses anything else", () => {
    expect(
      readChannelMessage({
        source: "workbench",
        type: "simulateNetwork",
        payload: { what: "qualityDip" }
      })
    ).toEqual({
      kind: "command",
      source: "workbench",
      command: { type: "simulateNetwork", what: "qualityDip" }
    });
    for (const payload of [{ what: "explode" }, { what: "reconnect", extra: 1 }, {}])
      expect(
        readChannelMessage({ source: "workbench", type: "simulateNetwork", payload }).kind
      ).toBe("invalid");
  });
});
