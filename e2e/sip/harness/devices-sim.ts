/**
 * Test-side shaping of Chromium's fake devices (--use-fake-device-for-media-stream gives three
 * microphones and three outputs that all play the same beep):
 *  - unplug(id) hides a device from enumerateDevices and fires `devicechange`, as pulling a
 *    USB headset does;
 *  - toneFor(id) makes one fake microphone sound different (a quiet steady 440 Hz tone instead of the
 *    beeps), so the far end can tell which microphone it hears.
 * The phone gets this through its `media.mediaDevices` / `media.getUserMedia` options.
 */
const real = navigator.mediaDevices;
const hidden = new Set<string>();
const toned = new Set<string>();
const events = new EventTarget();
real.addEventListener("devicechange", () => events.dispatchEvent(new Event("devicechange")));

export const simulatedDevices = {
  async enumerateDevices(): Promise<MediaDeviceInfo[]> {
    return (await real.enumerateDevices()).filter((d) => !hidden.has(d.deviceId));
  },
  addEventListener(type: "devicechange", listener: () => void) {
    events.addEventListener(type, listener);
  },
  removeEventListener(type: "devicechange", listener: () => void) {
    events.removeEventListener(type, listener);
  }
};

export function unplug(deviceId: string): void {
  hidden.add(deviceId);
  events.dispatchEvent(new Event("devicechange"));
}

export function plugIn(deviceId: string): void {
  hidden.delete(deviceId);
  events.dispatchEvent(new Event("devicechange"));
}

export function toneFor(deviceId: string): void {
  toned.add(deviceId);
}

/** Devices the page can see, with labels (after a microphone grant). */
export async function listDevices() {
  return (await real.enumerateDevices()).map((d) => ({
    id: d.deviceId,
    label: d.label,
    kind: d.kind
  }));
}

function requestedId(constraints: MediaStreamConstraints): string | undefined {
  const audio = constraints.audio;
  if (!audio || typeof audio !== "object") return undefined;
  const id = (audio as MediaTrackConstraints).deviceId;
  if (typeof id === "string") return id;
  if (id && typeof id === "object" && !Array.isArray(id)) {
    const exact = (id as ConstrainDOMStringParameters).exact;
    return typeof exact === "string" ? exact : undefined;
  }
  return undefined;
}

/** getUserMedia that refuses unplugged devices and plays a tone for toned ones. */
export async function simulatedGetUserMedia(
  constraints: MediaStreamConstraints
): Promise<MediaStream> {
  const id = requestedId(constraints);
  if (id && hidden.has(id))
    throw Object.assign(new Error("Requested device not found"), { name: "NotFoundError" });
  const stream = await real.getUserMedia(constraints);
  if (!id || !toned.has(id)) return stream;
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.frequency.value = 440;
  gain.gain.value = 0.05;
  const destination = context.createMediaStreamDestination();
  oscillator.connect(gain).connect(destination);
  oscillator.start();
  const tone = destination.stream.getAudioTracks()[0];
  const source = stream.getAudioTracks()[0];
  // The phone stops the track it replaces; stop the real device and the tone with it.
  const stop = tone.stop.bind(tone);
  tone.stop = () => {
    stop();
    source.stop();
    void context.close();
  };
  Object.defineProperty(tone, "label", { value: `${source.label} (440 Hz tone)` });
  return new MediaStream([tone]);
}
