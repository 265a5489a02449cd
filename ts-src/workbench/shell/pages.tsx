/** Object homes, list views, search results, the Tasks list and the screen-pop landing pages. */
import type { FlowArgument } from "../../host/cti-host";
import type { OrgRecord } from "./backend";
import { useShellState, useStore } from "./context";
import { ObjectIcon } from "./icon";
import { OBJECTS, PHONE_FIELDS, recordName, text } from "./records";
import { PhoneNumber, RecordLink, TasksTable, sortTasksNewestFirst } from "./record-views";
import { SHELL_OBJECTS } from "./backend";

function PageHeader(props: { icon: string; kicker: string; title: string }) {
  return (
    <div class="slds-page-header slds-m-bottom_small">
      <div class="slds-media">
        <div class="slds-media__figure">
          <ObjectIcon icon={props.icon} />
        </div>
        <div class="slds-media__body">
          <span class="slds-text-body_small">{props.kicker}</span>
          <h1 class="slds-page-header__title" data-id="page-title">
            {props.title}
          </h1>
        </div>
      </div>
    </div>
  );
}

function RecordTable(props: { objectType: string; records: OrgRecord[]; caption: string }) {
  const store = useStore();
  return (
    <table
      class="slds-table slds-table_cell-buffer slds-table_bordered"
      aria-label={props.caption}
      data-id="record-table"
    >
      <thead>
        <tr class="slds-line-height_reset">
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Phone</th>
        </tr>
      </thead>
      <tbody>
        {props.records.map((r) => {
          const objectType = store.backend.objectTypeOf(r.Id) ?? props.objectType;
          const phone = PHONE_FIELDS.map((f) => text(r[f])).find(Boolean) ?? "";
          return (
            <tr key={r.Id} data-id="record-row" data-record-id={r.Id}>
              <th scope="row">
                <RecordLink id={r.Id} />
              </th>
              <td>{OBJECTS[objectType]?.label ?? objectType}</td>
              <td>
                {phone ? <PhoneNumber number={phone} record={r} objectType={objectType} /> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ObjectHome(props: { objectType: string; listViewId?: string }) {
  const store = useStore();
  useShellState();
  const meta = OBJECTS[props.objectType];
  if (!meta) return <NotFound what={`the object ${props.objectType}`} />;
  if (props.objectType === "Task") return <TasksPage />;
  const records = store.backend.records(props.objectType);
  return (
    <div data-id="object-home" data-object-type={props.objectType}>
      <PageHeader
        icon={meta.icon}
        kicker={props.listViewId ? `${meta.plural} · list view` : meta.plural}
        title={props.listViewId ? `${meta.plural}: ${props.listViewId}` : `All ${meta.plural}`}
      />
      <article class="slds-card">
        <RecordTable objectType={props.objectType} records={records} caption={meta.plural} />
      </article>
    </div>
  );
}

export function TasksPage() {
  const store = useStore();
  useShellState();
  const tasks = sortTasksNewestFirst(store.backend.records("Task"));
  return (
    <div data-id="tasks-page">
      <PageHeader icon="task" kicker="Tasks" title={`Call log (${tasks.length})`} />
      <article class="slds-card">
        <TasksTable tasks={tasks} caption="Tasks" />
      </article>
    </div>
  );
}

const digits = (s: string) => s.replace(/\D/g, "");

/** Matches names and phone numbers, as Salesforce's global search would for these objects. */
export function searchRecords(records: OrgRecord[], term: string): OrgRecord[] {
  const t = term.trim().toLowerCase();
  if (t.length < 2) return [];
  const d = digits(t);
  return records.filter((r) => {
    if (recordName(r).toLowerCase().includes(t)) return true;
    if (text(r.Company).toLowerCase().includes(t) || text(r.Email).toLowerCase().includes(t))
      return true;
    if (d.length >= 4)
      return PHONE_FIELDS.some(
        (f) => digits(text(r[f])).endsWith(d.slice(-10)) || digits(text(r[f])).includes(d)
      );
    return false;
  });
}

export function SearchResults(props: { term: string }) {
  const store = useStore();
  useShellState();
  const all = SHELL_OBJECTS.flatMap((o) => store.backend.records(o));
  const found = searchRecords(all, props.term);
  return (
    <div data-id="search-page">
      <PageHeader icon="search" kicker="Search results" title={`Results for "${props.term}"`} />
      <article class="slds-card">
        {found.length ? (
          <RecordTable objectType="Record" records={found} caption="Search results" />
        ) : (
          <p class="slds-p-around_medium" data-id="search-empty">
            No results for "{props.term}".
          </p>
        )}
      </article>
    </div>
  );
}

export function FlowScreen(props: { name: string; args: FlowArgument[] }) {
  return (
    <div data-id="flow-page" data-flow-name={props.name}>
      <PageHeader icon="flow" kicker="Flow" title={props.name} />
      <article class="slds-card slds-p-around_medium">
        <p class="slds-m-bottom_small">
          The workbench does not run flows. In an org, the screen flow <strong>{props.name}</strong>{" "}
          would start here with these input variables:
        </p>
        {props.args.length ? (
          <table
            class="slds-table slds-table_bordered"
            aria-label="Flow input variables"
            data-id="flow-args"
          >
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {props.args.map((a, i) => (
                <tr key={i} data-id="flow-arg">
                  <td>{a.name}</td>
                  <td>{a.type}</td>
                  <td>{String(a.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="slds-text-color_weak">No input variables.</p>
        )}
      </article>
    </div>
  );
}

export function ExternalPage(props: { url: string }) {
  return (
    <div data-id="url-page">
      <PageHeader icon="link" kicker="Screen pop" title="A web page outside Salesforce" />
      <article class="slds-card slds-p-around_medium">
        <p>
          Salesforce would open this address in a new tab; the workbench stays on loopback and only
          shows it:
        </p>
        <p class="slds-m-top_small">
          <code data-id="url-target">{props.url}</code>
        </p>
      </article>
    </div>
  );
}

export function NotFound(props: { what: string }) {
  return (
    <article class="slds-card slds-p-around_medium" data-id="not-found">
      <h1 class="slds-text-heading_medium">Page not found</h1>
      <p>The workbench has no page for {props.what}.</p>
    </article>
  );
}

export function HomePage() {
  const store = useStore();
  useShellState();
  const counts = SHELL_OBJECTS.map((o) => ({ o, n: store.backend.records(o).length }));
  return (
    <div data-id="home-page">
      <PageHeader icon="home" kicker="Softphone Workbench" title="Home" />
      <article class="slds-card slds-p-around_medium">
        <p class="slds-m-bottom_small">
          This is a local stand-in for a Salesforce org. Open <strong>Phone</strong> in the utility
          bar below to use the softphone, click a phone number on any record to call it, or use{" "}
          <strong>Workbench</strong> (top right) to simulate an incoming call and change call center
          settings.
        </p>
        <ul class="slds-list_horizontal slds-has-dividers_left">
          {counts.map(({ o, n }) => (
            <li class="slds-item" key={o}>
              <a
                href="#"
                onClick={(e) => {
                  e.preventDefault();
                  store.navigate({ kind: "objecthome", objectType: o });
                }}
              >
                {OBJECTS[o].plural} ({n})
              </a>
            </li>
          ))}
        </ul>
      </article>
    </div>
  );
}

export { RecordLink };
