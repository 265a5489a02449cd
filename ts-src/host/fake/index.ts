/** The fake Open CTI host: an in-memory org and fake `sforce.opencti` / `sforce.interaction`. */
export {
  FakeOrg,
  defaultSoftphoneLayout,
  sanitize,
  type ApexContext,
  type ApexHandler,
  type ClickToDialInput,
  type DirectoryNumber,
  type FakeApi,
  type FakeError,
  type FakeOrgOptions,
  type FakePanelState,
  type FakeRecord,
  type FakeRefresh,
  type FakeScreenPop,
  type NavigationInput,
  type RecordedCall,
  type SipCredentials
} from "./org";
export { FakeMessageBus, type MessageListener } from "./message-bus";
export { createFakeOpenCti, parseMethodParams, type FakeHostHooks } from "./fake-opencti";
export { createFakeInteraction } from "./fake-interaction";
export {
  findByPhone,
  getMySipAccount,
  registerSoftphoneApex,
  searchDirectory,
  MAX_CALLER_MATCHES,
  type CallerMatch,
  type DirectoryEntry
} from "./apex-handlers";
export { SCHEMA, objectForId, type FieldDef, type ObjectDef } from "./schema";
export { samePhone, looksLikePhone, phoneDigits } from "./phone-match";
export { createFakeHost, type FakeHostOptions } from "./hosts";
