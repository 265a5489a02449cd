/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent } from "@testing-library/preact";
import type { RecentCall } from "../../core/model";
import { renderApp } from "../test-support/render-app";

const recent: RecentCall[] = [
  {
    id: "r1",
    direction: "inbound",
    number: "+14155550123",
    displayNumber: "(415) 555-0123",
    name: "Ada",
    at: Date.UTC(2026, 0, 1, 9, 5),
    durationSeconds: 125,
    missed: false
  },
  {
    id: "r2",
    direction: "inbound",
    number: "+14155550999",
    displayNumber: "(415) 555-0999",
    at: Date.UTC(2026, 0, 1, 9, 0),
    durationSeconds: 0,
    missed: true
  },
  {
    id: "r3",
    direction: "outbound",
    number: "2001",
    displayNumber: "2001",
    at: Date.UTC(2026, 0, 1, 8, 0),
    durationSeconds: 61,
    missed: false
  }
];

describe("ReadyView", () => {
  it("dials the typed number (trimmed) from the button and from Enter", () => {
    const app = renderApp();
    expect(app.get("dial")).toBeDisabled();
    fireEvent.input(app.get("dial-input"), { target: { value: " 415 555 0100 " } });
    fireEvent.click(app.get("dial"));
    fireEvent.submit(app.get("dial-input").closest("form")!);
    expect(app.store.callsTo("dial")).toEqual([["415 555 0100"], ["415 555 0100"]]);
  });

  it("builds the number from the keypad", () => {
    const app = renderApp();
    expect(app.byId("key-1")).toBeNull();
    fireEvent.click(app.get("keypad"));
    for (const key of ["9", "1", "1", "*", "#"]) fireEvent.click(app.get(`key-${key}`));
    expect(app.get("dial-input")).toHaveValue("911*#");
    fireEvent.click(app.get("dial"));
    expect(app.store.callsTo("dial")).toEqual([["911*#"]]);
  });

  it("cannot dial before the phone has started", () => {
    const app = renderApp({ phoneKind: null, agent: "offline", registration: "unregistered" });
    fireEvent.input(app.get("dial-input"), { target: { value: "2001" } });
    expect(app.get("dial")).toBeDisabled();
    expect(app.get("ready-toggle")).toBeDisabled();
    expect(app.get("agent-state")).toHaveTextContent("Offline");
  });

  it("toggles ready and not ready", () => {
    const app = renderApp({ agent: "ready" });
    const toggle = app.get("ready-toggle");
    expect(toggle).toHaveAttribute("role", "switch");
    expect(toggle).toHaveAttribute("aria-checked", "true");
    expect(toggle).toHaveAccessibleName("Ready for calls");
    expect(app.get("agent-state")).toHaveTextContent("Ready");
    fireEvent.click(toggle);
    expect(app.store.callsTo("setReady")).toEqual([[false]]);
    // The store owns the state: the switch keeps showing Ready until it changes.
    expect(toggle).toHaveAttribute("aria-checked", "true");
    act(() => app.store.setState({ agent: "offline" }));
    expect(toggle).toHaveAttribute("aria-checked", "false");
    expect(app.get("agent-state")).toHaveTextContent("Not ready");
    fireEvent.click(toggle);
    expect(app.store.callsTo("setReady")).toEqual([[false], [true]]);
  });

  it("lists recent calls and redials their number", () => {
    const app = renderApp({ recentCalls: recent });
    expect(app.get("recent-r1")).toHaveTextContent("Ada");
    expect(app.get("recent-r1")).toHaveTextContent("2:05");
    expect(app.get("recent-r2")).toHaveTextContent("Missed");
    expect(app.get("recent-r3")).toHaveTextContent("Outbound");
    fireEvent.click(app.get("redial-r2"));
    fireEvent.click(app.get("redial-r3"));
    expect(app.store.callsTo("dial")).toEqual([["+14155550999"], ["2001"]]);
  });

  it("says when there are no recent calls", () => {
    const app = renderApp();
    expect(app.get("ready-view")).toHaveTextContent("No recent calls.");
  });

  it("searches the directory and calls an entry", () => {
    const app = renderApp();
    fireEvent.click(app.get("tab-directory"));
    expect(app.get("tab-directory")).toHaveAttribute("aria-pressed", "true");
    fireEvent.input(app.get("directory-input"), { target: { value: " sales " } });
    fireEvent.click(app.get("directory-search"));
    expect(app.store.callsTo("searchDirectory")).toEqual([["sales"]]);
    act(() =>
      app.store.setState({ directory: { query: "sales", status: "loading", entries: [] } })
    );
    expect(app.get("ready-view")).toHaveTextContent("Searching…");
    act(() =>
      app.store.setState({
        directory: {
          query: "sales",
          status: "idle",
          entries: [{ name: "Sales desk", number: "+18005550111", kind: "directory" }]
        }
      })
    );
    fireEvent.click(app.get("directory-call-0"));
    expect(app.store.callsTo("dial")).toEqual([["+18005550111"]]);
  });

  it("reports a failed or empty directory search", () => {
    const app = renderApp({ directory: { query: "zzz", status: "error", entries: [] } });
    fireEvent.click(app.get("tab-directory"));
    expect(app.get("ready-view")).toHaveTextContent("The directory search failed.");
    act(() => app.store.setState({ directory: { query: "zzz", status: "idle", entries: [] } }));
    expect(app.get("ready-view")).toHaveTextContent("No one found for zzz.");
  });

  it("simulates an incoming call on the demo phone, and only there", () => {
    const app = renderApp({ phoneKind: "demo" });
    fireEvent.input(app.get("simulate-number"), { target: { value: "+442071234567" } });
    fireEvent.click(app.get("simulate-incoming"));
    expect(app.store.callsTo("simulateIncomingCall")).toEqual([["+442071234567"]]);
    app.unmount();
    const sip = renderApp({ phoneKind: "sip" });
    expect(sip.byId("simulate-incoming")).toBeNull();
    expect(sip.byId("simulate-number")).toBeNull();
  });
});

describe("ReadyView with the store's optional fields", () => {
  it("redials with the record the call was about", () => {
    const app = renderApp({ recentCalls: [{ ...recent[0]!, recordId: "003A" }] });
    fireEvent.click(app.get("redial-r1"));
    expect(app.store.callsTo("dial")).toEqual([["+14155550123", "003A"]]);
  });

  it("hides the demo control when the phone cannot simulate calls", () => {
    const app = renderApp({ phoneKind: "demo", canSimulateIncoming: false });
    expect(app.byId("simulate-incoming")).toBeNull();
  });

  it("says Not ready when the agent chose it", () => {
    const app = renderApp({ agent: "offline", notReady: true });
    expect(app.get("agent-state")).toHaveTextContent("Not ready");
    expect(app.get("ready-toggle")).toHaveAttribute("aria-checked", "false");
  });
});

describe("phone status line", () => {
  it.each([
    [{ host: "none" as const }, "Not running inside Salesforce"],
    [{ settingsLoaded: false, phoneKind: null }, "Loading call center settings…"],
    [{ phoneKind: null }, "Starting the phone…"],
    [
      { phoneKind: "sip" as const, registration: "registering" as const },
      "Connecting to the phone system…"
    ],
    [
      { phoneKind: "sip" as const, registration: "failed" as const },
      "Not connected to the phone system"
    ],
    [
      { phoneKind: "sip" as const, registration: "unregistered" as const },
      "The phone is not connected."
    ]
  ])("explains %j", (patch, text) => {
    const app = renderApp(patch);
    expect(app.get("phone-status")).toHaveTextContent(text);
  });

  it("is absent once the phone is registered", () => {
    const app = renderApp();
    expect(app.byId("phone-status")).toBeNull();
  });
});
