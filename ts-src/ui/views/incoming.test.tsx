/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent } from "@testing-library/preact";
import { makeCall } from "../test-support/fake-store";
import { panelFocused } from "../test-support/panel-focus";
import { renderApp } from "../test-support/render-app";

// A failed expectation must not leave document.hasFocus mocked for the next test.
afterEach(() => jest.restoreAllMocks());

const matches = [
  {
    id: "003A",
    name: "Ada Lovelace",
    objectType: "Contact",
    accountId: "001X",
    accountName: "Analytical Engines"
  },
  { id: "00QB", name: "Ada L.", objectType: "Lead" },
  { id: "001C", name: "Lovelace Ltd", objectType: "Account" }
];

describe("IncomingView", () => {
  it("shows the caller's name and number and answers or declines", () => {
    const app = renderApp({ call: makeCall({ callerName: "Ada Lovelace" }) });
    const view = app.get("incoming-view");
    expect(view).toHaveTextContent("Incoming call");
    expect(view).toHaveTextContent("Ada Lovelace");
    expect(view).toHaveTextContent("(415) 555-0123");
    fireEvent.click(app.get("answer"));
    fireEvent.click(app.get("decline"));
    expect(app.store.calls).toEqual([
      { name: "answer", args: [] },
      { name: "decline", args: [] }
    ]);
  });

  it("puts focus on Answer when the agent is in the panel", () => {
    const restore = panelFocused(true);
    const app = renderApp();
    app.get("dial-input").focus();
    act(() => app.store.setState({ call: makeCall() }));
    expect(app.get("answer")).toHaveFocus();
    restore();
  });

  it("does not pull focus from the page the agent is working in, but focuses Answer on arrival", () => {
    const outside = document.createElement("input");
    document.body.appendChild(outside);
    outside.focus();
    // jsdom has one document: stand in for "this iframe is not focused".
    const restore = panelFocused(false);
    const app = renderApp({ call: makeCall() });
    expect(outside).toHaveFocus();
    restore();
    act(() => {
      window.dispatchEvent(new FocusEvent("focus"));
    });
    expect(app.get("answer")).toHaveFocus();
    outside.remove();
  });

  it.each([
    ["pending", "Looking up the caller…"],
    ["none", "No matching record."],
    ["error", "The caller lookup failed."]
  ] as const)("tells the agent the lookup is %s", (matchStatus, text) => {
    const app = renderApp({ call: makeCall({ matchStatus }) });
    expect(app.get("incoming-view")).toHaveTextContent(text);
  });

  it("names the one matching record when the caller ID has no name", () => {
    const app = renderApp({ call: makeCall({ matchStatus: "one", matches: [matches[0]!] }) });
    const view = app.get("incoming-view");
    expect(view).toHaveTextContent("Ada Lovelace");
    expect(view).toHaveTextContent("Contact · Analytical Engines");
  });

  it("lists several matches with name, type and account and chooses one by id", () => {
    const app = renderApp({ call: makeCall({ matchStatus: "several", matches }) });
    expect(app.get("incoming-view")).toHaveTextContent("3 records match this number");
    const first = app.get("match-003A").closest("li")!;
    expect(first).toHaveTextContent("Ada Lovelace");
    expect(first).toHaveTextContent("Contact · Analytical Engines");
    expect(app.get("match-00QB").closest("li")).toHaveTextContent("Lead");
    fireEvent.click(app.get("match-001C"));
    expect(app.store.callsTo("chooseMatch")).toEqual([["001C"]]);
  });

  it("marks the chosen match", () => {
    const app = renderApp({
      call: makeCall({ matchStatus: "several", matches, relatedTo: { id: "00QB", name: "Ada L." } })
    });
    expect(app.get("match-00QB")).toHaveAttribute("aria-pressed", "true");
    expect(app.get("match-003A")).toHaveAttribute("aria-pressed", "false");
  });

  it("shows no chooser unless there are several matches", () => {
    const app = renderApp({ call: makeCall({ matchStatus: "one", matches: [matches[0]!] }) });
    expect(app.byId("match-003A")).toBeNull();
  });
});
