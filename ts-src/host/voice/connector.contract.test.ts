/**
 * Contract suite: our connector driven through the real, unmodified @salesforce/scv-connector-base
 * over a MessagePort, the way Salesforce drives it. Every message type we claim is sent; results
 * are checked in the events Salesforce receives, in their order per call, and the base's own
 * validators sit in between (an invalid payload would arrive as an ERROR event instead).
 */
import { FakeClock } from "../../core/testing/fake-clock";
import { openVoiceWorld, VOICE_CONFIG, type VoiceWorld } from "./testing/world";
import { VOICE_ERRORS } from "./fake/voice-apex";

type Payload = Record<string, unknown>;
const CALLER = "+14155550123";

let world: VoiceWorld;
const worlds: VoiceWorld[] = [];
function open(options?: Parameters<typeof openVoiceWorld>[0]): VoiceWorld {
  const w = openVoiceWorld(options);
  worlds.push(w);
  return w;
}

beforeEach(() => {
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  jest.spyOn(console, "info").mockImplementation(() => undefined);
});

afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
  jest.restoreAllMocks();
});

async function ready(options?: Parameters<typeof openVoiceWorld>[0]): Promise<VoiceWorld> {
  world = open(options);
  await world.setup();
  return world;
}

function errors(w: VoiceWorld): Payload[] {
  return w.salesforce
    .events()
    .filter((e) => e.type === "ERROR")
    .map((e) => e.payload as Payload);
}

/** Events of one call, in order, without the connector-wide ones. */
function callEvents(w: VoiceWorld): string[] {
  const perCall = [
    "CALL_STARTED",
    "CALL_CONNECTED",
    "HOLD_TOGGLE",
    "MUTE_TOGGLE",
    "PARTICIPANT_ADDED",
    "HANGUP",
    "AFTER_CALL_WORK_STARTED",
    "WRAP_UP_ENDED"
  ];
  return w.salesforce.eventTypes().filter((t) => perCall.includes(t));
}

async function ringInbound(w: VoiceWorld, number = CALLER): Promise<Payload> {
  w.salesforce.send("MESSAGE", { message: { simulate: "inbound", number } });
  return (await w.salesforce.event("CALL_STARTED")) as Payload;
}

async function connectInbound(w: VoiceWorld): Promise<Payload> {
  const call = await ringInbound(w);
  w.salesforce.send("ACCEPT_CALL", { call });
  await w.salesforce.event("CALL_CONNECTED");
  return call;
}

async function settleEvents(ms = 120): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

describe("set-up", () => {
  test("SETUP_CONNECTOR from a Salesforce origin: CONNECTOR_READY with the capabilities we claim", async () => {
    const w = await ready();
    const readyMessage = w.salesforce.received.find((m) => m.type === "CONNECTOR_READY");
    const payload = readyMessage?.payload as Payload;
    expect(payload.capabilities).toEqual({
      MUTE: true,
      RECORD: false,
      MERGE: false,
      SWAP: false,
      SIGNED_RECORDING_URL: false,
      DEBUG_ENABLED: false,
      CONTACT_SEARCH: true,
      VENDOR_PROVIDED_AVAILABILITY: false,
      VENDOR_PROVIDED_QUEUE_WAIT_TIME: false,
      SUPERVISOR_LISTEN_IN: false,
      SUPERVISOR_BARGE_IN: false,
      MOS: false,
      BLIND_TRANSFER: true,
      TRANSFER_TO_OMNI_FLOW: false,
      PENDING_STATUS_CHANGE: false,
      PHONEBOOK: false
    });
    expect(payload.agentConfig).toEqual({
      PHONES: ["SOFT_PHONE"],
      SELECTED_PHONE: { type: "SOFT_PHONE" }
    });
    expect(payload.callInProgress).toBeNull();
    expect(w.store.getState().agent).toBe("ready");
    expect(errors(w)).toEqual([]);
  });

  test("the base ignores a set-up from an origin that is not Salesforce's", async () => {
    const w = open();
    w.salesforce.setup(VOICE_CONFIG, "https://evil.example.com");
    await settleEvents();
    expect(w.salesforce.received).toEqual([]);
    expect(w.store.getState().settingsLoaded).toBe(false);
  });

  test("a bad contact center setting is an INVALID_PARAMS error naming the item", async () => {
    const w = open();
    await w.setup({ ...VOICE_CONFIG, "/softphoneSettings/provider": "pbx" });
    expect(errors(w)).toEqual([{ message: "INVALID_PARAMS" }]);
    const log = await w.salesforce.until(
      () =>
        w.salesforce.received.find(
          (m) => m.type === "LOG" && (m.payload as Payload).isError === true
        ),
      "the error log"
    );
    expect(JSON.stringify(log?.payload)).toContain("/softphoneSettings/provider");
    expect(w.salesforce.received.some((m) => m.type === "CONNECTOR_READY")).toBe(false);
  });

  test("a phone that cannot register fails set-up with CAN_NOT_LOG_IN", async () => {
    const w = open({
      createPhone: async () => {
        throw new Error("no phone");
      }
    });
    await w.setup();
    expect(errors(w)).toEqual([{ message: "CAN_NOT_LOG_IN" }]);
  });
});

describe("inbound calls", () => {
  test("started → connected → hold/mute/digits → hangup → after-call work → wrap-up writes the VoiceCall", async () => {
    const w = await ready();
    const started = await ringInbound(w);
    expect(started).toMatchObject({
      callType: "Inbound",
      phoneNumber: CALLER,
      state: "ringing",
      callAttributes: { participantType: "Initial_Caller" },
      callInfo: { isOnHold: false, isMuted: false, showRecordButton: false }
    });
    const callId = started.callId as string;
    const record = w.apex.calls.get(callId);
    expect(record).toMatchObject({ callType: "Inbound", from: CALLER, to: "+14155550100" });
    expect((started.callAttributes as Payload).voiceCallId).toBe(record?.voiceCallId);

    w.salesforce.send("ACCEPT_CALL", { call: started });
    expect(await w.salesforce.event("CALL_CONNECTED")).toMatchObject({
      callId,
      state: "connected"
    });
    expect(w.store.getState().call?.state).toBe("connected");

    w.salesforce.send("HOLD", { call: started });
    expect(await w.salesforce.event("HOLD_TOGGLE")).toMatchObject({
      isCustomerOnHold: true,
      isThirdPartyOnHold: false
    });
    expect(w.store.getState().call?.state).toBe("held");
    w.salesforce.send("RESUME", { call: started });
    expect(await w.salesforce.event("HOLD_TOGGLE", 2)).toMatchObject({ isCustomerOnHold: false });
    expect(w.store.getState().call?.state).toBe("connected");

    w.salesforce.send("MUTE");
    expect(await w.salesforce.event("MUTE_TOGGLE")).toEqual({ isMuted: true });
    expect(w.store.getState().call?.muted).toBe(true);
    w.salesforce.send("UNMUTE");
    expect(await w.salesforce.event("MUTE_TOGGLE", 2)).toEqual({ isMuted: false });

    w.salesforce.send("SEND_DIGITS", { digits: "12#" });
    await w.salesforce.until(() => w.phone.sentDigits(callId) === "12#", "digits");

    w.salesforce.send("END_CALL", { call: started });
    const hangup = (await w.salesforce.event("HANGUP")) as Payload[];
    expect(hangup[0]).toMatchObject({ callId, state: "ended" });
    expect(await w.salesforce.event("AFTER_CALL_WORK_STARTED")).toEqual({ callId });
    expect(w.store.getState().call?.state).toBe("wrapup");

    w.salesforce.send("WRAP_UP_CALL", { call: started });
    await w.salesforce.until(() => w.apex.calls.get(callId)?.endTime, "the VoiceCall finished");
    expect(w.apex.calls.get(callId)).toMatchObject({ disposition: "Connected", writes: 2 });
    await settleEvents();
    expect(callEvents(w)).toEqual([
      "CALL_STARTED",
      "CALL_CONNECTED",
      "HOLD_TOGGLE",
      "HOLD_TOGGLE",
      "MUTE_TOGGLE",
      "MUTE_TOGGLE",
      "HANGUP",
      "AFTER_CALL_WORK_STARTED"
    ]);
    expect(errors(w)).toEqual([]);
    expect(w.store.getState().agent).toBe("ready");
  });

  test("DECLINE_CALL: one HANGUP, no after-call work, the VoiceCall records the declined call", async () => {
    const w = await ready();
    const call = await ringInbound(w);
    w.salesforce.send("DECLINE_CALL", { call });
    await w.salesforce.event("HANGUP");
    await w.salesforce.until(() => w.apex.calls.get(call.callId as string)?.endTime, "finished");
    await settleEvents();
    expect(callEvents(w)).toEqual(["CALL_STARTED", "HANGUP"]);
    expect(w.apex.calls.get(call.callId as string)?.disposition).toBe("No answer");
    expect(w.store.getState().call).toBeNull();
  });

  test("a caller who gives up: HANGUP from the connector itself", async () => {
    const w = await ready({ demo: { callerGiveUpMs: 150 } });
    await ringInbound(w);
    await w.salesforce.event("HANGUP");
    await settleEvents();
    expect(callEvents(w)).toEqual(["CALL_STARTED", "HANGUP"]);
  });

  test("the caller hangs up: HANGUP, after-call work, then WRAP_UP_ENDED when the softphone saves by itself", async () => {
    const w = open();
    await w.setup({ ...VOICE_CONFIG, "/softphoneSettings/wrapUpSeconds": "1" });
    const call = await connectInbound(w);
    await w.phone.simulateRemoteHangup(call.callId as string);
    await w.salesforce.event("HANGUP");
    await w.salesforce.event("AFTER_CALL_WORK_STARTED");
    await w.salesforce.event("WRAP_UP_ENDED", 1, 3000);
    expect(callEvents(w)).toEqual([
      "CALL_STARTED",
      "CALL_CONNECTED",
      "HANGUP",
      "AFTER_CALL_WORK_STARTED",
      "WRAP_UP_ENDED"
    ]);
  });

  test("a second caller during a call is turned away, never offered to Salesforce", async () => {
    const w = await ready();
    await connectInbound(w);
    await w.phone.simulateIncoming("+14155550999");
    await w.salesforce.until(
      () => [...w.apex.calls.values()].find((c) => c.from === "+14155550999" && c.endTime),
      "the turned-away call recorded"
    );
    expect(w.salesforce.eventTypes().filter((t) => t === "CALL_STARTED")).toHaveLength(1);
    expect(w.store.getState().waitingCall).toBeNull();
    expect(w.store.getState().call?.state).toBe("connected");
  });
});

describe("outbound calls", () => {
  test("DIAL → CALL_STARTED (from the base) → CALL_CONNECTED when answered → remote hangup → after-call work", async () => {
    const w = await ready();
    w.salesforce.send("DIAL", { contact: { phoneNumber: CALLER } });
    const started = (await w.salesforce.event("CALL_STARTED")) as Payload;
    expect(started).toMatchObject({ callType: "Outbound", phoneNumber: CALLER, state: "ringing" });
    const callId = started.callId as string;
    expect(w.apex.calls.get(callId)).toMatchObject({ from: "+14155550100", to: CALLER });
    expect(await w.salesforce.event("CALL_CONNECTED")).toMatchObject({
      callId,
      state: "connected"
    });
    await w.phone.simulateRemoteHangup(callId);
    await w.salesforce.event("AFTER_CALL_WORK_STARTED");
    expect(callEvents(w)).toEqual([
      "CALL_STARTED",
      "CALL_CONNECTED",
      "HANGUP",
      "AFTER_CALL_WORK_STARTED"
    ]);
    expect(errors(w)).toEqual([]);
  });

  test("a busy callee: started, then hangup without a connect", async () => {
    const w = await ready();
    w.salesforce.send("DIAL", { contact: { phoneNumber: "+14155550000" } });
    await w.salesforce.event("HANGUP");
    await w.salesforce.event("AFTER_CALL_WORK_STARTED");
    expect(callEvents(w)).toEqual(["CALL_STARTED", "HANGUP", "AFTER_CALL_WORK_STARTED"]);
  });

  test("a number that cannot be dialed: CALL_FAILED and an error, no call", async () => {
    const w = await ready();
    w.salesforce.send("DIAL", { contact: { phoneNumber: "not a number" } });
    await w.salesforce.event("CALL_FAILED");
    await w.salesforce.event("ERROR");
    expect(errors(w)).toEqual([{ message: "INVALID_DESTINATION" }]);
    expect(w.store.getState().call).toBeNull();
  });

  test("dialing during after-call work is refused", async () => {
    const w = await ready();
    const call = await connectInbound(w);
    w.salesforce.send("END_CALL", { call });
    await w.salesforce.event("AFTER_CALL_WORK_STARTED");
    w.salesforce.send("DIAL", { contact: { phoneNumber: CALLER } });
    await w.salesforce.event("CALL_FAILED");
    await w.salesforce.event("ERROR");
    expect(errors(w)).toEqual([{ message: "GENERIC_ERROR" }]);
  });
});

describe("transfer and what the phones cannot do", () => {
  test("blind transfer: PARTICIPANT_ADDED, one HANGUP, after-call work; the call leaves the phone", async () => {
    const w = await ready();
    const call = await connectInbound(w);
    w.salesforce.send("ADD_PARTICIPANT", {
      contact: { phoneNumber: "+14155550199" },
      call,
      isBlindTransfer: true
    });
    expect(await w.salesforce.event("PARTICIPANT_ADDED")).toMatchObject({
      initialCallHasEnded: true,
      phoneNumber: "+14155550199",
      callId: call.callId
    });
    await w.salesforce.event("AFTER_CALL_WORK_STARTED");
    await settleEvents();
    expect(callEvents(w)).toEqual([
      "CALL_STARTED",
      "CALL_CONNECTED",
      "PARTICIPANT_ADDED",
      "HANGUP",
      "AFTER_CALL_WORK_STARTED"
    ]);
    expect(w.store.getState().call?.state).toBe("wrapup");
  });

  test("a consult call is refused: PARTICIPANT_REMOVED with an error, the call goes on", async () => {
    const w = await ready();
    const call = await connectInbound(w);
    w.salesforce.send("ADD_PARTICIPANT", {
      contact: { phoneNumber: "+14155550199" },
      call,
      isBlindTransfer: false
    });
    expect(await w.salesforce.event("PARTICIPANT_REMOVED")).toEqual({ reason: "error" });
    await w.salesforce.event("ERROR");
    expect(errors(w)).toEqual([{ message: "CAN_NOT_ADD_PARTICIPANT" }]);
    expect(w.store.getState().call?.state).toBe("connected");
  });

  test.each([
    ["PAUSE_RECORDING", "CAN_NOT_PAUSE_RECORDING"],
    ["RESUME_RECORDING", "CAN_NOT_RESUME_RECORDING"],
    ["SWAP_PARTICIPANTS", "CAN_NOT_SWAP_PARTICIPANTS"],
    ["CONFERENCE", "CAN_NOT_CONFERENCE"],
    ["SUPERVISE_CALL", "CAN_NOT_SUPERVISE_CALL"]
  ])("%s is refused with %s and nothing changes", async (type, error) => {
    const w = await ready();
    const call = await connectInbound(w);
    w.salesforce.send(type, { call, calls: [call] });
    await w.salesforce.until(() => errors(w).length > 0, "an error");
    expect(errors(w)).toEqual([{ message: error }]);
    expect(w.store.getState().call?.state).toBe("connected");
  });

  test("HOLD without a call: CAN_NOT_HOLD_CALL", async () => {
    const w = await ready();
    w.salesforce.send("HOLD", { call: { callId: "nothing" } });
    await w.salesforce.until(() => errors(w).length > 0, "an error");
    expect(errors(w)).toEqual([{ message: "CAN_NOT_HOLD_CALL" }]);
  });
});

describe("agent, directory and configuration", () => {
  test("SET_AGENT_STATUS Offline / Online maps to not ready / ready; GET_AGENT_STATUS reports it", async () => {
    const w = await ready();
    w.salesforce.send("SET_AGENT_STATUS", {
      agentStatus: "Offline",
      statusInfo: { statusId: "0N5x" }
    });
    expect(await w.salesforce.event("SET_AGENT_STATUS_RESULT")).toEqual({ success: true });
    expect(w.store.getState()).toMatchObject({ agent: "offline", notReady: true });
    w.salesforce.send("GET_AGENT_STATUS");
    expect(await w.salesforce.event("GET_AGENT_STATUS_RESULT")).toMatchObject({
      statusId: "offline",
      statusName: "Not ready"
    });
    w.salesforce.send("SET_AGENT_STATUS", {
      agentStatus: "Online",
      statusInfo: { statusId: "0N5y" }
    });
    expect(await w.salesforce.event("SET_AGENT_STATUS_RESULT", 2)).toEqual({ success: true });
    expect(w.store.getState().agent).toBe("ready");
    w.salesforce.send("SET_AGENT_STATUS", { agentStatus: "Lunch" });
    await w.salesforce.until(() => errors(w).length > 0, "an error");
    expect(errors(w)).toEqual([{ message: "INVALID_AGENT_STATUS" }]);
  });

  test("GET_PHONE_CONTACTS searches the directory with the filter (contact search)", async () => {
    const w = open();
    w.apex.directory = [
      { name: "Support line", number: "+14155550111", kind: "directory", description: "Tier 1" },
      { name: "Sales", number: "+14155550112", kind: "directory" }
    ];
    world = w;
    await w.setup();
    w.salesforce.send("GET_PHONE_CONTACTS", { filter: { contains: "supp" } });
    const payload = (await w.salesforce.event("PHONE_CONTACTS")) as Payload;
    expect(payload.contactTypes).toEqual(["PhoneNumber"]);
    expect(payload.contacts).toEqual([
      expect.objectContaining({
        name: "Support line",
        phoneNumber: "+14155550111",
        type: "PhoneNumber",
        description: "Tier 1"
      })
    ]);
  });

  test("SET_AGENT_CONFIG accepts the softphone and refuses a desk phone", async () => {
    const w = await ready();
    w.salesforce.send("SET_AGENT_CONFIG", { config: { selectedPhone: { type: "SOFT_PHONE" } } });
    expect(await w.salesforce.event("AGENT_CONFIG_UPDATED")).toMatchObject({ success: true });
    w.salesforce.send("SET_AGENT_CONFIG", { config: { selectedPhone: { type: "DESK_PHONE" } } });
    await w.salesforce.until(() => errors(w).length > 0, "an error");
    expect(errors(w)).toEqual([{ message: "CAN_NOT_SET_AGENT_CONFIG" }]);
  });

  test("LOGOUT answers LOGOUT_RESULT and leaves the agent not ready", async () => {
    const w = await ready();
    w.salesforce.send("LOGOUT");
    expect(await w.salesforce.event("LOGOUT_RESULT")).toEqual({
      success: true,
      loginFrameHeight: 320
    });
    expect(w.store.getState().agent).toBe("offline");
  });

  test("a MESSAGE that is not a simulation is ignored", async () => {
    const w = await ready();
    w.salesforce.send("MESSAGE", { message: { simulate: "outbound" } });
    await settleEvents();
    expect(w.store.getState().call).toBeNull();
    expect(errors(w)).toEqual([]);
  });
});

describe("a reloaded connector page", () => {
  test("getActiveCalls replays the live call: callInProgress, then CALL_CONNECTED on AGENT_AVAILABLE", async () => {
    const first = await ready();
    const call = await connectInbound(first);
    const reloaded = open({ reuse: first });
    await reloaded.setup();
    const readyMessage = reloaded.salesforce.received.find((m) => m.type === "CONNECTOR_READY");
    expect((readyMessage?.payload as Payload).callInProgress).toMatchObject({
      callId: call.callId,
      state: "connected",
      callAttributes: { voiceCallId: (call.callAttributes as Payload).voiceCallId }
    });
    reloaded.salesforce.send("AGENT_AVAILABLE", { isAvailable: true });
    expect(await reloaded.salesforce.event("CALL_CONNECTED")).toMatchObject({
      callId: call.callId,
      isReplayedCall: true
    });
    // The replayed call is controlled from the reloaded page like any other.
    reloaded.salesforce.send("END_CALL", { call });
    await reloaded.salesforce.event("HANGUP");
    await reloaded.salesforce.event("AFTER_CALL_WORK_STARTED");
  });
});

describe("VoiceCall records never cost a call", () => {
  test("a bad certificate at call start: the call still rings and connects, Salesforce gets the error, the record is retried", async () => {
    const w = open();
    world = w;
    await w.setup();
    w.apex.failNext("createVoiceCall", {
      kind: "answer",
      error: VOICE_ERRORS.certificate,
      message: "No certificate named Softphone_Telephony in Certificate and Key Management"
    });
    const call = await ringInbound(w);
    expect((call.callAttributes as Payload).voiceCallId).toBeUndefined();
    const error = errors(w)[0];
    expect(error).toMatchObject({
      customError: { labelName: "Softphone_Voice_Record_Error", namespace: "c" }
    });
    expect(JSON.stringify(error)).toContain("CERTIFICATE");
    expect(w.problems[0]).toContain("No certificate named Softphone_Telephony");
    await w.salesforce.until(() => w.apex.calls.get(call.callId as string), "the retried create");
    w.salesforce.send("ACCEPT_CALL", { call });
    await w.salesforce.event("CALL_CONNECTED");
  });

  test("the remote call failing (callout or session): the call goes on; the end of the call creates the record", async () => {
    const w = open();
    world = w;
    await w.setup();
    w.apex.failNext("createVoiceCall", { kind: "transport", message: "Unable to connect" }, 3);
    const call = await connectInbound(w);
    w.salesforce.send("END_CALL", { call });
    await w.salesforce.event("AFTER_CALL_WORK_STARTED");
    w.salesforce.send("WRAP_UP_CALL", { call });
    await w.salesforce.until(() => w.apex.calls.get(call.callId as string)?.endTime, "finished");
    expect(w.apex.calls.get(call.callId as string)).toMatchObject({
      from: CALLER,
      to: "+14155550100",
      disposition: "Connected"
    });
  });

  test("a 4xx from the Telephony Integration API at the end: reported once, retried by the outbox, written exactly once", async () => {
    const clock = new FakeClock(Date.now());
    const w = open({ clock });
    world = w;
    await w.setup();
    const call = await connectInbound(w);
    w.apex.failNext(
      "finishVoiceCall",
      { kind: "answer", error: VOICE_ERRORS.api, message: "400 INVALID_FIELD: endTime" },
      2
    );
    w.salesforce.send("END_CALL", { call });
    await w.salesforce.event("AFTER_CALL_WORK_STARTED");
    w.salesforce.send("WRAP_UP_CALL", { call });
    await w.salesforce.until(() => errors(w).length > 0, "the error");
    expect(JSON.stringify(errors(w)[0])).toContain("400 INVALID_FIELD");
    expect(w.store.getState().outboxPending).toBe(1);
    for (let i = 0; i < 6 && !w.apex.calls.get(call.callId as string)?.endTime; i++) {
      await clock.advance(10_000);
      await settleEvents(20);
    }
    const record = w.apex.calls.get(call.callId as string);
    expect(record?.endTime).toBeDefined();
    expect(record?.writes).toBe(2);
    expect(w.store.getState().outboxPending).toBe(0);
    const finishes = w.apex.requests.filter((r) => r.action === "finishVoiceCall");
    expect(finishes).toHaveLength(3);
  });
});
