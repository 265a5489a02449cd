/**
 * Entry point of the Salesforce Voice (Partner Telephony) connector, served by
 * SoftphoneConnector.page: the only place that picks the concrete host and phone for Voice,
 * as main.ts does for Open CTI. It builds the store over the Voice core host (Apex through
 * Visualforce remoting), joins the other tabs like the Open CTI softphone, and hands our
 * VendorConnector to the unmodified @salesforce/scv-connector-base, which waits for
 * Salesforce's SETUP_CONNECTOR. The SIP phone is a lazy chunk loaded only when provider=sip.
 */
import { initializeConnector } from "@salesforce/scv-connector-base";
import { createSoftphone } from "./core/softphone";
import { initialState } from "./core/state";
import {
  CallFactsBook,
  SoftphoneVoiceConnector,
  createVoiceCoreHost,
  createVoiceCrm,
  mountConnectorPage,
  remotingBackend,
  voiceCallRecords
} from "./host/voice";
import type { VisualforceWindow } from "./host/voice/remoting";
import { createPhone, loadPhoneNumbers } from "./phones";
import { browserNotifications } from "./platform/notifications";
import { browserRinger } from "./platform/ringer";
import { microphonePermission } from "./platform/microphone";
import { startSoftphoneTabs } from "./platform/start-tabs";
import { webStorage } from "./platform/web-storage";

const element = document.getElementById("softphone-connector");
if (element) {
  const local = webStorage(() => window.localStorage);
  const session = webStorage(() => window.sessionStorage);
  // The phone rings on the agent's ringer output, in the tab that owns it (platform/ringer.ts).
  const ringer = browserRinger(document, browserNotifications(window));
  const backend = remotingBackend(
    window as Window & VisualforceWindow,
    element.dataset.remoteAction ?? ""
  );
  const records = voiceCallRecords(backend);
  const facts = new CallFactsBook(local.storage);
  const host = createVoiceCoreHost({ backend, records, facts });
  const crm = createVoiceCrm({ backend, records });
  const store = startSoftphoneTabs({
    win: window,
    host,
    initialState: initialState(host.kind),
    createStore: (tabHost, tabId) =>
      createSoftphone({
        host: tabHost,
        crm,
        tabId,
        createPhone: async (settings) => {
          const phone = await createPhone(settings, local.storage, ringer);
          // The connector publishes the phone's quality samples and unregisters it at logout.
          connector.attachPhone(phone);
          return phone;
        },
        storage: local.storage,
        storageDurable: local.durable,
        sessionStorage: session.storage,
        microphone: (onChange) => microphonePermission(navigator.permissions, onChange),
        loadPhoneNumbers
      })
  });
  let page: ReturnType<typeof mountConnectorPage> | null = null;
  const connector = new SoftphoneVoiceConnector({
    store,
    // The tabs have started the store already; it waits for these settings.
    start: (config) => host.provideSettings(config),
    records,
    facts,
    onProblem: (message) => page?.problem(message)
  });
  page = mountConnectorPage(element, store, (credentials) => connector.signIn(credentials));
  initializeConnector(connector);
}
