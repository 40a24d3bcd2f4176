import { type ProspectStatus, ProspectStatusSchema } from '@/lib/db/schema';
import { STATUS_LABEL } from './format';

/** A saved company's status, as the list and the side panel set it. */
export function StatusSelect({
  status,
  label,
  id,
  onChange,
}: {
  status: ProspectStatus;
  /** What a screen reader names it ("Status of Lumenfold"). */
  label: string;
  id?: string;
  onChange: (status: ProspectStatus) => void;
}) {
  return (
    <select
      id={id}
      aria-label={label}
      value={status}
      onChange={(e) => onChange(e.target.value as ProspectStatus)}
    >
      {ProspectStatusSchema.options.map((s) => (
        <option key={s} value={s}>
          {STATUS_LABEL[s]}
        </option>
      ))}
    </select>
  );
}
