/** @jest-environment jsdom */
import { pickCoordination } from "./start-tabs";

describe("pickCoordination", () => {
  it("uses Web Locks where the browser has them", () => {
    const locks = { request: () => Promise.resolve() } as unknown as LockManager;
    const win = { ...window, navigator: { locks }, localStorage: window.localStorage };
    expect(pickCoordination(win as unknown as Window, "t1").kind).toBe("web-locks");
  });

  it("falls back to the storage lease without Web Locks (never a leader in every tab)", () => {
    expect(window.navigator.locks).toBeUndefined();
    expect(pickCoordination(window, "t1").kind).toBe("storage-lease");
  });

  it("runs the tab alone only when storage is unavailable as well", () => {
    const win = {
      navigator: {},
      get localStorage(): Storage {
        throw new Error("SecurityError");
      }
    };
    expect(pickCoordination(win as unknown as Window, "t1").kind).toBe("alone");
  });
});
