export { SoftphoneVoiceConnector, type VoiceConnectorDeps } from "./connector";
export { createVoiceCoreHost, createVoiceCrm, type VoiceCoreHost } from "./core-host";
export { CallFactsBook } from "./call-facts";
export { voiceCallRecords, type VoiceCallRecords } from "./voice-calls";
export { remotingBackend } from "./remoting";
export { mountConnectorPage } from "./page";
export type { VoiceBackend } from "./backend";
