/**
 * The parts of sip.js the SIP phone uses, imported module by module. sip.js's root index
 * re-exports its `Web` platform as a namespace object, which keeps every module of it in the
 * bundle (SimpleUser, SessionManager, the Web Audio handler) although the phone needs only the
 * default session description handler; deep imports leave the rest out of the SIP chunk.
 */
export { Invitation } from "sip.js/lib/api/invitation.js";
export { Inviter } from "sip.js/lib/api/inviter.js";
export { Registerer } from "sip.js/lib/api/registerer.js";
export { RegistererState } from "sip.js/lib/api/registerer-state.js";
export { Session } from "sip.js/lib/api/session.js";
export { SessionState } from "sip.js/lib/api/session-state.js";
export { UserAgent } from "sip.js/lib/api/user-agent.js";
export type { Info } from "sip.js/lib/api/info.js";
export type { Notification } from "sip.js/lib/api/notification.js";
export type { Referral } from "sip.js/lib/api/referral.js";
export type { URI } from "sip.js/lib/grammar/uri.js";
export type { IncomingResponse } from "sip.js/lib/core/messages/incoming-response.js";
export { defaultSessionDescriptionHandlerFactory } from "sip.js/lib/platform/web/session-description-handler/session-description-handler-factory-default.js";
export type { SessionDescriptionHandler } from "sip.js/lib/platform/web/session-description-handler/session-description-handler.js";
export type { SessionDescriptionHandlerOptions } from "sip.js/lib/platform/web/session-description-handler/session-description-handler-options.js";
