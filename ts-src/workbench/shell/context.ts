/** Preact context and hooks shared by the shell's views. */
import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import type { LogLine, ShellState, ShellStore } from "./shell-store";

export const StoreContext = createContext<ShellStore | null>(null);

export function useStore(): ShellStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error("the shell's views need a StoreContext provider");
  return store;
}

export function useShellState(): ShellState {
  const store = useStore();
  const [state, setState] = useState(store.get());
  useEffect(() => store.subscribe(setState), [store]);
  return state;
}

export function useClickToDialEnabled(): boolean {
  const { backend } = useStore();
  const [enabled, setEnabled] = useState(backend.clickToDialEnabled());
  useEffect(() => {
    setEnabled(backend.clickToDialEnabled());
    return backend.onClickToDialEnabled(setEnabled);
  }, [backend]);
  return enabled;
}

export function useActivityLog(): LogLine[] {
  const store = useStore();
  const [lines, setLines] = useState(store.getLog());
  useEffect(() => store.subscribeLog(setLines), [store]);
  return lines;
}
