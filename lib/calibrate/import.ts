/** The whole import in one call, for the command line and tests (the options page runs the steps in slices). */
import { applyMapSpec, type ColumnMapping, guessMapping } from './columns';
import { CsvFileError, type CsvTable, mappingProblems, parseCsvTable, readAccounts } from './parse';
import type { ImportedAccount, RejectedRow } from './schema';

/** What an import read. */
export interface AccountsImport {
  table: CsvTable;
  mapping: ColumnMapping;
  accounts: ImportedAccount[];
  /** Every rejected row, by line. */
  rejected: RejectedRow[];
}

/**
 * Parses CSV text into accounts: guessed columns, corrected by a `column=field,...` spec. Throws
 * {@link CsvFileError} when the file or the mapping cannot work at all.
 */
export function importAccounts(text: string, mapSpec = ''): AccountsImport {
  const table = parseCsvTable(text);
  let mapping = guessMapping(table.headers);
  try {
    if (mapSpec) mapping = applyMapSpec(mapping, mapSpec, table.headers);
  } catch (error) {
    throw new CsvFileError((error as Error).message);
  }
  const problems = mappingProblems(mapping);
  if (problems.length > 0)
    throw new CsvFileError(
      `${problems.join(' ')} Columns: ${table.headers.join(', ')}. Use --map column=field.`,
    );
  const { accounts, rejected } = readAccounts(table, mapping);
  return {
    table,
    mapping,
    accounts,
    rejected: [...table.rejected, ...rejected].sort((a, b) => a.line - b.line),
  };
}
