/**
 * The SIP phone chunk, loaded by main.ts with `import("./phone/sip")` only when provider=sip.
 */
import type { Phone } from "../phone";
import type { SipPhoneConfig } from "./config";
import { SipPhone } from "./sip-phone";

export type { SipPhoneConfig, InstanceIdStorage, SipMediaOptions } from "./config";
export { SipPhone } from "./sip-phone";

/** A SipPhone also lets the agent pick devices; core can feature-test for these methods. */
export interface SipPhoneExtras {
  setInputDevice(deviceId: string | null): Promise<void>;
  setOutputDevice(deviceId: string | null): Promise<void>;
}

export function createSipPhone(config: SipPhoneConfig): Phone & SipPhoneExtras {
  return new SipPhone(config);
}
