/**
 * Open CTI does not de-duplicate listeners and has no way to remove one, so each event is
 * registered with the API once, on first use, and fanned out here to removable listeners.
 */
import type { Unsubscribe } from "./cti-host";

export class ListenerHub<T> {
  private readonly listeners = new Set<(value: T) => void>();
  private registered = false;

  constructor(
    private readonly name: string,
    private readonly register: (dispatch: (value: T) => void) => void
  ) {}

  add(listener: (value: T) => void): Unsubscribe {
    if (typeof listener !== "function")
      throw new TypeError(`${this.name}: listener must be a function`);
    // Wrapped so the same function added twice gets two independent registrations.
    const entry = (value: T): void => listener(value);
    this.listeners.add(entry);
    if (!this.registered) {
      this.registered = true;
      try {
        this.register((value) => this.dispatch(value));
      } catch (error) {
        this.registered = false;
        this.listeners.delete(entry);
        throw error;
      }
    }
    return () => {
      this.listeners.delete(entry);
    };
  }

  get size(): number {
    return this.listeners.size;
  }

  private dispatch(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        // One failing listener must not keep the others from hearing the event.
        console.error(`${this.name} listener failed`, error);
      }
    }
  }
}
