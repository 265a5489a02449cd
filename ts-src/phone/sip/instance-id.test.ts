import { INSTANCE_ID_KEY, isUuid, stableInstanceId } from "./instance-id";

const memory = () => {
  const m = new Map<string, string>();
  return {
    m,
    get: (k: string) => m.get(k) ?? null,
    set: (k: string, v: string) => void m.set(k, v)
  };
};
const UUID_A = "3f1c5e0a-8b7d-4c2e-9f10-1234567890ab";
const UUID_B = "0e9d8c7b-6a59-4483-a726-150f1e2d3c4b";

describe("stableInstanceId", () => {
  it("generates once, stores, and reuses", () => {
    const s = memory();
    const first = stableInstanceId(undefined, s, () => UUID_A);
    const second = stableInstanceId(undefined, s, () => UUID_B);
    expect(first).toBe(UUID_A);
    expect(second).toBe(UUID_A);
    expect(s.m.get(INSTANCE_ID_KEY)).toBe(UUID_A);
    expect(s.m.size).toBe(1);
  });
  it("replaces a corrupted stored value", () => {
    const s = memory();
    s.set(INSTANCE_ID_KEY, "<script>");
    expect(stableInstanceId(undefined, s, () => UUID_B)).toBe(UUID_B);
  });
  it("prefers a configured UUID and rejects a bad one", () => {
    expect(stableInstanceId(UUID_A.toUpperCase(), memory())).toBe(UUID_A);
    expect(() => stableInstanceId("nope", memory())).toThrow(
      expect.objectContaining({ code: "CONFIG" })
    );
  });
  it("survives blocked storage", () => {
    const blocked = {
      get: () => {
        throw new Error("SecurityError");
      },
      set: () => {
        throw new Error("SecurityError");
      }
    };
    expect(stableInstanceId(undefined, blocked, () => UUID_A)).toBe(UUID_A);
  });
  it("generates real v4 UUIDs by default", () => {
    const id = stableInstanceId(undefined, undefined);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe("4");
  });
});
