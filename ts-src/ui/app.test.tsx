/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent, render, screen, within } from "@testing-library/preact";
import type { SoftphoneState } from "../core/model";
import { App, viewFor } from "./app";
import { baseState, createFakeStore, makeCall } from "./test-support/fake-store";
import { panelFocused } from "./test-support/panel-focus";

// A failed expectation must not leave document.hasFocus mocked for the next test.
afterEach(() => jest.restoreAllMocks());

const byId = (container: Element, id: string) =>
  container.querySelector(`[data-id="${id}"]`) as HTMLElement;

describe("App view selection", () => {
  const cases = [
    [{}, false, "ready"],
    [{ needsSignIn: true }, false, "sign-in"],
    [
      {
        setupProblems: [{ item: "/softphoneSettings/provider", value: "x", allowed: "demo, sip" }]
      },
      false,
      "setup"
    ],
    [{ call: makeCall() }, false, "incoming"],
    [{ call: makeCall({ direction: "outbound", state: "ringing" }) }, false, "call"],
    [{ call: makeCall({ state: "dialing", direction: "outbound" }) }, false, "call"],
    [{ call: makeCall({ state: "connected" }) }, false, "call"],
    [{ call: makeCall({ state: "held" }) }, false, "call"],
    [{ call: makeCall({ state: "wrapup" }) }, false, "wrap-up"],
    [{ call: makeCall({ state: "ended" }) }, false, "ended"],
    [{}, true, "diagnostics"],
    [{ call: makeCall({ state: "connected" }) }, true, "diagnostics"],
    [{ call: makeCall() }, true, "incoming"]
  ] as const;
  it.each(cases.map(([patch, diagnostics, view]) => [view, diagnostics, patch] as const))(
    "shows %s (diagnostics open: %s)",
    (view, diagnostics, patch) => {
      expect(viewFor(baseState(patch as Partial<SoftphoneState>), diagnostics)).toBe(view);
    }
  );

  it("renders the view for the store's state and follows changes", () => {
    const store = createFakeStore();
    const { container } = render(<App store={store} />);
    expect(byId(container, "ready-view")).toBeInTheDocument();
    act(() => store.setState({ call: makeCall() }));
    expect(byId(container, "incoming-view")).toBeInTheDocument();
    act(() => store.setState({ call: makeCall({ state: "connected", connectedAt: Date.now() }) }));
    expect(byId(container, "active-call-view")).toBeInTheDocument();
    act(() => store.setState({ call: makeCall({ state: "wrapup" }) }));
    expect(byId(container, "wrap-up-view")).toBeInTheDocument();
    act(() => store.setState({ call: null }));
    expect(byId(container, "ready-view")).toBeInTheDocument();
  });

  it("unsubscribes from the store when unmounted", () => {
    const store = createFakeStore();
    const { unmount } = render(<App store={store} />);
    expect(store.listenerCount()).toBe(1);
    unmount();
    expect(store.listenerCount()).toBe(0);
  });
});

describe("diagnostics", () => {
  it.each([
    ["ready", {}],
    ["sign-in", { needsSignIn: true }],
    [
      "setup",
      { setupProblems: [{ item: "/sipSettings/sipDomain", value: "", allowed: "a domain" }] }
    ],
    ["call", { call: makeCall({ state: "connected" }) }],
    ["wrap-up", { call: makeCall({ state: "wrapup" }) }]
  ])("is reachable from the %s view and returns to it", (_name, patch) => {
    const store = createFakeStore(patch);
    const { container } = render(<App store={store} />);
    const before = container.querySelector("main")!.firstElementChild!.getAttribute("data-id");
    fireEvent.click(byId(container, "diagnostics"));
    expect(byId(container, "diagnostics-view")).toBeInTheDocument();
    expect(byId(container, "diagnostics")).toHaveAttribute("aria-pressed", "true");
    fireEvent.click(byId(container, "diagnostics-close"));
    expect(container.querySelector("main")!.firstElementChild!.getAttribute("data-id")).toBe(
      before
    );
  });

  it("gives way to a ringing call, with focus on Answer", () => {
    const restore = panelFocused(true);
    const store = createFakeStore();
    const { container } = render(<App store={store} />);
    byId(container, "diagnostics").focus();
    fireEvent.click(byId(container, "diagnostics"));
    act(() => store.setState({ call: makeCall() }));
    expect(byId(container, "answer")).toHaveFocus();
    act(() => store.setState({ call: makeCall({ state: "connected" }) }));
    expect(byId(container, "active-call-view")).toBeInTheDocument();
    restore();
  });
});

describe("notice bar", () => {
  it("shows the store's notice and dismisses it through the store", () => {
    const store = createFakeStore({ notice: "That number is not valid: 12" });
    render(<App store={store} />);
    expect(screen.getByRole("alert")).toHaveTextContent("That number is not valid: 12");
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(store.callsTo("dismissNotice")).toEqual([[]]);
    act(() => store.setState({ notice: undefined }));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("reports a failed action to the agent and dismisses it locally", async () => {
    const store = createFakeStore({ call: makeCall({ state: "connected" }) });
    store.failNext("hold", new Error("The phone refused to hold the call."));
    const { container } = render(<App store={store} />);
    await act(async () => {
      fireEvent.click(byId(container, "hold"));
    });
    expect(byId(container, "notice")).toHaveTextContent("The phone refused to hold the call.");
    fireEvent.click(byId(container, "dismiss-notice"));
    expect(byId(container, "notice")).toBeNull();
    expect(store.callsTo("dismissNotice")).toEqual([]);
  });

  it("reports a synchronous action that throws", () => {
    const store = createFakeStore({ call: makeCall({ state: "wrapup" }) });
    store.failNext("setDisposition", new Error("No call to update."));
    const { container } = render(<App store={store} />);
    fireEvent.change(byId(container, "disposition"), { target: { value: "Busy" } });
    expect(byId(container, "notice")).toHaveTextContent("No call to update.");
  });
});

describe("call waiting banner", () => {
  it("answers (holding the current call) or declines the waiting call", () => {
    const store = createFakeStore({
      call: makeCall({ state: "connected" }),
      waitingCall: makeCall({
        id: "call-2",
        callerName: "Ada Lovelace",
        number: "+442071234567",
        displayNumber: "+44 20 7123 4567"
      })
    });
    const { container } = render(<App store={store} />);
    const banner = byId(container, "waiting-call");
    expect(banner).toHaveTextContent("Ada Lovelace");
    expect(banner).toHaveTextContent("+44 20 7123 4567");
    fireEvent.click(within(banner).getByRole("button", { name: /Answer/ }));
    fireEvent.click(within(banner).getByRole("button", { name: "Decline" }));
    expect(store.calls.map((c) => c.name)).toEqual(["answer", "decline"]);
  });

  it("is absent without a waiting call", () => {
    const store = createFakeStore({ call: makeCall({ state: "connected" }) });
    const { container } = render(<App store={store} />);
    expect(byId(container, "waiting-call")).toBeNull();
  });
});

describe("live region", () => {
  const polite = (c: Element) => byId(c, "live-polite");
  const urgent = (c: Element) => byId(c, "live-urgent");

  it("announces an incoming call assertively and state changes politely", () => {
    const store = createFakeStore();
    const { container } = render(<App store={store} />);
    expect(urgent(container)).toHaveAttribute("aria-live", "assertive");
    expect(polite(container)).toHaveAttribute("aria-live", "polite");
    expect(urgent(container)).toHaveTextContent("");
    act(() => store.setState({ call: makeCall({ callerName: "Grace Hopper" }) }));
    expect(urgent(container)).toHaveTextContent("Incoming call from Grace Hopper, (415) 555-0123.");
    act(() =>
      store.setState({ call: makeCall({ callerName: "Grace Hopper", state: "connected" }) })
    );
    expect(polite(container)).toHaveTextContent("Connected to Grace Hopper, (415) 555-0123.");
    act(() => store.setState({ call: makeCall({ callerName: "Grace Hopper", state: "held" }) }));
    expect(polite(container)).toHaveTextContent("Call on hold.");
    act(() => store.setState({ call: makeCall({ callerName: "Grace Hopper", state: "wrapup" }) }));
    expect(polite(container)).toHaveTextContent(/After-call work/);
    act(() => store.setState({ call: null }));
    expect(polite(container)).toHaveTextContent("Call logged. Ready for the next call.");
  });

  it("announces a call already ringing when the panel opens, but not an old connected call", () => {
    const ringing = render(<App store={createFakeStore({ call: makeCall() })} />);
    expect(urgent(ringing.container)).toHaveTextContent("Incoming call from (415) 555-0123.");
    ringing.unmount();
    const connected = render(
      <App store={createFakeStore({ call: makeCall({ state: "connected" }) })} />
    );
    expect(polite(connected.container)).toHaveTextContent("");
  });

  it("announces a waiting call", () => {
    const store = createFakeStore({ call: makeCall({ state: "connected" }) });
    const { container } = render(<App store={store} />);
    act(() =>
      store.setState({
        waitingCall: makeCall({ id: "w", number: "+15550001", displayNumber: "555-0001" })
      })
    );
    expect(urgent(container)).toHaveTextContent("Call waiting from 555-0001.");
  });
});

describe("focus", () => {
  it("never pulls focus out of the page the agent is working in", () => {
    const store = createFakeStore({ call: makeCall({ state: "connected" }) });
    const { container } = render(<App store={store} />);
    const restore = panelFocused(false);
    act(() => store.setState({ call: makeCall({ state: "wrapup" }) }));
    expect(byId(container, "disposition")).not.toHaveFocus();
    restore();
  });

  it("does not move focus on the first render", () => {
    const store = createFakeStore();
    const { container } = render(<App store={store} />);
    expect(byId(container, "dial-input")).not.toHaveFocus();
  });

  it("moves to the call, then to the disposition, then back to the number field", () => {
    const restore = panelFocused(true);
    const store = createFakeStore();
    const { container } = render(<App store={store} />);
    byId(container, "dial-input").focus();
    act(() => store.setState({ call: makeCall({ direction: "outbound", state: "dialing" }) }));
    expect(container.querySelector("#sp-call-title")).toHaveFocus();
    act(() => store.setState({ call: makeCall({ state: "wrapup" }) }));
    expect(byId(container, "disposition")).toHaveFocus();
    act(() => store.setState({ call: null }));
    expect(byId(container, "dial-input")).toHaveFocus();
    restore();
  });
});

describe("keyboard", () => {
  it("closes diagnostics with Escape while focus is still on the header button", () => {
    const store = createFakeStore();
    const { container } = render(<App store={store} />);
    const button = byId(container, "diagnostics");
    button.focus();
    fireEvent.click(button);
    fireEvent.keyDown(button, { key: "Escape" });
    expect(byId(container, "diagnostics-view")).toBeNull();
    expect(byId(container, "ready-view")).toBeInTheDocument();
  });
});
