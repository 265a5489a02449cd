/** SLDS icons from the design system's sprites (served by the workbench at /slds/). */
export type Sprite = "utility" | "standard" | "action" | "doctype" | "custom";

export function Icon(props: {
  sprite: Sprite;
  name: string;
  class?: string;
  /** Text for screen readers; without it the icon is decorative. */
  label?: string;
}) {
  const safeName = /^[a-z0-9_]+$/.test(props.name) ? props.name : "call";
  return (
    <>
      <svg class={props.class ?? ""} aria-hidden="true" focusable="false">
        <use href={`/slds/icons/${props.sprite}-sprite/svg/symbols.svg#${safeName}`} />
      </svg>
      {props.label ? <span class="slds-assistive-text">{props.label}</span> : null}
    </>
  );
}

/** A record or object icon in its SLDS colour (slds-icon-standard-contact …). */
export function ObjectIcon(props: { icon: string; size?: "small" | "medium" | "large" }) {
  const size = props.size ?? "medium";
  return (
    <span class={`slds-icon_container slds-icon-standard-${props.icon}`}>
      <Icon sprite="standard" name={props.icon} class={`slds-icon slds-icon_${size}`} />
    </span>
  );
}
