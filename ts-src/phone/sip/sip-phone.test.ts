import { PhoneError } from "../phone";
import { createSipPhone } from "./index";
import { sipfragStatus } from "./sip-phone";

const config = { webSocketUrl: "ws://127.0.0.1:1", sipDomain: "127.0.0.1", iceServers: [] };

describe("createSipPhone", () => {
  it("refuses bad settings with a CONFIG error before connecting", () => {
    expect(() => createSipPhone({ ...config, webSocketUrl: "ws://pbx.example.com/ws" })).toThrow(
      PhoneError
    );
    expect(() => createSipPhone({ ...config, iceServers: ["http://x"] })).toThrow(/iceServers/);
  });

  it("stores only the instance id, never credentials", async () => {
    const stored = new Map<string, string>();
    const phone = createSipPhone({
      ...config,
      storage: { get: (k) => stored.get(k) ?? null, set: (k, v) => void stored.set(k, v) }
    });
    expect([...stored.keys()]).toEqual(["softphone.sip.instanceId"]);
    await expect(phone.register({ username: "a b", password: "pw" })).rejects.toMatchObject({
      code: "CONFIG"
    });
    await expect(phone.register(undefined)).rejects.toMatchObject({ code: "CONFIG" });
    expect(JSON.stringify([...stored.values()])).not.toContain("pw");
    await phone.dispose();
  });

  it("rejects call controls before registration and after dispose", async () => {
    const phone = createSipPhone(config);
    expect(phone.kind).toBe("sip");
    await expect(phone.dial("100")).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(phone.answer("nope")).rejects.toMatchObject({ code: "INVALID_STATE" });
    await phone.dispose();
    await expect(phone.register({ username: "a", password: "b" })).rejects.toMatchObject({
      code: "INVALID_STATE"
    });
  });
});

describe("sipfragStatus", () => {
  it("reads the status of a REFER progress NOTIFY", () => {
    expect(sipfragStatus("SIP/2.0 200 OK")).toBe(200);
    expect(sipfragStatus("SIP/2.0 100 Trying\r\n")).toBe(100);
    expect(sipfragStatus("garbage")).toBeUndefined();
    expect(sipfragStatus(undefined)).toBeUndefined();
  });
});
