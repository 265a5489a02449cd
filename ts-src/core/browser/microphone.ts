/** Microphone permission for diagnostics, where the Permissions API can tell. */
import type { MicrophoneState } from "../model";

type PermissionsLike = Pick<Permissions, "query">;

export async function microphonePermission(
  permissions: PermissionsLike | undefined
): Promise<MicrophoneState> {
  if (!permissions) return "unknown";
  try {
    const status = await permissions.query({ name: "microphone" as PermissionName });
    return status.state === "granted" || status.state === "denied" || status.state === "prompt"
      ? status.state
      : "unknown";
  } catch {
    // Firefox and Safari may not know the "microphone" permission name.
    return "unknown";
  }
}
