/** A 12-key telephone keypad; each key is a real button (keyboard operable). */
const KEYS: ReadonlyArray<readonly [string, string]> = [
  ["1", ""],
  ["2", "ABC"],
  ["3", "DEF"],
  ["4", "GHI"],
  ["5", "JKL"],
  ["6", "MNO"],
  ["7", "PQRS"],
  ["8", "TUV"],
  ["9", "WXYZ"],
  ["*", ""],
  ["0", "+"],
  ["#", ""]
];

interface Props {
  /** Names the group for assistive technology, e.g. "Dial pad" or "Send tones". */
  label: string;
  onKey: (key: string) => void;
  disabled?: boolean;
}

export function Keypad({ label, onKey, disabled = false }: Props) {
  return (
    <div class="sp-keypad" role="group" aria-label={label}>
      {KEYS.map(([key, letters]) => (
        <button
          key={key}
          type="button"
          class="slds-button slds-button_neutral sp-keypad__key"
          data-id={`key-${key}`}
          aria-label={key === "*" ? "star" : key === "#" ? "pound" : key}
          disabled={disabled}
          onClick={() => onKey(key)}
        >
          <span class="sp-keypad__digit">{key}</span>
          <span class="sp-keypad__letters" aria-hidden="true">
            {letters}
          </span>
        </button>
      ))}
    </div>
  );
}
