/** Boots a softphone store over a test host, a DemoPhone and a fake clock. */
import { apexCrmOf, type ApexRunner } from "../../host/apex-crm";
import type { CallCenterSettings, CtiHost } from "../../host/cti-host";
import type { Phone } from "../../phone/phone";
import { DemoPhone, type DemoPhoneOptions } from "../../phone/demo";
import { createSoftphone, type SoftphoneController, type SoftphoneDeps } from "../softphone";
import { MemoryStorage } from "../storage";
import { FakeClock, settle } from "./fake-clock";
import { loadNumbersNow } from "./numbers";

export interface Harness<H extends CtiHost | null> {
  host: H;
  clock: FakeClock;
  storage: MemoryStorage;
  session: MemoryStorage;
  phone: DemoPhone;
  store: SoftphoneController;
  warnings: string[];
}

export interface BootOptions {
  clock?: FakeClock;
  storage?: MemoryStorage;
  session?: MemoryStorage;
  phone?: DemoPhone;
  demo?: DemoPhoneOptions;
  createPhone?: SoftphoneDeps["createPhone"];
  deps?: Partial<SoftphoneDeps>;
}

export const DEMO_SETTINGS: CallCenterSettings = {
  "/reqGeneralInfo/reqInternalName": "OpenCtiSoftphone",
  "/reqDialingOptions/reqOutsidePrefix": "9",
  "/reqDialingOptions/reqLongDistPrefix": "1",
  "/reqDialingOptions/reqInternationalPrefix": "011",
  "/softphoneSettings/provider": "demo",
  "/softphoneSettings/defaultCountry": "US",
  "/softphoneSettings/screenPop": "apex",
  "/softphoneSettings/noMatchPop": "newContact",
  "/softphoneSettings/logCalls": "true",
  "/softphoneSettings/wrapUpSeconds": "",
  "/softphoneSettings/dialFormat": "e164"
};

/** The Open CTI hosts (and the recording host) reach Salesforce data through runApex. */
function crmOf(host: CtiHost | null) {
  return host && typeof (host as Partial<ApexRunner>).runApex === "function"
    ? apexCrmOf(host as CtiHost & ApexRunner)
    : null;
}

export async function boot<H extends CtiHost | null>(
  host: H,
  options: BootOptions = {}
): Promise<Harness<H>> {
  const clock = options.clock ?? new FakeClock();
  const storage = options.storage ?? new MemoryStorage();
  const session = options.session ?? new MemoryStorage();
  let n = 0;
  const phone =
    options.phone ??
    new DemoPhone({
      scheduler: clock,
      answerDelayMs: 1000,
      callerGiveUpMs: 20_000,
      newId: () => `demo-call-${++n}`,
      ...options.demo
    });
  const warnings: string[] = [];
  const store = createSoftphone({
    host,
    crm: crmOf(host),
    createPhone: options.createPhone ?? (async (): Promise<Phone> => phone),
    storage,
    sessionStorage: session,
    clock,
    logger: { warn: (message) => warnings.push(message) },
    microphone: async () => "granted",
    random: () => 0,
    loadPhoneNumbers: loadNumbersNow,
    ...options.deps
  });
  await store.start();
  await settle();
  return { host, clock, storage, session, phone, store, warnings };
}
