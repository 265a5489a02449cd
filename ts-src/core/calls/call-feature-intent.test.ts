import { validActionArgs } from "../tabs/protocol";
import { isCallFeatureIntent } from "./call-feature-intent";

describe("isCallFeatureIntent", () => {
  it.each([
    { type: "consult", target: "1001" },
    { type: "consult", target: "1001", name: "Bob" },
    { type: "completeTransfer" },
    { type: "swapLegs" },
    { type: "cancelConsult" },
    { type: "conference" },
    { type: "dropParty", party: "customer" },
    { type: "dropParty", party: "other" },
    { type: "dropVoicemail", message: "Callback" },
    { type: "featureCode", name: "Park" },
    { type: "supervisor", name: "Listen", number: "1001", entryName: "Bob" }
  ])("accepts %j", (intent) => expect(isCallFeatureIntent(intent)).toBe(true));

  it.each([
    null,
    "consult",
    { type: "explode" },
    { type: "consult" },
    { type: "consult", target: "1001", extra: 1 },
    { type: "conference", now: true },
    { type: "dropParty", party: "everyone" },
    { type: "featureCode", name: "x".repeat(81) },
    { type: "dropVoicemail", message: "a\u0000b" },
    { type: "supervisor", name: "Listen" }
  ])("refuses %j", (intent) => expect(isCallFeatureIntent(intent)).toBe(false));
});

describe("forwarded from a follower tab", () => {
  it("is checked before the leader runs it", () => {
    expect(validActionArgs("callFeature", [{ type: "conference" }])).toBe(true);
    expect(validActionArgs("callFeature", [{ type: "conference" }, 1])).toBe(false);
    expect(validActionArgs("callFeature", [{ type: "dial", number: "1" }])).toBe(false);
  });
});
