/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, render } from "@testing-library/preact";
import { App } from "../app";
import { baseState, createFakeStore, makeCall } from "../test-support/fake-store";

const byId = (container: Element, id: string) =>
  container.querySelector(`[data-id="${id}"]`) as HTMLElement;

const callFlow = {
  notReadyReasons: ["Break", "Lunch"],
  dispositions: ["Sale", "No sale"],
  dispositionRequired: true
};

describe("presence picker", () => {
  it("offers the admin's reasons and sends the chosen one", () => {
    const store = createFakeStore(baseState({ callFlow, presenceSince: Date.now() - 65_000 }));
    const { container } = render(<App store={store} />);
    const select = byId(container, "not-ready-reason") as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      "Ready (no reason)",
      "Break",
      "Lunch"
    ]);
    fireEvent.change(select, { target: { value: "Lunch" } });
    expect(store.callsTo("setReady")).toEqual([[false, "Lunch"]]);
    expect(byId(container, "presence-status").textContent).toMatch(/^Ready · 1:0[5-6]$/);
  });

  it("shows not ready with its reason", () => {
    const store = createFakeStore(
      baseState({ callFlow, agent: "offline", notReady: true, notReadyReason: "Break" })
    );
    const { container } = render(<App store={store} />);
    expect(byId(container, "presence-status").textContent).toBe("Not ready · Break");
    expect((byId(container, "not-ready-reason") as HTMLSelectElement).value).toBe("Break");
  });
});

describe("wrap-up dispositions", () => {
  it("lists the call center's dispositions and blocks Save until one is chosen", () => {
    const store = createFakeStore(
      baseState({ callFlow, call: makeCall({ state: "wrapup", disposition: undefined }) })
    );
    const { container } = render(<App store={store} />);
    const select = byId(container, "disposition") as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(["", "Sale", "No sale"]);
    expect(byId(container, "save-log")).toBeDisabled();
    fireEvent.change(select, { target: { value: "Sale" } });
    expect(store.callsTo("setDisposition")).toEqual([["Sale"]]);
  });

  it("offers more time on a timed wrap-up", () => {
    const store = createFakeStore(
      baseState({ call: makeCall({ state: "wrapup", wrapUpDeadline: Date.now() + 10_000 }) })
    );
    const { container } = render(<App store={store} />);
    fireEvent.click(byId(container, "extend-wrap-up"));
    expect(store.callsTo("extendWrapUp")).toHaveLength(1);
  });
});
