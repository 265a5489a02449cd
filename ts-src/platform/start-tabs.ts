/**
 * Browser wiring of the tab coordination: picks the adapters, warns before a leader with a call
 * is closed, and lets the phone go cleanly when the page goes away. Where Web Locks are missing
 * the leader holds a lease in localStorage instead (and, without BroadcastChannel, the tabs talk
 * over storage events): tabs must never each lead and log each other's calls. Only where
 * storage is unavailable too does each tab run alone.
 */
import type { CtiHost } from "../host/cti-host";
import type { SoftphoneState } from "../core/model";
import { createTabs, type LeaderStore, type TabsController } from "../core/tabs/coordinator";
import { documentAttention } from "./attention";
import { broadcastChannel, loneChannel } from "./broadcast-channel";
import { newTabId, onPageHide, warnBeforeUnload } from "./page-lifecycle";
import type { TabChannel, TabLocks } from "../core/tabs/ports";
import { storageChannel } from "./storage-channel";
import { monotonicClock, storageLease } from "./storage-lease";
import { webStorage } from "./web-storage";
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

/** How the tabs of this browser agree on a leader: shown as data-softphone-tabs. */
export type Coordination = "web-locks" | "storage-lease" | "alone";

export function pickCoordination(
  win: Window,
  tabId: string
): { kind: Coordination; locks: TabLocks; channel: TabChannel } {
  const channel = broadcastChannel(TABS_CHANNEL);
  const locks = webLocks(win.navigator.locks);
  if (locks) return { kind: "web-locks", locks, channel: channel ?? loneChannel() };
  const local = webStorage(() => win.localStorage);
  if (!local.durable) return { kind: "alone", locks: soleTabLocks(), channel: loneChannel() };
  const lease = storageLease({
    storage: local.storage,
    tabId,
    clock: monotonicClock(win),
    watch: (listener) => {
      const handler = (event: StorageEvent) => listener(event.key);
      win.addEventListener("storage", handler);
      return () => win.removeEventListener("storage", handler);
    }
  });
  return {
    kind: "storage-lease",
    locks: lease,
    channel: channel ?? storageChannel(TABS_CHANNEL, win) ?? loneChannel()
  };
}

export function startSoftphoneTabs(options: SoftphoneTabsOptions): TabsController {
  const { win } = options;
  const tabId = newTabId();
  const coordination = pickCoordination(win, tabId);
  const tabs = createTabs({
    tabId,
    locks: coordination.locks,
    channel: coordination.channel,
    attention: documentAttention(win.document, win),
    host: options.host,
    initialState: options.initialState,
    createStore: options.createStore
  });
  // Which role this tab plays, for diagnostics and browser tests: data-softphone-tab.
  const root = win.document.documentElement;
  root.dataset.softphoneTabs = coordination.kind;
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
