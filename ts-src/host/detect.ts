/**
 * Finds the Open CTI host the page runs in. Salesforce adds `mode=Lightning` and
 * `sfdcIframeOrigin` to the softphone URL in Lightning Experience; Classic loads
 * interaction.js instead. Neither API on the page means we are not inside Salesforce.
 */
import { ClassicHost } from "./classic/classic-host";
import type { ClassicInteractionApi } from "./classic/types";
import type { CallOptions } from "./invoke";
import { LightningHost } from "./lightning/lightning-host";
import type { OpenCtiLightningApi } from "./lightning/types";

export interface SforceWindow {
  location: { search: string };
  sforce?: { opencti?: OpenCtiLightningApi; interaction?: ClassicInteractionApi };
}

export type DetectedHost =
  | { kind: "lightning"; host: LightningHost }
  | { kind: "classic"; host: ClassicHost }
  | { kind: "none"; reason: string };

export function detectHost(win: SforceWindow, options?: CallOptions): DetectedHost {
  const params = new URLSearchParams(win.location.search);
  const lightningUrl = params.get("mode") === "Lightning" && params.has("sfdcIframeOrigin");
  const opencti = win.sforce?.opencti;
  const interaction = win.sforce?.interaction;
  if (lightningUrl && isObject(opencti))
    return { kind: "lightning", host: new LightningHost(opencti, options) };
  if (isObject(interaction))
    return { kind: "classic", host: new ClassicHost(interaction, options) };
  if (lightningUrl) {
    return {
      kind: "none",
      reason:
        "The page was opened by Lightning Experience, but the Open CTI script (opencti_min.js) did not load."
    };
  }
  return {
    kind: "none",
    reason:
      "Not inside Salesforce: open the softphone from a Salesforce app whose call center uses this page as its adapter URL."
  };
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}
