/* eslint-disable @lwc/lwc/no-unexpected-wire-adapter-usages -- tests drive the wire adapters' test stubs (emit, error, getLastConfig) */
import { createElement } from "lwc";
import SoftphoneCallPanel from "c/softphoneCallPanel";
import { getRecord } from "lightning/uiRecordApi";
import { getObjectInfo } from "lightning/uiObjectInfoApi";
import { publish, subscribe, unsubscribe, APPLICATION_SCOPE } from "lightning/messageService";

const CONTACT_ID = "0035g00000AbCdEAAV";
const CHANNEL = "Softphone__c";

function contactRecord(fields) {
  const wrapped = {};
  for (const [name, value] of Object.entries(fields)) {
    wrapped[name] = { value, displayValue: null };
  }
  return { apiName: "Contact", id: CONTACT_ID, fields: wrapped };
}

function mount({ objectApiName = "Contact", recordId = CONTACT_ID } = {}) {
  const element = createElement("c-softphone-call-panel", { is: SoftphoneCallPanel });
  element.recordId = recordId;
  element.objectApiName = objectApiName;
  document.body.appendChild(element);
  return element;
}

/** The stub's publish never reaches subscribers: deliver to the panel's handler directly. */
function deliver(message) {
  const handler = subscribe.mock.calls[subscribe.mock.calls.length - 1][2];
  handler(message);
  return Promise.resolve();
}

function state(agent, activeCall = null) {
  return { source: "softphone", type: "state", payload: { agent, call: activeCall } };
}

function call(overrides = {}) {
  return {
    id: "call-1",
    direction: "outbound",
    number: "+14155550142",
    state: "connected",
    muted: false,
    startedAt: 1_700_000_000_000,
    connectedAt: 1_700_000_005_000,
    ...overrides
  };
}

const published = () => publish.mock.calls.map(([, channel, message]) => ({ channel, message }));
const buttons = (element) => [...element.shadowRoot.querySelectorAll("lightning-button")];
const button = (element, command) =>
  element.shadowRoot.querySelector(`lightning-button[data-command="${command}"]`);
const text = (element, selector) => element.shadowRoot.querySelector(selector)?.textContent;

describe("c-softphone-call-panel", () => {
  let warn;

  beforeEach(() => {
    warn = jest.spyOn(console, "warn").mockImplementation(() => {});
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    jest.useRealTimers();
    warn.mockRestore();
  });

  describe("on connect", () => {
    it("subscribes in application scope and asks the softphone for its state", () => {
      mount();

      expect(subscribe).toHaveBeenCalledTimes(1);
      expect(subscribe.mock.calls[0][1]).toBe(CHANNEL);
      expect(subscribe.mock.calls[0][3]).toEqual({ scope: APPLICATION_SCOPE });
      expect(published()).toEqual([
        { channel: CHANNEL, message: { source: "callPanel", type: "requestState" } }
      ]);
    });

    it("unsubscribes when removed", () => {
      subscribe.mockReturnValueOnce({ id: "subscription-1" });
      const element = mount();

      document.body.removeChild(element);

      expect(unsubscribe).toHaveBeenCalledWith({ id: "subscription-1" });
    });
  });

  describe("phone numbers", () => {
    it("asks for the phone fields of the record's object", async () => {
      mount({ objectApiName: "Lead", recordId: "00Q5g00000XyZabEAF" });
      await Promise.resolve();

      expect(getRecord.getLastConfig()).toEqual({
        recordId: "00Q5g00000XyZabEAF",
        optionalFields: ["Lead.Phone", "Lead.MobilePhone"]
      });
    });

    it.each([
      [
        "Contact",
        [
          "Contact.Phone",
          "Contact.MobilePhone",
          "Contact.HomePhone",
          "Contact.OtherPhone",
          "Contact.AssistantPhone"
        ]
      ],
      ["Account", ["Account.Phone"]],
      ["Case", ["Case.ContactPhone", "Case.ContactMobile"]]
    ])("reads %s phone fields", async (objectApiName, fields) => {
      mount({ objectApiName });
      await Promise.resolve();
      expect(getRecord.getLastConfig().optionalFields).toEqual(fields);
    });

    it("lists each distinct, non-blank number with a Call button", async () => {
      const element = mount();
      getRecord.emit(
        contactRecord({
          Phone: "(415) 555-0142",
          MobilePhone: "+1 415 555 0142",
          HomePhone: "  ",
          OtherPhone: "+44 20 7946 0958",
          AssistantPhone: null
        })
      );
      await Promise.resolve();

      const rows = [...element.shadowRoot.querySelectorAll("li.number")];
      expect(rows.map((row) => row.querySelector(".number-label").textContent)).toEqual([
        "Phone",
        "Mobile",
        "Other Phone"
      ]);
      expect(rows.map((row) => row.querySelector(".number-value").textContent)).toEqual([
        "(415) 555-0142",
        "+1 415 555 0142",
        "+44 20 7946 0958"
      ]);
      expect(element.shadowRoot.querySelectorAll("lightning-button.call-button")).toHaveLength(3);
    });

    it("drops a number that repeats another field's digits", async () => {
      const element = mount();
      getRecord.emit(contactRecord({ Phone: "415-555-0142", MobilePhone: "415.555.0142" }));
      await Promise.resolve();

      expect(element.shadowRoot.querySelectorAll("li.number")).toHaveLength(1);
    });

    it("uses the org's field labels when it has them", async () => {
      const element = mount();
      getObjectInfo.emit({ apiName: "Contact", fields: { MobilePhone: { label: "Handy" } } });
      getRecord.emit(contactRecord({ MobilePhone: "+49 30 901820" }));
      await Promise.resolve();

      expect(text(element, ".number-label")).toBe("Handy");
    });

    it("says so when the record has no numbers", async () => {
      const element = mount();
      getRecord.emit(contactRecord({ Phone: null }));
      await Promise.resolve();

      expect(text(element, ".no-numbers")).toBe("This record has no phone numbers.");
      expect(element.shadowRoot.querySelector("lightning-button.call-button")).toBeNull();
    });

    it("says so when the record cannot be loaded", async () => {
      const element = mount();
      getRecord.error();
      await Promise.resolve();

      expect(element.shadowRoot.querySelector(".load-failed")).not.toBeNull();
    });

    it("renders hostile field values as text", async () => {
      const element = mount();
      getRecord.emit(contactRecord({ Phone: "<img src=x onerror=alert(1)>" }));
      await Promise.resolve();

      expect(text(element, ".number-value")).toBe("<img src=x onerror=alert(1)>");
      expect(element.shadowRoot.querySelector("img")).toBeNull();
    });
  });

  describe("commands", () => {
    it("publishes dial with the number and the record id", async () => {
      const element = mount();
      getRecord.emit(contactRecord({ Phone: "(415) 555-0142", MobilePhone: "+44 7700 900123" }));
      await deliver(state("ready"));
      publish.mockClear();

      element.shadowRoot.querySelectorAll("lightning-button.call-button")[1].click();

      expect(published()).toEqual([
        {
          channel: CHANNEL,
          message: {
            source: "callPanel",
            type: "dial",
            payload: { number: "+44 7700 900123", recordId: CONTACT_ID }
          }
        }
      ]);
    });

    it("dials the main number of a number with an extension and shows the extension", async () => {
      const element = mount();
      getRecord.emit(contactRecord({ Phone: "415-555-0100 x214" }));
      await deliver(state("ready"));
      publish.mockClear();

      expect(text(element, ".number-extension")).toBe("Then dial extension 214");
      element.shadowRoot.querySelector("lightning-button.call-button").click();

      expect(published().map(({ message }) => message.payload)).toEqual([
        { number: "415-555-0100", recordId: CONTACT_ID }
      ]);
    });

    it("disables Call for a value that is not a dialable number", async () => {
      const element = mount();
      getRecord.emit(contactRecord({ Phone: "call reception", MobilePhone: "+1 415 555 0143" }));
      await deliver(state("ready"));
      publish.mockClear();

      const [reception, mobile] = element.shadowRoot.querySelectorAll(
        "lightning-button.call-button"
      );
      expect(reception.disabled).toBe(true);
      expect(reception.title).toBe("Phone call reception cannot be dialed");
      expect(mobile.disabled).toBe(false);
      reception.click();
      expect(published()).toEqual([]);
    });

    it("lets the agent call before the softphone has answered", async () => {
      const element = mount();
      getRecord.emit(contactRecord({ Phone: "(415) 555-0142" }));
      await Promise.resolve();

      const callButton = element.shadowRoot.querySelector("lightning-button.call-button");
      expect(callButton.disabled).toBe(false);
      expect(text(element, ".softphone-status")).toContain("Waiting for the softphone");
    });

    it.each(["offline", "busy"])("disables Call while the agent is %s", async (agent) => {
      const element = mount();
      getRecord.emit(contactRecord({ Phone: "(415) 555-0142" }));
      await deliver(state(agent));
      publish.mockClear();

      const callButton = element.shadowRoot.querySelector("lightning-button.call-button");
      expect(callButton.disabled).toBe(true);
      callButton.click();
      expect(published()).toEqual([]);
    });

    it("publishes mute, hold and hangup during a connected call", async () => {
      const element = mount();
      await deliver(state("busy", call()));
      publish.mockClear();

      button(element, "mute").click();
      button(element, "hold").click();
      button(element, "hangup").click();

      expect(published().map(({ message }) => message)).toEqual([
        { source: "callPanel", type: "mute", payload: { on: true } },
        { source: "callPanel", type: "hold", payload: { on: true } },
        { source: "callPanel", type: "hangup" }
      ]);
    });

    it("offers Unmute and Resume for a muted call on hold", async () => {
      const element = mount();
      await deliver(state("busy", call({ state: "held", muted: true })));
      publish.mockClear();

      expect(button(element, "mute").label).toBe("Unmute");
      expect(button(element, "hold").label).toBe("Resume");
      button(element, "mute").click();
      button(element, "hold").click();

      expect(published().map(({ message }) => message.payload)).toEqual([
        { on: false },
        { on: false }
      ]);
    });

    it("offers Answer and Decline for a ringing inbound call", async () => {
      const element = mount();
      await deliver(
        state("busy", call({ direction: "inbound", state: "ringing", connectedAt: undefined }))
      );
      publish.mockClear();

      expect(button(element, "mute")).toBeNull();
      expect(button(element, "hold")).toBeNull();
      expect(button(element, "hangup").label).toBe("Decline");
      button(element, "answer").click();

      expect(published().map(({ message }) => message)).toEqual([
        { source: "callPanel", type: "answer" }
      ]);
    });

    it("offers only Hang Up while dialing", async () => {
      const element = mount();
      await deliver(state("busy", call({ state: "dialing", connectedAt: undefined })));

      expect(
        buttons(element)
          .map((b) => b.dataset.command)
          .filter(Boolean)
      ).toEqual(["hangup"]);
      expect(button(element, "hangup").label).toBe("Hang Up");
    });
  });

  describe("call state", () => {
    it("shows the live call with a running timer", async () => {
      jest.useFakeTimers();
      jest.setSystemTime(1_700_000_065_000);
      const element = mount();
      await deliver(state("busy", call()));

      expect(text(element, ".call-state")).toBe("Connected");
      expect(text(element, ".call-number")).toBe("+14155550142");
      expect(text(element, ".call-elapsed")).toBe("1:00");

      jest.advanceTimersByTime(3000);
      await Promise.resolve();
      expect(text(element, ".call-elapsed")).toBe("1:03");
    });

    it("marks a call about this record", async () => {
      const element = mount();
      await deliver(state("busy", call({ recordId: CONTACT_ID })));
      expect(element.shadowRoot.querySelector(".call-here")).not.toBeNull();

      await deliver(state("busy", call({ recordId: "0035g00000ZzZzZAAV" })));
      expect(element.shadowRoot.querySelector(".call-here")).toBeNull();
    });

    it("shows after-call work without controls, and clears when the call is gone", async () => {
      const element = mount();
      await deliver(state("busy", call({ state: "wrapup" })));

      expect(text(element, ".call-state")).toBe("After-call work");
      expect(element.shadowRoot.querySelector(".call-controls")).toBeNull();

      await deliver(state("ready"));
      expect(element.shadowRoot.querySelector(".call")).toBeNull();
      expect(element.shadowRoot.querySelector(".softphone-status")).toBeNull();
    });

    it("tells the agent when the softphone is offline", async () => {
      const element = mount();
      await deliver(state("offline"));

      expect(text(element, ".softphone-status")).toContain("offline");
    });
  });

  describe("messages it must ignore", () => {
    it("ignores its own and other panels' commands silently", async () => {
      const element = mount();
      await deliver(state("busy", call()));

      await deliver({ source: "callPanel", type: "dial", payload: { number: "1" } });
      await deliver({
        source: "otherWidget",
        type: "state",
        payload: { agent: "ready", call: null }
      });

      expect(text(element, ".call-state")).toBe("Connected");
      expect(warn).not.toHaveBeenCalled();
    });

    it.each([
      ["null", null],
      ["a string", "state"],
      ["an array", []],
      ["no source", { type: "state", payload: { agent: "ready", call: null } }],
      ["no type", { source: "softphone", payload: {} }],
      ["an unknown event", { source: "softphone", type: "explode", payload: {} }],
      ["no payload", { source: "softphone", type: "state" }],
      ["an unknown agent state", state("sleeping")],
      ["a call that is not an object", state("busy", "call-1")],
      ["an unknown call state", state("busy", call({ state: "exploded" }))],
      ["a call without id", state("busy", call({ id: "" }))],
      ["muted as a string", state("busy", call({ muted: "yes" }))],
      ["a bad start time", state("busy", call({ startedAt: "yesterday" }))],
      ["a bad direction", state("busy", call({ direction: "sideways" }))],
      ["a number that is not text", state("busy", call({ number: 4155550142 }))]
    ])("ignores %s with one warning and keeps its state", async (_name, message) => {
      const element = mount();
      await deliver(state("busy", call()));

      await expect(deliver(message)).resolves.toBeUndefined();

      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][0]).toContain("softphoneCallPanel ignored");
      expect(text(element, ".call-state")).toBe("Connected");
      expect(button(element, "hangup")).not.toBeNull();
    });
  });

  describe("accessibility", () => {
    it.each([
      ["ready, with the record's numbers", state("ready")],
      ["offline", state("offline")],
      [
        "ringing",
        state("busy", call({ direction: "inbound", state: "ringing", connectedAt: undefined }))
      ],
      ["connected", state("busy", call())],
      ["held and muted", state("busy", call({ state: "held", muted: true }))],
      ["in after-call work", state("busy", call({ state: "wrapup" }))]
    ])("is accessible %s", async (_name, message) => {
      const element = mount();
      getRecord.emit(contactRecord({ Phone: "(415) 555-0142", MobilePhone: "+44 20 7946 0958" }));
      await deliver(message);
      await Promise.resolve();

      await expect(element).toBeAccessible();
    });
  });
});
