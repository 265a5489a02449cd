/**
 * The base library's publishing functions with the types its runtime really accepts. Its
 * declarations are generated from JSDoc and list fewer event types than publishEvent handles
 * (AFTER_CALL_WORK_STARTED, WRAP_UP_ENDED, UPDATE_AUDIO_STATS, … are missing), so the connector
 * calls them through these signatures instead of casting at every call.
 */
import * as base from "@salesforce/scv-connector-base";

export interface PublishedEvent {
  eventType: string;
  payload: unknown;
  registerLog?: boolean;
}

export const publishEvent = base.publishEvent as unknown as (
  event: PublishedEvent
) => Promise<void>;
export const publishError = base.publishError as unknown as (event: {
  eventType: string;
  error: unknown;
}) => void;
export const publishLog = base.publishLog as unknown as (log: {
  eventType: string;
  payload: unknown;
  isError: boolean;
}) => void;

/** Constants.CONTACT_TYPE.PHONENUMBER, typed as the declarations' union wants it. */
export const PHONE_NUMBER_CONTACT = base.Constants.CONTACT_TYPE.PHONENUMBER as "PhoneNumber";
