import { diagnosticsReport } from "./diagnostics-report";
import { baseState, makeCall } from "./test-support/fake-store";

describe("diagnosticsReport", () => {
  it("lists every fact, settings problems and errors newest first", () => {
    const text = diagnosticsReport(
      baseState({
        host: "classic",
        settingsLoaded: true,
        setupProblems: [
          { item: "/softphoneSettings/provider", value: "skype", allowed: "demo or sip" }
        ],
        phoneKind: "sip",
        registration: "failed",
        needsSignIn: true,
        agent: "offline",
        microphone: "denied",
        outboxPending: 4,
        storageDurable: false,
        initialized: false,
        channelAvailable: true,
        call: makeCall({ state: "held" }),
        errors: [
          { at: Date.UTC(2026, 0, 1, 10), source: "phone", message: "401 Unauthorized" },
          { at: Date.UTC(2026, 0, 1, 11), source: "log", message: "SERVER_ERROR" }
        ]
      }),
      Date.UTC(2026, 0, 1, 12)
    );
    expect(text.split("\n")).toEqual([
      "Softphone diagnostics, 2026-01-01T12:00:00.000Z",
      "Host: classic",
      "Settings loaded: yes",
      "Settings problems: 1",
      '  /softphoneSettings/provider = "skype" (allowed: demo or sip)',
      "Phone: sip, registration failed, needs sign-in",
      "Agent: offline",
      "Microphone: denied",
      "Call logs waiting to save: 4 (memory only)",
      "Initialized: no",
      "Message channel: yes",
      "Call: inbound held",
      "Ringer: No incoming call yet",
      "Errors: 2",
      "  2026-01-01T11:00:00.000Z [log] SERVER_ERROR",
      "  2026-01-01T10:00:00.000Z [phone] 401 Unauthorized"
    ]);
  });

  it("says unknown for what the store does not report", () => {
    const text = diagnosticsReport(baseState({ phoneKind: null, settingsLoaded: false }), 0);
    expect(text).toContain("Settings loaded: no");
    expect(text).toContain("Phone: none, registration registered");
    expect(text).toContain("Initialized: unknown");
    expect(text).toContain("Message channel: unknown");
    expect(text).toContain("Call: none");
  });

  it("names what the page's Open CTI library lacks", () => {
    const text = diagnosticsReport(baseState({ unavailableFeatures: ["hvs.onWorkStart"] }), 0);
    expect(text).toContain("Missing from the Open CTI library: hvs.onWorkStart");
  });

  it("lists the devices in use, the ringer mode and the call's min/avg MOS", () => {
    const text = diagnosticsReport(
      baseState({
        phoneKind: "demo",
        devices: {
          inputs: [{ id: "mic-2", label: "Headset mic", kind: "audioinput" }],
          outputs: [{ id: "out-2", label: "Headset", kind: "audiooutput" }],
          selected: { input: "mic-2", output: null, ringer: "out-2" },
          canSelectOutput: true,
          processing: { echoCancellation: true, noiseSuppression: false, autoGainControl: true }
        },
        ringer: { outcome: "notification", detail: "Autoplay blocked" },
        call: makeCall({
          state: "connected",
          connection: { state: "reconnecting", lost: "signalling", graceEndsAt: 1 },
          quality: {
            mos: 3.5,
            rating: "poor",
            mosMin: 3.5,
            mosAvg: 4.1,
            samples: 3,
            maxPacketLossPercent: 6,
            maxJitterMs: 35,
            maxRoundTripMs: 180
          }
        })
      }),
      0
    );
    expect(text).toContain("Call: inbound connected, reconnecting");
    expect(text).toContain("Microphone in use: Headset mic");
    expect(text).toContain("Speaker in use: System default");
    expect(text).toContain("Ringer output: Headset");
    expect(text).toContain(
      "Audio processing: echo cancellation on, noise suppression off, auto gain on"
    );
    expect(text).toContain(
      "Ringer: Browser notification (the ring sound could not play). Autoplay blocked"
    );
    expect(text).toContain("Call quality: MOS min 3.5 / avg 4.1 over 3 samples");
  });
});
