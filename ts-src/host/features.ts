/**
 * Feature detection over an Open CTI library. Salesforce's library is not always whole: an
 * older one (API 43) has no subscribe/publish/unsubscribe and no `hvs`, a trimmed one may lack
 * more. Each method the client would call is looked up once; a missing one is listed and
 * skipped — never called, so it can never throw — in the way that suits it:
 *  - a listener registration registers nothing (its listeners are simply never called);
 *  - an effect that only changes Salesforce's chrome (labels, icons, panel size, click-to-dial
 *    on/off, refresh) resolves as done;
 *  - anything whose answer matters rejects with NOT_AVAILABLE, as hosts without a feature do.
 */
import { OpenCtiError } from "./errors";

export class Features {
  /** The method paths the library lacks, e.g. `hvs.onWorkStart`, `subscribe`. */
  readonly unavailable: readonly string[];
  private readonly missing: ReadonlySet<string>;

  constructor(
    api: unknown,
    paths: readonly string[],
    private readonly skippable: ReadonlySet<string>,
    private readonly libraryName: string
  ) {
    this.unavailable = paths.filter((path) => typeof lookup(api, path) !== "function");
    this.missing = new Set(this.unavailable);
  }

  has(path: string): boolean {
    return !this.missing.has(path);
  }

  /** Runs `call` when the method exists; otherwise skips it as described above. */
  guard<T>(path: string, call: () => Promise<T>, skipped?: T): Promise<T> {
    if (this.has(path)) return call();
    if (this.skippable.has(path)) return Promise.resolve(skipped as T);
    return Promise.reject(
      OpenCtiError.notAvailable(
        path,
        `${this.libraryName}.${path} is not in this Open CTI library.`
      )
    );
  }
}

/** `a.b` on an object, or undefined (never throws, whatever the library holds). */
function lookup(root: unknown, path: string): unknown {
  let value: unknown = root;
  for (const part of path.split(".")) {
    if ((typeof value !== "object" && typeof value !== "function") || value === null)
      return undefined;
    try {
      value = (value as Record<string, unknown>)[part];
    } catch {
      return undefined;
    }
  }
  return value;
}
