/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent } from "@testing-library/preact";
import { DISPOSITIONS } from "../../core/model";
import { makeCall } from "../test-support/fake-store";
import { renderApp } from "../test-support/render-app";

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const wrapup = (overrides = {}) =>
  makeCall({
    state: "wrapup",
    connectedAt: NOW - 100_000,
    endedAt: NOW - 10_000,
    callerName: "Alan Turing",
    ...overrides
  });

describe("WrapUpView", () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(NOW);
  });
  afterEach(() => jest.useRealTimers());

  it("summarises the call", () => {
    const app = renderApp({ call: wrapup() });
    const view = app.get("wrap-up-view");
    expect(view).toHaveTextContent("After-call work");
    expect(view).toHaveTextContent("Alan Turing");
    expect(view).toHaveTextContent("Inbound · 1:30");
    const missed = renderApp({ call: wrapup({ connectedAt: undefined, id: "m" }) });
    expect(missed.get("wrap-up-view")).toHaveTextContent("not connected");
  });

  it("offers exactly the dispositions and sets the chosen one", () => {
    const app = renderApp({ call: wrapup() });
    const select = app.get("disposition") as HTMLSelectElement;
    const options = [...select.options].filter((o) => !o.disabled).map((o) => o.value);
    expect(options).toEqual([...DISPOSITIONS]);
    expect(select.value).toBe("");
    fireEvent.change(select, { target: { value: "Left voicemail" } });
    expect(app.store.callsTo("setDisposition")).toEqual([["Left voicemail"]]);
    act(() => app.store.setState({ call: wrapup({ disposition: "Left voicemail" }) }));
    expect(select.value).toBe("Left voicemail");
  });

  it("edits notes and the related record, then saves once", async () => {
    const app = renderApp({
      call: wrapup({ notes: "Asked for a callback" }),
      page: { recordId: "006X", recordName: "Big deal", objectType: "Opportunity" }
    });
    fireEvent.input(app.get("notes"), { target: { value: "Asked for a callback tomorrow" } });
    fireEvent.click(app.get("related-use-page"));
    expect(app.store.callsTo("setNotes")).toEqual([["Asked for a callback tomorrow"]]);
    expect(app.store.callsTo("setRelatedTo")).toEqual([
      [{ id: "006X", name: "Big deal", objectType: "Opportunity" }]
    ]);
    await act(async () => {
      fireEvent.click(app.get("save-log"));
    });
    expect(app.store.callsTo("saveWrapUp")).toEqual([[]]);
  });

  it("ignores a second click while saving", async () => {
    const app = renderApp({ call: wrapup() });
    let finish: () => void = () => undefined;
    const pending = new Promise<void>((resolve) => (finish = resolve));
    app.store.actions.saveWrapUp = () => {
      app.store.calls.push({ name: "saveWrapUp", args: [] });
      return pending;
    };
    fireEvent.click(app.get("save-log"));
    expect(app.get("save-log")).toBeDisabled();
    expect(app.get("save-log")).toHaveTextContent("Saving…");
    fireEvent.click(app.get("save-log"));
    await act(async () => {
      finish();
      await pending;
      await Promise.resolve();
    });
    expect(app.store.callsTo("saveWrapUp")).toHaveLength(1);
    expect(app.get("save-log")).toBeEnabled();
  });

  it("relates the call to one of several matches without popping it", () => {
    const app = renderApp({
      call: wrapup({
        matchStatus: "several",
        matches: [
          { id: "003A", name: "Ada", objectType: "Contact" },
          { id: "00QB", name: "Ada B", objectType: "Lead" }
        ]
      })
    });
    fireEvent.click(app.get("match-00QB"));
    expect(app.store.callsTo("setRelatedTo")).toEqual([
      [{ id: "00QB", name: "Ada B", objectType: "Lead" }]
    ]);
    expect(app.store.callsTo("chooseMatch")).toEqual([]);
  });

  it("counts down to an automatic save when a deadline is set", () => {
    const app = renderApp({ call: wrapup({ wrapUpDeadline: NOW + 30_000 }) });
    expect(app.get("wrap-up-countdown")).toHaveTextContent("Saves automatically in 0:30");
    act(() => {
      jest.advanceTimersByTime(5000);
    });
    expect(app.get("wrap-up-countdown")).toHaveTextContent("Saves automatically in 0:25");
    act(() => {
      jest.advanceTimersByTime(30_000);
    });
    expect(app.get("wrap-up-countdown")).toHaveTextContent("Saving…");
  });

  it("shows no countdown without a deadline", () => {
    const app = renderApp({ call: wrapup() });
    expect(app.byId("wrap-up-countdown")).toBeNull();
  });
});
