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

/**
 * The numbers a label writes: "200–2,000", "200–2.000" and "2 000" (thousands grouped as in English, German or
 * French), "$20M–$500M", "1.5 billion", "20–500 million" (a scale written once is both ends'). Years (four
 * digits from 1900 to 2099) are left out where the criterion is not a founding year: "(FTE, 2024)" says when,
 * not how many.
 */
export function numbersIn(label: string, years = true): number[] {
  const pattern =
    /(\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?!\d)|\d+(?:[.,]\d+)?)\s*(k|mn|mio|million|m|bn|billion|b)?(?![a-z])/gi;
  const found = [...label.matchAll(pattern)].map((m) => ({
    digits: m[1] ?? '',
    unit: (m[2] ?? '').toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
  // "20–500 million": the scale after a range's second end is its first end's too.
  for (let i = found.length - 2; i >= 0; i--) {
    const [here, next] = [found[i], found[i + 1]] as [(typeof found)[number], (typeof found)[number]];
    if (
      !here.unit &&
      next.unit &&
      /^\s*(?:[–—-]|to|bis)\s*(?:[$€£]\s*)?$/i.test(label.slice(here.end, next.start))
    )
      here.unit = next.unit;
  }
  return found.flatMap(({ digits, unit }) => {
    const grouped = /^\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+$/.test(digits);
    const value =
      (grouped ? Number(digits.replace(/\D/g, '')) : Number(digits.replace(',', '.'))) * (SCALE[unit] ?? 1);
    if (!Number.isFinite(value)) return [];
    // A year is written as four digits alone ("2024"); "2,000" is a count.
    if (!years && !unit && /^(?:19|20)\d\d$/.test(digits)) return [];
    return [value];
  });
}

/**
 * A line for the editor when a range criterion's label names a number that is not a bound of its ideal range
 * (one off is taken as the same bound: "under 50" for a range up to 49), else null.
 */
export function staleLabel(criterion: Criterion): string | null {
  if (criterion.kind !== 'employees' && criterion.kind !== 'revenue' && criterion.kind !== 'founded')
    return null;
  const bounds = [criterion.ideal.min, criterion.ideal.max].filter((b): b is number => b !== null);
  const off = numbersIn(criterion.label, criterion.kind === 'founded').filter(
    (n) => !bounds.some((b) => Math.abs(b - n) <= 1),
  );
  if (off.length === 0) return null;
  const unit = criterion.kind === 'employees' ? 'employees' : criterion.kind === 'revenue' ? 'USD' : 'year';
  return `The label names ${off.map((n) => n.toLocaleString('en-US')).join(' and ')}, but the ideal range is ${describeRange(criterion.ideal, unit)}: reps read the label, so make it say what the criterion scores.`;
}
