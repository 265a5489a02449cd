/** Renders the whole panel over a fake store, with a data-id lookup for the test. */
import { render } from "@testing-library/preact";
import type { SoftphoneState } from "../../core/model";
import { App } from "../app";
import { createFakeStore, type FakeStore } from "./fake-store";

export interface RenderedApp {
  store: FakeStore;
  container: HTMLElement;
  /** The element with `data-id`, or null. */
  byId(id: string): HTMLElement | null;
  /** The element with `data-id`; the test fails when it is missing. */
  get(id: string): HTMLElement;
  unmount(): void;
}

export function renderApp(initial: Partial<SoftphoneState> = {}): RenderedApp {
  const store = createFakeStore(initial);
  const { container, unmount } = render(<App store={store} />);
  const byId = (id: string) =>
    container.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
  const get = (id: string) => {
    const element = byId(id);
    if (!element) throw new Error(`No element with data-id="${id}"`);
    return element;
  };
  return { store, container: container as HTMLElement, byId, get, unmount };
}
