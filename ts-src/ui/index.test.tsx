/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act } from "@testing-library/preact";
import { mountSoftphone } from "./index";
import { createFakeStore, makeCall } from "./test-support/fake-store";
import { fakeAudioFactory } from "./test-support/fake-audio";

/** Mounts inside act so Preact runs the first render's effects (the store subscription). */
function mount(...args: Parameters<typeof mountSoftphone>): () => void {
  let unmount: () => void = () => undefined;
  act(() => {
    unmount = mountSoftphone(...args);
  });
  return unmount;
}

describe("mountSoftphone", () => {
  let element: HTMLElement;
  beforeEach(() => {
    jest.useFakeTimers();
    element = document.createElement("div");
    document.body.appendChild(element);
  });
  afterEach(() => {
    element.remove();
    jest.useRealTimers();
  });

  it("renders the panel and unmounts it", () => {
    const store = createFakeStore();
    const unmount = mount(element, store, { ringtone: false });
    expect(element.querySelector('[data-id="ready-view"]')).toBeInTheDocument();
    act(() => store.setState({ call: makeCall() }));
    expect(element.querySelector('[data-id="answer"]')).toBeInTheDocument();
    unmount();
    expect(element).toBeEmptyDOMElement();
    expect(store.listenerCount()).toBe(0);
    expect(() => unmount()).not.toThrow();
  });

  it("rings while an inbound call rings and stops on any other state", () => {
    const { factory, contexts } = fakeAudioFactory();
    const store = createFakeStore();
    const unmount = mount(element, store, { audioContextFactory: factory });
    expect(contexts).toHaveLength(0);
    act(() => store.setState({ call: makeCall() }));
    const context = contexts[0]!;
    expect(context.audibleAt(0.5)).toEqual([440, 480]);
    act(() => store.setState({ call: makeCall({ state: "connected" }) }));
    expect(context.scheduled()).toHaveLength(0);
    act(() => store.setState({ waitingCall: makeCall({ id: "w" }) }));
    expect(context.audibleAt(0.1)).toEqual([440]);
    act(() => store.setState({ waitingCall: null }));
    expect(context.scheduled()).toHaveLength(0);
    act(() => store.setState({ call: makeCall({ id: "2" }) }));
    expect(context.audibleAt(0.5)).toEqual([440, 480]);
    act(() => store.setState({ call: null }));
    expect(context.scheduled()).toHaveLength(0);
    unmount();
    expect(context.closed).toBe(true);
  });

  it("rings for a call already ringing at mount and stops when unmounted", () => {
    const { factory, contexts } = fakeAudioFactory();
    const store = createFakeStore({ call: makeCall() });
    const unmount = mount(element, store, { audioContextFactory: factory });
    expect(contexts[0]!.audibleAt(0.5)).toEqual([440, 480]);
    unmount();
    expect(contexts[0]!.scheduled()).toHaveLength(0);
    act(() => store.setState({ call: makeCall({ id: "again" }) }));
    expect(contexts).toHaveLength(1);
    expect(contexts[0]!.scheduled()).toHaveLength(0);
  });

  it("unlocks audio on the agent's first click in the panel", () => {
    const { factory, contexts } = fakeAudioFactory();
    const unmount = mount(element, createFakeStore(), { audioContextFactory: factory });
    // jsdom has no PointerEvent; a plain event of that type reaches the same listener.
    element
      .querySelector('[data-id="dial-input"]')!
      .dispatchEvent(new Event("pointerdown", { bubbles: true }));
    expect(contexts).toHaveLength(1);
    expect(contexts[0]!.state).toBe("running");
    unmount();
  });

  it("plays nothing when the ring tone is turned off", () => {
    const { factory, contexts } = fakeAudioFactory();
    const store = createFakeStore();
    const unmount = mount(element, store, { ringtone: false, audioContextFactory: factory });
    act(() => store.setState({ call: makeCall() }));
    expect(contexts).toHaveLength(0);
    unmount();
  });
});
