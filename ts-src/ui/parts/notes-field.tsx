/**
 * Call notes. The draft is kept locally so typing stays smooth even when the store answers
 * asynchronously (a follower tab forwards to the leader); a change from elsewhere replaces it.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { MAX_NOTES } from "../../core/model";

interface Props {
  callId: string;
  notes: string;
  onChange: (notes: string) => void;
}

export function NotesField({ callId, notes, onChange }: Props) {
  const [draft, setDraft] = useState(notes);
  const lastSent = useRef(notes);
  const lastCallId = useRef(callId);
  useEffect(() => {
    if (callId !== lastCallId.current || notes !== lastSent.current) {
      lastCallId.current = callId;
      lastSent.current = notes;
      setDraft(notes);
    }
  }, [callId, notes]);
  const id = `notes-${callId}`;
  return (
    <div class="slds-form-element sp-section">
      <label class="slds-form-element__label" for={id}>
        Notes
      </label>
      <div class="slds-form-element__control">
        <textarea
          id={id}
          class="slds-textarea sp-notes"
          data-id="notes"
          rows={2}
          maxLength={MAX_NOTES}
          value={draft}
          onInput={(e) => {
            const value = e.currentTarget.value;
            setDraft(value);
            lastSent.current = value;
            onChange(value);
          }}
        />
      </div>
    </div>
  );
}
