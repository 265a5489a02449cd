import { iceLost, iceUp, reinviteWithIceRestart } from "./recovery";
import type { Session } from "./sip-lib";

type Delegate = {
  onAccept?: () => void;
  onReject?: (response: { message: { statusCode?: number } }) => void;
};

/** A Session stand-in that answers the re-INVITE with `answer`. */
function session(answer: (delegate: Delegate) => void | Promise<never>) {
  const fake = {
    sessionDescriptionHandlerOptionsReInvite: { before: true } as object,
    offered: undefined as unknown,
    invite(options: { requestDelegate: Delegate }) {
      fake.offered = fake.sessionDescriptionHandlerOptionsReInvite;
      const result = answer(options.requestDelegate);
      return result instanceof Promise ? result : Promise.resolve();
    }
  };
  return fake;
}

const reply = (statusCode: number) => (d: Delegate) =>
  void queueMicrotask(() => d.onReject?.({ message: { statusCode } }));

describe("reinviteWithIceRestart", () => {
  it("offers an ICE restart with the call's media options, then restores them", async () => {
    const s = session((d) => void queueMicrotask(() => d.onAccept?.()));
    const result = await reinviteWithIceRestart(s as unknown as Session, {
      constraints: { audio: true },
      hold: true
    });
    expect(result).toEqual({ outcome: "accepted" });
    expect(s.offered).toEqual({
      constraints: { audio: true },
      hold: true,
      offerOptions: { iceRestart: true }
    });
    expect(s.sessionDescriptionHandlerOptionsReInvite).toEqual({ before: true });
  });

  it.each([
    [481, "gone"],
    [408, "retry"],
    [491, "retry"],
    [503, "retry"],
    [488, "refused"],
    [403, "refused"]
  ])("a %d answer means %s", async (status, outcome) => {
    const s = session(reply(status));
    expect(await reinviteWithIceRestart(s as unknown as Session, {})).toEqual({
      outcome,
      status
    });
  });

  it("retries when the request cannot be sent at all", async () => {
    const s = session(() => Promise.reject(new Error("transport closed")));
    expect(await reinviteWithIceRestart(s as unknown as Session, {})).toEqual({
      outcome: "retry"
    });
    expect(s.sessionDescriptionHandlerOptionsReInvite).toEqual({ before: true });
  });
});

describe("ICE states", () => {
  it("tells a broken path from a working one", () => {
    expect(["disconnected", "failed"].every((s) => iceLost(s as RTCIceConnectionState))).toBe(true);
    expect(["connected", "completed"].every((s) => iceUp(s as RTCIceConnectionState))).toBe(true);
    expect(iceLost("checking")).toBe(false);
    expect(iceUp("checking")).toBe(false);
  });
});
