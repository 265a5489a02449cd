/** The phone-number rules for tests: loaded already, or behind a loader a test controls. */
import type { LoadPhoneNumbers, PhoneNumbers } from "../phone-numbers";
import { createPhoneNumbers } from "../phone-numbers-lib";

export const NUMBERS: PhoneNumbers = createPhoneNumbers();

/** Resolves at once, as the lazy chunk does once the browser has it. */
export const loadNumbersNow: LoadPhoneNumbers = async () => NUMBERS;

/** A loader that resolves (or fails) only when the test says so. */
export function heldNumbers(): {
  load: LoadPhoneNumbers;
  calls: () => number;
  release(): void;
  fail(error: Error): void;
} {
  let calls = 0;
  const pending: Array<{ resolve(n: PhoneNumbers): void; reject(e: Error): void }> = [];
  return {
    load: () => {
      calls++;
      return new Promise<PhoneNumbers>((resolve, reject) => pending.push({ resolve, reject }));
    },
    calls: () => calls,
    release: () => {
      for (const p of pending.splice(0)) p.resolve(NUMBERS);
    },
    fail: (error) => {
      for (const p of pending.splice(0)) p.reject(error);
    }
  };
}
