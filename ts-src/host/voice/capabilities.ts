/**
 * What the connector tells Salesforce it can do. Every flag that is true here is exercised
 * end to end by the contract suite (connector.contract.test.ts); everything our phones cannot
 * do yet (recording, merge, swap and consult calls, supervisor features, MOS) stays false so
 * Salesforce does not offer it.
 */
import { CapabilitiesResult } from "@salesforce/scv-connector-base";

export interface VoiceCapabilityOptions {
  /** True when the phone publishes audio statistics (the base then computes MOS). */
  audioStats: boolean;
}

export function voiceCapabilities(options: VoiceCapabilityOptions): CapabilitiesResult {
  return new CapabilitiesResult({
    hasMute: true,
    hasRecord: false,
    hasMerge: false,
    hasSwap: false,
    hasSignedRecordingUrl: false,
    debugEnabled: false,
    hasContactSearch: true,
    hasAgentAvailability: false,
    hasQueueWaitTime: false,
    supportsMos: options.audioStats,
    hasSupervisorListenIn: false,
    hasSupervisorBargeIn: false,
    hasBlindTransfer: true,
    hasPendingStatusChange: false,
    hasPhoneBook: false
  });
}
