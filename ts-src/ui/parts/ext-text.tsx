/**
 * Text that came from outside (caller IDs, record names, error messages). Rendered as a Preact
 * text node — never as HTML — inside <bdi> so right-to-left override characters cannot reorder
 * the text around it; the full value stays available as a tooltip when it is visually truncated.
 */
interface Props {
  text: string;
  class?: string;
  /** Single line with an ellipsis (SLDS slds-truncate) instead of wrapping. */
  truncate?: boolean;
}

export function ExtText({ text, class: className, truncate = false }: Props) {
  const classes = ["sp-ext", truncate ? "slds-truncate" : "", className ?? ""]
    .filter(Boolean)
    .join(" ");
  return (
    <bdi class={classes} title={truncate ? text : undefined}>
      {text}
    </bdi>
  );
}
