/**
 * Dispositions from the call center: which ones an agent may pick, whether one must be
 * picked before after-call work is saved, and how much "Extend" adds to a timed wrap-up.
 */
import type { CallFlowSettings } from "../call-flow-settings";
import { DEFAULT_DISPOSITIONS } from "../call-flow-settings";
import type { CallView } from "../model";

/** What one press of "Extend wrap-up" adds to a timed after-call work. */
export const WRAP_UP_EXTENSION_MS = 30_000;

export function dispositionList(settings: CallFlowSettings | undefined): readonly string[] {
  return settings?.dispositions ?? DEFAULT_DISPOSITIONS;
}

/** The call center's spelling of `value` when it is on the list, else null. */
export function allowedDisposition(
  settings: CallFlowSettings | undefined,
  value: string
): string | null {
  const wanted = value.trim().toLowerCase();
  return dispositionList(settings).find((d) => d.toLowerCase() === wanted) ?? null;
}

/** With `dispositionRequired`, after-call work starts with no disposition chosen. */
export function presetDisposition(
  settings: CallFlowSettings | undefined,
  preset: string
): string | undefined {
  return settings?.dispositionRequired ? undefined : preset;
}

/** Why the agent cannot save yet, or null when saving is allowed. */
export function saveBlocker(view: CallView, settings: CallFlowSettings | undefined): string | null {
  if (settings?.dispositionRequired && !view.disposition) {
    return "Choose a disposition before saving this call.";
  }
  return null;
}
