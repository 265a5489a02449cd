/**
 * Audio devices for the demo phone: a fixed, deterministic set that can be "unplugged" and
 * plugged in again, so device choice and hot-plug can be tried (and tested) with no hardware.
 * Shaped like `navigator.mediaDevices` for phone/devices.ts.
 */
import type { MediaDevicesLike } from "../devices";

export interface SimulatedDevice {
  deviceId: string;
  kind: "audioinput" | "audiooutput";
  label: string;
}

export const DEMO_DEVICES: readonly SimulatedDevice[] = [
  { deviceId: "default", kind: "audioinput", label: "Default microphone" },
  { deviceId: "demo-headset-mic", kind: "audioinput", label: "Demo headset microphone" },
  { deviceId: "default", kind: "audiooutput", label: "Default speakers" },
  { deviceId: "demo-headset", kind: "audiooutput", label: "Demo headset" },
  { deviceId: "demo-desk-speaker", kind: "audiooutput", label: "Demo desk speaker" }
];

export class SimulatedMediaDevices implements MediaDevicesLike {
  private readonly present: SimulatedDevice[];
  private readonly listeners = new Set<() => void>();

  constructor(devices: readonly SimulatedDevice[] = DEMO_DEVICES) {
    this.present = [...devices];
  }

  async enumerateDevices(): Promise<MediaDeviceInfo[]> {
    return this.present.map(
      (d) => ({ ...d, groupId: d.deviceId, toJSON: () => d }) as unknown as MediaDeviceInfo
    );
  }

  addEventListener(_type: "devicechange", listener: () => void): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: "devicechange", listener: () => void): void {
    this.listeners.delete(listener);
  }

  /** Removes a device (both kinds with that id) and fires `devicechange`. */
  unplug(deviceId: string): void {
    const before = this.present.length;
    for (let i = this.present.length - 1; i >= 0; i--)
      if (this.present[i].deviceId === deviceId) this.present.splice(i, 1);
    if (this.present.length !== before) this.changed();
  }

  plugIn(device: SimulatedDevice): void {
    if (this.present.some((d) => d.deviceId === device.deviceId && d.kind === device.kind)) return;
    this.present.push(device);
    this.changed();
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
