import { useEffect, useRef, useState } from 'react';
import { MAX_NOTE_CHARS } from '@/lib/db/schema';
import { holdEdit, releaseEdit } from './unsaved-edits';

/** How long after the last key a note is saved. */
export const NOTES_SAVE_MS = 800;

/** What the rep is told of a note too long to save, or empty where it fits in MAX_NOTE_CHARS. */
export function noteTooLongMessage(text: string): string {
  if (text.length <= MAX_NOTE_CHARS) return '';
  const n = (count: number) => count.toLocaleString('en-US');
  return (
    `Not saved: this note is ${n(text.length)} characters, and a note holds ${n(MAX_NOTE_CHARS)}. ` +
    `Take out ${n(text.length - MAX_NOTE_CHARS)} to save it; until then the note saved before stays.`
  );
}

/**
 * A prospect's note, saved as the rep types (a moment after the last key), on leaving the field, when the
 * field goes (the panel turned to another page), and when the page is closed or hidden meanwhile (see
 * unsaved-edits.ts). A note changed elsewhere (the list, the side panel) shows here unless the rep is typing in
 * this field, and a field only passed through writes nothing. Always a text area, so that a note's line breaks are kept wherever it is edited.
 * A note past MAX_NOTE_CHARS (a long paste) stays in the field whole and is not saved: the field says so (its
 * validity message, shown at once) until the rep shortens it. The browser's own length limit would cut the
 * paste's end without a word. Gone from the page meanwhile, it is lost: the note saved before stays.
 * A save that does not land (`onSave`'s promise rejects: the company was deleted meanwhile, the disk is full)
 * is said the same way, and the text stays in the field for the rep to copy; leaving the field tries again.
 * @param onSave writes the note; its promise, if it returns one, tells the field whether the note was written
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
  // biome-ignore lint/suspicious/noConfusingVoidType: a host that does not say whether the note landed (the side panel's `edit`) returns nothing, which `undefined` would refuse
  onSave: (notes: string) => void | Promise<unknown>;
}) {
  const [draft, setDraft] = useState(notes);
  const field = useRef<HTMLTextAreaElement>(null);
  /** Why the last save did not land, until the note is changed. */
  const [failure, setFailure] = useState('');
  const problem = noteTooLongMessage(draft) || failure;
  useEffect(() => {
    const el = field.current;
    if (!el) return;
    el.setCustomValidity(problem);
    // Shown at once only where the keyboard still is: a field left meanwhile would take it back. The field's
    // hosts also say it in their status line.
    if (failure && el === document.activeElement) el.reportValidity();
  }, [problem, failure]);
  const typing = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const stored = useRef(notes);
  stored.current = notes;
  /** Text typed and not saved yet. */
  const pending = useRef<string | null>(null);
  const key = `notes ${id}`;
  const save = (text: string) => {
    clearTimeout(timer.current);
    // Too long: kept as typed (still pending), and the rep was told when it passed the limit.
    if (noteTooLongMessage(text)) return;
    pending.current = null;
    releaseEdit(key);
    if (text === stored.current) return;
    onSave(text)?.then(
      // A save that lands (a retry on leaving the field) takes back what the last failure said.
      () => setFailure(''),
      (error: unknown) => {
        // Kept as typed (not replaced by the saved note, if any is still there), and saved again on leaving the
        // field; text typed since is newer and stays pending as it is.
        if (pending.current === null) pending.current = text;
        // Most errors the browser words end without a full stop.
        const said = (error instanceof Error ? error.message : String(error)).trimEnd();
        const reason = said.endsWith('.') ? said : `${said}.`;
        setFailure(`Not saved: ${reason} The note is still here to copy.`);
      },
    );
  };
  const saveRef = useRef(save);
  saveRef.current = save;
  /** Whether a note saved while the rep was in the field (elsewhere, or by this field) is not shown yet. */
  const behind = useRef(false);
  useEffect(() => {
    // A note too long to save is still the rep's, in the field, after it is left: it is not replaced.
    if (!typing.current && pending.current === null) setDraft(notes);
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
      ref={field}
      className={className}
      aria-label={label}
      value={draft}
      placeholder="Notes"
      aria-invalid={problem ? true : undefined}
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
        setFailure('');
        pending.current = text;
        clearTimeout(timer.current);
        const tooLong = noteTooLongMessage(text);
        if (tooLong) {
          // Nor written when the page is closed: the saved note stays whole rather than cut.
          releaseEdit(key);
          e.target.setCustomValidity(tooLong);
          e.target.reportValidity();
          return;
        }
        e.target.setCustomValidity('');
        holdEdit(key, { id, notes: text });
        timer.current = window.setTimeout(() => save(text), NOTES_SAVE_MS);
      }}
      onKeyDown={(e) => {
        if (multiline || e.key !== 'Enter' || e.shiftKey) return;
        e.preventDefault();
        // Saved where the keyboard is: leaving the field for none (blur) would send the next Tab to the top of
        // the page, far from the row.
        save(e.currentTarget.value);
        if (problem) e.currentTarget.reportValidity();
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
