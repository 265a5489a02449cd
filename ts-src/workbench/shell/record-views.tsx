/** Record pages, phone numbers as click-to-dial links, and related Tasks. */
import type { FieldValue, OrgRecord } from "./backend";
import { useClickToDialEnabled, useShellState, useStore } from "./context";
import { Icon, ObjectIcon } from "./icon";
import { CallPanel } from "./call-panel";
import { OBJECTS, recordName, text, type FieldSpec } from "./records";

/** A phone number: a click-to-dial link while the softphone enables it, plain text otherwise. */
export function PhoneNumber(props: { number: string; record: OrgRecord; objectType: string }) {
  const store = useStore();
  const enabled = useClickToDialEnabled();
  if (!props.number) return null;
  if (!enabled) return <span data-id="phone-text">{props.number}</span>;
  return (
    <a
      href="#"
      data-id="click-to-dial"
      data-number={props.number}
      title={`Call ${props.number}`}
      onClick={(e) => {
        e.preventDefault();
        store.log(`click-to-dial ${props.number}`);
        store.backend.clickToDial({
          number: props.number,
          recordId: props.record.Id,
          recordName: recordName(props.record),
          objectType: props.objectType
        });
      }}
    >
      <Icon
        sprite="utility"
        name="call"
        class="slds-icon slds-icon_xx-small slds-icon-text-default slds-m-right_xx-small"
      />
      {props.number}
    </a>
  );
}

export function RecordLink(props: { id: string }) {
  const store = useStore();
  const record = store.backend.record(props.id);
  if (!record) return <span>{props.id}</span>;
  const objectType = store.backend.objectTypeOf(props.id);
  return (
    <a
      href="#"
      onClick={(e) => {
        e.preventDefault();
        store.navigate({ kind: "record", id: props.id, objectType });
      }}
    >
      {recordName(record)}
    </a>
  );
}

function FieldValueView(props: { spec: FieldSpec; record: OrgRecord; objectType: string }) {
  const value: FieldValue =
    props.spec.name === "Name" ? recordName(props.record) : props.record[props.spec.name];
  const s = text(value);
  if (!s) return <span />;
  switch (props.spec.kind) {
    case "phone":
      return <PhoneNumber number={s} record={props.record} objectType={props.objectType} />;
    case "reference":
      return <RecordLink id={s} />;
    case "email":
      return <span>{s}</span>;
    default:
      return <span>{s}</span>;
  }
}

export function FieldList(props: { record: OrgRecord; objectType: string; fields: FieldSpec[] }) {
  return (
    <dl class="slds-form slds-form_stacked workbench-fields">
      {props.fields.map((spec) => (
        <div class="slds-form-element slds-form-element_readonly" key={spec.name}>
          <dt class="slds-form-element__label">{spec.label}</dt>
          <dd class="slds-form-element__control">
            <div class="slds-form-element__static" data-field={spec.name}>
              <FieldValueView spec={spec} record={props.record} objectType={props.objectType} />
            </div>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function TasksTable(props: { tasks: OrgRecord[]; caption: string }) {
  if (props.tasks.length === 0)
    return (
      <p class="slds-p-around_small slds-text-color_weak" data-id="no-tasks">
        No activities yet.
      </p>
    );
  return (
    <table
      class="slds-table slds-table_cell-buffer slds-table_bordered"
      data-id="tasks-table"
      aria-label={props.caption}
    >
      <thead>
        <tr class="slds-line-height_reset">
          <th scope="col">Subject</th>
          <th scope="col">Call Type</th>
          <th scope="col">Duration (s)</th>
          <th scope="col">Call Result</th>
          <th scope="col">Name</th>
          <th scope="col">Related To</th>
          <th scope="col">Comments</th>
        </tr>
      </thead>
      <tbody>
        {props.tasks.map((t) => (
          <tr key={t.Id} data-id="task-row" data-task-id={t.Id}>
            <th scope="row" data-field="Subject">
              {text(t.Subject)}
            </th>
            <td data-field="CallType">{text(t.CallType)}</td>
            <td data-field="CallDurationInSeconds">{text(t.CallDurationInSeconds)}</td>
            <td data-field="CallDisposition">{text(t.CallDisposition)}</td>
            <td data-field="WhoId">{t.WhoId ? <RecordLink id={String(t.WhoId)} /> : null}</td>
            <td data-field="WhatId">{t.WhatId ? <RecordLink id={String(t.WhatId)} /> : null}</td>
            <td data-field="Description" class="slds-cell-wrap">
              {text(t.Description)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function sortTasksNewestFirst(tasks: OrgRecord[]): OrgRecord[] {
  return [...tasks].reverse();
}

export function RecordPage(props: { id: string }) {
  const store = useStore();
  const { view } = useShellState();
  const record = store.backend.record(props.id);
  const objectType = store.backend.objectTypeOf(props.id);
  if (!record || !objectType) {
    return (
      <div class="slds-card slds-p-around_medium" data-id="record-missing">
        <h1 class="slds-text-heading_medium">Record not found</h1>
        <p>There is no record with the Id {props.id} in this workbench org.</p>
      </div>
    );
  }
  const meta = OBJECTS[objectType] ?? {
    label: objectType,
    plural: objectType,
    icon: "record",
    prefix: "",
    fields: []
  };
  const tasks = sortTasksNewestFirst(
    store.backend.records("Task").filter((t) => t.WhoId === props.id || t.WhatId === props.id)
  );
  return (
    <div
      class="workbench-record"
      data-id="record-page"
      data-record-id={props.id}
      data-object-type={objectType}
    >
      <div class="slds-page-header slds-page-header_record-home slds-m-bottom_small">
        <div class="slds-page-header__row">
          <div class="slds-page-header__col-title">
            <div class="slds-media">
              <div class="slds-media__figure">
                <ObjectIcon icon={meta.icon} />
              </div>
              <div class="slds-media__body">
                <span class="slds-text-body_small">{meta.label}</span>
                <h1
                  class="slds-page-header__title slds-truncate"
                  data-id="record-title"
                  title={recordName(record)}
                >
                  {recordName(record)}
                </h1>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div class="slds-grid slds-gutters_small slds-wrap">
        <div class="slds-col slds-size_1-of-1 slds-large-size_2-of-3">
          <article class="slds-card">
            <div class="slds-card__header">
              <h2 class="slds-card__header-title">Details</h2>
            </div>
            <div class="slds-card__body slds-card__body_inner">
              <FieldList record={record} objectType={objectType} fields={meta.fields} />
            </div>
          </article>
          <article class="slds-card" data-id="record-activity">
            <div class="slds-card__header">
              <h2 class="slds-card__header-title">Activity History ({tasks.length})</h2>
            </div>
            <div class="slds-card__body">
              <TasksTable tasks={tasks} caption={`Activities of ${recordName(record)}`} />
            </div>
          </article>
        </div>
        {/* The call panel is a Lightning component: Classic pages have no message channel. */}
        {objectType !== "Task" && view === "lightning" ? (
          <div class="slds-col slds-size_1-of-1 slds-large-size_1-of-3">
            <CallPanel record={record} objectType={objectType} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
