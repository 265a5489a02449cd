import { formatNumber, normaliseNumber, planDial, type DialingRules } from "./dialing";
import { NUMBERS } from "./testing/numbers";

const us: DialingRules = {
  defaultCountry: "US",
  dialFormat: "e164",
  prefixes: { outside: "9", longDistance: "1", international: "011" }
};
const usPrefixes: DialingRules = { ...us, dialFormat: "prefixes" };

describe("planDial", () => {
  it.each([
    ["(415) 555-0100", "+14155550100", "(415) 555-0100"],
    ["415.555.0100", "+14155550100", "(415) 555-0100"],
    ["+1 415 555 0100", "+14155550100", "(415) 555-0100"],
    ["+44 20 7946 0958", "+442079460958", "+44 20 7946 0958"]
  ])("dials %p as E.164", (input, dialString, display) => {
    expect(planDial(input, us, NUMBERS)).toEqual({
      ok: true,
      dialString,
      number: dialString,
      displayNumber: display,
      extension: false
    });
  });

  it("applies outside and long-distance prefixes at home", () => {
    const plan = planDial("415-555-0100", usPrefixes, NUMBERS);
    expect(plan.ok && plan.dialString).toBe("914155550100");
    expect(plan.ok && plan.number).toBe("+14155550100");
  });

  it("applies outside and international prefixes abroad", () => {
    const plan = planDial("+44 20 7946 0958", usPrefixes, NUMBERS);
    expect(plan.ok && plan.dialString).toBe("9011442079460958");
  });

  it("uses the configured prefixes for another home country", () => {
    const de: DialingRules = {
      defaultCountry: "DE",
      dialFormat: "prefixes",
      prefixes: { outside: "0", longDistance: "0", international: "00" }
    };
    expect(planDial("030 901820", de, NUMBERS)).toMatchObject({
      ok: true,
      dialString: "0030901820"
    });
    expect(planDial("+1 415 555 0100", de, NUMBERS)).toMatchObject({
      ok: true,
      dialString: "00014155550100"
    });
  });

  it.each(["1234", "201", "*97", "#21#", "123456"])(
    "dials extension or short code %p as typed",
    (input) => {
      expect(planDial(input, usPrefixes, NUMBERS)).toEqual({
        ok: true,
        dialString: input,
        number: input,
        displayNumber: input,
        extension: true
      });
    }
  );

  it.each([
    ["", "Enter a number"],
    ["   ", "Enter a number"],
    ["1234567", "not a valid phone number for US"],
    ["555-0100-99999", "not a valid phone number"],
    ["call me", "not a phone number"],
    ["<script>", "not a phone number"],
    ["415 555 0100 x12", "extension"],
    ["1".repeat(41), "at most 40"]
  ])("refuses %p with a clear message", (input, message) => {
    const plan = planDial(input, us, NUMBERS);
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.message).toContain(message);
  });
});

describe("formatNumber", () => {
  it("formats home numbers nationally and others internationally", () => {
    expect(formatNumber("+14155550100", "US", NUMBERS)).toBe("(415) 555-0100");
    expect(formatNumber("4155550100", "US", NUMBERS)).toBe("(415) 555-0100");
    expect(formatNumber("+442079460958", "US", NUMBERS)).toBe("+44 20 7946 0958");
  });

  it("shows short national numbers internationally so they never read as extensions", () => {
    expect(formatNumber("+672381234", "NF", NUMBERS)).toBe("+672 3 81234");
    const plan = planDial("+672381234", { ...us, defaultCountry: "NF" }, NUMBERS);
    expect(plan.ok && plan.displayNumber).toBe("+672 3 81234");
    const again = plan.ok
      ? planDial(plan.displayNumber, { ...us, defaultCountry: "NF" }, NUMBERS)
      : plan;
    expect(again.ok && again.number).toBe("+672381234");
  });

  it("leaves what it cannot parse as it is", () => {
    expect(formatNumber("201", "US", NUMBERS)).toBe("201");
    expect(formatNumber("anonymous", "US", NUMBERS)).toBe("anonymous");
    expect(formatNumber("12345678", "US", NUMBERS)).toBe("12345678");
    expect(formatNumber("  ", "US", NUMBERS)).toBe("Unknown number");
  });
});

describe("normaliseNumber", () => {
  it("returns E.164 when the number parses", () => {
    expect(normaliseNumber("(415) 555-0100", "US", NUMBERS)).toBe("+14155550100");
    expect(normaliseNumber("201", "US", NUMBERS)).toBe("201");
    expect(normaliseNumber("12345678", "US", NUMBERS)).toBe("12345678");
  });
});
