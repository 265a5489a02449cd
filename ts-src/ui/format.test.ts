import { formatClock, formatDuration, partyLabel, partyName } from "./format";
import { makeCall } from "./test-support/fake-store";

describe("formatDuration", () => {
  it.each([
    [0, "0:00"],
    [5.9, "0:05"],
    [65, "1:05"],
    [3599, "59:59"],
    [3600, "1:00:00"],
    [3725, "1:02:05"],
    [-4, "0:00"]
  ])("formats %s seconds as %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe("formatClock", () => {
  it("shows 24-hour local time with seconds", () => {
    expect(formatClock(new Date(2026, 0, 2, 7, 4, 9).getTime())).toBe("07:04:09");
    expect(formatClock(new Date(2026, 0, 2, 23, 59, 0).getTime())).toBe("23:59:00");
  });
});

describe("partyName / partyLabel", () => {
  it("prefers the caller ID name, then the one match, then the related record", () => {
    expect(partyName(makeCall({ callerName: "Ada" }))).toBe("Ada");
    expect(
      partyName(
        makeCall({ matchStatus: "one", matches: [{ id: "1", name: "Bob", objectType: "Lead" }] })
      )
    ).toBe("Bob");
    expect(partyName(makeCall({ relatedTo: { id: "1", name: "Carol" } }))).toBe("Carol");
    expect(partyName(makeCall())).toBeUndefined();
  });

  it("combines name and number", () => {
    expect(partyLabel(makeCall({ callerName: "Ada" }))).toBe("Ada, (415) 555-0123");
    expect(partyLabel(makeCall({ displayNumber: "" }))).toBe("+14155550123");
  });
});

describe("chosenMatch", () => {
  const matches = [
    { id: "003A", name: "Ada", objectType: "Contact" },
    { id: "00QB", name: "Bea", objectType: "Lead" }
  ];
  it("is the related match once chosen, the only match otherwise, none while several", () => {
    expect(partyName(makeCall({ matchStatus: "one", matches, relatedTo: { id: "00QB" } }))).toBe(
      "Bea"
    );
    expect(partyName(makeCall({ matchStatus: "one", matches: [matches[0]!] }))).toBe("Ada");
    expect(partyName(makeCall({ matchStatus: "several", matches }))).toBeUndefined();
  });
});

describe("partyName with a known caller", () => {
  it("uses the caller record's name when caller ID has none", () => {
    expect(
      partyName(
        makeCall({
          caller: { id: "003A", name: "Dana" },
          relatedTo: { id: "500B", name: "Case 1" }
        })
      )
    ).toBe("Dana");
  });
});
