/** The modal a NEW_RECORD_MODAL screen pop opens: fields prefilled, Save creates the record. */
import { useEffect, useRef, useState } from "preact/hooks";
import { useShellState, useStore } from "./context";
import { NEW_RECORD_FIELDS, OBJECTS, REQUIRED_FIELDS, type FieldSpec } from "./records";

export function NewRecordModal() {
  const store = useStore();
  const { modal } = useShellState();
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setValues(modal ? { ...modal.defaultFieldValues } : {});
    setError(null);
    if (modal) setTimeout(() => first.current?.focus(), 0);
  }, [modal]);

  if (!modal) return null;
  const known = NEW_RECORD_FIELDS[modal.entityName] ?? [];
  const extra: FieldSpec[] = Object.keys(modal.defaultFieldValues)
    .filter((name) => !known.some((f) => f.name === name))
    .map((name) => ({ name, label: name }));
  const fields = [...known, ...extra];
  const required = REQUIRED_FIELDS[modal.entityName] ?? [];
  const label = OBJECTS[modal.entityName]?.label ?? modal.entityName;

  const save = (e: Event) => {
    e.preventDefault();
    const missing = required.filter((f) => !(values[f] ?? "").trim());
    if (missing.length) {
      setError(
        `Complete these fields: ${missing.map((m) => fields.find((f) => f.name === m)?.label ?? m).join(", ")}`
      );
      return;
    }
    try {
      const clean: Record<string, string> = {};
      for (const [k, v] of Object.entries(values)) if (v.trim() !== "") clean[k] = v.trim();
      store.saveModal(clean);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <div onKeyDown={(e) => e.key === "Escape" && store.closeModal()}>
      <section
        role="dialog"
        tabIndex={-1}
        aria-modal="true"
        aria-labelledby="new-record-title"
        class="slds-modal slds-fade-in-open"
        data-id="new-record-modal"
        data-entity={modal.entityName}
      >
        <div class="slds-modal__container">
          <form onSubmit={save} noValidate>
            <div class="slds-modal__header">
              <h1 id="new-record-title" class="slds-modal__title slds-hyphenate">
                New {label}
              </h1>
            </div>
            <div class="slds-modal__content slds-p-around_medium">
              {error ? (
                <div
                  class="slds-notify slds-notify_alert slds-alert_error slds-m-bottom_small"
                  role="alert"
                  data-id="new-record-error"
                >
                  {error}
                </div>
              ) : null}
              {fields.map((f, i) => (
                <div class="slds-form-element slds-m-bottom_x-small" key={f.name}>
                  <label class="slds-form-element__label" for={`new-${f.name}`}>
                    {required.includes(f.name) ? (
                      <abbr class="slds-required" title="required">
                        *{" "}
                      </abbr>
                    ) : null}
                    {f.label}
                  </label>
                  <div class="slds-form-element__control">
                    <input
                      ref={i === 0 ? first : undefined}
                      id={`new-${f.name}`}
                      name={f.name}
                      data-field={f.name}
                      class="slds-input"
                      type={f.kind === "email" ? "email" : f.kind === "phone" ? "tel" : "text"}
                      value={values[f.name] ?? ""}
                      required={required.includes(f.name)}
                      onInput={(e) =>
                        setValues({ ...values, [f.name]: (e.target as HTMLInputElement).value })
                      }
                    />
                  </div>
                </div>
              ))}
            </div>
            <div class="slds-modal__footer">
              <button
                type="button"
                class="slds-button slds-button_neutral"
                data-id="new-record-cancel"
                onClick={() => store.closeModal()}
              >
                Cancel
              </button>
              <button type="submit" class="slds-button slds-button_brand" data-id="new-record-save">
                Save
              </button>
            </div>
          </form>
        </div>
      </section>
      <div class="slds-backdrop slds-backdrop_open" role="presentation"></div>
    </div>
  );
}
