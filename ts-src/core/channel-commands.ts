/**
 * The `channelCommands` call center item: which message-channel commands other Lightning
 * components may send. Kept free of imports so settings.ts can read it without a cycle.
 */
/** The message-channel commands an admin may allow (channel.ts has the full command set). */
export type GuardedCommand =
  "requestState" | "dial" | "answer" | "hangup" | "hold" | "mute" | "sendDigits" | "transfer";

/** Everything an admin may list; `simulateIncoming` is the demo phone's own, never guarded. */
export const GUARDED_COMMANDS: readonly GuardedCommand[] = [
  "requestState",
  "dial",
  "answer",
  "hangup",
  "hold",
  "mute",
  "sendDigits",
  "transfer"
];

export const DEFAULT_CHANNEL_COMMANDS: readonly GuardedCommand[] = [
  "requestState",
  "dial",
  "hangup",
  "hold",
  "mute"
];

export type ChannelCommandsRead =
  { ok: true; commands: readonly GuardedCommand[] } | { ok: false; allowed: string };

/**
 * Reads the comma-separated `channelCommands` item: empty or missing means the default list,
 * `none` means no command at all, an unknown name is a setup problem.
 */
export function readChannelCommands(value: string | undefined): ChannelCommandsRead {
  const text = (value ?? "").trim();
  if (text === "") return { ok: true, commands: DEFAULT_CHANNEL_COMMANDS };
  if (text.toLowerCase() === "none") return { ok: true, commands: [] };
  const commands: GuardedCommand[] = [];
  for (const part of text.split(",").map((s) => s.trim())) {
    const found = GUARDED_COMMANDS.find((name) => name.toLowerCase() === part.toLowerCase());
    if (found === undefined) {
      return {
        ok: false,
        allowed: `comma-separated commands from ${GUARDED_COMMANDS.join(", ")}; none; or empty for ${DEFAULT_CHANNEL_COMMANDS.join(", ")}`
      };
    }
    if (!commands.includes(found)) commands.push(found);
  }
  return { ok: true, commands };
}
