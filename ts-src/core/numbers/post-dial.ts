/**
 * Tones to send after an outbound call is answered (an extension typed as `x123`): kept per
 * call id until the answer, then sent once after a short pause, and only while the call is
 * still connected.
 */
import type { Clock } from "../clock";
import { POST_DIAL_DELAY_MS } from "./extensions";

export class PostDial {
  readonly #pending = new Map<string, string>();

  constructor(
    private readonly clock: Clock,
    /** Sends the digits when `callId` is still the connected call; resolves either way. */
    private readonly send: (callId: string, digits: string) => void
  ) {}

  expect(callId: string, digits: string | undefined): void {
    if (digits) this.#pending.set(callId, digits);
  }

  /** The call was answered: its digits go out after POST_DIAL_DELAY_MS. */
  connected(callId: string): void {
    const digits = this.#pending.get(callId);
    if (digits === undefined) return;
    this.#pending.delete(callId);
    this.clock.setTimeout(() => this.send(callId, digits), POST_DIAL_DELAY_MS);
  }

  forget(callId: string): void {
    this.#pending.delete(callId);
  }
}
