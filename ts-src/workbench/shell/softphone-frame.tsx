/**
 * The softphone iframe and the containers Salesforce puts it in: the Lightning utility bar
 * with its docked "Phone" panel, and the Classic sidebar. The iframe stays loaded while the
 * panel is closed, as in Lightning.
 */
import { useShellState, useStore } from "./context";
import { Icon } from "./icon";

/** The current softphone frame's window, for the bridge (only one frame at a time). */
export const softphoneFrame: { current: HTMLIFrameElement | null } = { current: null };

/** `?openctiWithout=hvs,subscribe` on the shell's URL: the frame's stand-in leaves those out. */
const OPENCTI_WITHOUT =
  typeof window === "undefined"
    ? null
    : new URLSearchParams(window.location.search).get("openctiWithout");

/** The softphone page with the parameters Salesforce adds (`path` may carry its own query). */
export function softphoneUrl(
  view: "lightning" | "classic",
  origin: string,
  path = "/apex/Softphone"
): string {
  const url = new URL(path, origin);
  url.searchParams.set("mode", view === "lightning" ? "Lightning" : "Classic");
  url.searchParams.set("sfdcIframeOrigin", origin);
  if (OPENCTI_WITHOUT) url.searchParams.set("openctiWithout", OPENCTI_WITHOUT);
  return `${url.pathname}${url.search}`;
}

function SoftphoneIframe(props: { width: number; height: number }) {
  const state = useShellState();
  return (
    <iframe
      key={state.softphoneGeneration}
      ref={(el) => {
        if (el) softphoneFrame.current = el;
      }}
      src={softphoneUrl(state.view, window.location.origin, state.softphonePath)}
      title="Softphone"
      name="softphone"
      data-id="softphone-frame"
      allow="microphone; autoplay"
      width={props.width}
      height={props.height}
      class="workbench-softphone-frame"
    />
  );
}

const iconName = (name: string) => (/^[a-z0-9_]+$/.test(name) ? name : "call");

export function UtilityBar() {
  const store = useStore();
  const { panel } = useShellState();
  return (
    <>
      <div
        class={`slds-utility-panel slds-grid slds-grid_vertical workbench-utility-panel${panel.open ? " slds-is-open" : " workbench-is-closed"}`}
        role="dialog"
        aria-labelledby="softphone-panel-heading"
        aria-hidden={panel.open ? undefined : "true"}
        data-id="softphone-panel"
        data-open={panel.open ? "true" : "false"}
        style={{ width: `${panel.width}px`, height: `${panel.height + 40}px` }}
      >
        <div class="slds-utility-panel__header slds-grid slds-shrink-none">
          <div class="slds-media slds-media_center">
            <div class="slds-media__figure slds-m-right_x-small">
              <span class="slds-icon_container">
                <Icon
                  sprite="utility"
                  name={iconName(panel.icon)}
                  class="slds-icon slds-icon_x-small slds-icon-text-default"
                />
              </span>
            </div>
            <div class="slds-media__body">
              <h2 id="softphone-panel-heading" data-id="softphone-panel-label">
                {panel.label}
              </h2>
            </div>
          </div>
          <div class="slds-col_bump-left slds-shrink-none">
            <button
              class="slds-button slds-button_icon slds-button_icon"
              title="Minimize"
              data-id="softphone-panel-minimize"
              onClick={() => store.togglePanel(false)}
            >
              <Icon
                sprite="utility"
                name="minimize_window"
                class="slds-button__icon"
                label="Minimize the Phone panel"
              />
            </button>
          </div>
        </div>
        <div class="slds-utility-panel__body">
          <SoftphoneIframe width={panel.width} height={panel.height} />
        </div>
      </div>
      <footer class="slds-utility-bar_container workbench-utility-bar" aria-label="Utility Bar">
        <h2 class="slds-assistive-text">Utility Bar</h2>
        <ul class="slds-utility-bar">
          <li class="slds-utility-bar__item">
            <button
              class={`slds-button slds-utility-bar__action${panel.open ? " slds-is-active" : ""}`}
              aria-pressed={panel.open}
              data-id="utility-phone"
              onClick={() => store.togglePanel()}
            >
              <Icon
                sprite="utility"
                name={iconName(panel.itemIcon)}
                class="slds-button__icon slds-button__icon_left"
              />
              <span class="slds-utility-bar__text" data-id="utility-phone-label">
                {panel.itemLabel}
              </span>
            </button>
          </li>
        </ul>
      </footer>
    </>
  );
}

export function ClassicSidebar() {
  const { panel } = useShellState();
  return (
    <aside
      class="workbench-classic-sidebar"
      aria-label="Sidebar"
      data-id="classic-sidebar"
      style={{ width: `${panel.width + 16}px` }}
    >
      <div class="workbench-classic-sidebar__module">
        <h2 class="workbench-classic-sidebar__title">Call Center</h2>
        <SoftphoneIframe width={panel.width} height={panel.height} />
      </div>
    </aside>
  );
}
