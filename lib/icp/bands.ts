/** The bands CRMs group companies in: what the calibration suggests and what the exports write. */
import type { Band } from './schema';

/** Size bands as CRMs and LinkedIn group companies. */
export const EMPLOYEE_BANDS: readonly Band[] = [
  { min: 1, max: 10 },
  { min: 11, max: 50 },
  { min: 51, max: 200 },
  { min: 201, max: 500 },
  { min: 501, max: 1000 },
  { min: 1001, max: 5000 },
  { min: 5001, max: 10000 },
  { min: 10001, max: null },
];

/** Revenue bands in US dollars. */
export const REVENUE_BANDS: readonly Band[] = [
  { min: 0, max: 999_999 },
  { min: 1_000_000, max: 9_999_999 },
  { min: 10_000_000, max: 49_999_999 },
  { min: 50_000_000, max: 99_999_999 },
  { min: 100_000_000, max: 499_999_999 },
  { min: 500_000_000, max: 999_999_999 },
  { min: 1_000_000_000, max: null },
];

/**
 * The band a range falls in: a range such as 51-200 in the band of its middle, an open one ("10,001+") in its
 * lower end's. Bands are of whole numbers: a middle between two (1-100: 50.5) falls in the band of its whole part.
 */
export function bandOf(range: { min: number; max: number | null }, bands: readonly Band[]): Band | undefined {
  const point = Math.floor(range.max === null ? range.min : (range.min + range.max) / 2);
  return bands.find((b) => (b.min ?? 0) <= point && (b.max === null || point <= b.max));
}
