/**
 * Browser wiring of the tab coordination: picks the adapters (falling back to a lone tab where
 * Web Locks or BroadcastChannel are missing), warns before a leader with a call is closed, and
 * lets the phone go cleanly when the page goes away.
 */
import type { CtiHost } from "../host/cti-host";
import type { SoftphoneState } from "../core/model";
import { createTabs, type LeaderStore, type TabsController } from "../core/tabs/coordinator";
import { documentAttention } from "./attention";
import { broadcastChannel, loneChannel } from "./broadcast-channel";
import { newTabId, onPageHide, warnBeforeUnload } from "./page-lifecycle";
import { soleTabLocks, webLocks } from "./web-locks";

export const TABS_CHANNEL = "softphone.tabs";

export interface SoftphoneTabsOptions {
  win: Window;
  host: CtiHost | null;
  initialState: SoftphoneState;
  /**
   * Builds the real store over the host it is given (this tab's, made tab-aware); pass `tabId`
   * on to createSoftphone (its open-call journal).
   */
  createStore(host: CtiHost | null, tabId: string): LeaderStore;
}

export function startSoftphoneTabs(options: SoftphoneTabsOptions): TabsController {
  const { win } = options;
  const tabs = createTabs({
    tabId: newTabId(),
    locks: webLocks(win.navigator.locks) ?? soleTabLocks(),
    channel: broadcastChannel(TABS_CHANNEL) ?? loneChannel(),
    attention: documentAttention(win.document, win),
    host: options.host,
    initialState: options.initialState,
    createStore: options.createStore
  });
  // Which role this tab plays, for diagnostics and browser tests: data-softphone-tab.
  const root = win.document.documentElement;
  const markRole = () => {
    if (root.dataset.softphoneTab !== tabs.role()) root.dataset.softphoneTab = tabs.role();
  };
  tabs.subscribe(markRole);
  warnBeforeUnload(win, () => tabs.shouldWarnBeforeUnload());
  onPageHide(win, () => void tabs.dispose());
  tabs.start();
  markRole();
  return tabs;
}
