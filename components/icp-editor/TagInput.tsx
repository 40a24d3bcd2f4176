import { type ClipboardEvent, useId, useState } from 'react';

/**
 * The entries of a list pasted into a tag field (a spreadsheet column, lines from a document): one per line,
 * tab or comma. Undefined for text on one line, which the field takes as typed. A one-line field would
 * otherwise join the lines with spaces into one tag ("Software Development Financial Services").
 */
export function pastedList(event: ClipboardEvent<HTMLInputElement>): string[] | undefined {
  const text = event.clipboardData.getData('text/plain');
  if (!/[\r\n\t]/.test(text.trim())) return undefined;
  event.preventDefault();
  return text.split(/[\r\n\t,]+/);
}

/**
 * A list of short texts edited as tags: type and press Enter (or a comma) to add, × to remove. An entry that
 * `refuse` has a reason against stays in the field, with the reason under it, to be corrected.
 */
export function TagInput({
  label,
  values,
  onChange,
  placeholder,
  normalise = (v) => v.trim(),
  refuse,
}: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
  normalise?: (value: string) => string;
  /** Why an entry (as typed, trimmed) cannot be a tag; nothing when it can. */
  refuse?: (value: string) => string | undefined;
}) {
  const [text, setText] = useState('');
  const [refusals, setRefusals] = useState<string[]>([]);
  const id = useId();
  const refusedId = `${id}-refused`;
  const add = (entries = text.split(',')) => {
    const typed = entries.map((e) => e.trim()).filter(Boolean);
    const refused = typed.filter((e) => refuse?.(e));
    const parts = typed
      .filter((e) => !refused.includes(e))
      .map(normalise)
      .filter(Boolean);
    if (parts.length > 0) onChange([...new Set([...values, ...parts])]);
    setText(refused.join(', '));
    setRefusals(refused.flatMap((e) => refuse?.(e) ?? []));
  };
  return (
    <div className="tag-input">
      <label htmlFor={id}>{label}</label>
      <ul className="tags" aria-label={label}>
        {values.map((value) => (
          <li key={value} className="tag">
            {value}
            <RemoveTag value={value} values={values} onChange={onChange} />
          </li>
        ))}
      </ul>
      <input
        id={id}
        value={text}
        placeholder={placeholder}
        {...(refusals.length > 0 ? { 'aria-invalid': true, 'aria-describedby': refusedId } : {})}
        onChange={(e) => {
          setText(e.target.value);
          setRefusals([]);
        }}
        onBlur={() => add()}
        onPaste={(e) => {
          const pasted = pastedList(e);
          // What was typed before the paste is an entry of its own.
          if (pasted) add([...text.split(','), ...pasted]);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add();
          }
        }}
      />
      {refusals.length > 0 && (
        <ul id={refusedId} className="field-problems" data-testid="tag-refused">
          {refusals.map((why) => (
            <li key={why}>{why}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A tag's × button: removes `value` from `values`. */
export function RemoveTag({
  value,
  values,
  onChange,
}: {
  value: string;
  values: string[];
  onChange: (values: string[]) => void;
}) {
  return (
    <button
      type="button"
      aria-label={`Remove ${value}`}
      onClick={() => onChange(values.filter((v) => v !== value))}
    >
      ×
    </button>
  );
}
