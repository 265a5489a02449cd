/**
 * An integration world: H1's fake Open CTI over an in-memory FakeOrg with the softphone's Apex,
 * behind the real LightningHost, and the softphone store on a DemoPhone and a fake clock.
 */
import { createFakeOpenCti, FakeOrg, registerSoftphoneApex } from "../../host/fake";
import { LightningHost } from "../../host/lightning/lightning-host";
import { MemoryStorage } from "../storage";
import { FakeClock } from "../testing/fake-clock";
import { boot, type BootOptions } from "../testing/harness";

export function makeOrg(settings: Record<string, string> = {}): FakeOrg {
  const org = new FakeOrg({ callCenterSettings: settings });
  registerSoftphoneApex(org);
  return org;
}

/** Boots a softphone in `org`; sobject screen pops navigate the fake page, as Salesforce does. */
export async function softphoneIn(org: FakeOrg, options: BootOptions = {}) {
  const api = createFakeOpenCti(org, {
    onScreenPop: (pop) => {
      if (pop.type === "sobject" && typeof pop.params.recordId === "string") {
        org.fireNavigationChange({ recordId: pop.params.recordId });
      }
    }
  });
  const host = new LightningHost(api);
  const world = await boot(host, {
    clock: options.clock ?? new FakeClock(),
    storage: options.storage ?? new MemoryStorage(),
    ...options
  });
  return { ...world, org };
}

export const from = (type: string, payload?: unknown) => ({
  source: "softphoneCallPanel",
  type,
  ...(payload === undefined ? {} : { payload })
});
