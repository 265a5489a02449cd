/**
 * The agent's audio devices, shared by both phones: what exists (enumerateDevices), what the
 * agent chose for the microphone, the call audio and the ringer (remembered per browser), what
 * is in effect (a chosen device that is unplugged falls back to the system default and comes
 * back when plugged in again), and the audio processing switches.
 */
import type {
  AudioDevice,
  AudioDeviceRole,
  AudioDeviceState,
  AudioProcessing,
  DeviceFallback
} from "./phone";

/** What AudioDevices needs of `navigator.mediaDevices` (injectable: tests, the demo phone). */
export interface MediaDevicesLike {
  enumerateDevices(): Promise<MediaDeviceInfo[]>;
  addEventListener?(type: "devicechange", listener: () => void): void;
  removeEventListener?(type: "devicechange", listener: () => void): void;
}

/** Key/value storage for the choices (device ids and switches only; nothing secret). */
export interface PreferenceStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export const DEVICE_PREFERENCES_KEY = "softphone.audioDevices";

export const DEFAULT_PROCESSING: AudioProcessing = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true
};

interface Preferences {
  input: string | null;
  output: string | null;
  ringer: string | null;
  processing: AudioProcessing;
}

const ROLE_WORD: Record<AudioDeviceRole, string> = {
  input: "microphone",
  output: "speaker",
  ringer: "ringer output"
};

/** What changed when the device list was read again. */
export interface DeviceChange {
  state: AudioDeviceState;
  /** Roles whose device in effect is now different (the phone re-applies them). */
  changed: AudioDeviceRole[];
  fallbacks: DeviceFallback[];
}

export class AudioDevices {
  private prefs: Preferences;
  private inputs: AudioDevice[] = [];
  private outputs: AudioDevice[] = [];
  private listed = false;
  private read = false;
  private readonly labels = new Map<string, string>();
  private unwatch?: () => void;

  constructor(
    private readonly mediaDevices: MediaDevicesLike | undefined,
    private readonly storage?: PreferenceStorage,
    private readonly canSelectOutput = defaultCanSelectOutput()
  ) {
    this.prefs = readPreferences(storage);
  }

  /** The device in effect for a role: the chosen one while it is present, else null (default). */
  effective(role: AudioDeviceRole): string | null {
    const id = this.prefs[role];
    if (id === null) return null;
    if (!this.listed) return id;
    const pool = role === "input" ? this.inputs : this.outputs;
    return pool.some((d) => d.id === id) ? id : null;
  }

  get processing(): AudioProcessing {
    return this.prefs.processing;
  }

  /** getUserMedia audio constraints: the microphone in effect (`exact`) and the switches. */
  audioConstraints(): MediaTrackConstraints {
    const input = this.effective("input");
    const constraints: MediaTrackConstraints = { ...this.prefs.processing };
    if (input) constraints.deviceId = { exact: input };
    return constraints;
  }

  state(): AudioDeviceState {
    return {
      inputs: this.inputs,
      outputs: this.canSelectOutput ? this.outputs : [],
      selected: {
        input: this.effective("input"),
        output: this.effective("output"),
        ringer: this.effective("ringer")
      },
      canSelectOutput: this.canSelectOutput,
      processing: this.prefs.processing
    };
  }

  /** Reads the device list once, before the first use of a remembered choice. */
  async ready(): Promise<void> {
    if (!this.read) await this.refresh();
  }

  /** The label of a device seen in this session, for messages. */
  labelOf(deviceId: string): string | undefined {
    return this.labels.get(deviceId);
  }

  /** Reads the device list again; reports devices that went away or came back. */
  async refresh(): Promise<DeviceChange> {
    const before = {
      input: this.effective("input"),
      output: this.effective("output"),
      ringer: this.effective("ringer")
    };
    const wasListed = this.listed;
    let infos: MediaDeviceInfo[] = [];
    try {
      infos = (await this.mediaDevices?.enumerateDevices()) ?? [];
    } catch {
      infos = [];
    }
    this.read = true;
    this.inputs = toDevices(infos, "audioinput");
    this.outputs = toDevices(infos, "audiooutput");
    // Without microphone permission browsers hide device ids: the choices cannot be checked yet.
    this.listed =
      this.mediaDevices !== undefined &&
      !infos.some((d) => (d.kind === "audioinput" || d.kind === "audiooutput") && !d.deviceId);
    for (const d of [...this.inputs, ...this.outputs]) this.labels.set(d.id, d.label);
    const changed: AudioDeviceRole[] = [];
    const fallbacks: DeviceFallback[] = [];
    for (const role of ["input", "output", "ringer"] as const) {
      const now = this.effective(role);
      if (now === before[role]) continue;
      changed.push(role);
      const lost = before[role];
      if (wasListed && this.listed && lost !== null && now === null) {
        const lostLabel = this.labels.get(lost) ?? "The chosen device";
        fallbacks.push({
          role,
          lostLabel,
          message: `${lostLabel} was disconnected; using the default ${ROLE_WORD[role]}.`
        });
      }
    }
    return { state: this.state(), changed, fallbacks };
  }

  /**
   * Remembers a choice. Outputs must be in the current list; a microphone id is checked by
   * the phone opening it (see `revert`).
   */
  async choose(role: AudioDeviceRole, deviceId: string | null): Promise<string | null> {
    if (deviceId !== null && (typeof deviceId !== "string" || deviceId.trim() === ""))
      throw new TypeError("A device id is a non-empty string, or null for the default.");
    if (!this.listed) await this.refresh();
    if (deviceId !== null) {
      const pool = role === "input" ? this.inputs : this.outputs;
      if (this.listed && !pool.some((d) => d.id === deviceId))
        throw new RangeError(`There is no ${ROLE_WORD[role]} with id ${JSON.stringify(deviceId)}.`);
      if (role !== "input" && !this.canSelectOutput)
        throw new RangeError("This browser cannot choose where audio plays.");
    }
    const previous = this.prefs[role];
    this.prefs = { ...this.prefs, [role]: deviceId };
    this.save();
    return previous;
  }

  /** Undoes a choice that could not be applied (a microphone that would not open). */
  revert(role: AudioDeviceRole, previous: string | null): void {
    this.prefs = { ...this.prefs, [role]: previous };
    this.save();
  }

  setProcessing(patch: Partial<AudioProcessing>): AudioProcessing {
    const next: { -readonly [K in keyof AudioProcessing]: boolean } = { ...this.prefs.processing };
    for (const key of Object.keys(DEFAULT_PROCESSING) as Array<keyof AudioProcessing>)
      if (typeof patch[key] === "boolean") next[key] = patch[key] as boolean;
    this.prefs = { ...this.prefs, processing: next };
    this.save();
    return next;
  }

  /** Calls `listener` after each `devicechange` (hot-plug), with what changed. */
  watch(listener: (change: DeviceChange) => void): void {
    const media = this.mediaDevices;
    if (!media?.addEventListener || this.unwatch) return;
    const handler = () => {
      void this.refresh().then(listener);
    };
    media.addEventListener("devicechange", handler);
    this.unwatch = () => media.removeEventListener?.("devicechange", handler);
  }

  dispose(): void {
    this.unwatch?.();
    this.unwatch = undefined;
  }

  private save(): void {
    try {
      this.storage?.set(DEVICE_PREFERENCES_KEY, JSON.stringify(this.prefs));
    } catch {
      // Storage full or blocked: the choice still applies for this session.
    }
  }
}

function toDevices(infos: MediaDeviceInfo[], kind: "audioinput" | "audiooutput"): AudioDevice[] {
  const word = kind === "audioinput" ? "Microphone" : "Speaker";
  return infos
    .filter((d) => d.kind === kind && d.deviceId)
    .map((d, i) => ({ id: d.deviceId, label: d.label || `${word} ${i + 1}`, kind }));
}

function readPreferences(storage: PreferenceStorage | undefined): Preferences {
  const processing: { -readonly [K in keyof AudioProcessing]: boolean } = {
    ...DEFAULT_PROCESSING
  };
  const prefs: Preferences = { input: null, output: null, ringer: null, processing };
  let raw: unknown;
  try {
    raw = JSON.parse(storage?.get(DEVICE_PREFERENCES_KEY) ?? "null");
  } catch {
    return prefs;
  }
  if (!raw || typeof raw !== "object") return prefs;
  const stored = raw as Record<string, unknown>;
  for (const role of ["input", "output", "ringer"] as const) {
    const id = stored[role];
    if (typeof id === "string" && id !== "" && id.length <= 256) prefs[role] = id;
  }
  const switches = stored.processing as Record<string, unknown> | undefined;
  if (switches && typeof switches === "object")
    for (const key of Object.keys(DEFAULT_PROCESSING) as Array<keyof AudioProcessing>)
      if (typeof switches[key] === "boolean") processing[key] = switches[key] as boolean;
  return prefs;
}

function defaultCanSelectOutput(): boolean {
  return (
    typeof HTMLMediaElement !== "undefined" &&
    typeof (HTMLMediaElement.prototype as { setSinkId?: unknown }).setSinkId === "function"
  );
}
