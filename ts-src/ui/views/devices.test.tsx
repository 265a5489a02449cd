/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent, render } from "@testing-library/preact";
import type { AudioDeviceState } from "../../phone/phone";
import { App } from "../app";
import { baseState, createFakeStore, makeCall } from "../test-support/fake-store";
import { QualityIndicator } from "../parts/quality-indicator";
import { ReconnectingBanner } from "../parts/reconnecting-banner";

const byId = (container: Element, id: string) =>
  container.querySelector(`[data-id="${id}"]`) as HTMLElement;

const devices: AudioDeviceState = {
  inputs: [
    { id: "default", label: "Default microphone", kind: "audioinput" },
    { id: "mic-2", label: "Headset mic", kind: "audioinput" }
  ],
  outputs: [{ id: "out-2", label: "Headset", kind: "audiooutput" }],
  selected: { input: null, output: "out-2", ringer: null },
  canSelectOutput: true,
  processing: { echoCancellation: true, noiseSuppression: true, autoGainControl: true }
};

describe("devices menu", () => {
  it("opens from the header, lists devices and forwards the choices", () => {
    const store = createFakeStore({ devices });
    const { container } = render(<App store={store} />);
    fireEvent.click(byId(container, "devices"));
    expect(byId(container, "devices-view")).toBeInTheDocument();
    const input = byId(container, "device-input") as HTMLSelectElement;
    expect([...input.options].map((o) => o.textContent)).toEqual(["System default", "Headset mic"]);
    expect((byId(container, "device-output") as HTMLSelectElement).value).toBe("out-2");
    fireEvent.change(input, { target: { value: "mic-2" } });
    fireEvent.click(byId(container, "processing-echoCancellation"));
    const names = store.calls.map((c) => [c.name, ...c.args]);
    expect(names).toContainEqual(["selectDevice", "input", "mic-2"]);
    expect(names).toContainEqual(["setAudioProcessing", { echoCancellation: false }]);
    expect(names).toContainEqual(["loadDevices"]);
  });

  it("has no button before a phone started", () => {
    const { container } = render(<App store={createFakeStore({ phoneKind: null })} />);
    expect(byId(container, "devices")).toBeNull();
  });
});

describe("call health parts", () => {
  afterEach(() => jest.useRealTimers());

  it("counts the grace period down and never says ended", () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const call = makeCall({
      state: "connected",
      connection: { state: "reconnecting", lost: "signalling", graceEndsAt: 1_000_000 + 30_000 }
    });
    const { container } = render(<ReconnectingBanner call={call} />);
    expect(byId(container, "call-reconnecting")).toHaveAttribute("role", "status");
    expect(byId(container, "call-reconnecting-countdown")).toHaveTextContent(
      "Reconnecting… (30 s)"
    );
    act(() => {
      jest.advanceTimersByTime(5_000);
    });
    expect(byId(container, "call-reconnecting-countdown")).toHaveTextContent(
      "Reconnecting… (25 s)"
    );
    expect(container.textContent).not.toMatch(/ended/i);
  });

  it("shows nothing for a healthy call", () => {
    const { container } = render(<ReconnectingBanner call={makeCall({ state: "connected" })} />);
    expect(container.innerHTML).toBe("");
  });

  it("rates the call and says why in the tooltip", () => {
    const { container } = render(
      <QualityIndicator
        quality={{
          mos: 3.3,
          rating: "poor",
          reason: "network: packet loss 6 %",
          mosMin: 3.3,
          mosAvg: 3.9,
          samples: 2,
          maxPacketLossPercent: 6,
          maxJitterMs: 35,
          maxRoundTripMs: 180
        }}
      />
    );
    const badge = byId(container, "call-quality");
    expect(badge).toHaveTextContent("Poor 3.3");
    expect(badge).toHaveAttribute("title", "network: packet loss 6 %. MOS 3.3 (min 3.3, avg 3.9)");
    expect(badge.getAttribute("aria-label")).toMatch(
      /^Call quality Poor: network: packet loss 6 %/
    );
  });

  it("lists the devices in use in diagnostics", () => {
    const store = createFakeStore(baseState({ devices, ringer: { outcome: "audio" } }));
    const { container } = render(<App store={store} />);
    fireEvent.click(byId(container, "diagnostics"));
    expect(byId(container, "diag-device-output")).toHaveTextContent("Headset");
    expect(byId(container, "diag-device-input")).toHaveTextContent("System default");
    expect(byId(container, "diag-ringer")).toHaveTextContent("Audio (ring sound)");
  });
});
