/**
 * The softphone UI's entry point: renders the panel for a SoftphoneStore and rings for inbound
 * calls. main.ts calls `mountSoftphone` once with the store core built.
 */
import { render } from "preact";
import type { SoftphoneStore } from "../core/model";
import { App } from "./app";
import { Ringtone, ringModeFor, type AudioContextFactory } from "./ringtone";

export interface MountOptions {
  /** Play the ring tone for inbound and waiting calls (default true). */
  ringtone?: boolean;
  /** Tests inject a fake AudioContext; the browser's is used otherwise. */
  audioContextFactory?: AudioContextFactory;
}

export { useStoreState } from "./use-store";

/** Renders the softphone into `element`; the returned function unmounts it and stops the ring. */
export function mountSoftphone(
  element: HTMLElement,
  store: SoftphoneStore,
  options: MountOptions = {}
): () => void {
  render(<App store={store} />, element);
  const cleanups: Array<() => void> = [() => render(null, element)];

  if (options.ringtone !== false) {
    const ringtone = new Ringtone(options.audioContextFactory);
    ringtone.play(ringModeFor(store.getState()));
    cleanups.push(store.subscribe((state) => ringtone.play(ringModeFor(state))));
    // Browsers only allow audio after a user gesture: any click or key in the panel unlocks it.
    const unlock = () => ringtone.unlock();
    element.addEventListener("pointerdown", unlock, { capture: true, once: true });
    element.addEventListener("keydown", unlock, { capture: true, once: true });
    cleanups.push(() => {
      element.removeEventListener("pointerdown", unlock, { capture: true });
      element.removeEventListener("keydown", unlock, { capture: true });
      ringtone.dispose();
    });
  }

  let mounted = true;
  return () => {
    if (!mounted) return;
    mounted = false;
    for (const cleanup of cleanups.reverse()) cleanup();
  };
}
