import { ClassicHost } from "./classic/classic-host";
import { detectHost } from "./detect";
import { FakeOrg, createFakeInteraction, createFakeOpenCti } from "./fake";
import { LightningHost } from "./lightning/lightning-host";

const LIGHTNING_QUERY =
  "?sfdcIframeOrigin=https%3A%2F%2Facme.lightning.force.com&mode=Lightning&nonce=1";

describe("detectHost", () => {
  it("finds Lightning from the URL and sforce.opencti", () => {
    const org = new FakeOrg();
    const found = detectHost({
      location: { search: LIGHTNING_QUERY },
      sforce: { opencti: createFakeOpenCti(org) }
    });
    expect(found.kind).toBe("lightning");
    expect(found.kind === "lightning" && found.host).toBeInstanceOf(LightningHost);
  });

  it("finds Classic when interaction.js is loaded", () => {
    const org = new FakeOrg();
    const found = detectHost({
      location: { search: "?sfdcIframeOrigin=https%3A%2F%2Facme.my.salesforce.com" },
      sforce: { interaction: createFakeInteraction(org) }
    });
    expect(found.kind).toBe("classic");
    expect(found.kind === "classic" && found.host).toBeInstanceOf(ClassicHost);
  });

  it("needs both mode=Lightning and sfdcIframeOrigin for Lightning", () => {
    const org = new FakeOrg();
    const sforce = { opencti: createFakeOpenCti(org), interaction: createFakeInteraction(org) };
    expect(detectHost({ location: { search: "?mode=Lightning" }, sforce }).kind).toBe("classic");
    expect(detectHost({ location: { search: "?sfdcIframeOrigin=x" }, sforce }).kind).toBe(
      "classic"
    );
    expect(detectHost({ location: { search: LIGHTNING_QUERY }, sforce }).kind).toBe("lightning");
  });

  it("reports not inside Salesforce when neither API is present", () => {
    const found = detectHost({ location: { search: "" } });
    expect(found).toEqual({ kind: "none", reason: expect.stringMatching(/Not inside Salesforce/) });
  });

  it("says the Open CTI script did not load when Lightning opened the page without it", () => {
    const found = detectHost({ location: { search: LIGHTNING_QUERY }, sforce: {} });
    expect(found).toEqual({ kind: "none", reason: expect.stringMatching(/opencti_min\.js/) });
  });

  it("passes call options to the host", async () => {
    jest.useFakeTimers();
    try {
      const org = new FakeOrg();
      org.dropNext("getCallCenterSettings");
      const found = detectHost(
        { location: { search: LIGHTNING_QUERY }, sforce: { opencti: createFakeOpenCti(org) } },
        { timeoutMs: 50 }
      );
      if (found.kind !== "lightning") throw new Error("expected Lightning");
      const settled = found.host.getCallCenterSettings().catch((error: unknown) => error);
      await jest.advanceTimersByTimeAsync(50);
      await expect(settled).resolves.toMatchObject({ code: "TIMEOUT" });
    } finally {
      jest.useRealTimers();
    }
  });
});
