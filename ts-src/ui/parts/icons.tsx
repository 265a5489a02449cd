/** A few inline icons drawn for this project (no sprite files, no CDN); decorative only. */
interface IconProps {
  class?: string;
}

function Svg({ class: className, children }: IconProps & { children: preact.ComponentChildren }) {
  return (
    <svg
      class={`slds-button__icon ${className ?? ""}`.trim()}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="currentColor"
    >
      {children}
    </svg>
  );
}

/** A handset: a thick curved bar with two ear pieces. */
export function PhoneIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M7 3 C4.5 3 3 5 3 7.5 C3 15 9 21 16.5 21 C19 21 21 19.5 21 17 L16.5 14.5 L14.5 16.5 C11.5 15.5 8.5 12.5 7.5 9.5 L9.5 7.5 Z" />
    </Svg>
  );
}

/** The handset turned down: hang up / decline. */
export function HangUpIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M2 14 C2 11 6 8.5 12 8.5 C18 8.5 22 11 22 14 L22 16 L17 16 L16.5 13 C13.5 12 10.5 12 7.5 13 L7 16 L2 16 Z" />
    </Svg>
  );
}

export function CloseIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M5 3.5 L12 10.5 L19 3.5 L20.5 5 L13.5 12 L20.5 19 L19 20.5 L12 13.5 L5 20.5 L3.5 19 L10.5 12 L3.5 5 Z" />
    </Svg>
  );
}

/** A circle with an "i": diagnostics. */
export function InfoIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M12 2 A10 10 0 1 0 12.001 2 Z M12 4 A8 8 0 1 1 11.999 4 Z" fill-rule="evenodd" />
      <rect x="11" y="10" width="2" height="7.5" />
      <rect x="11" y="6.5" width="2" height="2" />
    </Svg>
  );
}

/** A headset: the audio devices menu. */
export function HeadsetIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M12 3 A8 8 0 0 0 4 11 V17 A2 2 0 0 0 6 19 H8 V12 H6 V11 A6 6 0 0 1 18 11 V12 H16 V19 H18 A2 2 0 0 0 20 17 V11 A8 8 0 0 0 12 3 Z" />
    </Svg>
  );
}
