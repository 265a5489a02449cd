/**
 * The small key-value storage the outbox and preferences persist to: localStorage in the
 * browser (see platform/web-storage.ts), memory in tests.
 */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  keys(): string[];
}

export class MemoryStorage implements KeyValueStorage {
  private readonly data = new Map<string, string>();

  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }

  removeItem(key: string): void {
    this.data.delete(key);
  }

  keys(): string[] {
    return [...this.data.keys()];
  }
}

/** Reads a JSON value, treating anything unreadable as absent. */
export function readJson(storage: KeyValueStorage, key: string): unknown {
  try {
    const text = storage.getItem(key);
    return text === null ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** Where every key of one Salesforce user lives: `softphone@<org>/<user>:` + the key. */
export function scopePrefix(orgId: string, userId: string): string {
  return `softphone@${orgId}/${userId}:`;
}

/**
 * One user's view of shared browser storage (shared PCs): keys are stored under the user's
 * prefix and keys() lists only that user's, so nothing of another user is read, sent or shown.
 */
export class ScopedStorage implements KeyValueStorage {
  readonly #inner: KeyValueStorage;
  readonly #prefix: string;

  constructor(inner: KeyValueStorage, prefix: string) {
    this.#inner = inner;
    this.#prefix = prefix;
  }

  getItem(key: string): string | null {
    return this.#inner.getItem(this.#prefix + key);
  }

  setItem(key: string, value: string): void {
    this.#inner.setItem(this.#prefix + key, value);
  }

  removeItem(key: string): void {
    this.#inner.removeItem(this.#prefix + key);
  }

  keys(): string[] {
    return this.#inner
      .keys()
      .filter((key) => key.startsWith(this.#prefix))
      .map((key) => key.slice(this.#prefix.length));
  }
}

/**
 * Storage whose target is chosen later: memory until then (nothing is read or written under
 * an unscoped key before Salesforce says who is signed in), then the user's scoped storage,
 * into which whatever was written meanwhile is moved.
 */
export class DeferredStorage implements KeyValueStorage {
  #target: KeyValueStorage = new MemoryStorage();
  #chosen = false;

  /** Switches to `target` once; later calls are ignored. */
  use(target: KeyValueStorage): void {
    if (this.#chosen) return;
    this.#chosen = true;
    const early = this.#target;
    this.#target = target;
    for (const key of early.keys()) {
      const value = early.getItem(key);
      if (value === null) continue;
      try {
        target.setItem(key, value);
      } catch {
        // Full or blocked: the outbox keeps its own memory copy; the rest is a convenience.
      }
    }
  }

  get chosen(): boolean {
    return this.#chosen;
  }

  getItem(key: string): string | null {
    return this.#target.getItem(key);
  }

  setItem(key: string, value: string): void {
    this.#target.setItem(key, value);
  }

  removeItem(key: string): void {
    this.#target.removeItem(key);
  }

  keys(): string[] {
    return this.#target.keys();
  }
}
