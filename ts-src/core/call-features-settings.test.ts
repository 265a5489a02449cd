import {
  CALL_FEATURE_ITEMS as I,
  parseCallFeatures,
  readPairs,
  supervisorDialString
} from "./call-features-settings";
import { parseSettings } from "./settings";

function parse(raw: Record<string, string>) {
  const problems: Array<{ item: string; value: string; allowed: string }> = [];
  const features = parseCallFeatures(raw, (item, value, allowed) =>
    problems.push({ item, value, allowed })
  );
  return { features, problems };
}

describe("callFeatures settings", () => {
  it("reads every item", () => {
    const { features, problems } = parse({
      [I.conferenceUri]: " sip:conf@pbx.example.com ",
      [I.featureCodes]: "Pause recording=*1, Resume recording=*2,Park=sip:700@pbx.example.com",
      [I.supervisorCodes]: "Listen=*81{ext},Barge=sip:*83{ext}@pbx.example.com",
      [I.voicemailMessages]: "Callback=/resource/VoicemailCallback/callback.mp3,Short=/resource/Vm"
    });
    expect(problems).toEqual([]);
    expect(features).toEqual({
      conferenceUri: "sip:conf@pbx.example.com",
      featureCodes: [
        { name: "Pause recording", kind: "digits", value: "*1" },
        { name: "Resume recording", kind: "digits", value: "*2" },
        { name: "Park", kind: "uri", value: "sip:700@pbx.example.com" }
      ],
      supervisorCodes: [
        { name: "Listen", template: "*81{ext}" },
        { name: "Barge", template: "sip:*83{ext}@pbx.example.com" }
      ],
      voicemailMessages: [
        { name: "Callback", path: "/resource/VoicemailCallback/callback.mp3" },
        { name: "Short", path: "/resource/Vm" }
      ]
    });
  });

  it("is empty when the section is missing, and Settings carries it", () => {
    expect(parse({})).toEqual({
      features: {
        conferenceUri: null,
        featureCodes: [],
        supervisorCodes: [],
        voicemailMessages: []
      },
      problems: []
    });
    const result = parseSettings({ [I.featureCodes]: "Park=*70" });
    expect(result.ok && result.settings.features.featureCodes).toEqual([
      { name: "Park", kind: "digits", value: "*70" }
    ]);
  });

  it.each([
    [I.conferenceUri, "https://conf.example.com"],
    [I.featureCodes, "Pause recording"],
    [I.featureCodes, "Pause=*1,Pause=*2"],
    [I.featureCodes, "Pause=hello"],
    [I.featureCodes, "=*1"],
    [I.supervisorCodes, "Listen=*81"],
    [I.supervisorCodes, "Listen=*81{ext}{ext}"],
    [I.voicemailMessages, "Callback=https://evil.example.com/a.mp3"],
    [I.voicemailMessages, "Callback=/resource/Vm/../../secret"],
    [I.voicemailMessages, "Callback=/apex/Page"]
  ])("reports %s = %s and leaves it empty", (item, value) => {
    const { problems } = parse({ [item]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ item, value });
    const result = parseSettings({ [item]: value });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.item)).toEqual([item]);
  });

  it("limits the number of entries", () => {
    const many = Array.from({ length: 13 }, (_, i) => `Code ${i}=*${i}`).join(",");
    expect(readPairs(many)).toBeNull();
    expect(readPairs(many.split(",").slice(0, 12).join(","))).toHaveLength(12);
  });

  it("puts an extension's digits into a supervisor code", () => {
    const code = { name: "Listen", template: "*81{ext}" };
    expect(supervisorDialString(code, "1001")).toBe("*811001");
    expect(supervisorDialString(code, "ext. 12-34")).toBe("*811234");
    expect(supervisorDialString(code, "reception")).toBeNull();
  });
});
