import { useEffect, useId, useRef, useState } from 'react';
import { parseAmountUsd, parseEmployees } from '@/lib/calibrate/parse';
import { currencyOf } from '@/lib/extract/currency';
import type { Criterion } from '@/lib/icp';

type RangeCriterion = Extract<Criterion, { kind: 'employees' | 'revenue' | 'founded' }>;
type RangeKind = RangeCriterion['kind'];

/** How a bound may be written, for the hint under one that cannot be read. */
const EXAMPLES: Record<RangeKind, string> = {
  employees: 'a number of employees such as 200, 2,000 or 5k',
  revenue: 'an amount in US dollars such as 20000000, 20M, $1.5B or 500k',
  founded: 'a year such as 2005',
};

/**
 * A bound as a manager types it ("20M", "$1.5bn", "5k", "2,000"): null when left empty (open), NaN when it
 * cannot be read as one number (the ICP's check then keeps it from being saved). A minus sign or another
 * currency than the dollar is not read away: it is flagged.
 */
function readBound(kind: RangeKind, text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  // A minus anywhere ("-5M", "$-5M"); a range ("5-10M") is no single bound either.
  if (/[-−–]/.test(t)) return Number.NaN;
  if (kind === 'founded') return /^\d{4}$/.test(t) ? Number(t) : Number.NaN;
  if (kind === 'revenue' && (currencyOf(t) ?? 'USD') !== 'USD') return Number.NaN;
  const range = kind === 'revenue' ? parseAmountUsd(t) : parseEmployees(t);
  return range && range.min === range.max ? range.min : Number.NaN;
}

/** A bound as the field shows it: revenue in millions or billions where it is a round number of them. */
function showBound(kind: RangeKind, value: number | null): string {
  if (value === null || Number.isNaN(value)) return '';
  if (kind === 'revenue' && value >= 1e6) {
    if (value % 1e9 === 0) return `${value / 1e9}B`;
    if (value % 1e5 === 0) return `${value / 1e6}M`;
  }
  return String(value);
}

/**
 * A field that keeps what is typed while it reads as the value ("20M" stays "20M"), and shows the value anew when
 * it changes from outside (a suggestion from the calibration, say). The hint of an unreadable entry is the
 * field's description, under it.
 */
function TypedField({
  label,
  value,
  read,
  show,
  hint,
  onChange,
  ...input
}: {
  label: string;
  value: number | null;
  read: (text: string) => number | null;
  show: (value: number | null) => string;
  hint: string;
  onChange: (value: number | null) => void;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const [text, setText] = useState(() => show(value));
  const hintId = useId();
  useEffect(() => {
    setText((typed) => (Object.is(read(typed), value) ? typed : show(value)));
  }, [value, read, show]);
  const unreadable = Number.isNaN(read(text));
  return (
    <span className="bound">
      <label>
        {label}
        <input
          {...input}
          value={text}
          aria-invalid={unreadable || undefined}
          aria-describedby={unreadable ? hintId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            onChange(read(e.target.value));
          }}
        />
      </label>
      {unreadable && (
        <span id={hintId} className="field-problems">
          “{text.trim()}” is not {hint}
        </span>
      )}
    </span>
  );
}

/** Each kind's reader and writer, made once so that a field's effect runs only when its value changes. */
const READERS = Object.fromEntries(
  (['employees', 'revenue', 'founded'] as const).map((kind) => [
    kind,
    { read: (text: string) => readBound(kind, text), show: (value: number | null) => showBound(kind, value) },
  ]),
) as Record<RangeKind, { read: (text: string) => number | null; show: (value: number | null) => string }>;

function BoundInput({
  kind,
  label,
  value,
  onChange,
}: {
  kind: RangeKind;
  label: string;
  value: number | null;
  onChange: (v: number | null) => void;
}) {
  return (
    <TypedField
      label={label}
      value={value}
      read={READERS[kind].read}
      show={READERS[kind].show}
      hint={EXAMPLES[kind]}
      placeholder="open"
      onChange={onChange}
    />
  );
}

/** A band's share of the weight, in percent: a whole number from 0 to 100. */
const CREDIT = {
  read: (text: string) => {
    const t = text.trim().replace(/%$/, '');
    const n = Number(t);
    return t !== '' && Number.isInteger(n) && n >= 0 && n <= 100 ? n / 100 : Number.NaN;
  },
  show: (credit: number | null) =>
    credit === null || Number.isNaN(credit) ? '' : String(Math.round(credit * 100)),
};

/** The ideal band and the acceptable bands (with their share of the weight) of a range criterion. */
export function BandsEditor({
  criterion,
  onChange,
}: {
  criterion: RangeCriterion;
  onChange: (c: RangeCriterion) => void;
}) {
  const { kind } = criterion;
  const unit = kind === 'employees' ? 'employees' : kind === 'revenue' ? 'USD' : 'year';
  // Each band's own key, so that its fields (and what is typed in them) go with it when a band above is removed.
  const keys = useRef<number[]>([]);
  const nextKey = useRef(0);
  while (keys.current.length < criterion.acceptable.length) keys.current.push(nextKey.current++);
  keys.current.length = criterion.acceptable.length;
  const setBand = (i: number, change: Partial<RangeCriterion['acceptable'][number]>) =>
    onChange({
      ...criterion,
      acceptable: criterion.acceptable.map((b, k) => (k === i ? { ...b, ...change } : b)),
    });
  return (
    <div className="bands">
      <fieldset>
        <legend>Ideal ({unit})</legend>
        <BoundInput
          kind={kind}
          label="from"
          value={criterion.ideal.min}
          onChange={(min) => onChange({ ...criterion, ideal: { ...criterion.ideal, min } })}
        />
        <BoundInput
          kind={kind}
          label="to"
          value={criterion.ideal.max}
          onChange={(max) => onChange({ ...criterion, ideal: { ...criterion.ideal, max } })}
        />
      </fieldset>
      {criterion.acceptable.map((band, i) => (
        <fieldset key={keys.current[i]}>
          <legend>Acceptable band {i + 1}</legend>
          <BoundInput kind={kind} label="from" value={band.min} onChange={(min) => setBand(i, { min })} />
          <BoundInput kind={kind} label="to" value={band.max} onChange={(max) => setBand(i, { max })} />
          <TypedField
            label="credit %"
            value={band.credit}
            read={CREDIT.read}
            show={CREDIT.show}
            hint="a whole percentage from 0 to 100"
            inputMode="numeric"
            onChange={(credit) => setBand(i, { credit: credit ?? Number.NaN })}
          />
          <button
            type="button"
            onClick={() => {
              keys.current.splice(i, 1);
              onChange({ ...criterion, acceptable: criterion.acceptable.filter((_, k) => k !== i) });
            }}
          >
            Remove band {i + 1}
          </button>
        </fieldset>
      ))}
      {criterion.acceptable.length < 5 && (
        <button
          type="button"
          onClick={() =>
            onChange({
              ...criterion,
              acceptable: [...criterion.acceptable, { min: null, max: null, credit: 0.5 }],
            })
          }
        >
          Add an acceptable band
        </button>
      )}
    </div>
  );
}
