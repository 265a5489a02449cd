/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { renderApp } from "../test-support/render-app";

describe("SetupMessage", () => {
  it("names each bad setting, its value and what is allowed", () => {
    const app = renderApp({
      setupProblems: [
        { item: "/softphoneSettings/provider", value: "skype", allowed: "demo or sip" },
        {
          item: "/sipSettings/webSocketUrl",
          value: "",
          allowed: "a wss:// URL (ws:// only for localhost)"
        }
      ],
      phoneKind: null,
      agent: "offline"
    });
    const view = app.get("setup-message");
    expect(view).toHaveTextContent("The softphone is not set up correctly");
    expect(view).toHaveTextContent("Ask your Salesforce admin to fix these settings");
    const problems = app.container.querySelectorAll('[data-id="setup-problem"]');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toHaveTextContent("Setting/softphoneSettings/provider");
    expect(problems[0]).toHaveTextContent("Valueskype");
    expect(problems[0]).toHaveTextContent("Alloweddemo or sip");
    expect(problems[1]).toHaveTextContent("Value(empty)");
    expect(problems[1]).toHaveTextContent("Alloweda wss:// URL (ws:// only for localhost)");
    expect(app.byId("ready-view")).toBeNull();
    expect(app.byId("dial")).toBeNull();
  });

  it("uses the singular for one problem", () => {
    const app = renderApp({
      setupProblems: [
        { item: "/softphoneSettings/logCalls", value: "yes", allowed: "true or false" }
      ]
    });
    expect(app.get("setup-message")).toHaveTextContent("fix this setting");
  });
});
