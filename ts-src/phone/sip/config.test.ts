import {
  parseIceServers,
  validateSipConfig,
  validateSipDomain,
  validateWebSocketUrl
} from "./config";

const base = {
  webSocketUrl: "wss://pbx.example.com:8089/ws",
  sipDomain: "pbx.example.com",
  iceServers: []
};

describe("validateWebSocketUrl", () => {
  it("accepts wss anywhere and ws only on loopback", () => {
    expect(validateWebSocketUrl("wss://pbx.example.com:8089/ws")).toBe(
      "wss://pbx.example.com:8089/ws"
    );
    expect(validateWebSocketUrl("ws://127.0.0.1:8080")).toBe("ws://127.0.0.1:8080/");
    expect(validateWebSocketUrl("ws://localhost:8080/ws")).toBe("ws://localhost:8080/ws");
  });
  it.each([
    "",
    "ws://pbx.example.com/ws",
    "https://pbx.example.com",
    "pbx.example.com",
    "wss://u:p@pbx.example.com",
    42
  ])("rejects %j with a CONFIG error naming the item", (bad) => {
    expect(() => validateWebSocketUrl(bad)).toThrow(expect.objectContaining({ code: "CONFIG" }));
    expect(() => validateWebSocketUrl(bad)).toThrow(/webSocketUrl/);
  });
});

describe("validateSipDomain", () => {
  it("accepts names and IPv4 literals, lower-cased", () => {
    expect(validateSipDomain(" PBX.Example.com ")).toBe("pbx.example.com");
    expect(validateSipDomain("127.0.0.1")).toBe("127.0.0.1");
  });
  it.each([
    "",
    "pbx example.com",
    "pbx.example.com:5060",
    "sip:pbx.example.com",
    "-bad.example.com",
    null
  ])("rejects %j", (bad) => expect(() => validateSipDomain(bad)).toThrow(/sipDomain/));
});

describe("parseIceServers", () => {
  it("turns URLs into RTCIceServer entries and drops blanks", () => {
    expect(
      parseIceServers([
        "stun:stun.example.com:3478",
        " ",
        "turns:turn.example.com:443?transport=tcp"
      ])
    ).toEqual([
      { urls: "stun:stun.example.com:3478" },
      { urls: "turns:turn.example.com:443?transport=tcp" }
    ]);
    expect(parseIceServers(undefined)).toEqual([]);
  });
  it.each([["http://stun.example.com"], ["stun:a b"], [42]])("rejects %j", (bad) => {
    expect(() => parseIceServers([bad])).toThrow(/iceServers/);
  });
  it("rejects a non-list", () => expect(() => parseIceServers("stun:x")).toThrow(/iceServers/));
});

describe("validateSipConfig", () => {
  it("fills defaults", () => {
    expect(validateSipConfig(base)).toEqual({
      webSocketUrl: "wss://pbx.example.com:8089/ws",
      sipDomain: "pbx.example.com",
      iceServers: [],
      registerExpires: 600,
      reconnectBaseMs: 1000,
      reconnectMaxMs: 30_000,
      iceGatheringTimeoutMs: 2000,
      reconnectGraceMs: 30_000,
      qualityIntervalMs: 2000
    });
  });
  it("takes the grace period in whole seconds, 0 to 300", () => {
    expect(validateSipConfig({ ...base, reconnectGraceSeconds: 0 }).reconnectGraceMs).toBe(0);
    expect(validateSipConfig({ ...base, reconnectGraceSeconds: 300 }).reconnectGraceMs).toBe(
      300_000
    );
    for (const bad of [-1, 301, 2.5, "30"])
      expect(() => validateSipConfig({ ...base, reconnectGraceSeconds: bad as never })).toThrow(
        /reconnectGraceSeconds .* from 0 to 300/
      );
  });
  it("checks the numeric knobs", () => {
    expect(() => validateSipConfig({ ...base, registerExpires: 5 })).toThrow(/registerExpires/);
    expect(() => validateSipConfig({ ...base, reconnect: { baseMs: 5000, maxMs: 1000 } })).toThrow(
      /reconnect.maxMs/
    );
    expect(() => validateSipConfig({ ...base, iceGatheringTimeoutMs: 1.5 })).toThrow(
      /iceGatheringTimeoutMs/
    );
  });
  it("rejects missing settings", () => {
    expect(() => validateSipConfig(undefined as never)).toThrow(
      expect.objectContaining({ code: "CONFIG" })
    );
  });
});
