import { useEffect, useRef, useState } from 'react';
import { MAX_NOTE_CHARS } from '@/lib/db/schema';
import { holdEdit, releaseEdit } from './unsaved-edits';

/** How long after the last key a note is saved. */
export const NOTES_SAVE_MS = 800;

/**
 * A prospect's note, saved as the rep types (a moment after the last key), on leaving the field, when the
 * field goes (the panel turned to another page), and when the page is closed or hidden meanwhile (see
 * unsaved-edits.ts). A note changed elsewhere (the list, the side panel) shows here unless the rep is typing in
 * this field, and a field only passed through writes nothing. Always a text area, so that a note's line breaks are kept wherever it is edited.
 * @param multiline a field of a few lines where Enter starts a new line (the side panel); otherwise one line,
 *   where Enter saves and Shift+Enter starts a new line (the list's rows)
 */
export function NoteField({
  id,
  notes,
  label,
  className,
  multiline = false,
  onSave,
}: {
  id: number;
  notes: string;
  label: string;
  className?: string;
  multiline?: boolean;
  onSave: (notes: string) => void;
}) {
  const [draft, setDraft] = useState(notes);
  const typing = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const stored = useRef(notes);
  stored.current = notes;
  /** Text typed and not saved yet. */
  const pending = useRef<string | null>(null);
  const key = `notes ${id}`;
  const save = (text: string) => {
    clearTimeout(timer.current);
    pending.current = null;
    releaseEdit(key);
    if (text !== stored.current) onSave(text);
  };
  const saveRef = useRef(save);
  saveRef.current = save;
  /** Whether a note saved while the rep was in the field (elsewhere, or by this field) is not shown yet. */
  const behind = useRef(false);
  useEffect(() => {
    if (!typing.current) setDraft(notes);
    else behind.current = true;
  }, [notes]);
  // Gone while the rep typed (another company in the panel): what was typed is saved, not left for later.
  useEffect(
    () => () => {
      if (pending.current !== null) saveRef.current(pending.current);
    },
    [],
  );
  return (
    <textarea
      className={className}
      aria-label={label}
      value={draft}
      placeholder="Notes"
      maxLength={MAX_NOTE_CHARS}
      rows={multiline ? 2 : 1}
      // A one-line field shows a note's first line: its whole text on hover, and the field opens up when focused.
      title={!multiline && draft.includes('\n') ? draft : undefined}
      data-more-lines={!multiline && draft.includes('\n') ? '' : undefined}
      onFocus={() => {
        typing.current = true;
      }}
      onChange={(e) => {
        const text = e.target.value;
        setDraft(text);
        pending.current = text;
        holdEdit(key, { id, notes: text });
        clearTimeout(timer.current);
        timer.current = window.setTimeout(() => save(text), NOTES_SAVE_MS);
      }}
      onKeyDown={(e) => {
        if (multiline || e.key !== 'Enter' || e.shiftKey) return;
        e.preventDefault();
        // Saved where the keyboard is: leaving the field for none (blur) would send the next Tab to the top of
        // the page, far from the row.
        save(e.currentTarget.value);
      }}
      onBlur={(e) => {
        typing.current = false;
        // A field only passed through writes nothing: its text can be older than a note saved meanwhile
        // elsewhere (another tab of the list, the panel), which it then shows.
        if (pending.current !== null) save(e.target.value);
        else if (behind.current) setDraft(stored.current);
        behind.current = false;
      }}
    />
  );
}
