import { browserNotifications, type CallNotifications } from "./notifications";
import { CALL_WAITING, RING, toneWav } from "./ring-tone";
import { Ringer } from "./ringer";

class FakeAudio {
  loop = false;
  src = "";
  sinkId = "";
  paused = true;
  removed = false;
  constructor(private readonly playResult: () => Promise<void>) {}
  setSinkId = async (id: string) => {
    if (id === "gone") throw Object.assign(new Error("not found"), { name: "NotFoundError" });
    this.sinkId = id;
  };
  play() {
    return this.playResult().then(() => {
      this.paused = false;
    });
  }
  pause() {
    this.paused = true;
  }
  removeAttribute(name: string) {
    if (name === "src") this.src = "";
  }
  remove() {
    this.removed = true;
  }
}

function setup(
  play: () => Promise<void>,
  permission: NotificationPermission | "unsupported" = "granted"
) {
  const audios: FakeAudio[] = [];
  const shown: Array<{ tag: string; title: string; body: string; closed: boolean }> = [];
  let state = permission;
  const notifications: CallNotifications = {
    permission: () => state,
    request: async () => {
      if (state === "default") state = "denied";
      return state;
    },
    show: (tag, title, body) => {
      if (state !== "granted") return null;
      const n = { tag, title, body, closed: false };
      shown.push(n);
      return { close: () => void (n.closed = true) };
    }
  };
  const urls: Uint8Array[] = [];
  const ringer = new Ringer({
    notifications,
    createAudio: () => {
      const a = new FakeAudio(play);
      audios.push(a);
      return a as unknown as HTMLAudioElement;
    },
    toUrl: (wav) => {
      urls.push(wav);
      return `blob:ring-${urls.length}`;
    }
  });
  return { ringer, audios, shown, urls };
}

const request = { callId: "c1", caller: "Ada Lovelace", waiting: false, sinkId: null };
const blocked = () => Promise.reject(Object.assign(new Error("no"), { name: "NotAllowedError" }));

describe("Ringer", () => {
  it("rings on the chosen output in a loop and stops", async () => {
    const { ringer, audios, urls } = setup(async () => undefined);
    expect(await ringer.start({ ...request, sinkId: "headset" })).toEqual({ outcome: "audio" });
    expect(audios[0]).toMatchObject({
      loop: true,
      sinkId: "headset",
      paused: false,
      src: "blob:ring-1"
    });
    expect(ringer.status()).toMatchObject({ lastOutcome: "audio", output: "chosen" });
    ringer.stop("c1");
    expect(audios[0]).toMatchObject({ paused: true, removed: true, src: "" });
    // The tone is generated once and reused.
    await ringer.start({ ...request, callId: "c2" });
    expect(urls).toHaveLength(1);
  });

  it("rings on the default output when the chosen one is gone", async () => {
    const { ringer, audios } = setup(async () => undefined);
    await ringer.start({ ...request, sinkId: "gone" });
    expect(audios[0].sinkId).toBe("");
    expect(ringer.status().output).toBe("default");
  });

  it("plays the call-waiting beep while another call is in progress", async () => {
    const { ringer, urls } = setup(async () => undefined);
    await ringer.start({ ...request, waiting: true });
    expect(urls[0].length).toBe(44 + CALL_WAITING.cycleSeconds * 8000 * 2);
  });

  it("falls back to a notification when autoplay is blocked, and closes it on stop", async () => {
    const { ringer, shown } = setup(blocked);
    const result = await ringer.start(request);
    expect(result.outcome).toBe("notification");
    expect(result.detail).toMatch(/blocked the ring sound .* notification was shown instead/);
    expect(shown).toEqual([
      { tag: "softphone-call-c1", title: "Incoming call", body: "Ada Lovelace", closed: false }
    ]);
    expect(ringer.status()).toMatchObject({
      lastOutcome: "notification",
      notifications: "granted"
    });
    ringer.stop("c1");
    expect(shown[0].closed).toBe(true);
  });

  it("says so when neither sound nor notifications are possible", async () => {
    const { ringer } = setup(blocked, "default");
    const result = await ringer.start(request);
    expect(result.outcome).toBe("silent");
    expect(result.detail).toMatch(/notifications are blocked: allow sound or notifications/);
    expect(ringer.status().notifications).toBe("denied");
  });

  it("does nothing more for a call answered while it was starting", async () => {
    let release: () => void = () => undefined;
    const { ringer, shown } = setup(
      () =>
        new Promise<void>(
          (_, reject) =>
            (release = () => reject(Object.assign(new Error(), { name: "NotAllowedError" })))
        )
    );
    const pending = ringer.start(request);
    await Promise.resolve();
    ringer.stop("c1");
    release();
    expect((await pending).outcome).toBe("silent");
    expect(shown).toEqual([]);
    expect(ringer.status().lastOutcome).toBeNull();
  });
});

describe("ring tones", () => {
  it("are one cycle of 8 kHz 16-bit mono PCM", () => {
    const wav = toneWav(RING);
    const view = new DataView(wav.buffer);
    expect(String.fromCharCode(...wav.slice(0, 4))).toBe("RIFF");
    expect(view.getUint32(24, true)).toBe(8000);
    expect(view.getUint16(34, true)).toBe(16);
    expect(view.getUint32(40, true)).toBe(6 * 8000 * 2);
    const sample = (seconds: number) => view.getInt16(44 + Math.round(seconds * 8000) * 2, true);
    const loudest = Math.max(
      ...Array.from({ length: 800 }, (_, i) => Math.abs(sample(0.5 + i / 8000)))
    );
    expect(loudest).toBeGreaterThan(5000);
    expect(sample(3)).toBe(0);
  });
});

describe("browserNotifications", () => {
  class FakeNotification {
    static permission: NotificationPermission = "granted";
    static requestPermission = jest.fn(async () => FakeNotification.permission);
    static made: FakeNotification[] = [];
    onclick: (() => void) | null = null;
    closed = false;
    constructor(
      readonly title: string,
      readonly options: NotificationOptions
    ) {
      FakeNotification.made.push(this);
    }
    close() {
      this.closed = true;
    }
  }

  it("shows a persistent notification that focuses the tab when clicked", () => {
    const focus = jest.fn();
    const api = browserNotifications({ Notification: FakeNotification as never, focus });
    api.show("t1", "Incoming call", "Ada")!;
    const made = FakeNotification.made[0];
    expect(made.options).toEqual({ body: "Ada", tag: "t1", requireInteraction: true });
    made.onclick?.();
    expect(focus).toHaveBeenCalled();
    expect(made.closed).toBe(true);
  });

  it("reports no support and never shows without permission", async () => {
    const none = browserNotifications({ focus: () => undefined });
    expect(none.permission()).toBe("unsupported");
    expect(await none.request()).toBe("unsupported");
    expect(none.show("t", "x", "y")).toBeNull();
    FakeNotification.permission = "denied";
    const denied = browserNotifications({
      Notification: FakeNotification as never,
      focus: () => undefined
    });
    expect(denied.show("t", "x", "y")).toBeNull();
    expect(await denied.request()).toBe("denied");
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
  });
});
