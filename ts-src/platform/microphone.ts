/** Microphone permission for diagnostics, where the Permissions API can tell. */
import type { MicrophoneState } from "../core/model";

type PermissionsLike = Pick<Permissions, "query">;

function read(state: string): MicrophoneState {
  return state === "granted" || state === "denied" || state === "prompt" ? state : "unknown";
}

/** The current permission; `onChange` hears later changes (the agent allows or blocks it). */
export async function microphonePermission(
  permissions: PermissionsLike | undefined,
  onChange?: (state: MicrophoneState) => void
): Promise<MicrophoneState> {
  if (!permissions) return "unknown";
  try {
    const status = await permissions.query({ name: "microphone" as PermissionName });
    if (onChange && typeof status.addEventListener === "function") {
      status.addEventListener("change", () => onChange(read(status.state)));
    }
    return read(status.state);
  } catch {
    // Firefox and Safari may not know the "microphone" permission name.
    return "unknown";
  }
}
