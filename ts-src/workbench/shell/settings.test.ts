import { panelSize, settingsFromQuery, settingsToQuery } from "./settings";

describe("workbench settings from the URL", () => {
  it("maps short names and full keys, and ignores anything else", () => {
    expect(
      settingsFromQuery(
        "?provider=sip&wrapUpSeconds=-5&%2FsoftphoneSettings%2FlogCalls=false&foo=bar&%2F..%2Fx=1"
      )
    ).toEqual({
      "/softphoneSettings/provider": "sip",
      "/softphoneSettings/wrapUpSeconds": "-5",
      "/softphoneSettings/logCalls": "false"
    });
  });

  it("writes back what it reads", () => {
    const settings = {
      "/softphoneSettings/noMatchPop": "flow:Inbound_Caller",
      "/custom/item": "x y"
    };
    expect(settingsFromQuery(settingsToQuery(settings))).toEqual(settings);
    expect(settingsToQuery({})).toBe("");
  });

  it("sizes the panel from the call center within Open CTI's limits", () => {
    expect(panelSize({})).toEqual({ width: 340, height: 400 });
    expect(
      panelSize({
        "/reqGeneralInfo/reqSoftphoneWidth": "500",
        "/reqGeneralInfo/reqSoftphoneHeight": "600"
      })
    ).toEqual({
      width: 500,
      height: 600
    });
    expect(
      panelSize({
        "/reqGeneralInfo/reqSoftphoneWidth": "50",
        "/reqGeneralInfo/reqSoftphoneHeight": "big"
      })
    ).toEqual({
      width: 340,
      height: 400
    });
  });
});
