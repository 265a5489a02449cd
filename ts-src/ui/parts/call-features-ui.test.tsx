/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent } from "@testing-library/preact";
import type { CallFeaturesOffer, SecondLegView } from "../../core/model";
import { makeCall } from "../test-support/fake-store";
import { renderApp } from "../test-support/render-app";

const OFFER: CallFeaturesOffer = {
  consult: true,
  conference: true,
  featureCodes: [
    { name: "Pause recording", sends: "*1" },
    { name: "<b>Park</b>", sends: "*70" }
  ],
  supervisorCodes: ["Listen"],
  voicemailMessages: ["Callback"]
};
const customer = (state: "connected" | "held" = "connected") =>
  makeCall({ id: "c1", state, connectedAt: 1 });
const leg = (overrides: Partial<SecondLegView> = {}): SecondLegView => ({
  id: "l1",
  customerCallId: "c1",
  number: "1001",
  displayNumber: "1001",
  name: "Bob",
  state: "connected",
  conference: "none",
  startedAt: 1,
  connectedAt: 2,
  ...overrides
});

describe("call feature buttons during a call", () => {
  it("sends a feature code, drops a voicemail and consults a typed number", () => {
    const app = renderApp({ call: customer(), callFeatures: OFFER });
    expect(app.get("feature-code-1")).toHaveTextContent("<b>Park</b>");
    expect(app.get("feature-code-0")).toHaveAttribute("title", "Sends *1");
    fireEvent.click(app.get("feature-code-0"));
    fireEvent.click(app.get("voicemail-drop-0"));
    fireEvent.click(app.get("consult-open"));
    fireEvent.input(app.get("consult-input"), { target: { value: "1001" } });
    fireEvent.click(app.get("consult-call"));
    expect(app.store.callsTo("callFeature")).toEqual([
      [{ type: "featureCode", name: "Pause recording" }],
      [{ type: "dropVoicemail", message: "Callback" }],
      [{ type: "consult", target: "1001" }]
    ]);
  });

  it("consults a directory entry by its number and name", () => {
    const app = renderApp({
      call: customer(),
      callFeatures: OFFER,
      directory: {
        query: "bob",
        status: "idle",
        entries: [{ name: "Bob", number: "1001", kind: "user" }]
      }
    });
    fireEvent.click(app.get("consult-open"));
    fireEvent.click(app.get("directory-consult-0"));
    expect(app.store.callsTo("callFeature")).toEqual([
      [{ type: "consult", target: "1001", name: "Bob" }]
    ]);
    expect(app.byId("directory-consult-0")).toBeNull();
  });

  it("offers nothing the call center and phone do not", () => {
    const app = renderApp({ call: customer() });
    expect(app.byId("consult-open")).toBeNull();
    expect(app.byId("feature-code-0")).toBeNull();
    expect(app.byId("voicemail-drop-0")).toBeNull();
  });

  it("disables the codes while a message plays and says so", () => {
    const app = renderApp({
      call: customer(),
      callFeatures: OFFER,
      voicemailDrop: { callId: "c1", message: "Callback" }
    });
    expect(app.get("voicemail-playing")).toHaveTextContent("Playing “Callback”");
    expect(app.get("feature-code-0")).toBeDisabled();
    expect(app.get("voicemail-drop-0")).toBeDisabled();
  });
});

describe("the second leg", () => {
  it("offers complete, swap, conference and cancel during a consultation", () => {
    const app = renderApp({ call: customer("held"), callFeatures: OFFER, secondLeg: leg() });
    expect(app.get("second-leg")).toHaveTextContent("Consultation");
    for (const id of ["consult-complete", "consult-swap", "consult-conference", "consult-cancel"])
      fireEvent.click(app.get(id));
    expect(app.store.callsTo("callFeature")).toEqual([
      [{ type: "completeTransfer" }],
      [{ type: "swapLegs" }],
      [{ type: "conference" }],
      [{ type: "cancelConsult" }]
    ]);
  });

  it("only cancels while the target rings", () => {
    const app = renderApp({
      call: customer("held"),
      callFeatures: OFFER,
      secondLeg: leg({ state: "dialing", connectedAt: undefined })
    });
    expect(app.byId("consult-complete")).toBeNull();
    expect(app.get("consult-cancel")).toBeInTheDocument();
  });

  it("drops either party of a conference", () => {
    const app = renderApp({
      call: customer(),
      callFeatures: OFFER,
      secondLeg: leg({ conference: "local" })
    });
    expect(app.get("second-leg")).toHaveTextContent("Conference of three");
    fireEvent.click(app.get("conference-drop-other"));
    fireEvent.click(app.get("conference-drop-customer"));
    expect(app.store.callsTo("callFeature")).toEqual([
      [{ type: "dropParty", party: "other" }],
      [{ type: "dropParty", party: "customer" }]
    ]);
  });

  it("hangs up the party left on the line after the caller is gone", () => {
    const app = renderApp({ call: null, callFeatures: OFFER, secondLeg: leg() });
    expect(app.get("second-leg")).toHaveTextContent("Still on the line");
    fireEvent.click(app.get("second-leg-hangup"));
    expect(app.store.callsTo("callFeature")).toEqual([[{ type: "dropParty", party: "other" }]]);
  });
});

describe("supervisor codes on directory entries", () => {
  it("dials a code for the entry", () => {
    const app = renderApp({
      callFeatures: OFFER,
      directory: {
        query: "bob",
        status: "idle",
        entries: [{ name: "Bob", number: "1001", kind: "user" }]
      }
    });
    fireEvent.click(app.get("tab-directory"));
    fireEvent.click(app.get("supervisor-0-0"));
    expect(app.store.callsTo("callFeature")).toEqual([
      [{ type: "supervisor", name: "Listen", number: "1001", entryName: "Bob" }]
    ]);
  });
});
