import { getCountries } from "libphonenumber-js";
import { COUNTRIES, isSupportedCountry } from "./countries";

describe("countries", () => {
  it("lists exactly the countries the phone-number metadata knows", () => {
    expect([...COUNTRIES].sort()).toEqual([...getCountries()].sort());
  });

  it("accepts known codes and refuses others", () => {
    expect(isSupportedCountry("GB")).toBe(true);
    expect(isSupportedCountry("ZZ")).toBe(false);
    expect(isSupportedCountry("us")).toBe(false);
  });
});
