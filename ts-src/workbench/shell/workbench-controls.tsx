/**
 * The workbench's own controls (not part of Salesforce): simulate an incoming call, edit the
 * call center settings, reload the softphone, and watch the Open CTI calls go by.
 */
import { useMemo, useState } from "preact/hooks";
import type { OrgRecord } from "./backend";
import { useActivityLog, useShellState, useStore } from "./context";
import { Icon } from "./icon";
import { CHANNEL } from "./call-panel";
import { NetworkControls } from "./network-controls";
import { PHONE_FIELDS, recordName, text } from "./records";
import { SETTINGS, settingsToQuery } from "./settings";

const UNKNOWN = "__unknown__";

export function callerChoices(records: Array<{ label: string; list: OrgRecord[] }>) {
  const out: Array<{ group: string; value: string; label: string }> = [];
  for (const { label, list } of records)
    for (const r of list)
      for (const f of PHONE_FIELDS) {
        const n = text(r[f]);
        if (n) out.push({ group: label, value: n, label: `${recordName(r)} — ${n}` });
      }
  return out;
}

/** Closes the controls after simulating, so the agent sees the call arrive. */
function SimulateCall(props: { onDone: () => void }) {
  const store = useStore();
  const { orgVersion, view, softphonePath } = useShellState();
  const foreign = softphonePath !== "/apex/Softphone";
  const choices = useMemo(
    () =>
      callerChoices([
        { label: "Contacts", list: store.backend.records("Contact") },
        { label: "Leads", list: store.backend.records("Lead") },
        { label: "Accounts", list: store.backend.records("Account") }
      ]),
    [store, orgVersion]
  );
  const [choice, setChoice] = useState(choices[0]?.value ?? UNKNOWN);
  const [unknown, setUnknown] = useState("+1 415 555 0199");
  const [name, setName] = useState("");
  const number = choice === UNKNOWN ? unknown.trim() : choice;
  const groups = [...new Set(choices.map((c) => c.group))];
  if (view === "classic")
    return (
      <p class="slds-text-body_small" data-id="wb-simulate-classic">
        Salesforce Classic has no message channel, so the workbench cannot reach the softphone from
        here: use the softphone's own "Simulate incoming call" in the sidebar.
      </p>
    );

  return (
    <form
      data-id="wb-simulate-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!number) return;
        const payload: Record<string, string> = { number };
        if (name.trim()) payload.name = name.trim();
        store.backend.publish(CHANNEL, { source: "workbench", type: "simulateIncoming", payload });
        store.log(`simulated incoming call from ${number}`);
        props.onDone();
      }}
    >
      {foreign && (
        <p class="slds-text-body_small slds-m-bottom_x-small" data-id="wb-simulate-adapter">
          Your adapter hears this only if it subscribes to the Softphone__c message channel: the
          call arrives as {'{type: "simulateIncoming", payload: {number, name}}'}.
        </p>
      )}
      <div class="slds-form-element slds-m-bottom_x-small">
        <label class="slds-form-element__label" for="simulate-caller">
          Caller
        </label>
        <div class="slds-form-element__control">
          <div class="slds-select_container">
            <select
              id="simulate-caller"
              class="slds-select"
              data-id="wb-simulate-caller"
              value={choice}
              onChange={(e) => setChoice((e.target as HTMLSelectElement).value)}
            >
              {groups.map((g) => (
                <optgroup label={g} key={g}>
                  {choices
                    .filter((c) => c.group === g)
                    .map((c, i) => (
                      <option value={c.value} key={`${c.value}-${i}`}>
                        {c.label}
                      </option>
                    ))}
                </optgroup>
              ))}
              <option value={UNKNOWN}>Unknown number…</option>
            </select>
          </div>
        </div>
      </div>
      {choice === UNKNOWN ? (
        <div class="slds-form-element slds-m-bottom_x-small">
          <label class="slds-form-element__label" for="simulate-number">
            Number
          </label>
          <div class="slds-form-element__control">
            <input
              id="simulate-number"
              class="slds-input"
              type="tel"
              data-id="wb-simulate-number"
              value={unknown}
              onInput={(e) => setUnknown((e.target as HTMLInputElement).value)}
            />
          </div>
        </div>
      ) : null}
      <div class="slds-form-element slds-m-bottom_x-small">
        <label class="slds-form-element__label" for="simulate-name">
          Caller ID name (optional)
        </label>
        <div class="slds-form-element__control">
          <input
            id="simulate-name"
            class="slds-input"
            data-id="wb-simulate-name"
            value={name}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
          />
        </div>
      </div>
      <button
        type="submit"
        class="slds-button slds-button_brand"
        data-id="wb-simulate-incoming"
        disabled={!number}
      >
        <Icon
          sprite="utility"
          name="incoming_call"
          class="slds-button__icon slds-button__icon_left"
        />
        Simulate incoming call
      </button>
    </form>
  );
}

function SettingsForm() {
  const store = useStore();
  const [draft, setDraft] = useState<Record<string, string>>(() => ({
    ...store.backend.settings()
  }));
  const [defaults] = useState<Record<string, string>>(() => ({ ...store.backend.settings() }));
  return (
    <form
      data-id="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        store.applySettings({ ...draft });
        const changed: Record<string, string> = {};
        for (const s of SETTINGS)
          if ((draft[s.key] ?? "") !== (store.initialSettings[s.key] ?? ""))
            changed[s.key] = draft[s.key] ?? "";
        window.history.replaceState(
          window.history.state,
          "",
          `${window.location.pathname}${settingsToQuery(changed)}`
        );
      }}
    >
      {SETTINGS.map((s) => (
        <div class="slds-form-element slds-m-bottom_xx-small" key={s.key}>
          <label class="slds-form-element__label" for={`setting-${s.param}`}>
            {s.label} <span class="slds-text-color_weak">({s.key})</span>
          </label>
          <div class="slds-form-element__control">
            <input
              id={`setting-${s.param}`}
              class="slds-input"
              data-id={`setting-${s.param}`}
              list={s.suggestions.length ? `setting-${s.param}-values` : undefined}
              value={draft[s.key] ?? ""}
              onInput={(e) => setDraft({ ...draft, [s.key]: (e.target as HTMLInputElement).value })}
            />
            {s.suggestions.length ? (
              <datalist id={`setting-${s.param}-values`}>
                {s.suggestions.map((v) => (
                  <option value={v} key={v} />
                ))}
              </datalist>
            ) : null}
          </div>
        </div>
      ))}
      <div class="slds-m-top_small">
        <button type="submit" class="slds-button slds-button_brand" data-id="settings-apply">
          Apply and reload softphone
        </button>
        <button
          type="button"
          class="slds-button slds-button_neutral"
          data-id="settings-reset"
          onClick={() => setDraft({ ...defaults })}
        >
          Undo changes
        </button>
      </div>
    </form>
  );
}

export function WorkbenchControls(props: { onClose: () => void }) {
  const store = useStore();
  const log = useActivityLog();
  return (
    <aside
      class="slds-panel slds-size_medium slds-panel_docked slds-panel_docked-right slds-is-open workbench-controls"
      aria-label="Workbench controls"
      data-id="workbench-controls"
    >
      <div class="slds-panel__header">
        <h2
          class="slds-panel__header-title slds-text-heading_small slds-truncate"
          id="workbench-controls-heading"
        >
          Workbench
        </h2>
        <button
          class="slds-button slds-button_icon slds-button_icon-small slds-panel__close"
          title="Close"
          onClick={props.onClose}
        >
          <Icon
            sprite="utility"
            name="close"
            class="slds-button__icon"
            label="Close the workbench controls"
          />
        </button>
      </div>
      <div class="slds-panel__body">
        <h3 class="slds-text-title_caps slds-m-bottom_x-small">Incoming call</h3>
        <SimulateCall onDone={props.onClose} />
        <h3 class="slds-text-title_caps slds-m-top_medium slds-m-bottom_x-small">
          Network (demo phone, on the current call)
        </h3>
        <NetworkControls />
        <h3 class="slds-text-title_caps slds-m-top_medium slds-m-bottom_x-small">
          Call center settings
        </h3>
        <SettingsForm />
        <div class="slds-m-top_small">
          <button
            type="button"
            class="slds-button slds-button_neutral"
            data-id="reload-softphone"
            onClick={() => store.reloadSoftphone()}
          >
            Reload softphone
          </button>
        </div>
        <h3 class="slds-text-title_caps slds-m-top_medium slds-m-bottom_x-small">
          Open CTI activity
        </h3>
        <ol class="workbench-log" data-id="cti-log" tabIndex={0} aria-label="Open CTI activity">
          {log.map((l, i) => (
            <li key={`${l.at}-${i}`}>
              <span class="slds-text-color_weak">{new Date(l.at).toLocaleTimeString()}</span>{" "}
              {l.text}
            </li>
          ))}
        </ol>
      </div>
    </aside>
  );
}
