/**
 * Whether a range criterion's label still says what it scores. Reps read the label in the side panel, the list
 * and the exports ("200–2,000 employees"); a manager who changes the ideal range and not the label leaves them
 * a criterion that reads one range and scores another.
 */
import type { Criterion } from './schema';
import { describeRange } from './scorer';

const SCALE: Record<string, number> = {
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  mio: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

/** The numbers a label writes: "200–2,000", "$20M–$500M", "1.5 billion", "2000 or later". */
export function numbersIn(label: string): number[] {
  const found: number[] = [];
  const pattern = /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k|mn|mio|million|m|bn|billion|b)?(?![a-z])/gi;
  for (const [, digits = '', unit = ''] of label.matchAll(pattern)) {
    const value = Number(digits.replaceAll(',', '')) * (SCALE[unit.toLowerCase()] ?? 1);
    if (Number.isFinite(value)) found.push(value);
  }
  return found;
}

/**
 * A line for the editor when a range criterion's label names a number that is not a bound of its ideal range
 * (one off is taken as the same bound: "under 50" for a range up to 49), else null.
 */
export function staleLabel(criterion: Criterion): string | null {
  if (criterion.kind !== 'employees' && criterion.kind !== 'revenue' && criterion.kind !== 'founded')
    return null;
  const bounds = [criterion.ideal.min, criterion.ideal.max].filter((b): b is number => b !== null);
  const off = numbersIn(criterion.label).filter((n) => !bounds.some((b) => Math.abs(b - n) <= 1));
  if (off.length === 0) return null;
  const unit = criterion.kind === 'employees' ? 'employees' : criterion.kind === 'revenue' ? 'USD' : 'year';
  return `The label names ${off.map((n) => n.toLocaleString('en-US')).join(' and ')}, but the ideal range is ${describeRange(criterion.ideal, unit)}: reps read the label, so make it say what the criterion scores.`;
}
