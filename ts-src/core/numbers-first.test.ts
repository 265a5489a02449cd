/**
 * The phone-number rules are a lazy chunk loaded after notifyInitializationComplete: a call or
 * a dial that comes first waits for them and is still parsed, shown and looked up correctly.
 */
import { makeOrg, softphoneIn } from "./integration/world";
import { NumbersGate, WAIT_MS } from "./numbers-first";
import { FakeClock, settle } from "./testing/fake-clock";
import { heldNumbers, NUMBERS } from "./testing/numbers";

describe("NumbersGate", () => {
  const gate = (load = heldNumbers(), clock = new FakeClock()) => {
    const problems: string[] = [];
    return {
      load,
      clock,
      problems,
      gate: new NumbersGate({ load: load.load, clock, onProblem: (m) => problems.push(m) })
    };
  };

  it("loads once, however many wait", async () => {
    const t = gate();
    expect(t.gate.current()).toBeNull();
    const first = t.gate.ready();
    const second = t.gate.ready();
    t.gate.preload();
    expect(t.load.calls()).toBe(1);
    t.load.release();
    await expect(first).resolves.toBe(NUMBERS);
    await expect(second).resolves.toBe(NUMBERS);
    expect(t.gate.current()).toBe(NUMBERS);
    await t.gate.ready();
    expect(t.load.calls()).toBe(1);
  });

  it("a failed load yields null with a message, and is tried again on the next need", async () => {
    const t = gate();
    const waiting = t.gate.ready();
    t.load.fail(new Error("chunk 404"));
    await expect(waiting).resolves.toBeNull();
    expect(t.problems).toEqual([expect.stringContaining("chunk 404")]);
    const again = t.gate.ready();
    expect(t.load.calls()).toBe(2);
    t.load.release();
    await expect(again).resolves.toBe(NUMBERS);
  });

  it("waits at most WAIT_MS, then uses the slow load when it arrives", async () => {
    const t = gate();
    const waiting = t.gate.ready();
    await t.clock.advance(WAIT_MS);
    await expect(waiting).resolves.toBeNull();
    expect(t.problems).toEqual([expect.stringContaining("still loading")]);
    t.load.release();
    await settle();
    expect(t.gate.current()).toBe(NUMBERS);
  });

  it("without a loader there are no rules, at once", async () => {
    const gate = new NumbersGate({ clock: new FakeClock(), onProblem: () => undefined });
    await expect(gate.ready()).resolves.toBeNull();
  });
});

describe("a softphone whose phone-number rules have not loaded yet", () => {
  it("starts loading them only once initialization is complete", async () => {
    const org = makeOrg();
    const held = heldNumbers();
    let initializedWhenLoaded: boolean | null = null;
    const load = () => {
      initializedWhenLoaded = org.initialized;
      return held.load();
    };
    await softphoneIn(org, { deps: { loadPhoneNumbers: load } });
    expect(org.initialized).toBe(true);
    expect(held.calls()).toBe(1);
    expect(initializedWhenLoaded).toBe(true);
  });

  it("parses, shows and looks up a call that rings first, once the rules arrive", async () => {
    const org = makeOrg();
    const ada = org.addContact({ FirstName: "Ada", LastName: "Lovelace", Phone: "(415) 555-0100" });
    const held = heldNumbers();
    const t = await softphoneIn(org, { deps: { loadPhoneNumbers: held.load } });

    await t.store.actions.simulateIncomingCall("415 555 0100");
    await settle();
    // Ringing at once, with the number as signalled; no lookup with an unparsed number.
    expect(t.store.getState().call).toMatchObject({
      state: "ringing",
      displayNumber: "415 555 0100",
      matchStatus: "off"
    });
    expect(org.screenPops).toEqual([]);

    held.release();
    await settle();
    expect(t.store.getState().call).toMatchObject({
      number: "+14155550100",
      displayNumber: "(415) 555-0100",
      matchStatus: "one",
      callerName: "Ada Lovelace",
      caller: { id: ada.Id }
    });
    expect(org.screenPops).toEqual([
      { api: "lightning", type: "sobject", params: { recordId: ada.Id } }
    ]);

    await t.store.actions.answer();
    await t.clock.advance(1000);
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await settle();
    expect(org.tasks[0].fields).toMatchObject({ WhoId: ada.Id, CallType: "Inbound" });
  });

  it("formats a call that waits behind the current one once the rules arrive", async () => {
    const org = makeOrg();
    const held = heldNumbers();
    const t = await softphoneIn(org, { deps: { loadPhoneNumbers: held.load } });
    await t.store.actions.simulateIncomingCall("415 555 0100");
    await settle();
    await t.store.actions.answer();
    await t.clock.advance(1000);
    await t.store.actions.simulateIncomingCall("415 555 0199");
    await settle();
    expect(t.store.getState().waitingCall).toMatchObject({ displayNumber: "415 555 0199" });
    held.release();
    await settle();
    expect(t.store.getState().call).toMatchObject({ displayNumber: "(415) 555-0100" });
    expect(t.store.getState().waitingCall).toMatchObject({
      number: "+14155550199",
      displayNumber: "(415) 555-0199"
    });
  });

  it("keeps the number as signalled when the rules cannot be loaded, and says why", async () => {
    const org = makeOrg();
    const held = heldNumbers();
    const t = await softphoneIn(org, { deps: { loadPhoneNumbers: held.load } });
    await t.store.actions.simulateIncomingCall("415 555 0100");
    held.fail(new Error("offline"));
    await settle();
    expect(t.store.getState().call).toMatchObject({
      state: "ringing",
      number: "415 555 0100",
      displayNumber: "415 555 0100"
    });
    expect(t.store.getState().call?.matchStatus).not.toBe("off");
    expect(t.store.getState().errors.map((e) => e.message)).toContainEqual(
      expect.stringContaining("offline")
    );
  });

  it("a click-to-dial that comes first waits for the rules, then dials E.164", async () => {
    const org = makeOrg();
    const acme = org.addAccount({ Name: "Acme", Phone: "4155550123" });
    const held = heldNumbers();
    const t = await softphoneIn(org, { deps: { loadPhoneNumbers: held.load } });
    expect(org.fireClickToDial({ number: "(415) 555-0123", recordId: acme.Id })).toBe(true);
    await settle();
    expect(t.store.getState().call).toBeNull();
    held.release();
    await settle();
    expect(t.store.getState().call).toMatchObject({
      direction: "outbound",
      number: "+14155550123",
      displayNumber: "(415) 555-0123",
      relatedTo: { id: acme.Id }
    });
  });

  it("refuses a dial with a clear message when the rules cannot be loaded; extensions still dial", async () => {
    const org = makeOrg();
    const held = heldNumbers();
    const t = await softphoneIn(org, { deps: { loadPhoneNumbers: held.load } });
    const dial = t.store.actions.dial("(415) 555-0123");
    held.fail(new Error("offline"));
    await dial;
    expect(t.store.getState().call).toBeNull();
    expect(t.store.getState().notice).toContain("phone number rules did not load");
    const extension = t.store.actions.dial("201");
    held.fail(new Error("still offline"));
    await extension;
    await settle();
    expect(t.store.getState().call).toMatchObject({ number: "201", direction: "outbound" });
  });
});
