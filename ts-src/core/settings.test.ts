import { DEFAULT_CALL_FLOW } from "./call-flow-settings";
import { ITEMS, parseSettings } from "./settings";

const sip = {
  [ITEMS.provider]: "sip",
  [ITEMS.webSocketUrl]: "wss://pbx.example.com:8089/ws",
  [ITEMS.sipDomain]: "pbx.example.com"
};

describe("parseSettings", () => {
  it("applies the documented defaults when items are missing", () => {
    const result = parseSettings({});
    expect(result).toEqual({
      ok: true,
      settings: {
        provider: "demo",
        defaultCountry: "US",
        screenPop: "apex",
        noMatchPop: { kind: "newContact" },
        logCalls: true,
        wrapUpSeconds: null,
        dialFormat: "e164",
        prefixes: { outside: "9", longDistance: "1", international: "011" },
        sip: undefined,
        panel: { height: 400, width: 340 },
        features: {
          conferenceUri: null,
          featureCodes: [],
          supervisorCodes: [],
          voicemailMessages: []
        },
        retentionDays: 7,
        callFlow: DEFAULT_CALL_FLOW,
        reconnectGraceSeconds: 30,
        channelCommands: ["requestState", "dial", "hangup", "hold", "mute"]
      }
    });
  });

  it("reads retentionDays: whole days from 1 to 90, a clear problem otherwise", () => {
    const read = (value: string) => parseSettings({ [ITEMS.retentionDays]: value });
    expect(read("30")).toMatchObject({ ok: true, settings: { retentionDays: 30 } });
    for (const bad of ["0", "91", "7.5", "week"]) {
      expect(read(bad)).toMatchObject({
        ok: false,
        problems: [{ item: ITEMS.retentionDays, value: bad }]
      });
    }
  });

  it("reads every item, trimming and accepting any letter case for choices", () => {
    const result = parseSettings({
      [ITEMS.provider]: " Demo ",
      [ITEMS.defaultCountry]: "gb",
      [ITEMS.screenPop]: "layout",
      [ITEMS.noMatchPop]: "flow:New_Caller_Flow",
      [ITEMS.logCalls]: "FALSE",
      [ITEMS.wrapUpSeconds]: "45",
      [ITEMS.dialFormat]: "prefixes",
      [ITEMS.outsidePrefix]: "",
      [ITEMS.longDistPrefix]: "0",
      [ITEMS.internationalPrefix]: "00",
      [ITEMS.height]: "500",
      [ITEMS.width]: "300"
    });
    expect(result.ok && result.settings).toMatchObject({
      provider: "demo",
      defaultCountry: "GB",
      screenPop: "layout",
      noMatchPop: { kind: "flow", flowName: "New_Caller_Flow" },
      logCalls: false,
      wrapUpSeconds: 45,
      dialFormat: "prefixes",
      prefixes: { outside: "", longDistance: "0", international: "00" },
      panel: { height: 500, width: 300 }
    });
  });

  it.each([
    [ITEMS.provider, "asterisk", "one of demo, sip"],
    [ITEMS.defaultCountry, "USA", "ISO 3166"],
    [ITEMS.defaultCountry, "XX", "ISO 3166"],
    [ITEMS.screenPop, "always", "apex, layout, off"],
    [ITEMS.noMatchPop, "flow:", "flow:<FlowApiName>"],
    [ITEMS.noMatchPop, "flow:bad name", "flow:<FlowApiName>"],
    [ITEMS.noMatchPop, "flow:Two__Underscores", "flow:<FlowApiName>"],
    [ITEMS.noMatchPop, "flow:Trailing_", "flow:<FlowApiName>"],
    [ITEMS.noMatchPop, "newAccount", "newContact, newLead"],
    [ITEMS.logCalls, "yes", "true, false"],
    [ITEMS.wrapUpSeconds, "-1", "whole seconds"],
    [ITEMS.wrapUpSeconds, "3601", "whole seconds"],
    [ITEMS.wrapUpSeconds, "1.5", "whole seconds"],
    [ITEMS.dialFormat, "national", "e164, prefixes"],
    [ITEMS.outsidePrefix, "9a", "up to 6 digits"],
    [ITEMS.internationalPrefix, "0011223", "up to 6 digits"],
    [ITEMS.height, "100", "240 to 2560"],
    [ITEMS.width, "wide", "200 to 1920"]
  ])("reports %s = %p as a problem naming what is allowed", (item, value, allowed) => {
    const result = parseSettings({ [item]: value });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].item).toBe(item);
    expect(result.problems[0].value).toBe(value.trim());
    expect(result.problems[0].allowed).toContain(allowed);
  });

  it("reports every problem at once", () => {
    const result = parseSettings({
      [ITEMS.provider]: "x",
      [ITEMS.screenPop]: "y",
      [ITEMS.logCalls]: "z"
    });
    expect(!result.ok && result.problems.map((p) => p.item)).toEqual([
      ITEMS.provider,
      ITEMS.screenPop,
      ITEMS.logCalls
    ]);
  });

  it("shortens huge values in problems", () => {
    const result = parseSettings({ [ITEMS.provider]: "x".repeat(5000) });
    expect(!result.ok && result.problems[0].value.length).toBeLessThanOrEqual(101);
  });

  it("reads SIP settings when provider is sip", () => {
    const result = parseSettings({
      ...sip,
      [ITEMS.iceServers]: "stun:stun.example.com:3478, stuns:stun.example.com:5349",
      [ITEMS.credentials]: "salesforce"
    });
    expect(result.ok && result.settings.sip).toEqual({
      webSocketUrl: "wss://pbx.example.com:8089/ws",
      sipDomain: "pbx.example.com",
      iceServers: ["stun:stun.example.com:3478", "stuns:stun.example.com:5349"],
      credentials: "salesforce"
    });
  });

  it.each(["turn:turn.example.com:3478", "stun:stun.example.com, TURNS:turn.example.com:5349"])(
    "refuses TURN servers, which need credentials call center items cannot hold: %s",
    (iceServers) => {
      const result = parseSettings({ ...sip, [ITEMS.iceServers]: iceServers });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.problems).toEqual([
        {
          item: ITEMS.iceServers,
          value: iceServers,
          allowed: expect.stringMatching(
            /turn:\/turns: server needs a user name and credential/
          ) as unknown
        }
      ]);
    }
  );

  it("allows ws:// only for loopback hosts", () => {
    expect(parseSettings({ ...sip, [ITEMS.webSocketUrl]: "ws://127.0.0.1:8080/ws" }).ok).toBe(true);
    expect(parseSettings({ ...sip, [ITEMS.webSocketUrl]: "ws://localhost/ws" }).ok).toBe(true);
    const plain = parseSettings({ ...sip, [ITEMS.webSocketUrl]: "ws://pbx.example.com/ws" });
    expect(!plain.ok && plain.problems[0].item).toBe(ITEMS.webSocketUrl);
  });

  it.each([
    [ITEMS.webSocketUrl, "not a url"],
    [ITEMS.webSocketUrl, "https://pbx.example.com"],
    [ITEMS.sipDomain, "bad domain!"],
    [ITEMS.sipDomain, ""],
    [ITEMS.iceServers, "http://stun.example.com"],
    [ITEMS.credentials, "ldap"]
  ])("reports bad SIP item %s = %p", (item, value) => {
    const result = parseSettings({ ...sip, [item]: value });
    expect(!result.ok && result.problems.map((p) => p.item)).toEqual([item]);
  });

  it("requires the SIP items when provider is sip", () => {
    const result = parseSettings({ [ITEMS.provider]: "sip" });
    expect(!result.ok && result.problems.map((p) => p.item)).toEqual([
      ITEMS.webSocketUrl,
      ITEMS.sipDomain
    ]);
  });

  it("never echoes a password, in an item or inside the WebSocket URL", () => {
    const leaked = parseSettings({ ...sip, "/sipSettings/password": "hunter2" });
    expect(!leaked.ok && leaked.problems).toEqual([
      expect.objectContaining({ item: "/sipSettings/password", value: "(hidden)" })
    ]);
    const inUrl = parseSettings({
      ...sip,
      [ITEMS.webSocketUrl]: "wss://agent:hunter2@pbx.example.com/ws"
    });
    expect(!inUrl.ok && inUrl.problems[0].value).toBe("(contains a password)");
    expect(JSON.stringify(inUrl)).not.toContain("hunter2");
  });

  it("ignores the SIP section for the demo provider and empty secret-looking items", () => {
    expect(parseSettings({ [ITEMS.webSocketUrl]: "junk", "/sipSettings/password": "" }).ok).toBe(
      true
    );
  });

  it("ignores inherited keys and non-string values", () => {
    const raw = Object.create({ [ITEMS.provider]: "bogus" }) as Record<string, string>;
    (raw as Record<string, unknown>)[ITEMS.screenPop] = 42;
    expect(parseSettings(raw).ok).toBe(true);
  });
});

describe("reconnectGraceSeconds", () => {
  const item = "/sipSettings/reconnectGraceSeconds";
  const parse = (value?: string) => parseSettings(value === undefined ? {} : { [item]: value });

  it("defaults to 30 s and reads whole seconds from 0 to 300", () => {
    const ok = (r: ReturnType<typeof parse>) => (r.ok ? r.settings.reconnectGraceSeconds : NaN);
    expect(ok(parse())).toBe(30);
    expect(ok(parse(""))).toBe(30);
    expect(ok(parse("0"))).toBe(0);
    expect(ok(parse(" 45 "))).toBe(45);
    expect(ok(parse("300"))).toBe(300);
  });

  it.each(["301", "-1", "2.5", "thirty"])("names the item for %s", (value) => {
    const result = parse(value);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([{ item, value, allowed: "a whole number from 0 to 300" }]);
  });
});
