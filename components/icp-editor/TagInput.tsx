import { useId, useState } from 'react';

/** A list of short texts edited as tags: type and press Enter (or a comma) to add, × to remove. */
export function TagInput({
  label,
  values,
  onChange,
  placeholder,
  normalise = (v) => v.trim(),
}: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
  normalise?: (value: string) => string;
}) {
  const [text, setText] = useState('');
  const id = useId();
  const add = () => {
    const parts = text.split(',').map(normalise).filter(Boolean);
    if (parts.length === 0) return;
    onChange([...new Set([...values, ...parts])]);
    setText('');
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
        onChange={(e) => setText(e.target.value)}
        onBlur={add}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add();
          }
        }}
      />
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
