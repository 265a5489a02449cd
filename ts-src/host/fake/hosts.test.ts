import { ClassicHost } from "../classic/classic-host";
import { LightningHost } from "../lightning/lightning-host";
import { createFakeHost } from ".";

describe("createFakeHost", () => {
  it("builds a Lightning host over a fresh org with the softphone Apex", async () => {
    const onScreenPop = jest.fn();
    const { org, host } = createFakeHost("lightning", { onScreenPop });
    expect(host).toBeInstanceOf(LightningHost);
    const contact = org.addContact({ LastName: "Ng", Phone: "555 0100" });
    expect(
      await host.runApex("SoftphoneCallerLookup", "findByPhone", { phone: "5550100" })
    ).toEqual({
      matches: [expect.objectContaining({ id: contact.Id })]
    });
    await host.screenPop({ type: "sobject", recordId: contact.Id });
    expect(onScreenPop).toHaveBeenCalledWith({
      api: "lightning",
      type: "sobject",
      params: { recordId: contact.Id }
    });
  });

  it("shares an org between a Lightning and a Classic host", async () => {
    const { org, host: lightning } = createFakeHost("lightning");
    const { host: classic } = createFakeHost("classic", { org });
    expect(classic).toBeInstanceOf(ClassicHost);
    await lightning.saveLog("Task", { Subject: "from Lightning" });
    await classic.saveLog("Task", { Subject: "from Classic" });
    expect(org.tasks.map((task) => task.fields.Subject)).toEqual([
      "from Lightning",
      "from Classic"
    ]);
  });

  it("fails a forgotten callback fast", async () => {
    jest.useFakeTimers();
    try {
      const { org, host } = createFakeHost("lightning", { softphoneApex: false });
      org.dropNext("refreshView");
      const settled = host.refreshView().catch((error: unknown) => error);
      await jest.advanceTimersByTimeAsync(1000);
      await expect(settled).resolves.toMatchObject({ code: "TIMEOUT" });
      await expect(
        host.runApex("SoftphoneCallerLookup", "findByPhone", { phone: "555" })
      ).rejects.toMatchObject({
        code: "SERVER_ERROR"
      });
    } finally {
      jest.useRealTimers();
    }
  });
});
