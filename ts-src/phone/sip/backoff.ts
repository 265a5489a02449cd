/**
 * Reconnect delays: exponential from `baseMs`, capped at `maxMs`, with "equal jitter" so many
 * agents cut off by the same PBX restart do not all reconnect in the same instant.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Returns a number in [0, 1); injectable for deterministic tests. */
  random?: () => number;
}

/** Delay before reconnect attempt `attempt` (1 = first retry), in milliseconds. */
export function backoffDelay(
  attempt: number,
  { baseMs, maxMs, random = Math.random }: BackoffOptions
): number {
  const step = Math.max(1, Math.floor(attempt));
  // 2^30 already exceeds any sane cap; clamping the exponent keeps the arithmetic finite.
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(step - 1, 30));
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}
