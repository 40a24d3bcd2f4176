/**
 * The imported accounts with their tiers as a CSV, for checking in a spreadsheet. Imported cells are untrusted
 * (a CRM export can carry `=HYPERLINK(...)`), so every text cell a spreadsheet would run as a formula is
 * neutralised, as in the prospect list's exports.
 */
import Papa from 'papaparse';
import { CSV_OPTIONS, inertCell } from '../csv-options';
import type { ScoreResult } from '../icp/result-schema';
import { COMPANY_TYPE_LABEL } from '../icp/schema';
import { NOTHING_KNOWN_LABEL, nothingKnown, tierLabel } from '../icp/scorer';
import type { ImportedAccount } from './schema';

/** One row per account: what was imported, its tier and score (`results[i]` is `accounts[i]`'s verdict). */
export function scoredAccountsCsv(
  accounts: readonly ImportedAccount[],
  results: readonly ScoreResult[],
): string {
  const rows = accounts.map((a, i) => {
    const r = results[i];
    const row: Record<string, string | number> = {
      Line: a.line,
      Domain: a.domain ?? '',
      Name: a.name ?? '',
      Industry: a.industry ?? '',
      'Employees (min)': a.employees?.min ?? '',
      'Revenue USD (min)': a.revenueUsd?.min ?? '',
      Country: a.country ?? '',
      Technologies: a.technologies.join('; '),
      'Year founded': a.foundedYear ?? '',
      'Company type': a.companyType ? COMPANY_TYPE_LABEL[a.companyType] : '',
      Outcome: a.outcome,
      'Deal value USD': a.dealValue ?? '',
      // As the report and the list file it: "Not enough known" where the row shows too little the ICP weighs.
      'ICP tier': r ? (nothingKnown(r) ? NOTHING_KNOWN_LABEL : tierLabel(r.tier)) : '',
      'ICP score': r?.score ?? '',
    };
    return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, inertCell(value)]));
  });
  return Papa.unparse(rows, CSV_OPTIONS);
}
