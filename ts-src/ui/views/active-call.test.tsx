/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent } from "@testing-library/preact";
import { makeCall } from "../test-support/fake-store";
import { renderApp } from "../test-support/render-app";

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const connected = (overrides = {}) =>
  makeCall({
    state: "connected",
    connectedAt: NOW - 65_000,
    callerName: "Grace Hopper",
    ...overrides
  });

describe("ActiveCallView", () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(NOW);
  });
  afterEach(() => jest.useRealTimers());

  it("shows who, the state and a running timer from connectedAt", () => {
    const app = renderApp({ call: connected() });
    const view = app.get("active-call-view");
    expect(view).toHaveTextContent("Grace Hopper");
    expect(view).toHaveTextContent("(415) 555-0123");
    expect(app.get("call-state")).toHaveTextContent("Connected");
    expect(app.get("call-timer")).toHaveTextContent("1:05");
    act(() => {
      jest.advanceTimersByTime(3000);
    });
    expect(app.get("call-timer")).toHaveTextContent("1:08");
  });

  it("shows no timer and only Cancel while an outbound call is dialing", () => {
    const app = renderApp({ call: makeCall({ direction: "outbound", state: "dialing" }) });
    expect(app.get("call-state")).toHaveTextContent("Calling…");
    expect(app.byId("call-timer")).toBeNull();
    for (const id of ["mute", "hold", "keypad", "transfer-open"])
      expect(app.get(id)).toBeDisabled();
    expect(app.get("hangup")).toHaveTextContent("Cancel call");
    fireEvent.click(app.get("hangup"));
    expect(app.store.callsTo("hangup")).toEqual([[]]);
  });

  it("mutes and unmutes with the right argument", () => {
    const app = renderApp({ call: connected() });
    expect(app.get("mute")).toHaveAttribute("aria-pressed", "false");
    fireEvent.click(app.get("mute"));
    act(() => app.store.setState({ call: connected({ muted: true }) }));
    expect(app.get("mute")).toHaveAttribute("aria-pressed", "true");
    expect(app.get("mute")).toHaveTextContent("Unmute");
    fireEvent.click(app.get("mute"));
    expect(app.store.callsTo("mute")).toEqual([[true], [false]]);
  });

  it("holds and resumes with the right argument", () => {
    const app = renderApp({ call: connected() });
    fireEvent.click(app.get("hold"));
    act(() => app.store.setState({ call: connected({ state: "held" }) }));
    expect(app.get("call-state")).toHaveTextContent("On hold");
    expect(app.get("hold")).toHaveAttribute("aria-pressed", "true");
    expect(app.get("hold")).toHaveTextContent("Resume");
    fireEvent.click(app.get("hold"));
    expect(app.store.callsTo("hold")).toEqual([[true], [false]]);
  });

  it("sends each keypad press as DTMF and shows what was sent", () => {
    const app = renderApp({ call: connected() });
    fireEvent.click(app.get("keypad"));
    expect(app.get("keypad")).toHaveAttribute("aria-expanded", "true");
    for (const key of ["1", "#", "*", "0"]) fireEvent.click(app.get(`key-${key}`));
    expect(app.store.callsTo("sendDigits")).toEqual([["1"], ["#"], ["*"], ["0"]]);
    expect(app.get("sent-digits")).toHaveTextContent("1#*0");
  });

  it("transfers to a typed number", () => {
    const app = renderApp({ call: connected() });
    fireEvent.click(app.get("transfer-open"));
    expect(app.get("transfer")).toBeDisabled();
    fireEvent.input(app.get("transfer-input"), { target: { value: " 2001 " } });
    fireEvent.click(app.get("transfer"));
    expect(app.store.callsTo("transfer")).toEqual([["2001"]]);
  });

  it("searches the directory and transfers to an entry's number", () => {
    const app = renderApp({ call: connected() });
    fireEvent.click(app.get("transfer-open"));
    fireEvent.input(app.get("directory-input"), { target: { value: "support" } });
    fireEvent.click(app.get("directory-search"));
    expect(app.store.callsTo("searchDirectory")).toEqual([["support"]]);
    act(() =>
      app.store.setState({
        directory: {
          query: "support",
          status: "idle",
          entries: [
            {
              name: "Support line",
              number: "+18005550100",
              kind: "directory",
              description: "Tier 1"
            },
            { name: "Sam Agent", number: "2002", kind: "user" }
          ]
        }
      })
    );
    expect(app.get("directory-transfer-0").closest("li")).toHaveTextContent("Support line");
    expect(app.get("directory-transfer-0").closest("li")).toHaveTextContent("Tier 1");
    fireEvent.click(app.get("directory-transfer-1"));
    expect(app.store.callsTo("transfer")).toEqual([["2002"]]);
  });

  it("writes notes through setNotes", () => {
    const app = renderApp({ call: connected({ notes: "Called about" }) });
    expect(app.get("notes")).toHaveValue("Called about");
    fireEvent.input(app.get("notes"), { target: { value: "Called about the invoice" } });
    expect(app.store.callsTo("setNotes")).toEqual([["Called about the invoice"]]);
  });

  it("takes notes changed elsewhere (another tab) and resets them for a new call", () => {
    const app = renderApp({ call: connected({ notes: "first" }) });
    act(() => app.store.setState({ call: connected({ notes: "typed in another tab" }) }));
    expect(app.get("notes")).toHaveValue("typed in another tab");
    act(() => app.store.setState({ call: connected({ id: "call-2", notes: "" }) }));
    expect(app.get("notes")).toHaveValue("");
  });

  it("shows a call that has just ended until the store clears it", () => {
    const app = renderApp({ call: connected({ state: "ended", endedAt: NOW }) });
    expect(app.get("call-ended-view")).toHaveTextContent("Call ended");
    expect(app.get("call-ended-view")).toHaveTextContent("Grace Hopper");
  });

  it("relates the call to the record on the page, or clears it", () => {
    const app = renderApp({
      call: connected({ relatedTo: { id: "003A", name: "Ada Lovelace", objectType: "Contact" } }),
      page: { recordId: "500B", recordName: "Case 00001026", objectType: "Case" }
    });
    expect(app.get("related-to")).toHaveTextContent("Ada Lovelace (Contact)");
    fireEvent.click(app.get("related-use-page"));
    fireEvent.click(app.get("related-clear"));
    expect(app.store.callsTo("setRelatedTo")).toEqual([
      [{ id: "500B", name: "Case 00001026", objectType: "Case" }],
      [null]
    ]);
  });

  it("offers no page record when the page is the related record or has none", () => {
    const same = renderApp({
      call: connected({ relatedTo: { id: "500B" } }),
      page: { recordId: "500B" }
    });
    expect(same.byId("related-use-page")).toBeNull();
    same.unmount();
    const none = renderApp({ call: connected(), page: { url: "/lightning/page/home" } });
    expect(none.byId("related-use-page")).toBeNull();
    expect(none.byId("related-clear")).toBeNull();
    expect(none.get("related-to")).toHaveTextContent("No record");
  });

  it("lets the agent choose among several matches during the call", () => {
    const app = renderApp({
      call: connected({
        matchStatus: "several",
        matches: [
          { id: "003A", name: "Ada", objectType: "Contact" },
          { id: "003B", name: "Ada B", objectType: "Contact" }
        ]
      })
    });
    fireEvent.click(app.get("match-003B"));
    expect(app.store.callsTo("chooseMatch")).toEqual([["003B"]]);
  });

  it("switches the related match without a second pop once one was chosen", () => {
    const app = renderApp({
      call: connected({
        matchStatus: "one",
        relatedTo: { id: "003A", name: "Ada", objectType: "Contact" },
        matches: [
          { id: "003A", name: "Ada", objectType: "Contact" },
          { id: "003B", name: "Ada B", objectType: "Contact" }
        ]
      })
    });
    expect(app.get("match-003A")).toHaveAttribute("aria-pressed", "true");
    fireEvent.click(app.get("match-003B"));
    expect(app.store.callsTo("setRelatedTo")).toEqual([
      [{ id: "003B", name: "Ada B", objectType: "Contact" }]
    ]);
    expect(app.store.callsTo("chooseMatch")).toEqual([]);
  });

  it("hangs up", () => {
    const app = renderApp({ call: connected() });
    fireEvent.click(app.get("hangup"));
    expect(app.store.callsTo("hangup")).toEqual([[]]);
  });

  it("offers a simulated second call on the demo phone only", () => {
    const demo = renderApp({ call: connected() });
    fireEvent.input(demo.get("simulate-number"), { target: { value: "+15555550199" } });
    fireEvent.click(demo.get("simulate-incoming"));
    expect(demo.store.callsTo("simulateIncomingCall")).toEqual([["+15555550199"]]);
    demo.unmount();
    const sip = renderApp({ call: connected(), phoneKind: "sip" });
    expect(sip.byId("simulate-incoming")).toBeNull();
  });
});
