/**
 * A whole connector for the contract suite: the unmodified base (loaded fresh for each world,
 * since it keeps its port in module state), our connector over a real softphone store, a
 * DemoPhone with short delays, the fake Apex, and Salesforce's side over a MessagePort.
 */
import type { Clock } from "../../../core/clock";
import { createSoftphone, type SoftphoneController } from "../../../core/softphone";
import { MemoryStorage } from "../../../core/storage";
import { loadNumbersNow } from "../../../core/testing/numbers";
import { DemoPhone, type DemoPhoneOptions } from "../../../phone/demo";
import type { Phone } from "../../../phone/phone";
import { CallFactsBook } from "../call-facts";
import type { SoftphoneVoiceConnector, VoiceConnectorDeps } from "../connector";
import { createVoiceCoreHost, createVoiceCrm } from "../core-host";
import { FakeVoiceApex } from "../fake/voice-apex";
import { voiceCallRecords } from "../voice-calls";
import { SalesforceSide } from "./salesforce-side";

export const VOICE_CONFIG: Record<string, unknown> = {
  "/reqGeneralInfo/reqInternalName": "SoftphoneVoice",
  "/reqGeneralInfo/reqVendorInfoApiName": "SoftphoneVoiceVendor",
  "/reqGeneralInfo/reqAdapterUrl": "/apex/SoftphoneConnector",
  "/softphoneSettings/provider": "demo",
  "/softphoneSettings/defaultCountry": "US",
  "/softphoneSettings/screenPop": "apex",
  "/softphoneSettings/noMatchPop": "none",
  "/softphoneSettings/logCalls": "true",
  "/softphoneSettings/wrapUpSeconds": "",
  "/voiceSettings/contactCenterNumber": "+14155550100",
  orgDomainName: "contact-center.my.salesforce.com",
  isACWAllowed: true
};

export interface VoiceWorld {
  salesforce: SalesforceSide;
  connector: SoftphoneVoiceConnector;
  store: SoftphoneController;
  phone: DemoPhone;
  apex: FakeVoiceApex;
  storage: MemoryStorage;
  problems: string[];
  /** Starts the connector (SETUP_CONNECTOR) and waits for CONNECTOR_READY or SHOW_LOGIN. */
  setup(config?: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export interface WorldOptions {
  demo?: DemoPhoneOptions;
  apex?: FakeVoiceApex;
  storage?: MemoryStorage;
  createPhone?: () => Promise<Phone>;
  connector?: Partial<VoiceConnectorDeps>;
  /** core's clock (outbox retries, after-call timers); the phone keeps real timers. */
  clock?: Clock;
  /** Another connector over this world's store, apex and storage: a reloaded connector page. */
  reuse?: VoiceWorld;
}

export function openVoiceWorld(options: WorldOptions = {}): VoiceWorld {
  const win = new EventTarget();
  (globalThis as { window?: unknown }).window = win;
  let connectorModule!: typeof import("../connector");
  let base!: typeof import("@salesforce/scv-connector-base");
  // The base keeps its port and connector in module state: a fresh copy per world, with
  // our connector loaded against that same copy (its payload classes must be the base's).
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    base = require("@salesforce/scv-connector-base");
    connectorModule = require("../connector");
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  const reuse = options.reuse;
  const apex = reuse?.apex ?? options.apex ?? new FakeVoiceApex();
  const storage = reuse?.storage ?? options.storage ?? new MemoryStorage();
  const facts = new CallFactsBook(storage);
  const records = voiceCallRecords(apex);
  const host = createVoiceCoreHost({ backend: apex, records, facts });
  let n = 0;
  const phone =
    reuse?.phone ??
    new DemoPhone({
      answerDelayMs: 40,
      callerGiveUpMs: 5_000,
      newId: () => `demo-call-${++n}`,
      ...options.demo
    });
  const store =
    reuse?.store ??
    createSoftphone({
      host,
      crm: createVoiceCrm({ backend: apex, records }),
      createPhone: async () => {
        const created = await (options.createPhone ?? (async () => phone))();
        connector.attachPhone(created);
        return created;
      },
      storage,
      sessionStorage: new MemoryStorage(),
      logger: { warn: () => undefined },
      loadPhoneNumbers: loadNumbersNow,
      ...(options.clock ? { clock: options.clock } : {})
    });
  const problems: string[] = [];
  const connector = new connectorModule.SoftphoneVoiceConnector({
    store,
    start: (config) => {
      host.provideSettings(config);
      void store.start();
    },
    records,
    facts,
    onProblem: (message) => problems.push(message),
    createTimeoutMs: 1_000,
    retryDelaysMs: [50, 100],
    ...options.connector
  });
  base.initializeConnector(connector);
  const salesforce = new SalesforceSide(win);
  return {
    salesforce,
    connector,
    store,
    phone,
    apex,
    storage,
    problems,
    setup: async (config = VOICE_CONFIG) => {
      salesforce.setup(config);
      await salesforce.until(
        () =>
          salesforce.received.some((m) => m.type === "CONNECTOR_READY") ||
          salesforce.eventTypes().some((t) => t === "SHOW_LOGIN" || t === "ERROR"),
        "CONNECTOR_READY"
      );
    },
    close: async () => {
      salesforce.close();
      await store.dispose();
    }
  };
}
