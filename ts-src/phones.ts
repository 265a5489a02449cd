/**
 * The phones both entry files (main.ts for Open CTI, connector.ts for Salesforce Voice) build
 * from the call center settings, and the lazy phone-number rules they hand to core.
 */
import type { PhoneNumbers } from "./core/phone-numbers";
import type { Settings } from "./core/settings";
import type { KeyValueStorage } from "./core/storage";
import { createDemoPhone } from "./phone/demo";
import type { Phone, PhoneRinger } from "./phone/phone";

/** libphonenumber-js and its metadata: a lazy chunk, loaded once the softphone is ready. */
export const loadPhoneNumbers = (): Promise<PhoneNumbers> =>
  import("./core/phone-numbers-lib").then((m) => m.createPhoneNumbers());

export async function createPhone(
  settings: Settings,
  storage: KeyValueStorage,
  ringer: PhoneRinger
): Promise<Phone> {
  // Device choices and the +sip.instance id are remembered per browser (never credentials).
  const preferences = {
    get: (key: string) => storage.getItem(key),
    set: (key: string, value: string) => storage.setItem(key, value)
  };
  const reconnectGraceSeconds = settings.reconnectGraceSeconds;
  if (settings.provider === "demo" || !settings.sip)
    return createDemoPhone({ storage: preferences, ringer, reconnectGraceSeconds });
  const { createSipPhone } = await import("./phone/sip");
  return createSipPhone({
    webSocketUrl: settings.sip.webSocketUrl,
    sipDomain: settings.sip.sipDomain,
    iceServers: settings.sip.iceServers,
    storage: preferences,
    ringer,
    reconnectGraceSeconds
  });
}
