/**
 * Entry point of the softphone bundle: the only place that picks a concrete host and phone.
 * It finds the Open CTI host, joins the other softphone tabs (one leader tab owns the phone,
 * the others mirror it), builds the store over browser storage and mounts the UI; the SIP
 * phone is a lazy chunk loaded only when provider=sip.
 */
import { microphonePermission } from "./platform/microphone";
import { webStorage } from "./platform/web-storage";
import type { Settings } from "./core/settings";
import { createSoftphone } from "./core/softphone";
import { initialState } from "./core/state";
import type { PhoneNumbers } from "./core/phone-numbers";
import type { KeyValueStorage } from "./core/storage";
import { apexCrmOf } from "./host/apex-crm";
import { detectHost, type SforceWindow } from "./host/detect";
import { createDemoPhone } from "./phone/demo";
import type { Phone } from "./phone/phone";
import { startSoftphoneTabs } from "./platform/start-tabs";
import { mountSoftphone } from "./ui";
import "./ui/softphone.css";

/** libphonenumber-js and its metadata: a lazy chunk, loaded once the softphone is ready. */
const loadPhoneNumbers = (): Promise<PhoneNumbers> =>
  import("./core/phone-numbers-lib").then((m) => m.createPhoneNumbers());

async function createPhone(settings: Settings, storage: KeyValueStorage): Promise<Phone> {
  if (settings.provider === "demo" || !settings.sip) return createDemoPhone();
  const { createSipPhone } = await import("./phone/sip");
  return createSipPhone({
    webSocketUrl: settings.sip.webSocketUrl,
    sipDomain: settings.sip.sipDomain,
    iceServers: settings.sip.iceServers,
    storage: {
      get: (key) => storage.getItem(key),
      set: (key, value) => storage.setItem(key, value)
    }
  });
}

const element = document.getElementById("softphone");
if (element) {
  const local = webStorage(() => window.localStorage);
  const session = webStorage(() => window.sessionStorage);
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
        createPhone: (settings) => createPhone(settings, local.storage),
        storage: local.storage,
        storageDurable: local.durable,
        unavailableFeatures: host?.unavailableFeatures,
        sessionStorage: session.storage,
        microphone: (onChange) => microphonePermission(navigator.permissions, onChange),
        loadPhoneNumbers
      })
  });
  mountSoftphone(element, store);
}
