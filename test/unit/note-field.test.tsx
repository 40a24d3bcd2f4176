// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOTES_SAVE_MS, NoteField } from '@/components/NoteField';
import { MAX_NOTE_CHARS } from '@/lib/db/schema';

// React's act() warns unless it is told it runs in a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;
beforeEach(() => {
  vi.useFakeTimers();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.useRealTimers();
});

/** The list's note field for one company, with its saves recorded. */
function renderField(notes: string, onSave = vi.fn()) {
  act(() => root.render(<NoteField id={1} notes={notes} label="Notes on Acme" onSave={onSave} />));
  const field = host.querySelector('textarea') as HTMLTextAreaElement;
  return { field, onSave };
}

/** Text put in the field as a paste or a key does (React's onChange listens to `input`). */
function type(field: HTMLTextAreaElement, text: string) {
  act(() => {
    field.focus();
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    setValue?.call(field, text);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the note field', () => {
  it('keeps a paste past the limit whole, says it is not saved, and saves it once shortened', () => {
    const { field, onSave } = renderField('Call Ana');
    const pasted = `Call Ana. ${'x'.repeat(MAX_NOTE_CHARS)} Budget in Q3.`;
    // The browser's own limit would cut the paste's end before any code saw it.
    expect(field.hasAttribute('maxlength')).toBe(false);
    type(field, pasted);
    act(() => vi.advanceTimersByTime(NOTES_SAVE_MS));
    act(() => field.blur());
    expect(field.value).toBe(pasted);
    expect(onSave).not.toHaveBeenCalled();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.validationMessage).toBe(
      'Not saved: this note is 20,024 characters, and a note holds 20,000. Take out 24 to save it; until then the note saved before stays.',
    );

    const shortened = pasted.slice(0, MAX_NOTE_CHARS);
    type(field, shortened);
    act(() => vi.advanceTimersByTime(NOTES_SAVE_MS));
    expect(onSave).toHaveBeenCalledExactlyOnceWith(shortened);
    expect(field.validationMessage).toBe('');
    expect(field.hasAttribute('aria-invalid')).toBe(false);
  });

  it('does not replace a note too long to save with one saved elsewhere meanwhile', () => {
    const { field, onSave } = renderField('Call Ana');
    const pasted = 'y'.repeat(MAX_NOTE_CHARS + 1);
    type(field, pasted);
    act(() => field.blur());
    act(() =>
      root.render(<NoteField id={1} notes="Saved in the panel" label="Notes on Acme" onSave={onSave} />),
    );
    expect(field.value).toBe(pasted);
  });

  it('keeps a note whose save did not land (the company deleted meanwhile), says so, and tries again on leaving', async () => {
    const gone = new Error('this company is no longer on your list (it was deleted meanwhile).');
    const onSave = vi.fn().mockRejectedValue(gone);
    const { field } = renderField('Call Ana', onSave);
    type(field, 'Call Ana. Budget in Q3.');
    await act(async () => vi.advanceTimersByTime(NOTES_SAVE_MS));
    expect(onSave).toHaveBeenCalledExactlyOnceWith('Call Ana. Budget in Q3.');
    expect(field.value).toBe('Call Ana. Budget in Q3.');
    expect(field.validationMessage).toBe(
      'Not saved: this company is no longer on your list (it was deleted meanwhile). The note is still here to copy.',
    );
    expect(field.getAttribute('aria-invalid')).toBe('true');
    await act(async () => field.blur());
    expect(onSave).toHaveBeenCalledTimes(2);
    expect(field.value).toBe('Call Ana. Budget in Q3.');
  });

  it('takes back "not saved" once a retry lands, and ends a browser error without a full stop with one', async () => {
    const onSave = vi
      .fn()
      .mockRejectedValueOnce(new Error('QuotaExceededError: the disk is full'))
      .mockResolvedValue(undefined);
    const { field } = renderField('Call Ana', onSave);
    type(field, 'Call Ana. Budget in Q3.');
    await act(async () => vi.advanceTimersByTime(NOTES_SAVE_MS));
    expect(field.validationMessage).toBe(
      'Not saved: QuotaExceededError: the disk is full. The note is still here to copy.',
    );
    // Room made, the field left: the retry lands, and the field no longer says it is not saved.
    await act(async () => field.blur());
    expect(onSave).toHaveBeenCalledTimes(2);
    expect(field.validationMessage).toBe('');
    expect(field.hasAttribute('aria-invalid')).toBe(false);
  });
});
