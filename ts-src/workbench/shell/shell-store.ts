/**
 * The shell's own state (page, modal, softphone panel, settings) and the actions that change
 * it. Container events from the fake Open CTI API (screen pops, panel changes) land here.
 */
import type { ScreenPopTarget } from "../../host/cti-host";
import type { BridgeCall } from "./bridge-host";
import type { FieldValue, PanelChange, ShellBackend } from "./backend";
import { recordName } from "./records";
import { formatRoute, parseRoute, routeForUrl, type Route } from "./routes";
import { panelSize } from "./settings";

export type ShellView = "lightning" | "classic";

export interface NewRecordModal {
  entityName: string;
  defaultFieldValues: Record<string, string>;
}

export interface PanelState {
  open: boolean;
  width: number;
  height: number;
  label: string;
  icon: string;
  itemLabel: string;
  itemIcon: string;
}

export interface LogLine {
  at: number;
  text: string;
}

export interface ShellState {
  view: ShellView;
  route: Route;
  modal: NewRecordModal | null;
  panel: PanelState;
  /** The page the softphone frame loads: our Softphone.page, or a foreign adapter's. */
  softphonePath: string;
  /** Bumped to reload the softphone iframe (after a settings change). */
  softphoneGeneration: number;
  toast: string | null;
  /** Bumped on every org change so views re-read records. */
  orgVersion: number;
}

const LOG_LIMIT = 60;

/** How long a toast stays (Lightning's success toasts close after about 5 seconds). */
export const TOAST_MS = 5000;

export class ShellStore {
  private state: ShellState;
  private readonly listeners = new Set<(s: ShellState) => void>();
  /** The last Open CTI calls and container events, newest first. */
  private logLines: LogLine[] = [];
  private readonly logListeners = new Set<(lines: LogLine[]) => void>();
  private toastTimer: number | undefined;

  constructor(
    readonly backend: ShellBackend,
    view: ShellView,
    private readonly win: Window,
    /** The org's settings before query parameters changed them (for the settings form). */
    readonly initialSettings: Record<string, string> = backend.settings(),
    softphonePath = "/apex/Softphone"
  ) {
    const { width, height } = panelSize(backend.settings());
    this.state = {
      view,
      route: parseRoute(view, win.location.pathname + win.location.search),
      modal: null,
      panel: {
        open: false,
        width,
        height,
        label: "Phone",
        icon: "call",
        itemLabel: "Phone",
        itemIcon: "call"
      },
      softphonePath,
      softphoneGeneration: 0,
      toast: null,
      orgVersion: 0
    };
    backend.onChange(() => this.set({ orgVersion: this.state.orgVersion + 1 }));
    win.addEventListener("popstate", () =>
      this.applyRoute(
        parseRoute(view, win.location.pathname + win.location.search),
        (win.history.state as { route?: Route } | null)?.route
      )
    );
  }

  get(): ShellState {
    return this.state;
  }

  subscribe(listener: (s: ShellState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<ShellState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  /**
   * The activity log has its own listeners: it changes on every Open CTI call, and only the
   * log view should re-render for it.
   */
  log(text: string) {
    this.logLines = [{ at: Date.now(), text }, ...this.logLines].slice(0, LOG_LIMIT);
    for (const l of this.logListeners) l(this.logLines);
  }

  getLog(): LogLine[] {
    return this.logLines;
  }

  subscribeLog(listener: (lines: LogLine[]) => void): () => void {
    this.logListeners.add(listener);
    return () => this.logListeners.delete(listener);
  }

  logCall(call: BridgeCall) {
    this.log(
      `${call.api === "lightning" ? "sforce.opencti" : "sforce.interaction"}.${call.method}`
    );
  }

  navigate(route: Route) {
    const url = formatRoute(this.state.view, route);
    if (route.kind !== "external") this.win.history.pushState({ route }, "", url);
    this.applyRoute(route);
  }

  private applyRoute(parsed: Route, fromHistory?: Route) {
    const route = fromHistory && fromHistory.kind === parsed.kind ? fromHistory : parsed;
    this.set({ route });
    this.reportNavigation();
  }

  /** Tells the softphone what the agent now looks at (onNavigationChange / onFocus). */
  reportNavigation() {
    const route = this.state.route;
    const url = this.win.location.href;
    if (route.kind === "record") {
      const record = this.backend.record(route.id);
      this.backend.navigationChanged({
        url,
        recordId: route.id,
        recordName: recordName(record),
        objectType: route.objectType ?? this.backend.objectTypeOf(route.id)
      });
    } else this.backend.navigationChanged({ url });
  }

  /** A screen pop from the softphone: navigate, or open the new-record modal. */
  screenPop(target: ScreenPopTarget) {
    this.log(`screen pop: ${target.type}`);
    switch (target.type) {
      case "sobject": {
        const objectType = this.backend.objectTypeOf(target.recordId);
        if (!objectType) {
          this.showToast(`Screen pop to an unknown record ${target.recordId}`);
          return;
        }
        return this.navigate({ kind: "record", id: target.recordId, objectType });
      }
      case "url":
        return this.navigate(routeForUrl(this.state.view, target.url));
      case "objecthome":
        return this.navigate({ kind: "objecthome", objectType: target.scope });
      case "list":
        return this.navigate({
          kind: "list",
          objectType: target.scope,
          listViewId: target.listViewId
        });
      case "search":
        return this.navigate({ kind: "search", term: target.searchString });
      case "newRecord":
        return this.set({
          modal: {
            entityName: target.entityName,
            defaultFieldValues: { ...(target.defaultFieldValues ?? {}) }
          }
        });
      case "flow":
        return this.navigate({
          kind: "flow",
          name: target.flowDevName,
          args: target.flowArgs ?? []
        });
    }
  }

  closeModal() {
    this.set({ modal: null });
  }

  /** Saves the modal's record and shows it, as Lightning does after "Save". */
  saveModal(fields: Record<string, FieldValue>): string {
    const modal = this.state.modal;
    if (!modal) throw new Error("no record is being created");
    const id = this.backend.create(modal.entityName, fields);
    this.set({ modal: null });
    this.showToast(`${modal.entityName} was created.`);
    this.navigate({ kind: "record", id, objectType: modal.entityName });
    return id;
  }

  panelChange(change: PanelChange) {
    const p = this.state.panel;
    this.log(
      `panel: ${change.kind} ${"px" in change ? change.px : "text" in change ? change.text : "name" in change ? change.name : change.visible}`
    );
    switch (change.kind) {
      case "visible":
        return this.set({ panel: { ...p, open: change.visible } });
      case "height":
        return this.set({ panel: { ...p, height: change.px } });
      case "width":
        return this.set({ panel: { ...p, width: change.px } });
      case "label":
        return this.set({ panel: { ...p, label: change.text } });
      case "icon":
        return this.set({ panel: { ...p, icon: change.name } });
      case "itemLabel":
        return this.set({ panel: { ...p, itemLabel: change.text } });
      case "itemIcon":
        return this.set({ panel: { ...p, itemIcon: change.name } });
    }
  }

  togglePanel(open?: boolean) {
    const next = open ?? !this.state.panel.open;
    this.backend.setPanelVisible(next);
    this.set({ panel: { ...this.state.panel, open: next } });
  }

  refreshView() {
    this.log("refreshView");
    this.set({ orgVersion: this.state.orgVersion + 1 });
  }

  /** New call center settings: the softphone reloads, as after an admin's change. */
  applySettings(settings: Record<string, string>) {
    this.backend.setSettings(settings);
    const { width, height } = panelSize(settings);
    this.set({
      softphoneGeneration: this.state.softphoneGeneration + 1,
      panel: { ...this.state.panel, width, height }
    });
    this.log("call center settings changed; softphone reloaded");
  }

  reloadSoftphone() {
    this.set({ softphoneGeneration: this.state.softphoneGeneration + 1 });
  }

  showToast(text: string) {
    this.set({ toast: text });
    // Like Lightning's success toasts: gone after a few seconds, never left over the tabs.
    if (this.toastTimer !== undefined) this.win.clearTimeout(this.toastTimer);
    this.toastTimer = this.win.setTimeout(() => this.dismissToast(), TOAST_MS);
  }

  dismissToast() {
    if (this.toastTimer !== undefined) this.win.clearTimeout(this.toastTimer);
    this.toastTimer = undefined;
    this.set({ toast: null });
  }
}
