import { useId, useMemo, useState } from 'react';
import {
  closestTechnology,
  searchTechnologies,
  type TechnologyMatch,
  technologyNameStatus,
} from '@/lib/techno/catalog';
import { pastedList, RemoveTag } from './TagInput';

/**
 * The technologies of a criterion, edited as tags with suggestions: typing offers the technologies ICP Lens
 * detects (by name, other name or category, each with its category), in the ARIA combobox pattern (arrows to
 * move, Enter to pick, Escape to close). Any other name can still be added, with a warning: it can match only
 * technologies that come from elsewhere (imported accounts), never a detection.
 */
export function TechnologyInput({
  label,
  values,
  onChange,
}: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
}) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const id = useId();
  const listId = `${id}-list`;
  const warningId = `${id}-warning`;
  const suggestions = useMemo(
    () => searchTechnologies(text).filter((s) => !values.includes(s.name)),
    [text, values],
  );
  const shown = open && suggestions.length > 0;
  const unknown = values.filter((v) => technologyNameStatus(v).kind === 'unknown');
  // The name a misspelt one most likely means, as `icp validate` suggests it ("Salesfroce" → Salesforce).
  const guesses = unknown.flatMap((typed) => {
    const meant = closestTechnology(typed)?.name;
    return meant ? [{ typed, meant }] : [];
  });

  const add = (names: string[]) => {
    const parts = names.map((n) => n.trim()).filter(Boolean);
    if (parts.length > 0) onChange([...new Set([...values, ...parts])]);
    setText('');
    setActive(-1);
    setOpen(false);
  };
  const pick = (s: TechnologyMatch) => add([s.name]);
  const addTyped = () => add(text.split(','));

  return (
    <div className="tag-input technology-input">
      <label htmlFor={id}>{label}</label>
      <ul className="tags" aria-label={label}>
        {values.map((value) => {
          const status = technologyNameStatus(value);
          return (
            <li
              key={value}
              className={`tag${status.kind === 'unknown' ? ' tag-unknown' : ''}`}
              title={
                status.kind === 'unknown'
                  ? 'Not a technology ICP Lens detects'
                  : `${status.option.name}: ${status.option.categoryLabel}`
              }
            >
              {value}
              {status.kind === 'alias' && <span className="muted"> (detected as {status.option.name})</span>}
              {status.kind === 'unknown' && <span aria-hidden="true"> ⚠</span>}
              <RemoveTag value={value} values={values} onChange={onChange} />
            </li>
          );
        })}
      </ul>
      <div className="combobox">
        <input
          id={id}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={shown}
          aria-controls={listId}
          aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={unknown.length > 0 ? warningId : undefined}
          autoComplete="off"
          value={text}
          placeholder="Type to search, e.g. HubSpot or chat"
          onChange={(e) => {
            setText(e.target.value);
            setActive(-1);
            setOpen(true);
          }}
          onBlur={() => {
            if (text.trim()) addTyped();
            setOpen(false);
          }}
          onPaste={(e) => {
            const pasted = pastedList(e);
            if (pasted) add([...text.split(','), ...pasted]);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              setOpen(true);
              if (suggestions.length === 0) return;
              const step = e.key === 'ArrowDown' ? 1 : -1;
              setActive((a) => (a + step + suggestions.length) % suggestions.length);
            } else if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              const chosen = shown && active >= 0 ? suggestions[active] : undefined;
              if (chosen) pick(chosen);
              else addTyped();
            } else if (e.key === 'Escape') {
              setOpen(false);
              setActive(-1);
            }
          }}
        />
        {shown && (
          <div id={listId} role="listbox" aria-label={`${label}: suggestions`} className="suggestions">
            {suggestions.map((s, i) => (
              <div
                key={s.name}
                id={`${listId}-${i}`}
                role="option"
                // Focus stays in the input (aria-activedescendant): options are never tabbed to.
                tabIndex={-1}
                aria-selected={i === active}
                // Picked on mousedown so that the input's blur does not add the typed text first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(s);
                }}
              >
                <span>{s.name}</span> <span className="muted">{s.categoryLabel}</span>
                {s.alias && <span className="muted"> · also {s.alias}</span>}
              </div>
            ))}
          </div>
        )}
      </div>
      {unknown.length > 0 && (
        <div id={warningId} className="tag-warning" data-testid="technology-warning">
          <p>
            ICP Lens does not detect {unknown.map((u) => `“${u}”`).join(', ')} on websites: the criterion can
            match {unknown.length === 1 ? 'it' : 'them'} only in imported accounts’ data.
            {unknown.length > guesses.length && ' Check the spelling, or pick a name from the suggestions.'}
          </p>
          {guesses.length > 0 && (
            <ul>
              {guesses.map(({ typed, meant }) => (
                <li key={typed}>
                  “{typed}”: did you mean “{meant}”?{' '}
                  <button
                    type="button"
                    onClick={() => onChange([...new Set(values.map((v) => (v === typed ? meant : v)))])}
                  >
                    Use {meant}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
