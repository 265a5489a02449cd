/**
 * Ready-made CtiHosts over a fake org, for tests of code that uses CtiHost (core, ui):
 * `const { org, host } = createFakeHost("lightning")`.
 */
import { ClassicHost } from "../classic/classic-host";
import type { CtiHost } from "../cti-host";
import type { CallOptions } from "../invoke";
import { LightningHost } from "../lightning/lightning-host";
import { registerSoftphoneApex } from "./apex-handlers";
import { createFakeInteraction } from "./fake-interaction";
import { createFakeOpenCti, type FakeHostHooks } from "./fake-opencti";
import { FakeOrg, type FakeOrgOptions } from "./org";

export interface FakeHostOptions extends FakeOrgOptions, FakeHostHooks {
  /** An existing org to share (e.g. between a Lightning and a Classic host). */
  org?: FakeOrg;
  /** Register the project's Apex handlers (default true). */
  softphoneApex?: boolean;
  /** Client options; the default timeout here is 1 s so a forgotten callback fails a test fast. */
  callOptions?: CallOptions;
}

export function createFakeHost(
  kind: "lightning",
  options?: FakeHostOptions
): { org: FakeOrg; host: LightningHost };
export function createFakeHost(
  kind: "classic",
  options?: FakeHostOptions
): { org: FakeOrg; host: ClassicHost };
export function createFakeHost(
  kind: "lightning" | "classic",
  options?: FakeHostOptions
): { org: FakeOrg; host: CtiHost };
export function createFakeHost(
  kind: "lightning" | "classic",
  options: FakeHostOptions = {}
): { org: FakeOrg; host: CtiHost } {
  const {
    org: given,
    softphoneApex = true,
    callOptions,
    onScreenPop,
    onRefreshView,
    onPanelChange,
    ...orgOptions
  } = options;
  const org = given ?? new FakeOrg(orgOptions);
  if (softphoneApex && !given) registerSoftphoneApex(org);
  const hooks: FakeHostHooks = {
    ...(onScreenPop ? { onScreenPop } : {}),
    ...(onRefreshView ? { onRefreshView } : {}),
    ...(onPanelChange ? { onPanelChange } : {})
  };
  const client = { timeoutMs: 1000, retryBaseDelayMs: 10, ...callOptions };
  const host =
    kind === "lightning"
      ? new LightningHost(createFakeOpenCti(org, hooks), client)
      : new ClassicHost(createFakeInteraction(org, hooks), client);
  return { org, host };
}
