/**
 * What the shell needs from the in-memory org and the fake Open CTI container. The shell's
 * views depend on this interface; fake-backend.ts implements it over the fake host.
 */
import type { ScreenPopTarget } from "../../host/cti-host";

export type Unsubscribe = () => void;

export type FieldValue = string | number | boolean | null | undefined;

export interface OrgRecord {
  Id: string;
  [field: string]: FieldValue;
}

export const SHELL_OBJECTS = ["Account", "Contact", "Lead", "Case"] as const;
export type ShellObject = (typeof SHELL_OBJECTS)[number];

/** Panel changes the softphone asks for (Lightning panel or Classic softphone area). */
export type PanelChange =
  | { kind: "visible"; visible: boolean }
  | { kind: "height"; px: number }
  | { kind: "width"; px: number }
  | { kind: "label"; text: string }
  | { kind: "icon"; name: string }
  | { kind: "itemLabel"; text: string }
  | { kind: "itemIcon"; name: string };

export interface ShellEvents {
  /** A screen pop. Classic pops arrive as `url`. */
  screenPop(target: ScreenPopTarget): void;
  refreshView(): void;
  panel(change: PanelChange): void;
}

export interface ShellBackend {
  /** `window.sforce.opencti` and `window.sforce.interaction` as the softphone frame sees them. */
  readonly lightningApi: object;
  readonly classicApi: object;

  records(objectType: string): OrgRecord[];
  record(id: string): OrgRecord | undefined;
  objectTypeOf(id: string): string | undefined;
  /** Creates a record (new-record modal); throws with a readable message on bad input. */
  create(objectType: string, fields: Record<string, FieldValue>): string;
  /** Called after any change to records (a Task logged, a record created). */
  onChange(listener: () => void): Unsubscribe;

  /** Call center settings as Open CTI returns them (full keys). */
  settings(): Record<string, string>;
  setSettings(settings: Record<string, string>): void;

  /** The agent opened or closed the panel (isSoftphonePanelVisible answers from this). */
  setPanelVisible(visible: boolean): void;

  clickToDialEnabled(): boolean;
  onClickToDialEnabled(listener: (enabled: boolean) => void): Unsubscribe;
  /** A user clicked a phone number; ignored by the container while click-to-dial is disabled. */
  clickToDial(payload: {
    number: string;
    recordId?: string;
    recordName?: string;
    objectType?: string;
  }): void;
  navigationChanged(page: {
    url: string;
    recordId?: string;
    recordName?: string;
    objectType?: string;
  }): void;

  publish(channel: string, message: Record<string, unknown>): void;
  subscribe(channel: string, listener: (message: Record<string, unknown>) => void): Unsubscribe;
}
