/** @jest-environment jsdom */
import { microphonePermission } from "./microphone";
import { webStorage } from "./web-storage";

describe("webStorage", () => {
  it("wraps localStorage, listing keys", () => {
    window.localStorage.clear();
    const { storage, durable } = webStorage(() => window.localStorage);
    expect(durable).toBe(true);
    storage.setItem("a", "1");
    storage.setItem("b", "2");
    storage.removeItem("a");
    expect(storage.getItem("b")).toBe("2");
    expect(storage.keys()).toEqual(["b"]);
    expect(window.localStorage.getItem("b")).toBe("2");
  });

  it("falls back to memory when storage is blocked or missing", () => {
    const blocked = webStorage(() => {
      throw new DOMException("blocked", "SecurityError");
    });
    expect(blocked.durable).toBe(false);
    blocked.storage.setItem("x", "1");
    expect(blocked.storage.getItem("x")).toBe("1");
    expect(webStorage(() => null).durable).toBe(false);
  });
});

describe("microphonePermission", () => {
  it("reports the permission state", async () => {
    const query = (state: string) => ({ query: async () => ({ state }) }) as unknown as Permissions;
    expect(await microphonePermission(query("granted"))).toBe("granted");
    expect(await microphonePermission(query("denied"))).toBe("denied");
    expect(await microphonePermission(query("prompt"))).toBe("prompt");
    expect(await microphonePermission(query("weird"))).toBe("unknown");
    expect(await microphonePermission(undefined)).toBe("unknown");
    expect(
      await microphonePermission({
        query: async () => Promise.reject(new TypeError("unknown name"))
      })
    ).toBe("unknown");
  });

  it("reports later changes of the permission", async () => {
    const status = new EventTarget() as EventTarget & { state: string };
    status.state = "prompt";
    const permissions = { query: async () => status } as unknown as Permissions;
    const seen: string[] = [];
    expect(await microphonePermission(permissions, (s) => seen.push(s))).toBe("prompt");
    status.state = "granted";
    status.dispatchEvent(new Event("change"));
    expect(seen).toEqual(["granted"]);
  });
});
