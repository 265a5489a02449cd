/**
 * The workbench shell's entry point: builds the in-memory org and the fake Open CTI
 * container, serves the bridge to the softphone iframe, and renders the Lightning or Classic
 * shell. Exposes `window.workbench` for tests and for poking around in the console.
 */
import { render } from "preact";
import "./shell.css";
import { LightningApp, ClassicApp } from "./apps";
import { StoreContext } from "./context";
import { serveBridge } from "./bridge-host";
import { createFakeBackend } from "./fake-backend";
import { ShellStore, type ShellView } from "./shell-store";
import { settingsFromQuery } from "./settings";
import { softphoneFrame } from "./softphone-frame";

interface PageConfig {
  view: ShellView;
  settings: Record<string, string>;
  softphonePath?: string;
}

function readConfig(): PageConfig {
  const el = document.getElementById("workbench-config");
  const parsed = JSON.parse(el?.textContent || "{}") as Partial<PageConfig>;
  return {
    view: parsed.view === "classic" ? "classic" : "lightning",
    settings: parsed.settings ?? {},
    ...(typeof parsed.softphonePath === "string" ? { softphonePath: parsed.softphonePath } : {})
  };
}

const config = readConfig();
let store: ShellStore | null = null;
const backend = createFakeBackend({
  view: config.view,
  events: {
    screenPop: (target) => store?.screenPop(target),
    refreshView: () => store?.refreshView(),
    panel: (change) => store?.panelChange(change)
  }
});
backend.setSettings({ ...backend.settings(), ...config.settings });
const initialSettings = backend.settings();
backend.setSettings({ ...initialSettings, ...settingsFromQuery(window.location.search) });
store = new ShellStore(backend, config.view, window, initialSettings, config.softphonePath);
const shellStore = store;

serveBridge(window, {
  api: config.view,
  target: config.view === "lightning" ? backend.lightningApi : backend.classicApi,
  frame: () => softphoneFrame.current?.contentWindow ?? null,
  origin: window.location.origin,
  onCall: (call) => shellStore.logCall(call),
  onRejected: (reason) => console.warn(`workbench: ignored ${reason}`)
});

Object.assign(window, { workbench: { store: shellStore, backend } });

const mount = document.getElementById("workbench");
if (mount) {
  render(
    <StoreContext.Provider value={shellStore}>
      {config.view === "classic" ? <ClassicApp /> : <LightningApp />}
    </StoreContext.Provider>,
    mount
  );
  shellStore.reportNavigation();
}
