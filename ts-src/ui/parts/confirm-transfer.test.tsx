/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, render } from "@testing-library/preact";
import { App } from "../app";
import { createFakeStore, makeCall } from "../test-support/fake-store";

const byId = (container: Element, id: string) =>
  container.querySelector(`[data-id="${id}"]`) as HTMLElement | null;

describe("confirm a transfer another component asked for", () => {
  it("shows nothing without a pending transfer", () => {
    const store = createFakeStore({ call: makeCall({ state: "connected" }) });
    const { container } = render(<App store={store} />);
    expect(byId(container, "confirm-transfer")).toBeNull();
  });

  it("shows the number as text and confirms or cancels through the store", () => {
    const target = "+1 900 <b>555</b> 0199";
    const store = createFakeStore({
      call: makeCall({ state: "connected" }),
      pendingTransfer: { target }
    });
    const { container } = render(<App store={store} />);
    const part = byId(container, "confirm-transfer");
    expect(part).toHaveTextContent(target);
    expect(part?.querySelector("b")).toBeNull();
    fireEvent.click(byId(container, "confirm-transfer-yes") as HTMLElement);
    fireEvent.click(byId(container, "confirm-transfer-no") as HTMLElement);
    expect(store.calls.map((c) => c.name)).toEqual(["confirmTransfer", "cancelTransfer"]);
  });
});
