/**
 * The Softphone__c message channel's envelope {source, type, payload?}: reading the softphone's
 * `state` events defensively (anything off-contract is reported, never trusted) and building
 * the commands this panel sends.
 */

export const PANEL_SOURCE = "callPanel";
export const SOFTPHONE_SOURCE = "softphone";

const AGENT_STATES = ["offline", "ready", "busy"];
const DIRECTIONS = ["inbound", "outbound"];
const CALL_STATES = ["ringing", "dialing", "connected", "held", "wrapup", "ended"];
const MAX_TEXT = 255;

function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isShortText(value) {
  return typeof value === "string" && value.length > 0 && value.length <= MAX_TEXT;
}

function isTime(value) {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

function readCall(call) {
  if (call === null) {
    return { call: null };
  }
  if (!isPlainObject(call)) {
    return { error: "call is neither null nor an object" };
  }
  if (!isShortText(call.id)) return { error: "call.id is missing" };
  if (!DIRECTIONS.includes(call.direction))
    return { error: "call.direction is not inbound or outbound" };
  if (typeof call.number !== "string" || call.number.length > MAX_TEXT) {
    return { error: "call.number is not a string" };
  }
  if (!CALL_STATES.includes(call.state))
    return { error: `call.state ${String(call.state)} is unknown` };
  if (typeof call.muted !== "boolean") return { error: "call.muted is not a boolean" };
  if (!isTime(call.startedAt)) return { error: "call.startedAt is not a time" };
  if (call.connectedAt !== undefined && !isTime(call.connectedAt)) {
    return { error: "call.connectedAt is not a time" };
  }
  if (call.recordId !== undefined && !isShortText(call.recordId)) {
    return { error: "call.recordId is not a string" };
  }
  return {
    call: {
      id: call.id,
      direction: call.direction,
      number: call.number,
      state: call.state,
      muted: call.muted,
      startedAt: call.startedAt,
      connectedAt: call.connectedAt,
      recordId: call.recordId
    }
  };
}

/**
 * Reads one message from the channel.
 * @returns {{kind: "state", agent: string, call: object|null} | {kind: "ignore"} |
 *   {kind: "malformed", reason: string}}
 *   "ignore" for other senders' commands (including this panel's own), "malformed" for
 *   anything that breaks the envelope or the state event's shape.
 */
export function readMessage(message) {
  if (!isPlainObject(message)) {
    return { kind: "malformed", reason: "the message is not an object" };
  }
  if (!isShortText(message.source) || !isShortText(message.type)) {
    return { kind: "malformed", reason: "source or type is missing" };
  }
  if (message.source !== SOFTPHONE_SOURCE) {
    return { kind: "ignore" };
  }
  if (message.type !== "state") {
    return { kind: "malformed", reason: `the softphone sent an unknown event ${message.type}` };
  }
  const payload = message.payload;
  if (!isPlainObject(payload) || !AGENT_STATES.includes(payload.agent)) {
    return { kind: "malformed", reason: "the state event has no valid agent state" };
  }
  const read = readCall(payload.call === undefined ? null : payload.call);
  if (read.error) {
    return { kind: "malformed", reason: read.error };
  }
  return { kind: "state", agent: payload.agent, call: read.call };
}

/** A command envelope from this panel; commands without data carry no payload. */
export function command(type, payload) {
  return payload === undefined
    ? { source: PANEL_SOURCE, type }
    : { source: PANEL_SOURCE, type, payload };
}
