/** Public entry of the Open CTI host layer (the fake lives in ./fake, for tests and the workbench). */
export * from "./cti-host";
export { apexCrm, apexCrmOf, type ApexCall, type ApexRunner } from "./apex-crm";
export {
  OpenCtiError,
  isOpenCtiError,
  type OpenCtiErrorCode,
  type RawOpenCtiError
} from "./errors";
export { DEFAULT_CALL_OPTIONS, type CallOptions } from "./invoke";
export { detectHost, type DetectedHost, type SforceWindow } from "./detect";
export { LightningHost } from "./lightning/lightning-host";
export {
  OpenCtiLightningClient,
  type ChannelSubscription,
  type SearchAndScreenPopResult
} from "./lightning/client";
export * as lightning from "./lightning/types";
export { ClassicHost } from "./classic/classic-host";
export {
  OpenCtiClassicClient,
  MAX_DIRECTORY_PAGES,
  type DirectoryQuery,
  type ClassicSearchResult
} from "./classic/client";
export * as classic from "./classic/types";
