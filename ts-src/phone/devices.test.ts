import { AudioDevices, DEVICE_PREFERENCES_KEY, type MediaDevicesLike } from "./devices";

const info = (deviceId: string, kind: MediaDeviceKind, label = "") =>
  ({ deviceId, kind, label, groupId: "" }) as MediaDeviceInfo;

function media(list: MediaDeviceInfo[]): MediaDevicesLike & { list: MediaDeviceInfo[] } {
  return {
    list,
    enumerateDevices: async function () {
      return this.list;
    }
  };
}

function memory(initial?: string) {
  const map = new Map<string, string>();
  if (initial !== undefined) map.set(DEVICE_PREFERENCES_KEY, initial);
  return {
    map,
    get: (k: string) => map.get(k) ?? null,
    set: (k: string, v: string) => void map.set(k, v)
  };
}

describe("AudioDevices", () => {
  it("keeps a remembered choice unverified while the browser hides device ids", async () => {
    const storage = memory(JSON.stringify({ input: "headset" }));
    const devices = new AudioDevices(
      media([info("", "audioinput"), info("", "audiooutput")]),
      storage,
      true
    );
    await devices.refresh();
    expect(devices.effective("input")).toBe("headset");
    expect(devices.audioConstraints()).toEqual({
      deviceId: { exact: "headset" },
      echoCancellation: true,
      noiseSuppression: true,
      autoGainControl: true
    });
  });

  it("falls back to the default for a remembered device that is not there, and names it", async () => {
    const m = media([
      info("default", "audioinput", "Default"),
      info("headset", "audioinput", "Headset")
    ]);
    const devices = new AudioDevices(m, memory(JSON.stringify({ input: "headset" })), true);
    expect((await devices.refresh()).fallbacks).toEqual([]);
    expect(devices.effective("input")).toBe("headset");
    m.list = [info("default", "audioinput", "Default")];
    const change = await devices.refresh();
    expect(change.changed).toEqual(["input"]);
    expect(change.fallbacks).toEqual([
      {
        role: "input",
        lostLabel: "Headset",
        message: "Headset was disconnected; using the default microphone."
      }
    ]);
    expect(devices.audioConstraints().deviceId).toBeUndefined();
  });

  it("ignores stored preferences that are not what it wrote", () => {
    for (const bad of [
      "{",
      "42",
      JSON.stringify({ input: 7, processing: { echoCancellation: "no" } })
    ]) {
      const devices = new AudioDevices(undefined, memory(bad));
      expect(devices.state().selected).toEqual({ input: null, output: null, ringer: null });
      expect(devices.processing.echoCancellation).toBe(true);
    }
  });

  it("refuses bad ids and outputs the browser cannot choose", async () => {
    const devices = new AudioDevices(
      media([info("default", "audioinput", "Mic"), info("spk", "audiooutput", "Speaker")]),
      undefined,
      false
    );
    await expect(devices.choose("input", "" as never)).rejects.toThrow(TypeError);
    await expect(devices.choose("input", "missing")).rejects.toThrow(/no microphone/);
    await expect(devices.choose("ringer", "spk")).rejects.toThrow(
      /cannot choose where audio plays/
    );
    expect(devices.state().outputs).toEqual([]);
    expect(await devices.choose("input", "default")).toBeNull();
    expect(devices.effective("input")).toBe("default");
  });

  it("labels devices the browser left unnamed", async () => {
    const devices = new AudioDevices(
      media([info("a", "audioinput"), info("b", "audiooutput")]),
      undefined,
      true
    );
    await devices.refresh();
    expect(devices.state().inputs[0].label).toBe("Microphone 1");
    expect(devices.state().outputs[0].label).toBe("Speaker 1");
  });

  it("survives storage that throws", async () => {
    const storage = {
      get: () => null,
      set: () => {
        throw new Error("quota");
      }
    };
    const devices = new AudioDevices(media([info("x", "audioinput", "X")]), storage, true);
    await devices.choose("input", "x");
    expect(devices.effective("input")).toBe("x");
  });
});
