/** @jest-environment jsdom */
/**
 * Every string from outside — caller IDs, record names, directory entries, error messages,
 * setting values — must appear as literal text: no element injected, bidi isolated.
 */
import "@testing-library/jest-dom";
import { act, fireEvent } from "@testing-library/preact";
import type { SoftphoneState } from "../core/model";
import { makeCall } from "./test-support/fake-store";
import { HOSTILE_STRINGS, INJECTED_SELECTOR } from "./test-support/hostile";
import { renderApp, type RenderedApp } from "./test-support/render-app";

interface Scenario {
  name: string;
  state: (s: string) => Partial<SoftphoneState>;
  /** Opens the part of the view that shows the text. */
  open?: (app: RenderedApp) => void;
  /** How many times the string must appear in the panel's text at least. */
  minOccurrences: number;
}

const call = (s: string, overrides = {}) =>
  makeCall({
    callerName: s,
    displayNumber: s,
    number: s,
    matchStatus: "several",
    matches: [
      { id: "003A", name: s, objectType: s, accountName: s },
      { id: "003B", name: s, objectType: "Contact" }
    ],
    relatedTo: { id: "003A", name: s, objectType: s },
    notes: s,
    ...overrides
  });

const SCENARIOS: Scenario[] = [
  { name: "incoming call", state: (s) => ({ call: call(s), notice: s }), minOccurrences: 5 },
  {
    name: "active call with a waiting call and transfer directory",
    state: (s) => ({
      call: call(s, { state: "connected", connectedAt: Date.now() }),
      waitingCall: makeCall({ id: "w", callerName: s, displayNumber: s }),
      page: { recordId: "500X", recordName: s, objectType: s },
      directory: {
        query: s,
        status: "idle",
        entries: [{ name: s, number: s, kind: "user", description: s }]
      }
    }),
    open: (app) => fireEvent.click(app.get("transfer-open")),
    minOccurrences: 8
  },
  {
    name: "after-call work",
    state: (s) => ({ call: call(s, { state: "wrapup" }) }),
    minOccurrences: 4
  },
  {
    name: "ready view: recent calls",
    state: (s) => ({
      recentCalls: [
        {
          id: "r",
          direction: "inbound",
          number: s,
          displayNumber: s,
          name: s,
          at: 0,
          durationSeconds: 1,
          missed: false
        }
      ]
    }),
    minOccurrences: 2
  },
  {
    name: "ready view: directory",
    state: (s) => ({
      directory: {
        query: s,
        status: "idle",
        entries: [{ name: s, number: s, kind: "directory", description: s }]
      }
    }),
    open: (app) => fireEvent.click(app.get("tab-directory")),
    minOccurrences: 3
  },
  {
    name: "sign-in error",
    state: (s) => ({ needsSignIn: true, phoneKind: "sip", signInError: s }),
    minOccurrences: 1
  },
  {
    name: "setup message",
    state: (s) => ({ setupProblems: [{ item: s, value: s, allowed: s }] }),
    minOccurrences: 3
  },
  {
    name: "diagnostics errors",
    state: (s) => ({ errors: [{ at: 0, source: "host", message: s }] }),
    open: (app) => fireEvent.click(app.get("diagnostics")),
    minOccurrences: 1
  }
];

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length))
    count++;
  return count;
}

/** The text content outside the live regions and form fields (whose values are not text). */
function visibleText(app: RenderedApp): string {
  const clone = app.container.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('[data-id^="live-"]').forEach((e) => e.remove());
  return clone.textContent ?? "";
}

describe.each(SCENARIOS)("$name", (scenario) => {
  const alert = jest.fn();
  beforeAll(() => {
    window.alert = alert;
  });

  it.each(
    HOSTILE_STRINGS.map((s) => [s.length > 60 ? `${s.slice(0, 20)}… (${s.length} chars)` : s, s])
  )("renders %s as text", (_label, hostile) => {
    const app = renderApp(scenario.state(hostile));
    act(() => scenario.open?.(app));
    expect(app.container.querySelectorAll(INJECTED_SELECTOR)).toHaveLength(0);
    expect(occurrences(visibleText(app), hostile)).toBeGreaterThanOrEqual(scenario.minOccurrences);
    // Text from outside sits in <bdi>, so direction overrides cannot leak into our labels.
    for (const bdi of app.container.querySelectorAll("bdi")) {
      expect(bdi.childElementCount).toBe(0);
    }
    const withOverride = [...app.container.querySelectorAll("*")].filter(
      (e) => e.childElementCount === 0 && (e.textContent ?? "").includes("\u202E")
    );
    for (const element of withOverride)
      expect(element.closest("bdi, [data-id^='live-']")).not.toBeNull();
    expect(alert).not.toHaveBeenCalled();
    app.unmount();
  });
});

describe("live region", () => {
  it.each(HOSTILE_STRINGS.map((s) => [s.slice(0, 30), s]))(
    "announces %s as text",
    (_label, hostile) => {
      const app = renderApp();
      act(() => app.store.setState({ call: makeCall({ callerName: hostile }) }));
      const urgent = app.get("live-urgent");
      expect(urgent.childElementCount).toBe(0);
      expect(urgent.textContent).toContain(hostile);
    }
  );
});
