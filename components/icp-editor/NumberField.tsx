import { type InputHTMLAttributes, useEffect, useRef, useState } from 'react';

/**
 * A number input that keeps what is being typed: emptied to type another figure, or "33." on the way to
 * "33.3", it is not turned into 0 or 33 under the cursor (a field bound to the number shows "0", then "075").
 * Each figure that reads is passed on at once; leaving the field empty or unreadable puts back, and passes on,
 * the figure it had when the rep entered it (backspacing "80" passes "8" on the way).
 */
export function NumberField({
  value,
  onValue,
  ...input
}: { value: number; onValue: (value: number) => void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'value' | 'onChange'
>) {
  const [text, setText] = useState(() => shown(value));
  const before = useRef(value);
  // A change from elsewhere (an import, a preset, undo) replaces the text; the field's own does not.
  useEffect(() => {
    setText((current) => (sameNumber(current, value) ? current : shown(value)));
  }, [value]);
  return (
    <input
      {...input}
      type="number"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const n = readNumber(e.target.value);
        if (n !== undefined) onValue(n);
      }}
      onFocus={(e) => {
        before.current = value;
        input.onFocus?.(e);
      }}
      onBlur={(e) => {
        if (readNumber(text) === undefined) {
          setText(shown(before.current));
          if (!sameNumber(shown(before.current), value)) onValue(before.current);
        }
        input.onBlur?.(e);
      }}
    />
  );
}

/** A number as the field shows it: at most two decimals ("33.3" for a third of the profile, not 33.333…). */
function shown(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** The number a field's text reads as, or undefined for none ("", "-", "1e"). */
function readNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function sameNumber(text: string, value: number): boolean {
  const n = readNumber(text);
  return n !== undefined && Math.abs(n - value) < 1e-9;
}
