/**
 * The SIP phone chunk, loaded by main.ts with `import("./phone/sip")` only when provider=sip.
 */
import type { AudioDeviceRole, Phone } from "../phone";
import type { SipPhoneConfig } from "./config";
import { SipPhone } from "./sip-phone";

export type { SipPhoneConfig, InstanceIdStorage, NetworkEvents, SipMediaOptions } from "./config";
export { SipPhone } from "./sip-phone";

/**
 * What a SipPhone has beyond the required Phone methods: the optional ones made required, plus
 * the older device setters (kept for callers written before selectDevice).
 */
export type SipPhoneExtras = Required<
  Pick<Phone, "listCalls" | "listDevices" | "selectDevice" | "setAudioProcessing" | "callQuality">
> & {
  setInputDevice(deviceId: string | null): Promise<void>;
  setOutputDevice(deviceId: string | null): Promise<void>;
  selectDevice(role: AudioDeviceRole, deviceId: string | null): Promise<void>;
};

export function createSipPhone(config: SipPhoneConfig): Phone & SipPhoneExtras {
  return new SipPhone(config);
}
