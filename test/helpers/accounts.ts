/** Imported accounts for the calibration's tests. */
import type { ImportedAccount } from '@/lib/calibrate';

/** An account of the given outcome that shows nothing else but its name, with the given fields. */
export function account(
  partial: Partial<ImportedAccount> & Pick<ImportedAccount, 'outcome'>,
): ImportedAccount {
  return {
    line: 2,
    domain: null,
    name: 'Acme',
    industry: null,
    employees: null,
    revenueUsd: null,
    country: null,
    technologies: [],
    dealValue: null,
    ...partial,
  };
}
