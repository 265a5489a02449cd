/** The two shells: Lightning Experience (utility bar) and Salesforce Classic (sidebar). */
import { useState } from "preact/hooks";
import { useShellState, useStore } from "./context";
import { Icon } from "./icon";
import { NewRecordModal } from "./new-record-modal";
import {
  ExternalPage,
  FlowScreen,
  HomePage,
  NotFound,
  ObjectHome,
  SearchResults,
  TasksPage
} from "./pages";
import { RecordPage } from "./record-views";
import { ClassicSidebar, UtilityBar } from "./softphone-frame";
import { WorkbenchControls } from "./workbench-controls";
import { OBJECTS } from "./records";
import type { Route } from "./routes";

const NAV: Array<{ label: string; route: Route }> = [
  { label: "Home", route: { kind: "home" } },
  { label: "Accounts", route: { kind: "objecthome", objectType: "Account" } },
  { label: "Contacts", route: { kind: "objecthome", objectType: "Contact" } },
  { label: "Leads", route: { kind: "objecthome", objectType: "Lead" } },
  { label: "Cases", route: { kind: "objecthome", objectType: "Case" } },
  { label: "Tasks", route: { kind: "objecthome", objectType: "Task" } }
];

function isActive(current: Route, item: Route): boolean {
  if (item.kind === "home") return current.kind === "home";
  if (item.kind !== "objecthome") return false;
  if (current.kind === "objecthome" || current.kind === "list")
    return current.objectType === item.objectType;
  return false;
}

function Content() {
  const { route } = useShellState();
  switch (route.kind) {
    case "home":
      return <HomePage />;
    case "record":
      return <RecordPage id={route.id} />;
    case "objecthome":
      return route.objectType === "Task" ? (
        <TasksPage />
      ) : (
        <ObjectHome objectType={route.objectType} />
      );
    case "list":
      return <ObjectHome objectType={route.objectType} listViewId={route.listViewId} />;
    case "search":
      return <SearchResults term={route.term} />;
    case "flow":
      return <FlowScreen name={route.name} args={route.args} />;
    case "external":
      return <ExternalPage url={route.url} />;
    case "notFound":
      return <NotFound what={route.path} />;
  }
}

function Toast() {
  const store = useStore();
  const { toast } = useShellState();
  if (!toast) return null;
  return (
    <div class="slds-notify_container workbench-toast">
      <div class="slds-notify slds-notify_toast slds-theme_success" role="status" data-id="toast">
        <div class="slds-notify__content">
          <h2 class="slds-text-heading_small">{toast}</h2>
        </div>
        <div class="slds-notify__close">
          <button
            class="slds-button slds-button_icon slds-button_icon-inverse"
            title="Close"
            onClick={() => store.dismissToast()}
          >
            <Icon
              sprite="utility"
              name="close"
              class="slds-button__icon slds-button__icon_large"
              label="Close"
            />
          </button>
        </div>
      </div>
    </div>
  );
}

function SearchBox() {
  const store = useStore();
  const [term, setTerm] = useState("");
  return (
    <form
      role="search"
      class="workbench-search"
      onSubmit={(e) => {
        e.preventDefault();
        if (term.trim()) store.navigate({ kind: "search", term: term.trim() });
      }}
    >
      <label class="slds-assistive-text" for="global-search">
        Search the workbench org
      </label>
      <input
        id="global-search"
        class="slds-input"
        type="search"
        placeholder="Search…"
        data-id="global-search"
        value={term}
        onInput={(e) => setTerm((e.target as HTMLInputElement).value)}
      />
    </form>
  );
}

function NavLinks(props: { classic: boolean }) {
  const store = useStore();
  const { route } = useShellState();
  return (
    <ul class={props.classic ? "workbench-classic-tabs" : "slds-grid"} role="list">
      {NAV.map((item) => (
        <li
          class={
            props.classic
              ? isActive(route, item.route)
                ? "is-active"
                : ""
              : `slds-context-bar__item${isActive(route, item.route) ? " slds-is-active" : ""}`
          }
          key={item.label}
        >
          <a
            href="#"
            class={props.classic ? "" : "slds-context-bar__label-action"}
            aria-current={isActive(route, item.route) ? "page" : undefined}
            data-id={`nav-${item.label.toLowerCase()}`}
            onClick={(e) => {
              e.preventDefault();
              store.navigate(item.route);
            }}
          >
            <span class="slds-truncate">{item.label}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function ControlsToggle(props: { open: boolean; onToggle: () => void }) {
  return (
    <button
      class="slds-button slds-button_neutral"
      aria-expanded={props.open}
      data-id="workbench-toggle"
      onClick={props.onToggle}
    >
      <Icon sprite="utility" name="settings" class="slds-button__icon slds-button__icon_left" />
      Workbench
    </button>
  );
}

export function LightningApp() {
  const [controls, setControls] = useState(false);
  return (
    <div class="workbench-lightning">
      <header class="slds-global-header_container workbench-global-header">
        <div class="slds-global-header slds-grid slds-grid_align-spread">
          <div class="slds-global-header__item">
            <span class="workbench-brand">
              <Icon
                sprite="utility"
                name="call"
                class="slds-icon slds-icon_small slds-icon-text-default"
              />
              <span>Softphone Workbench</span>
            </span>
          </div>
          <div class="slds-global-header__item slds-global-header__item_search">
            <SearchBox />
          </div>
          <div class="slds-global-header__item">
            <ControlsToggle open={controls} onToggle={() => setControls(!controls)} />
          </div>
        </div>
        <div class="slds-context-bar">
          <div class="slds-context-bar__primary">
            <div class="slds-context-bar__item slds-no-hover">
              <span class="slds-context-bar__label-action slds-context-bar__app-name">
                <span class="slds-truncate">Softphone Console</span>
              </span>
            </div>
          </div>
          <nav class="slds-context-bar__secondary" aria-label="Navigation">
            <NavLinks classic={false} />
          </nav>
        </div>
      </header>
      <div class="workbench-body">
        <main class="workbench-main slds-p-around_medium">
          <Content />
        </main>
        {controls ? <WorkbenchControls onClose={() => setControls(false)} /> : null}
      </div>
      <UtilityBar />
      <NewRecordModal />
      <Toast />
    </div>
  );
}

export function ClassicApp() {
  const [controls, setControls] = useState(false);
  return (
    <div class="workbench-classic">
      <header class="workbench-classic-header">
        <div class="workbench-classic-header__top">
          <span class="workbench-brand">Softphone Workbench — Salesforce Classic</span>
          <SearchBox />
          <ControlsToggle open={controls} onToggle={() => setControls(!controls)} />
        </div>
        <nav aria-label="Tabs">
          <NavLinks classic={true} />
        </nav>
      </header>
      <div class="workbench-body">
        <ClassicSidebar />
        <main class="workbench-main slds-p-around_medium">
          <Content />
        </main>
        {controls ? <WorkbenchControls onClose={() => setControls(false)} /> : null}
      </div>
      <NewRecordModal />
      <Toast />
    </div>
  );
}

export { OBJECTS };
