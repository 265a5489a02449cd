import type { ChannelMessage, Unsubscribe } from "../host/cti-host";
import { boot, DEMO_SETTINGS } from "./testing/harness";
import { settle } from "./testing/fake-clock";
import { RecordingHost } from "./testing/recording-host";

/** A host whose message-channel subscription answers only when the test says so. */
class SlowChannelHost extends RecordingHost {
  answer: (() => void) | null = null;
  override subscribe(
    channel: string,
    listener: (message: ChannelMessage) => void
  ): Promise<Unsubscribe> {
    return new Promise((resolve, reject) => {
      this.answer = () => super.subscribe(channel, listener).then(resolve, reject);
    });
  }
}

describe("start-up path to notifyInitializationComplete", () => {
  it("does not wait for the message channel's subscription", async () => {
    const host = new SlowChannelHost();
    host.settings = { ...DEMO_SETTINGS };
    const { store } = await boot(host);
    expect(host.callsTo("notifyInitializationComplete")).toHaveLength(1);
    expect(host.callsTo("getCallCenterSettings")).toHaveLength(1);
    expect(store.getState().channelAvailable).toBeUndefined();
    // The subscription lands later: the channel then works as usual.
    host.answer?.();
    await settle();
    expect(store.getState().channelAvailable).toBe(true);
    host.deliver({ source: "recordPage", type: "dial", payload: { number: "4155550100" } });
    await settle();
    expect(store.getState().call?.direction).toBe("outbound");
    await store.dispose();
  });
});
