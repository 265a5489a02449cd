import { CALL_FEATURE_ITEMS } from "../call-features-settings";
import { boot } from "../testing/harness";
import { settle } from "../testing/fake-clock";
import { host } from "../testing/softphone-fixtures";

const FEATURES = {
  [CALL_FEATURE_ITEMS.featureCodes]: "Pause recording=*1,Park=sip:700@pbx.example.com",
  [CALL_FEATURE_ITEMS.supervisorCodes]: "Listen=*81{ext}",
  [CALL_FEATURE_ITEMS.voicemailMessages]: "Callback=/resource/VoicemailCallback/callback.mp3"
};

/** A connected inbound customer call. */
async function onCall(settings: Record<string, string> = {}) {
  const t = await boot(host({ ...FEATURES, ...settings }));
  await t.store.actions.simulateIncomingCall("(415) 555-0100", "Ada");
  await settle();
  await t.store.actions.answer();
  const customer = t.store.getState().call?.id ?? "";
  return { t, customer, run: t.store.actions.callFeature };
}

describe("consult transfer", () => {
  it("holds the customer, calls the target, completes with one Task noting the transfer", async () => {
    const { t, customer, run } = await onCall();
    await run({ type: "consult", target: "1001", name: "Bob" });
    expect(t.store.getState().call).toMatchObject({ id: customer, state: "held" });
    expect(t.store.getState().secondLeg).toMatchObject({
      customerCallId: customer,
      number: "1001",
      name: "Bob",
      state: "dialing",
      conference: "none"
    });
    await t.clock.advance(1000);
    const leg = t.store.getState().secondLeg;
    expect(leg).toMatchObject({ state: "connected" });
    // The leg is not a call of its own: the desk never showed it.
    expect(t.store.getState().call?.id).toBe(customer);
    await run({ type: "completeTransfer" });
    expect(t.store.getState().secondLeg).toBeNull();
    expect(t.phone.listCalls()).toEqual([]);
    expect(t.store.getState().call).toMatchObject({ id: customer, state: "wrapup" });
    await t.store.actions.saveWrapUp();
    await settle();
    expect(t.host.savedLogs).toHaveLength(1);
    expect(t.host.savedLogs[0].fields).toMatchObject({
      CallObject: customer,
      CallDisposition: "Connected",
      Description: "Transferred to Bob (1001) after a consultation (attended transfer)."
    });
  });

  it("cancels: hangs up on the target and resumes the customer", async () => {
    const { t, customer, run } = await onCall();
    await run({ type: "consult", target: "1001" });
    await t.clock.advance(1000);
    await run({ type: "cancelConsult" });
    expect(t.store.getState().secondLeg).toBeNull();
    expect(t.store.getState().notice).toBeUndefined();
    expect(t.store.getState().call).toMatchObject({ id: customer, state: "connected" });
    expect(t.phone.listCalls().map((c) => c.id)).toEqual([customer]);
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await settle();
    expect(t.host.savedLogs).toHaveLength(1);
    expect(t.host.savedLogs[0].fields.Description).toBe("Consulted 1001.");
  });

  it("swaps between the customer and the target", async () => {
    const { t, run } = await onCall();
    await run({ type: "consult", target: "1001" });
    await t.clock.advance(1000);
    await run({ type: "swapLegs" });
    expect(t.store.getState().call?.state).toBe("connected");
    expect(t.store.getState().secondLeg?.state).toBe("held");
    await run({ type: "swapLegs" });
    expect(t.store.getState().call?.state).toBe("held");
    expect(t.store.getState().secondLeg?.state).toBe("connected");
  });

  it("tells the agent when the target does not answer and leaves the customer on hold", async () => {
    const { t, run } = await onCall();
    await run({ type: "consult", target: "(415) 555-0000" });
    await t.clock.advance(1000);
    expect(t.store.getState().secondLeg).toBeNull();
    expect(t.store.getState().notice).toBe("(415) 555-0000 did not answer.");
    expect(t.store.getState().call?.state).toBe("held");
  });

  it("notes a consultation the target ended, and tells the agent the caller waits", async () => {
    const { t, run } = await onCall();
    await run({ type: "consult", target: "1001", name: "Bob" });
    await t.clock.advance(1000);
    await t.phone.simulateRemoteHangup(t.store.getState().secondLeg?.id ?? "");
    expect(t.store.getState().secondLeg).toBeNull();
    expect(t.store.getState().notice).toBe("Bob (1001) hung up; the caller is on hold.");
    await t.store.actions.hold(false);
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await settle();
    expect(t.host.savedLogs).toHaveLength(1);
    expect(t.host.savedLogs[0].fields.Description).toBe("Consulted Bob (1001).");
  });

  it("refuses a consultation without a connected call, and a bad number", async () => {
    const t = await boot(host(FEATURES));
    await t.store.actions.callFeature({ type: "consult", target: "1001" });
    expect(t.store.getState().notice).toBe("A consultation needs a connected call.");
    const { t: t2, run } = await onCall();
    await run({ type: "consult", target: "call me" });
    expect(t2.store.getState().notice).toMatch(/not a phone number/);
    expect(t2.store.getState().call?.state).toBe("connected");
  });
});

describe("conference", () => {
  it("mixes three, drops the other party and logs one Task noting the conference", async () => {
    const { t, customer, run } = await onCall();
    await run({ type: "consult", target: "1001" });
    await t.clock.advance(1000);
    await run({ type: "conference" });
    const leg = t.store.getState().secondLeg;
    expect(leg).toMatchObject({ conference: "local" });
    expect(t.store.getState().call?.state).toBe("connected");
    expect(t.phone.conferencedCalls().sort()).toEqual([customer, leg?.id].sort());
    await run({ type: "dropParty", party: "other" });
    expect(t.store.getState().secondLeg).toBeNull();
    expect(t.store.getState().call).toMatchObject({ id: customer, state: "connected" });
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await settle();
    expect(t.host.savedLogs).toHaveLength(1);
    expect(t.host.savedLogs[0].fields.Description).toBe("Conference with 1001 (3-way).");
  });

  it("drops the customer and keeps talking to the other party, with no second Task", async () => {
    const { t, customer, run } = await onCall({ "/softphoneSettings/wrapUpSeconds": "0" });
    await run({ type: "consult", target: "1001" });
    await t.clock.advance(1000);
    await run({ type: "conference" });
    await run({ type: "dropParty", party: "customer" });
    await settle();
    expect(t.host.savedLogs).toHaveLength(1);
    expect(t.host.savedLogs[0].fields).toMatchObject({ CallObject: customer });
    expect(t.store.getState().secondLeg).toMatchObject({ state: "connected", conference: "none" });
    await t.phone.hangup(t.store.getState().secondLeg?.id ?? "");
    await settle();
    expect(t.store.getState().secondLeg).toBeNull();
    expect(t.host.savedLogs).toHaveLength(1);
  });

  it("REFERs both parties into the PBX conference named by conferenceUri and joins it", async () => {
    const room = "sip:conf-7@pbx.example.com";
    const { t, customer, run } = await onCall({
      [CALL_FEATURE_ITEMS.conferenceUri]: room,
      "/softphoneSettings/wrapUpSeconds": "0"
    });
    await run({ type: "consult", target: "1001" });
    await t.clock.advance(1000);
    const first = t.store.getState().secondLeg?.id;
    await run({ type: "conference" });
    await settle();
    const leg = t.store.getState().secondLeg;
    expect(leg).toMatchObject({ number: room, conference: "pbx", customerCallId: customer });
    expect(leg?.id).not.toBe(first);
    expect(t.phone.listCalls().map((c) => c.remoteNumber)).toEqual([room]);
    expect(t.host.savedLogs).toHaveLength(1);
    expect(t.host.savedLogs[0].fields.Description).toBe(
      `Joined with 1001 into the PBX conference ${room}.`
    );
  });
});

describe("voicemail drop", () => {
  it("plays the message, ends the call by itself and logs it as Voicemail left", async () => {
    const t = await boot(host(FEATURES));
    await t.store.actions.dial("(415) 555-0188");
    await t.clock.advance(1000);
    const id = t.store.getState().call?.id ?? "";
    t.store.actions.setNotes("Called about renewal");
    const dropped = t.store.actions.callFeature({ type: "dropVoicemail", message: "Callback" });
    await settle();
    expect(t.store.getState().voicemailDrop).toEqual({ callId: id, message: "Callback" });
    expect(t.phone.playingMessage(id)).toBe("/resource/VoicemailCallback/callback.mp3");
    await t.clock.advance(3000);
    await dropped;
    await settle();
    expect(t.store.getState()).toMatchObject({ call: null, voicemailDrop: null });
    expect(t.host.savedLogs).toHaveLength(1);
    expect(t.host.savedLogs[0].fields).toMatchObject({
      CallObject: id,
      CallDisposition: "Voicemail left",
      Description: "Called about renewal\nVoicemail dropped: Callback."
    });
  });

  it("says so when the message is unknown or the call is not connected", async () => {
    const t = await boot(host(FEATURES));
    await t.store.actions.callFeature({ type: "dropVoicemail", message: "Callback" });
    expect(t.store.getState().notice).toMatch(/only into a connected call/);
    await t.store.actions.callFeature({ type: "dropVoicemail", message: "Nope" });
    expect(t.store.getState().notice).toMatch(/no recorded message called "Nope"/);
  });
});

describe("PBX feature codes", () => {
  it("sends a code's digits during a call and notes it in the Task", async () => {
    const { t, customer, run } = await onCall();
    await run({ type: "featureCode", name: "Pause recording" });
    expect(t.phone.sentDigits(customer)).toBe("*1");
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await settle();
    expect(t.host.savedLogs[0].fields.Description).toBe("PBX action: Pause recording (*1).");
  });

  it("transfers the call to a code's SIP URI", async () => {
    const { t, run } = await onCall();
    await run({ type: "featureCode", name: "Park" });
    expect(t.store.getState().call?.state).toBe("wrapup");
    await t.store.actions.saveWrapUp();
    await settle();
    expect(t.host.savedLogs[0].fields.Description).toBe(
      "Transferred to Park.\nPBX action: Park (sip:700@pbx.example.com)."
    );
  });

  it("dials a supervisor code for a directory entry and logs whom it was for", async () => {
    const t = await boot(host(FEATURES));
    await t.store.actions.callFeature({
      type: "supervisor",
      name: "Listen",
      number: "1001",
      entryName: "Bob"
    });
    await t.clock.advance(1000);
    expect(t.phone.listCalls()[0]).toMatchObject({ remoteNumber: "*811001", state: "connected" });
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await settle();
    expect(t.host.savedLogs[0].fields).toMatchObject({
      CallType: "Internal",
      Description: "Supervisor Listen: Bob (1001)."
    });
  });

  it("publishes what is on offer", async () => {
    const t = await boot(host(FEATURES));
    expect(t.store.getState().callFeatures).toEqual({
      consult: true,
      conference: true,
      featureCodes: [
        { name: "Pause recording", sends: "*1" },
        { name: "Park", sends: "sip:700@pbx.example.com" }
      ],
      supervisorCodes: ["Listen"],
      voicemailMessages: ["Callback"]
    });
  });
});
