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
