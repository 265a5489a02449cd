/**
 * Entry point of the softphone bundle: the only place that picks a concrete host and phone.
 * It finds the Open CTI host, builds the store over browser storage and mounts the UI; the
 * SIP phone is a lazy chunk loaded only when provider=sip.
 */
import { microphonePermission } from "./core/browser/microphone";
import { webStorage } from "./core/browser/web-storage";
import type { Settings } from "./core/settings";
import { createSoftphone } from "./core/softphone";
import type { CtiHost } from "./host/cti-host";
import { LightningHost } from "./host/lightning/lightning-host";
import type { OpenCtiLightningApi } from "./host/lightning/types";
import { createDemoPhone } from "./phone/demo";
import type { Phone } from "./phone/phone";
import { mountSoftphone } from "./ui";
import "./ui/softphone.css";

type SoftphoneWindow = Window & {
  sforce?: { opencti?: OpenCtiLightningApi; interaction?: unknown };
};

/** Open CTI only works as the direct child of the Salesforce frame with these URL parameters. */
function findHost(win: SoftphoneWindow): CtiHost | null {
  const params = new URLSearchParams(win.location.search);
  if (params.get("mode") === "Lightning" && params.has("sfdcIframeOrigin") && win.sforce?.opencti) {
    return new LightningHost(win.sforce.opencti);
  }
  return null;
}

async function createPhone(
  settings: Settings,
  storage: ReturnType<typeof webStorage>["storage"]
): Promise<Phone> {
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
  const win = window as SoftphoneWindow;
  const local = webStorage(() => win.localStorage);
  const session = webStorage(() => win.sessionStorage);
  const host = findHost(win);
  element.dataset.host = host ? host.kind : "none";
  const store = createSoftphone({
    host,
    createPhone: (settings) => createPhone(settings, local.storage),
    storage: local.storage,
    storageDurable: local.durable,
    sessionStorage: session.storage,
    microphone: () => microphonePermission(navigator.permissions)
  });
  mountSoftphone(element, store);
  void store.start();
}
