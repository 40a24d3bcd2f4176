import { useEffect, useRef, useState } from 'react';
import { holdEdit, releaseEdit } from './unsaved-edits';

/** How long after the last key a note is saved. */
export const NOTES_SAVE_MS = 800;
/** The longest note kept (the background's message schema holds the same cap). */
export const NOTES_MAX = 20_000;

/**
 * A prospect's note, saved as the rep types (a moment after the last key), on Enter, on leaving the field, and
 * when the page is closed or hidden meanwhile (see unsaved-edits.ts). A note changed elsewhere (the list, the
 * side panel) shows here unless the rep is typing in this field.
 * @param multiline a field that wraps a long note over several lines (Enter still saves: a note is one line)
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
  useEffect(() => {
    if (!typing.current) setDraft(notes);
  }, [notes]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const key = `notes ${id}`;
  const save = (text: string) => {
    clearTimeout(timer.current);
    releaseEdit(key);
    if (text !== stored.current) onSave(text);
  };
  const props = {
    className,
    'aria-label': label,
    value: draft,
    placeholder: 'Notes',
    maxLength: NOTES_MAX,
    onFocus: () => {
      typing.current = true;
    },
    onChange: (e: { target: { value: string } }) => {
      // Line breaks pasted into the wrapping field are kept as spaces, as a one-line field keeps them.
      const text = multiline ? e.target.value.replace(/\r\n?|\n/g, ' ') : e.target.value;
      setDraft(text);
      holdEdit(key, { id, notes: text.slice(0, NOTES_MAX) });
      clearTimeout(timer.current);
      timer.current = window.setTimeout(() => save(text), NOTES_SAVE_MS);
    },
    onKeyDown: (e: {
      key: string;
      shiftKey: boolean;
      preventDefault(): void;
      currentTarget: HTMLElement;
    }) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      e.currentTarget.blur();
    },
    onBlur: (e: { target: { value: string } }) => {
      typing.current = false;
      save(e.target.value);
    },
  };
  return multiline ? <textarea rows={2} {...props} /> : <input {...props} />;
}
