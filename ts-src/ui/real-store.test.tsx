/** @jest-environment jsdom */
/**
 * The panel over the real softphone store (fake Open CTI org, LightningHost, DemoPhone): what
 * the agent clicks reaches Salesforce, and what Salesforce returns shows in the panel.
 */
import "@testing-library/jest-dom";
import { act, render } from "@testing-library/preact";
import { fireEvent } from "@testing-library/preact";
import { makeOrg, softphoneIn } from "../core/integration/world";
import { settle } from "../core/testing/fake-clock";
import { App } from "./app";
import { panelFocused } from "./test-support/panel-focus";

// A failed expectation must not leave document.hasFocus mocked for the next test.
afterEach(() => jest.restoreAllMocks());

// The core harness settles promises with setImmediate, which jsdom does not provide.
const g = globalThis as unknown as { setImmediate?: (callback: () => void) => unknown };
g.setImmediate ??= (callback) => setTimeout(callback, 0);

async function panelIn(org: ReturnType<typeof makeOrg>) {
  const t = await softphoneIn(org);
  const { container, unmount } = render(<App store={t.store} />);
  const get = (id: string) => {
    const element = container.querySelector<HTMLElement>(`[data-id="${id}"]`);
    if (!element) throw new Error(`No element with data-id="${id}"`);
    return element;
  };
  const click = async (id: string) => {
    await act(async () => {
      fireEvent.click(get(id));
      await settle();
    });
  };
  return { t, container, get, click, unmount };
}

describe("the panel over the real store", () => {
  it("takes a simulated call from ring to a saved Task", async () => {
    const org = makeOrg();
    const ada = org.addContact({ FirstName: "Ada", LastName: "Lovelace", Phone: "(415) 555-0100" });
    const p = await panelIn(org);
    expect(p.get("agent-state")).toHaveTextContent("Ready");

    const restore = panelFocused(true);
    fireEvent.input(p.get("simulate-number"), { target: { value: "+14155550100" } });
    await p.click("simulate-incoming");
    expect(p.get("incoming-view")).toHaveTextContent("Ada Lovelace");
    expect(p.get("live-urgent")).toHaveTextContent("Incoming call from Ada Lovelace");
    expect(p.get("answer")).toHaveFocus();
    restore();

    await p.click("answer");
    expect(p.get("call-state")).toHaveTextContent("Connected");
    expect(p.get("related-to")).toHaveTextContent("Ada Lovelace");
    await act(async () => {
      fireEvent.input(p.get("notes"), { target: { value: "Wants a <b>refund</b>" } });
      await settle();
    });
    await p.click("hangup");
    expect(p.get("wrap-up-view")).toBeInTheDocument();
    await act(async () => {
      fireEvent.change(p.get("disposition"), { target: { value: "Connected" } });
      await settle();
    });
    await p.click("save-log");

    expect(org.tasks).toHaveLength(1);
    expect(org.tasks[0]!.fields).toMatchObject({
      CallDisposition: "Connected",
      Description: "Wants a <b>refund</b>",
      WhoId: ada.Id
    });
    expect(p.get("ready-view")).toBeInTheDocument();
    expect(p.get("recent-" + p.t.store.getState().recentCalls[0]!.id)).toHaveTextContent(
      "Ada Lovelace"
    );
    p.unmount();
  });

  it("chooses among several matches from the chooser", async () => {
    const org = makeOrg();
    org.addContact({ FirstName: "Ada", LastName: "One", Phone: "415-555-0100" });
    const lead = org.addLead({
      FirstName: "Ada",
      LastName: "Two",
      Company: "Beta",
      Phone: "+1 415 555 0100"
    });
    const p = await panelIn(org);
    fireEvent.input(p.get("simulate-number"), { target: { value: "+14155550100" } });
    await p.click("simulate-incoming");
    expect(p.get("incoming-view")).toHaveTextContent("2 records match this number");
    await p.click(`match-${lead.Id}`);
    expect(org.screenPops).toEqual([
      { api: "lightning", type: "sobject", params: { recordId: lead.Id } }
    ]);
    // Chosen: the caller is named after the record and the chooser closes.
    expect(p.get("incoming-view")).toHaveTextContent("Ada Two");
    expect(p.container.querySelector('[data-id="match-chooser"]')).toBeNull();
    p.unmount();
  });

  it("shows an invalid number as a notice and dismisses it", async () => {
    const p = await panelIn(makeOrg());
    fireEvent.input(p.get("dial-input"), { target: { value: "+1 23" } });
    await p.click("dial");
    expect(p.get("notice")).toBeInTheDocument();
    await p.click("dismiss-notice");
    expect(p.container.querySelector('[data-id="notice"]')).toBeNull();
    p.unmount();
  });
});
