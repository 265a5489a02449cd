import { LightningElement, api, wire } from "lwc";
import { getRecord } from "lightning/uiRecordApi";
import { getObjectInfo } from "lightning/uiObjectInfoApi";
import {
  APPLICATION_SCOPE,
  MessageContext,
  publish,
  subscribe,
  unsubscribe
} from "lightning/messageService";
import SOFTPHONE_CHANNEL from "@salesforce/messageChannel/Softphone__c";
import { command, readMessage } from "./envelope";
import { dialable } from "./dialable";

/** The phone fields shown per object, in order; labels are read from the org when possible. */
export const PHONE_FIELDS = {
  Contact: ["Phone", "MobilePhone", "HomePhone", "OtherPhone", "AssistantPhone"],
  Account: ["Phone"],
  Lead: ["Phone", "MobilePhone"],
  Case: ["ContactPhone", "ContactMobile"]
};

const FALLBACK_LABELS = {
  Phone: "Phone",
  MobilePhone: "Mobile",
  HomePhone: "Home Phone",
  OtherPhone: "Other Phone",
  AssistantPhone: "Asst. Phone",
  ContactPhone: "Contact Phone",
  ContactMobile: "Contact Mobile"
};

const ACTIVE_STATES = ["ringing", "dialing", "connected", "held"];
const TIMED_STATES = ["connected", "held"];

function stateLabel(call) {
  switch (call.state) {
    case "ringing":
      return call.direction === "inbound" ? "Incoming call" : "Ringing";
    case "dialing":
      return "Dialing";
    case "connected":
      return "Connected";
    case "held":
      return "On hold";
    case "wrapup":
      return "After-call work";
    default:
      return "Call ended";
  }
}

function formatDuration(totalSeconds) {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

/**
 * Record-page panel for Contact, Account, Lead and Case: the record's phone numbers with Call
 * buttons, and the softphone's current call with its controls. Talks to the Open CTI softphone
 * over the Softphone__c message channel only.
 */
export default class SoftphoneCallPanel extends LightningElement {
  @api recordId;
  @api objectApiName;

  /** "unknown" until the softphone answers requestState. */
  agentState = "unknown";
  call = null;
  now = Date.now();
  record;
  recordError;
  objectInfo;

  subscription;
  ticker;

  @wire(MessageContext)
  messageContext;

  @wire(getRecord, { recordId: "$recordId", optionalFields: "$optionalFields" })
  wiredRecord({ data, error }) {
    this.record = data;
    this.recordError = error;
  }

  @wire(getObjectInfo, { objectApiName: "$objectApiName" })
  wiredObjectInfo({ data }) {
    this.objectInfo = data;
  }

  connectedCallback() {
    if (!this.subscription) {
      this.subscription = subscribe(
        this.messageContext,
        SOFTPHONE_CHANNEL,
        (message) => this.handleMessage(message),
        { scope: APPLICATION_SCOPE }
      );
    }
    // The softphone publishes state on change only; ask for the current one.
    this.send("requestState");
  }

  disconnectedCallback() {
    unsubscribe(this.subscription);
    this.subscription = null;
    this.stopTicker();
  }

  get phoneFieldNames() {
    return PHONE_FIELDS[this.objectApiName] ?? [];
  }

  get optionalFields() {
    return this.phoneFieldNames.map((field) => `${this.objectApiName}.${field}`);
  }

  /** The record's non-blank phone numbers, one entry per distinct number. */
  get numbers() {
    const fields = this.record?.fields ?? {};
    const seen = new Set();
    const entries = [];
    for (const field of this.phoneFieldNames) {
      const value = fields[field]?.value;
      if (typeof value !== "string" || value.trim() === "") continue;
      const digits = value.replace(/\D/g, "");
      const key = digits || value.trim();
      if (seen.has(key)) continue;
      seen.add(key);
      const label = this.objectInfo?.fields?.[field]?.label ?? FALLBACK_LABELS[field] ?? field;
      const shown = value.trim();
      const dial = dialable(shown);
      entries.push({
        key: field,
        field,
        label,
        number: shown,
        dialNumber: dial?.number ?? "",
        extensionHint: dial?.extension ? `Then dial extension ${dial.extension}` : "",
        disabled: this.callDisabled || !dial,
        callTitle: dial ? `Call ${label} ${shown}` : `${label} ${shown} cannot be dialed`
      });
    }
    return entries;
  }

  get hasNumbers() {
    return this.numbers.length > 0;
  }

  get loadFailed() {
    return Boolean(this.recordError);
  }

  get callInProgress() {
    return this.call !== null && ACTIVE_STATES.includes(this.call.state);
  }

  get showCall() {
    return this.call !== null && this.call.state !== "ended";
  }

  get callStateLabel() {
    return this.call ? stateLabel(this.call) : "";
  }

  get callNumber() {
    return this.call?.number || "Unknown number";
  }

  get callIsForThisRecord() {
    return Boolean(this.call?.recordId) && this.call.recordId === this.recordId;
  }

  get elapsed() {
    if (!this.call || !TIMED_STATES.includes(this.call.state) || !this.call.connectedAt) {
      return "";
    }
    return formatDuration((this.now - this.call.connectedAt) / 1000);
  }

  get canAnswer() {
    return this.call?.state === "ringing" && this.call.direction === "inbound";
  }

  get canMuteOrHold() {
    return this.call !== null && TIMED_STATES.includes(this.call.state);
  }

  get muteLabel() {
    return this.call?.muted ? "Unmute" : "Mute";
  }

  get holdLabel() {
    return this.call?.state === "held" ? "Resume" : "Hold";
  }

  get hangUpLabel() {
    return this.canAnswer ? "Decline" : "Hang Up";
  }

  /** Calls need a ready agent, or a softphone that has not said otherwise yet. */
  get callDisabled() {
    return this.agentState === "offline" || this.agentState === "busy" || this.callInProgress;
  }

  get statusMessage() {
    if (this.callInProgress) return "";
    switch (this.agentState) {
      case "unknown":
        return "Waiting for the softphone. Open the Phone utility if calls do not start.";
      case "offline":
        return "The softphone is offline. Open the Phone utility to go online.";
      case "busy":
        return "Finish the current call before placing another.";
      default:
        return "";
    }
  }

  handleMessage(message) {
    const read = readMessage(message);
    if (read.kind === "malformed") {
      console.warn(`softphoneCallPanel ignored a Softphone__c message: ${read.reason}`);
      return;
    }
    if (read.kind !== "state") return;
    this.agentState = read.agent;
    this.call = read.call;
    this.now = Date.now();
    if (this.canMuteOrHold) {
      this.startTicker();
    } else {
      this.stopTicker();
    }
  }

  handleCall(event) {
    const number = event.currentTarget.dataset.number;
    if (!number || this.callDisabled) return;
    this.send("dial", { number, recordId: this.recordId });
  }

  handleAnswer() {
    this.send("answer");
  }

  handleHangUp() {
    this.send("hangup");
  }

  handleMute() {
    this.send("mute", { on: !this.call?.muted });
  }

  handleHold() {
    this.send("hold", { on: this.call?.state !== "held" });
  }

  send(type, payload) {
    publish(this.messageContext, SOFTPHONE_CHANNEL, command(type, payload));
  }

  startTicker() {
    if (this.ticker) return;
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- a one-second clock for the call timer
    this.ticker = setInterval(() => {
      this.now = Date.now();
    }, 1000);
  }

  stopTicker() {
    if (this.ticker) {
      clearInterval(this.ticker);
      this.ticker = null;
    }
  }
}
