/** A trimmed sforce.interaction: every missing part is listed and skipped, never a throw. */
import { FakeOrg, registerSoftphoneApex } from "../fake";
import { createFakeInteraction } from "../fake/fake-interaction";
import { ClassicHost } from "./classic-host";
import { CLASSIC_METHODS } from "./methods";
import type { ClassicInteractionApi } from "./types";

function without(path: string) {
  const org = new FakeOrg();
  registerSoftphoneApex(org);
  const api = createFakeInteraction(org) as unknown as Record<string, Record<string, unknown>>;
  const trimmed: Record<string, unknown> = {
    ...api,
    cti: { ...api.cti },
    entityFeed: { ...api.entityFeed }
  };
  const [a, b] = path.split(".") as [string, string | undefined];
  if (b) delete (trimmed[a] as Record<string, unknown>)[b];
  else delete trimmed[a];
  return {
    org,
    host: new ClassicHost(trimmed as unknown as ClassicInteractionApi, { timeoutMs: 300 })
  };
}

describe("ClassicHost with parts of sforce.interaction missing", () => {
  it.each(CLASSIC_METHODS.map((m) => [m]))(
    "without %s: listed and never a throw",
    async (method) => {
      const { org, host } = without(method);
      expect(host.unavailableFeatures).toEqual([method]);
      await Promise.allSettled([
        host.getCallCenterSettings(),
        host.notifyInitializationComplete(),
        host.enableClickToDial(),
        host.getPageInfo(),
        host.setPanelVisible(true),
        host.setPanelSize({ height: 400 }),
        host.refreshView()
      ]);
      for (const u of [
        host.onClickToDial(() => undefined),
        host.onNavigationChange(() => undefined)
      ])
        u();
      expect(org.calls.map((c) => c.method)).not.toContain(method);
    }
  );
});
