import { apexKey } from "../host/apex-crm";
import { DEFAULT_CHANNEL_COMMANDS, readChannelCommands } from "./channel-commands";
import { parseSettings } from "./settings";
import { settle } from "./testing/fake-clock";
import { DEMO_SETTINGS, boot } from "./testing/harness";
import { host } from "./testing/softphone-fixtures";

const ALL = "requestState,dial,answer,hangup,hold,mute,sendDigits,transfer";
const from = (type: string, payload?: unknown) => ({ source: "someComponent", type, payload });

/** A softphone on a connected inbound call from a demo number. */
async function onCall(channelCommands: string) {
  const t = await boot(host({ "/softphoneSettings/channelCommands": channelCommands }));
  t.host.deliver(from("simulateIncoming", { number: "+14155550100" }));
  await settle();
  await t.store.actions.answer();
  await settle();
  expect(t.store.getState().call?.state).toBe("connected");
  return t;
}

describe("channelCommands setting", () => {
  it("defaults to requestState, dial, hangup, hold and mute", () => {
    expect(readChannelCommands(undefined)).toEqual({
      ok: true,
      commands: DEFAULT_CHANNEL_COMMANDS
    });
    expect(DEFAULT_CHANNEL_COMMANDS).toEqual(["requestState", "dial", "hangup", "hold", "mute"]);
    const parsed = parseSettings(DEMO_SETTINGS);
    expect(parsed.ok && parsed.settings.channelCommands).toEqual(DEFAULT_CHANNEL_COMMANDS);
  });

  it("reads a list case-insensitively, and none as no command", () => {
    expect(readChannelCommands(" Answer , transfer,answer")).toEqual({
      ok: true,
      commands: ["answer", "transfer"]
    });
    expect(readChannelCommands("none")).toEqual({ ok: true, commands: [] });
  });

  it("names the item and the allowed commands for an unknown one", () => {
    const parsed = parseSettings({
      ...DEMO_SETTINGS,
      "/softphoneSettings/channelCommands": "dial,selfDestruct"
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        item: "/softphoneSettings/channelCommands",
        value: "dial,selfDestruct",
        allowed: expect.stringContaining("answer") as unknown
      })
    ]);
  });
});

describe("who may drive the phone", () => {
  it("refuses answer by default, with one console warning per command name and a notice", async () => {
    const t = await boot(host());
    t.host.deliver(from("simulateIncoming", { number: "+14155550100" }));
    await settle();
    t.host.deliver(from("answer"));
    t.host.deliver(from("answer"));
    t.host.deliver(from("transfer", { target: "2001" }));
    await settle();
    expect(t.store.getState().call?.state).toBe("ringing");
    expect(t.warnings).toHaveLength(2);
    expect(t.warnings.join("\n")).toMatch(/refused "answer"/);
    expect(t.warnings.join("\n")).toMatch(/refused "transfer"/);
    expect(t.store.getState().notice).toMatch(/does not allow/);
  });

  it("refuses requestState when the list leaves it out", async () => {
    const t = await boot(host({ "/softphoneSettings/channelCommands": "dial" }));
    const before = t.host.published.length;
    t.host.deliver(from("requestState"));
    await settle();
    expect(t.host.published).toHaveLength(before);
    expect(t.warnings).toHaveLength(1);
  });

  it("runs an allowed command without a warning", async () => {
    const t = await boot(host());
    t.host.deliver(from("dial", { number: "4155550100" }));
    await settle();
    expect(t.store.getState().call?.state).toBe("dialing");
    expect(t.warnings).toHaveLength(0);
    expect(t.store.getState().notice).toBeUndefined();
  });

  it("runs answer when the call center lists it", async () => {
    const t = await boot(host({ "/softphoneSettings/channelCommands": ALL }));
    t.host.deliver(from("simulateIncoming", { number: "+14155550100" }));
    await settle();
    t.host.deliver(from("answer"));
    await settle();
    expect(t.store.getState().call?.state).toBe("connected");
    expect(t.warnings).toHaveLength(0);
  });

  it("transfers to a directory number at once", async () => {
    const t = await onCall(ALL);
    t.host.deliver(from("transfer", { target: "2001" }));
    await settle();
    expect(t.store.getState().pendingTransfer).toBeUndefined();
    expect(t.store.getState().call?.state).toBe("wrapup");
  });

  it("asks the agent before transferring outside the directory, and transfers on confirm", async () => {
    const t = await onCall(ALL);
    t.host.deliver(from("transfer", { target: "+1 900 555 0199" }));
    await settle();
    expect(t.store.getState().pendingTransfer).toEqual({ target: "+1 900 555 0199" });
    expect(t.store.getState().call?.state).toBe("connected");
    await t.store.actions.confirmTransfer?.();
    await settle();
    expect(t.store.getState().pendingTransfer).toBeUndefined();
    expect(t.store.getState().call?.state).toBe("wrapup");
  });

  it("keeps the call when the agent cancels a transfer outside the directory", async () => {
    const t = await onCall(ALL);
    t.host.deliver(from("transfer", { target: "+1 900 555 0199" }));
    await settle();
    t.store.actions.cancelTransfer?.();
    await settle();
    expect(t.store.getState().pendingTransfer).toBeUndefined();
    await t.store.actions.confirmTransfer?.();
    await settle();
    expect(t.store.getState().call?.state).toBe("connected");
  });

  it("asks before transferring when the directory search fails", async () => {
    const t = await onCall(ALL);
    t.host.apex.set(apexKey("searchDirectory"), () => {
      throw new Error("down");
    });
    t.host.deliver(from("transfer", { target: "2001" }));
    await settle();
    expect(t.store.getState().pendingTransfer).toEqual({ target: "2001" });
  });
});
