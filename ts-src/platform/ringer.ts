/**
 * The ringer for incoming calls (the phones' PhoneRinger port): a looping <audio> element on
 * the agent's ringer output. It keeps ringing in a background tab (a looping element needs no
 * timers). When the browser will not start audio (autoplay blocked until the agent has
 * clicked the page) it shows a browser notification instead, and says which in `status()` and
 * in what start() resolves with, for diagnostics.
 */
import type { PhoneRinger, RingerOutcome } from "../phone/phone";
import type { CallNotification, CallNotifications, NotificationState } from "./notifications";
import { CALL_WAITING, RING, toneWav } from "./ring-tone";

type SinkableAudio = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

export interface RingerDependencies {
  notifications: CallNotifications;
  /** Creates the (hidden) element that plays the ring. */
  createAudio: () => HTMLAudioElement;
  /** A URL for a WAV file's bytes (URL.createObjectURL of a Blob in the browser). */
  toUrl: (wav: Uint8Array<ArrayBuffer>) => string;
}

export interface RingerStatus {
  /** How the last incoming call was announced; null before the first. */
  lastOutcome: RingerOutcome | null;
  detail?: string;
  /** Whether ringing plays on a chosen output or fell back to the default one. */
  output: "chosen" | "default" | null;
  notifications: NotificationState;
}

interface Ringing {
  audio: SinkableAudio;
  notification?: CallNotification | null;
}

const BLOCKED = "The browser blocked the ring sound until the agent clicks in the softphone page";

export class Ringer implements PhoneRinger {
  private readonly ringing = new Map<string, Ringing>();
  private readonly urls = new Map<"ring" | "waiting", string>();
  private last: RingerStatus;

  constructor(private readonly deps: RingerDependencies) {
    this.last = { lastOutcome: null, output: null, notifications: deps.notifications.permission() };
  }

  status(): RingerStatus {
    return { ...this.last, notifications: this.deps.notifications.permission() };
  }

  async start(request: {
    callId: string;
    caller: string;
    waiting: boolean;
    sinkId: string | null;
  }): Promise<{ outcome: RingerOutcome; detail?: string }> {
    this.stop(request.callId);
    const audio = this.deps.createAudio() as SinkableAudio;
    audio.loop = true;
    audio.src = this.url(request.waiting ? "waiting" : "ring");
    const entry: Ringing = { audio };
    this.ringing.set(request.callId, entry);
    let output: RingerStatus["output"] = "default";
    if (request.sinkId && typeof audio.setSinkId === "function") {
      try {
        await audio.setSinkId(request.sinkId);
        output = "chosen";
      } catch {
        // The ringer output went away: ring on the default one rather than not at all.
      }
    }
    try {
      await audio.play();
      return this.record(request.callId, { outcome: "audio" }, output);
    } catch (cause) {
      if (this.ringing.get(request.callId) !== entry)
        return { outcome: "silent", detail: "Stopped before it could ring." };
      const why =
        (cause as { name?: string })?.name === "NotAllowedError"
          ? BLOCKED
          : `The ring sound could not play (${String((cause as Error)?.message ?? cause)})`;
      return this.notify(request, entry, why);
    }
  }

  stop(callId: string): void {
    const entry = this.ringing.get(callId);
    if (!entry) return;
    this.ringing.delete(callId);
    entry.audio.pause?.();
    entry.audio.removeAttribute?.("src");
    entry.audio.remove?.();
    entry.notification?.close();
  }

  private async notify(
    request: { callId: string; caller: string },
    entry: Ringing,
    why: string
  ): Promise<{ outcome: RingerOutcome; detail?: string }> {
    const notifications = this.deps.notifications;
    if (notifications.permission() === "default") await notifications.request();
    if (this.ringing.get(request.callId) !== entry)
      return { outcome: "silent", detail: "Stopped before it could ring." };
    entry.notification = notifications.show(
      `softphone-call-${request.callId}`,
      "Incoming call",
      request.caller
    );
    if (entry.notification)
      return this.record(
        request.callId,
        { outcome: "notification", detail: `${why}; a browser notification was shown instead.` },
        null
      );
    return this.record(
      request.callId,
      {
        outcome: "silent",
        detail: `${why}, and notifications are ${notifications.permission() === "unsupported" ? "not available" : "blocked"}: allow sound or notifications for this site.`
      },
      null
    );
  }

  private record(
    callId: string,
    result: { outcome: RingerOutcome; detail?: string },
    output: RingerStatus["output"]
  ): { outcome: RingerOutcome; detail?: string } {
    if (this.ringing.has(callId))
      this.last = {
        lastOutcome: result.outcome,
        output,
        notifications: this.deps.notifications.permission(),
        ...(result.detail ? { detail: result.detail } : {})
      };
    return result;
  }

  private url(kind: "ring" | "waiting"): string {
    let url = this.urls.get(kind);
    if (!url) {
      url = this.deps.toUrl(toneWav(kind === "ring" ? RING : CALL_WAITING));
      this.urls.set(kind, url);
    }
    return url;
  }
}

/** The ringer of a softphone page: hidden elements in `doc`, notifications from `win`. */
export function browserRinger(
  doc: Document,
  notifications: CallNotifications,
  urls: Pick<typeof URL, "createObjectURL"> = URL
): Ringer {
  return new Ringer({
    notifications,
    createAudio: () => {
      const audio = doc.createElement("audio");
      audio.hidden = true;
      audio.dataset.softphoneAudio = "ringer";
      doc.body.appendChild(audio);
      return audio;
    },
    toUrl: (wav) => urls.createObjectURL(new Blob([wav], { type: "audio/wav" }))
  });
}
