/**
 * The contact center's settings as Salesforce hands them to the connector (SETUP_CONNECTOR's
 * `connectorConfig`): `/section/item` keys like Open CTI's getCallCenterSettings, plus a few
 * plain keys of Salesforce's own (orgDomainName, isACWAllowed, …) that core does not read.
 */
import type { CallCenterSettings } from "../cti-host";

export const VOICE_ITEMS = {
  /** The number callers dial (the VoiceCall's To for inbound calls, From for outbound). */
  contactCenterNumber: "/voiceSettings/contactCenterNumber",
  internalName: "/reqGeneralInfo/reqInternalName"
} as const;

export const DEFAULT_CONTACT_CENTER_NUMBER = "softphone";
const MAX_ITEM = 255;

/** Only `/section/item` string values: core's settings parser reads these like Open CTI's. */
export function callCenterSettingsFrom(config: unknown): CallCenterSettings {
  const settings: Record<string, string> = {};
  if (typeof config !== "object" || config === null) return settings;
  for (const [key, value] of Object.entries(config as Record<string, unknown>)) {
    if (key.startsWith("/") && typeof value === "string") settings[key] = value;
  }
  return settings;
}

export interface VoiceSettings {
  contactCenterNumber: string;
}

export function voiceSettingsFrom(settings: CallCenterSettings): VoiceSettings {
  const number = settings[VOICE_ITEMS.contactCenterNumber]?.trim().slice(0, MAX_ITEM);
  return { contactCenterNumber: number || DEFAULT_CONTACT_CENTER_NUMBER };
}
