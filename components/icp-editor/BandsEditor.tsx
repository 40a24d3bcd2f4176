import type { Criterion } from '@/lib/icp';

type RangeCriterion = Extract<Criterion, { kind: 'employees' | 'revenue' | 'founded' }>;

function numberOrNull(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text.replace(/[,\s_]/g, ''));
  return Number.isFinite(n) ? n : null;
}

function BoundInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | null;
  onChange: (v: number | null) => void;
}) {
  return (
    <label className="bound">
      {label}
      <input
        inputMode="numeric"
        defaultValue={value ?? ''}
        placeholder="open"
        onChange={(e) => onChange(numberOrNull(e.target.value))}
      />
    </label>
  );
}

/** The ideal band and the acceptable bands (with their share of the weight) of a range criterion. */
export function BandsEditor({
  criterion,
  onChange,
}: {
  criterion: RangeCriterion;
  onChange: (c: RangeCriterion) => void;
}) {
  const unit = criterion.kind === 'employees' ? 'employees' : criterion.kind === 'revenue' ? 'USD' : 'year';
  return (
    <div className="bands">
      <fieldset>
        <legend>Ideal ({unit})</legend>
        <BoundInput
          label="from"
          value={criterion.ideal.min}
          onChange={(min) => onChange({ ...criterion, ideal: { ...criterion.ideal, min } })}
        />
        <BoundInput
          label="to"
          value={criterion.ideal.max}
          onChange={(max) => onChange({ ...criterion, ideal: { ...criterion.ideal, max } })}
        />
      </fieldset>
      {criterion.acceptable.map((band, i) => (
        // Bands have no identity of their own; their position is it.
        // biome-ignore lint/suspicious/noArrayIndexKey: bands are edited in place and never reordered.
        <fieldset key={i}>
          <legend>Acceptable band {i + 1}</legend>
          <BoundInput
            label="from"
            value={band.min}
            onChange={(min) =>
              onChange({
                ...criterion,
                acceptable: criterion.acceptable.map((b, k) => (k === i ? { ...b, min } : b)),
              })
            }
          />
          <BoundInput
            label="to"
            value={band.max}
            onChange={(max) =>
              onChange({
                ...criterion,
                acceptable: criterion.acceptable.map((b, k) => (k === i ? { ...b, max } : b)),
              })
            }
          />
          <label className="bound">
            credit %
            <input
              type="number"
              min={0}
              max={100}
              defaultValue={Math.round(band.credit * 100)}
              onChange={(e) =>
                onChange({
                  ...criterion,
                  acceptable: criterion.acceptable.map((b, k) =>
                    k === i ? { ...b, credit: Math.min(1, Math.max(0, Number(e.target.value) / 100)) } : b,
                  ),
                })
              }
            />
          </label>
          <button
            type="button"
            onClick={() =>
              onChange({ ...criterion, acceptable: criterion.acceptable.filter((_, k) => k !== i) })
            }
          >
            Remove band
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
