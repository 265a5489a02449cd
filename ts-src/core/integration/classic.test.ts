/** The same softphone in Salesforce Classic: ClassicHost over the fake interaction.js. */
import { ClassicHost } from "../../host/classic/classic-host";
import { createFakeInteraction } from "../../host/fake";
import { FakeClock, settle } from "../testing/fake-clock";
import { boot } from "../testing/harness";
import { makeOrg } from "./world";

async function classicSoftphone(org: ReturnType<typeof makeOrg>) {
  const host = new ClassicHost(createFakeInteraction(org));
  const world = await boot(host, { clock: new FakeClock() });
  return { ...world, org };
}

describe("Salesforce Classic", () => {
  it("starts without a message channel, pops a known caller by URL and logs the Task", async () => {
    const org = makeOrg();
    const ada = org.addContact({ FirstName: "Ada", LastName: "Lovelace", Phone: "(415) 555-0100" });
    const t = await classicSoftphone(org);
    expect(t.store.getState()).toMatchObject({
      host: "classic",
      agent: "ready",
      channelAvailable: false,
      initialized: true
    });
    expect(t.store.getState().errors).toEqual([]);
    expect(org.clickToDialEnabled).toBe(true);

    await t.store.actions.simulateIncomingCall("+14155550100");
    await settle();
    expect(org.screenPops).toHaveLength(1);
    expect(org.screenPops[0]).toMatchObject({ api: "classic", type: "url" });
    expect(org.screenPops[0].url).toContain(ada.Id.slice(0, 15));
    await t.store.actions.answer();
    await t.clock.advance(12_000);
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await settle();
    expect(org.tasks).toHaveLength(1);
    expect(org.tasks[0].fields).toMatchObject({
      WhoId: ada.Id,
      CallDurationInSeconds: 12,
      CallType: "Inbound"
    });
  });

  it("dials from click-to-dial and relates the record", async () => {
    const org = makeOrg({ "/softphoneSettings/wrapUpSeconds": "0" });
    const acme = org.addAccount({ Name: "Acme", Phone: "4155550123" });
    const t = await classicSoftphone(org);
    org.fireClickToDial({ number: "4155550123", recordId: acme.Id });
    await settle();
    expect(t.store.getState().call).toMatchObject({
      direction: "outbound",
      relatedTo: { id: acme.Id }
    });
    await t.clock.advance(1000);
    await t.store.actions.hangup();
    await settle();
    expect(org.tasks[0].fields).toMatchObject({ WhatId: acme.Id, CallType: "Outbound" });
  });
});
