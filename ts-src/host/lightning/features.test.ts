/**
 * An older or trimmed sforce.opencti (API 43 has no hvs, subscribe, publish or unsubscribe):
 * every missing part is listed on the host and skipped — never called, never a throw.
 */
import { FakeOrg, registerSoftphoneApex } from "../fake";
import { createFakeOpenCti } from "../fake/fake-opencti";
import { isOpenCtiError } from "../errors";
import { LightningHost } from "./lightning-host";
import { LIGHTNING_METHODS, LIGHTNING_SKIPPABLE } from "./methods";
import type { OpenCtiLightningApi } from "./types";

function without(paths: string[]) {
  const org = new FakeOrg();
  registerSoftphoneApex(org);
  const api = createFakeOpenCti(org) as unknown as Record<string, unknown>;
  const trimmed: Record<string, unknown> = { ...api, hvs: { ...(api.hvs as object) } };
  for (const path of paths) {
    const [a, b] = path.split(".") as [string, string | undefined];
    if (b) delete (trimmed[a] as Record<string, unknown>)[b];
    else delete trimmed[a];
  }
  const host = new LightningHost(trimmed as unknown as OpenCtiLightningApi, {
    timeoutMs: 300,
    retryBaseDelayMs: 5
  });
  return { org, host };
}

/** Every host method, as the softphone calls them at start-up and during a call. */
async function exercise(host: LightningHost) {
  const settled = await Promise.allSettled([
    host.getCallCenterSettings(),
    host.notifyInitializationComplete(),
    host.enableClickToDial(),
    host.disableClickToDial(),
    host.getPageInfo(),
    host.isPanelVisible(),
    host.setPanelVisible(true),
    host.setPanelSize({ height: 400, width: 340 }),
    host.setItemLabel("Phone"),
    host.setItemIcon("call"),
    host.subscribe("Softphone__c", () => undefined),
    host.publish("Softphone__c", { source: "softphone", type: "state" }),
    host.refreshView(),
    host.completeWork("0Zw000000000001", { wasConnected: true })
  ]);
  const unsubscribes = [
    host.onClickToDial(() => undefined),
    host.onNavigationChange(() => undefined),
    host.onWorkStart(() => undefined)
  ];
  for (const u of unsubscribes) u();
  return settled;
}

describe("LightningHost with parts of sforce.opencti missing", () => {
  it("lists nothing for a whole library", () => {
    expect(without([]).host.unavailableFeatures).toEqual([]);
  });

  it.each(LIGHTNING_METHODS.map((m) => [m]))(
    "without %s: listed, skipped, never a throw",
    async (method) => {
      const { org, host } = without([method]);
      expect(host.unavailableFeatures).toEqual([method]);
      const settled = await exercise(host);
      expect(org.calls.map((c) => c.method)).not.toContain(method);
      for (const result of settled)
        if (result.status === "rejected") {
          expect(isOpenCtiError(result.reason)).toBe(true);
          // Only the missing method may fail for being missing; skippable ones never do.
          if (result.reason.code === "NOT_AVAILABLE") {
            expect(result.reason.method).toBe(method);
            expect(LIGHTNING_SKIPPABLE.has(method)).toBe(false);
          }
        }
    }
  );

  it("the API 43 shape: no hvs, subscribe, publish or unsubscribe", async () => {
    const org = new FakeOrg();
    const api = createFakeOpenCti(org) as unknown as Record<string, unknown>;
    const { hvs: _hvs, subscribe: _s, publish: _p, unsubscribe: _u, ...api43 } = api;
    const host = new LightningHost(api43 as unknown as OpenCtiLightningApi, { timeoutMs: 300 });
    expect(host.unavailableFeatures).toEqual([
      "hvs.completeWork",
      "hvs.onWorkStart",
      "publish",
      "subscribe",
      "unsubscribe"
    ]);
    expect(() => host.onWorkStart(() => undefined)).not.toThrow();
    await expect(host.subscribe("Softphone__c", () => undefined)).rejects.toMatchObject({
      code: "NOT_AVAILABLE",
      method: "subscribe"
    });
    await expect(
      host.publish("Softphone__c", { source: "softphone", type: "state" })
    ).resolves.toBeUndefined();
    await expect(host.getCallCenterSettings()).resolves.toBeDefined();
  });

  it("a library whose getter throws is treated as missing, not as a crash", () => {
    const org = new FakeOrg();
    const api = createFakeOpenCti(org);
    const hostile = Object.create(api, {
      hvs: {
        get() {
          throw new Error("boom");
        }
      }
    }) as OpenCtiLightningApi;
    const host = new LightningHost(hostile);
    expect(host.unavailableFeatures).toEqual(["hvs.completeWork", "hvs.onWorkStart"]);
    expect(() => host.onWorkStart(() => undefined)).not.toThrow();
  });
});
