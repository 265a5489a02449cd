/**
 * Entry point of the softphone bundle: the only place that picks a concrete host and phone.
 * It finds the Open CTI host, joins the other softphone tabs (one leader tab owns the phone,
 * the others mirror it), builds the store over browser storage and mounts the UI; the SIP
 * phone is a lazy chunk loaded only when provider=sip.
 */
import { microphonePermission } from "./platform/microphone";
import { webStorage } from "./platform/web-storage";
import { createSoftphone } from "./core/softphone";
import { initialState } from "./core/state";
import { apexCrmOf } from "./host/apex-crm";
import { detectHost, type SforceWindow } from "./host/detect";
import { createPhone, loadPhoneNumbers } from "./phones";
import { browserNotifications } from "./platform/notifications";
import { browserRinger } from "./platform/ringer";
import { startSoftphoneTabs } from "./platform/start-tabs";
import { mountSoftphone } from "./ui";
import "./ui/softphone.css";

const element = document.getElementById("softphone");
if (element) {
  const local = webStorage(() => window.localStorage);
  const session = webStorage(() => window.sessionStorage);
  // The phone rings on the agent's ringer output, in the tab that owns it (platform/ringer.ts).
  const ringer = browserRinger(document, browserNotifications(window));
  const detected = detectHost(window as Window & SforceWindow);
  element.dataset.host = detected.kind;
  const host = detected.kind === "none" ? null : detected.host;
  // Salesforce data comes from this tab's own host: lookups need no other tab.
  const crm = host ? apexCrmOf(host) : null;
  // One phone across browser tabs: only the leader tab builds the real store (docs/tabs.md).
  const store = startSoftphoneTabs({
    win: window,
    host,
    initialState: initialState(detected.kind),
    createStore: (tabHost, tabId) =>
      createSoftphone({
        host: tabHost,
        crm,
        tabId,
        noHostReason: detected.kind === "none" ? detected.reason : undefined,
        createPhone: (settings) => createPhone(settings, local.storage, ringer),
        storage: local.storage,
        storageDurable: local.durable,
        unavailableFeatures: host?.unavailableFeatures,
        sessionStorage: session.storage,
        microphone: (onChange) => microphonePermission(navigator.permissions, onChange),
        loadPhoneNumbers
      })
  });
  // The phone rings (above): the panel plays no tone of its own.
  mountSoftphone(element, store, { ringtone: false });
}
