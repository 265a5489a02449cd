/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent } from "@testing-library/preact";
import { formatClock } from "../format";
import { renderApp } from "../test-support/render-app";

function openDiagnostics(patch: Parameters<typeof renderApp>[0]) {
  const app = renderApp(patch);
  fireEvent.click(app.get("diagnostics"));
  return app;
}

describe("DiagnosticsView", () => {
  it("shows host, settings, phone, microphone and unsent logs", () => {
    const app = openDiagnostics({
      host: "classic",
      phoneKind: "sip",
      registration: "registering",
      microphone: "denied",
      outboxPending: 3
    });
    expect(app.get("diag-host")).toHaveTextContent("Salesforce Classic (Open CTI)");
    expect(app.get("diag-settings")).toHaveTextContent("Loaded, valid");
    expect(app.get("diag-phone")).toHaveTextContent("SIP phone, registering");
    expect(app.get("diag-microphone")).toHaveTextContent("Blocked");
    expect(app.get("diag-outbox")).toHaveTextContent("3");
  });

  it("explains a page outside Salesforce with no settings", () => {
    const app = openDiagnostics({
      host: "none",
      settingsLoaded: false,
      phoneKind: null,
      agent: "offline"
    });
    expect(app.get("diag-host")).toHaveTextContent("Not found");
    expect(app.get("diag-settings")).toHaveTextContent("Not loaded");
    expect(app.get("diag-phone")).toHaveTextContent("Not started");
  });

  it("counts settings problems and a pending sign-in", () => {
    const app = openDiagnostics({
      setupProblems: [{ item: "/a", value: "b", allowed: "c" }],
      phoneKind: "sip",
      needsSignIn: true,
      registration: "unregistered"
    });
    expect(app.get("diag-settings")).toHaveTextContent("Loaded, 1 problem");
    expect(app.get("diag-phone")).toHaveTextContent("SIP phone, unregistered, waiting for sign-in");
  });

  it("lists the latest errors newest first with their times", () => {
    const at = Date.UTC(2026, 10, 27, 9, 30, 15);
    const app = openDiagnostics({
      errors: [
        { at, source: "phone", message: "WebSocket closed (1006)" },
        { at: at + 60_000, source: "log", message: "saveLog failed: SERVER_ERROR" }
      ]
    });
    const items = app.get("diag-errors").querySelectorAll("li");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(`${formatClock(at + 60_000)} · log`);
    expect(items[0]).toHaveTextContent("saveLog failed: SERVER_ERROR");
    expect(items[1]).toHaveTextContent("WebSocket closed (1006)");
  });

  it("says when there are no errors", () => {
    const app = openDiagnostics({});
    expect(app.byId("diag-errors")).toBeNull();
    expect(app.get("diagnostics-view")).toHaveTextContent("Recent errorsNone.");
  });
});

describe("copy details for support", () => {
  const state = {
    host: "lightning" as const,
    outboxPending: 2,
    errors: [
      { at: Date.UTC(2026, 10, 27, 9, 0, 0), source: "log" as const, message: "saveLog failed" }
    ]
  };

  it("copies a plain-text report to the clipboard and shows it", async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const app = openDiagnostics(state);
    await act(async () => {
      fireEvent.click(app.get("diag-copy"));
    });
    const text = writeText.mock.calls[0][0] as string;
    expect(text).toContain("Host: lightning");
    expect(text).toContain("Call logs waiting to save: 2");
    expect(text).toContain("2026-11-27T09:00:00.000Z [log] saveLog failed");
    expect(app.get("diag-report")).toHaveValue(text);
    expect(app.get("diagnostics-view")).toHaveTextContent("Copied to the clipboard.");
  });

  it("falls back to selectable text when the clipboard is refused", async () => {
    const writeText = jest.fn().mockRejectedValue(new Error("NotAllowedError"));
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const app = openDiagnostics(state);
    await act(async () => {
      fireEvent.click(app.get("diag-copy"));
    });
    expect((app.get("diag-report") as HTMLTextAreaElement).value).toContain("Errors: 1");
    expect(app.get("diagnostics-view")).toHaveTextContent("Select the text below and copy it.");
  });
});

describe("optional store details", () => {
  it("shows start-up, channel and storage durability when the store reports them", () => {
    const app = openDiagnostics({
      initialized: false,
      channelAvailable: false,
      storageDurable: false,
      outboxPending: 1
    });
    expect(app.get("diag-initialized")).toHaveTextContent("Not yet");
    expect(app.get("diag-channel")).toHaveTextContent("Not available");
    expect(app.get("diag-outbox")).toHaveTextContent(
      "1 (browser storage blocked: kept in memory only)"
    );
  });

  it("leaves them out when the store does not", () => {
    const app = openDiagnostics({});
    expect(app.byId("diag-initialized")).toBeNull();
    expect(app.byId("diag-channel")).toBeNull();
    expect(app.byId("diag-library")).toBeNull();
  });

  it("lists what an older Open CTI library lacks", () => {
    const app = openDiagnostics({ unavailableFeatures: ["hvs.onWorkStart", "hvs.completeWork"] });
    expect(app.get("diag-library")).toHaveTextContent("hvs.onWorkStart, hvs.completeWork");
  });
});

describe("closing", () => {
  it("closes with Escape", () => {
    const app = openDiagnostics({});
    fireEvent.keyDown(app.get("diag-host"), { key: "Escape" });
    expect(app.byId("diagnostics-view")).toBeNull();
    expect(app.get("ready-view")).toBeInTheDocument();
  });
});
