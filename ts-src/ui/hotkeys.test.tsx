/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, render } from "@testing-library/preact";
import { App } from "./app";
import { hotkeyFor } from "./hotkeys";
import { baseState, createFakeStore, makeCall } from "./test-support/fake-store";

const byId = (container: Element, id: string) =>
  container.querySelector(`[data-id="${id}"]`) as HTMLElement;
const alt = (code: string) => ({ altKey: true, shiftKey: true, code });

describe("hotkeys", () => {
  it("answers a ringing call with Alt+Shift+A pressed inside the softphone", () => {
    const store = createFakeStore(baseState({ call: makeCall() }));
    const { container } = render(<App store={store} />);
    fireEvent.keyDown(byId(container, "incoming-view"), alt("KeyA"));
    expect(store.callsTo("answer")).toHaveLength(1);
    expect(byId(container, "answer")).toHaveAttribute("title", "Answer (Alt+Shift+A)");
  });

  it("mutes, holds and hangs up a connected call; does nothing for plain letters", () => {
    const store = createFakeStore(baseState({ call: makeCall({ state: "connected" }) }));
    const { container } = render(<App store={store} />);
    const view = byId(container, "active-call-view");
    fireEvent.keyDown(view, { key: "m", code: "KeyM" });
    expect(store.callsTo("mute")).toHaveLength(0);
    fireEvent.keyDown(view, alt("KeyM"));
    fireEvent.keyDown(view, alt("KeyO"));
    fireEvent.keyDown(view, alt("KeyH"));
    expect(store.callsTo("mute")).toEqual([[true]]);
    expect(store.callsTo("hold")).toEqual([[true]]);
    expect(store.callsTo("hangup")).toHaveLength(1);
  });

  it("opens the keypad with Alt+Shift+K; typed digits then go out as tones", () => {
    const store = createFakeStore(baseState({ call: makeCall({ state: "connected" }) }));
    const { container } = render(<App store={store} />);
    const view = byId(container, "active-call-view");
    fireEvent.keyDown(view, { key: "5", code: "Digit5" });
    expect(store.callsTo("sendDigits")).toHaveLength(0);
    fireEvent.keyDown(view, alt("KeyK"));
    expect(byId(container, "keypad-panel")).toBeInTheDocument();
    fireEvent.keyDown(byId(container, "keypad"), { key: "5", code: "Digit5" });
    fireEvent.keyDown(byId(container, "keypad"), { key: "#", code: "Digit3" });
    expect(store.callsTo("sendDigits")).toEqual([["5"], ["#"]]);
  });

  it("ignores hotkeys with Ctrl or Meta", () => {
    expect(hotkeyFor({ ...alt("KeyA"), ctrlKey: true, metaKey: false })).toBeNull();
    expect(hotkeyFor({ ...alt("KeyA"), ctrlKey: false, metaKey: false })).toBe("answer");
  });
});
