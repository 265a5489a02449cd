/** Subscribes a component to a SoftphoneStore and re-renders on every state change. */
import { useEffect, useState } from "preact/hooks";
import type { SoftphoneState, SoftphoneStore } from "../core/model";

export function useStoreState(store: SoftphoneStore): SoftphoneState {
  const [state, setState] = useState(() => store.getState());
  useEffect(() => {
    const unsubscribe = store.subscribe(setState);
    // The state may have changed between the first render and this subscription.
    setState(store.getState());
    return unsubscribe;
  }, [store]);
  return state;
}
