import { CALL_FLOW_ITEMS } from "../call-flow-settings";
import { boot } from "../testing/harness";
import { NUMBERS } from "../testing/numbers";
import { host } from "../testing/softphone-fixtures";
import { POST_DIAL_DELAY_MS, lettersToDigits, planNumber, splitExtension } from "./extensions";

const rules = {
  defaultCountry: "US" as const,
  dialFormat: "e164" as const,
  prefixes: { outside: "9", longDistance: "1", international: "011" }
};
const noCodes = { allowServiceCodes: false };

describe("numbers people really have", () => {
  it.each([
    ["+1 415 555 0100 x123", "+14155550100", "123"],
    ["(415) 555-0100 ext. 4567", "+14155550100", "4567"],
    ["415.555.0100, extension 9", "+14155550100", "9"],
    ["+44 20 7946 0322 EXT 12", "+442079460322", "12"]
  ])("%s dials %s then %s after connect", (input, dial, ext) => {
    expect(planNumber(input, rules, NUMBERS, noCodes)).toMatchObject({
      ok: true,
      dialString: dial,
      number: dial,
      postDialDigits: ext
    });
  });

  it("keeps dialFormat prefixes for the main number", () => {
    const plan = planNumber(
      "415 555 0100 x7",
      { ...rules, dialFormat: "prefixes" },
      NUMBERS,
      noCodes
    );
    expect(plan).toMatchObject({ ok: true, dialString: "914155550100", postDialDigits: "7" });
  });

  it("maps letters to keypad digits", () => {
    expect(lettersToDigits("1-800-FLOWERS")).toBe("1-800-3569377");
    expect(planNumber("1-800-FLOWERS", rules, NUMBERS, noCodes)).toMatchObject({
      ok: true,
      dialString: "+18003569377"
    });
    expect(lettersToDigits("hello")).toBeNull();
    expect(planNumber("call me", rules, NUMBERS, noCodes).ok).toBe(false);
  });

  it("allows * and # service codes only where the call center does", () => {
    expect(planNumber("*67 415 555 0100", rules, NUMBERS, noCodes)).toMatchObject({
      ok: false,
      message: expect.stringContaining("allowServiceCodes")
    });
    expect(
      planNumber("*67 415 555 0100", rules, NUMBERS, { allowServiceCodes: true })
    ).toMatchObject({
      ok: true,
      dialString: "*674155550100"
    });
    expect(planNumber("*72", rules, NUMBERS, noCodes)).toMatchObject({
      ok: true,
      dialString: "*72"
    });
  });

  it("splits only a real extension", () => {
    expect(splitExtension("x123")).toBeNull();
    expect(splitExtension("Max 5")).toBeNull();
  });

  it("sends the extension as tones once the call is answered, not before", async () => {
    const t = await boot(host({ [CALL_FLOW_ITEMS.allowServiceCodes]: "false" }));
    await t.store.actions.dial("+1 415 555 0100 x123");
    const id = t.store.getState().call?.id ?? "";
    expect(t.phone.listCalls()[0]?.remoteNumber).toBe("+14155550100");
    await t.clock.advance(1000);
    expect(t.store.getState().call?.state).toBe("connected");
    expect(t.phone.sentDigits(id)).toBe("");
    await t.clock.advance(POST_DIAL_DELAY_MS);
    expect(t.phone.sentDigits(id)).toBe("123");
  });
});
