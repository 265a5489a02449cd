/**
 * The agent's audio settings: microphone, speaker (call audio), a separate ringer output, and
 * echo cancellation / noise suppression / auto gain. The phone applies a choice to a call in
 * progress and remembers it in this browser.
 */
import { useEffect } from "preact/hooks";
import type { SoftphoneActions, SoftphoneState } from "../../core/model";
import type { AudioDevice, AudioDeviceRole, AudioProcessing } from "../../phone/phone";

const DEFAULT = "";

const SWITCHES: Array<[keyof AudioProcessing, string]> = [
  ["echoCancellation", "Echo cancellation"],
  ["noiseSuppression", "Noise suppression"],
  ["autoGainControl", "Automatic gain"]
];

function DeviceSelect(props: {
  role: AudioDeviceRole;
  label: string;
  devices: readonly AudioDevice[];
  selected: string | null;
  onSelect: (role: AudioDeviceRole, id: string | null) => void;
}) {
  const id = `sp-device-${props.role}`;
  return (
    <div class="slds-form-element slds-m-top_x-small">
      <label class="slds-form-element__label" for={id}>
        {props.label}
      </label>
      <div class="slds-form-element__control">
        <div class="slds-select_container">
          <select
            id={id}
            class="slds-select"
            data-id={`device-${props.role}`}
            value={props.selected ?? DEFAULT}
            onChange={(e) => {
              const value = (e.currentTarget as HTMLSelectElement).value;
              props.onSelect(props.role, value === DEFAULT ? null : value);
            }}
          >
            <option value={DEFAULT}>System default</option>
            {props.devices
              .filter((d) => d.id !== "default")
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
          </select>
        </div>
      </div>
    </div>
  );
}

export function DevicesView({
  state,
  actions,
  onClose
}: {
  state: SoftphoneState;
  actions: SoftphoneActions;
  onClose: () => void;
}) {
  // The list may have changed (a headset plugged in, the microphone allowed) since it was read.
  useEffect(() => {
    void actions.loadDevices();
  }, [actions]);
  const devices = state.devices;
  const select = (role: AudioDeviceRole, id: string | null) => void actions.selectDevice(role, id);
  return (
    <section class="sp-view" data-id="devices-view" aria-labelledby="sp-devices-title">
      <div class="sp-row">
        <h2 id="sp-devices-title" class="slds-text-heading_small sp-grow" tabIndex={-1}>
          Audio devices
        </h2>
        <button
          type="button"
          class="slds-button slds-button_neutral"
          data-id="devices-close"
          onClick={onClose}
        >
          Back
        </button>
      </div>
      {!devices ? (
        <p class="slds-text-body_small slds-m-top_x-small" data-id="devices-unavailable">
          {state.phoneKind
            ? "Looking for audio devices…"
            : "Audio devices can be chosen once the phone has started."}
        </p>
      ) : (
        <>
          <DeviceSelect
            role="input"
            label="Microphone"
            devices={devices.inputs}
            selected={devices.selected.input}
            onSelect={select}
          />
          {devices.canSelectOutput ? (
            <>
              <DeviceSelect
                role="output"
                label="Speaker (call audio)"
                devices={devices.outputs}
                selected={devices.selected.output}
                onSelect={select}
              />
              <DeviceSelect
                role="ringer"
                label="Ringer output"
                devices={devices.outputs}
                selected={devices.selected.ringer}
                onSelect={select}
              />
            </>
          ) : (
            <p class="slds-text-body_small slds-m-top_x-small" data-id="devices-no-output">
              This browser plays all audio on the system's default output.
            </p>
          )}
          <fieldset class="slds-form-element slds-m-top_small">
            <legend class="slds-form-element__legend slds-form-element__label">
              Audio processing
            </legend>
            {SWITCHES.map(([key, label]) => (
              <div class="slds-form-element__control" key={key}>
                <div class="slds-checkbox">
                  <input
                    type="checkbox"
                    id={`sp-processing-${key}`}
                    data-id={`processing-${key}`}
                    checked={devices.processing[key]}
                    onChange={(e) =>
                      void actions.setAudioProcessing({
                        [key]: (e.currentTarget as HTMLInputElement).checked
                      })
                    }
                  />
                  <label class="slds-checkbox__label" for={`sp-processing-${key}`}>
                    <span class="slds-checkbox_faux" />
                    <span class="slds-form-element__label">{label}</span>
                  </label>
                </div>
              </div>
            ))}
          </fieldset>
          <p class="slds-text-body_small slds-text-color_weak slds-m-top_x-small">
            Choices apply to a call in progress and are remembered in this browser.
          </p>
        </>
      )}
    </section>
  );
}
