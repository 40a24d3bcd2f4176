/** The whole import in one call, for the command line and tests (the options page runs the steps in slices). */
import { applyMapSpec, type ColumnMapping, guessMapping, parseOutcomeSpec, wordingKey } from './columns';
import {
  CsvFileError,
  type CsvTable,
  mappingProblems,
  outcomeWordings,
  parseCsvTable,
  readAccounts,
} from './parse';
import type { ImportedAccount, RejectedRow } from './schema';

/** What an import read. */
export interface AccountsImport {
  table: CsvTable;
  mapping: ColumnMapping;
  accounts: ImportedAccount[];
  /** Every rejected row, by line. */
  rejected: RejectedRow[];
  /** Rows imported without a fact cell that could not be read (left unknown), by line, with what it said. */
  partlyRead: RejectedRow[];
  /** Rows left out because `--outcomes` set their outcome to `none`. */
  leftOut: number;
}

/**
 * Parses CSV text into accounts: guessed columns, corrected by a `column=field,...` spec, and outcome wordings
 * read as guessed or as a `wording=won|lost|open|none,...` spec says. Throws {@link CsvFileError} when the file,
 * the mapping or the outcome spec cannot work at all.
 */
export function importAccounts(text: string, mapSpec = '', outcomeSpec = ''): AccountsImport {
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
  let choices: ReturnType<typeof parseOutcomeSpec>;
  try {
    choices = parseOutcomeSpec(outcomeSpec);
  } catch (error) {
    throw new CsvFileError((error as Error).message);
  }
  if (choices.size > 0) {
    // A wording the column does not have is a typo: said, with the wordings it has.
    const column = mapping.outcome as string;
    const { wordings, more } = outcomeWordings(table, column, 20);
    const present = new Set(
      outcomeWordings(table, column, Number.POSITIVE_INFINITY).wordings.map((w) => wordingKey(w.text)),
    );
    const missing = [...choices.keys()].filter((key) => !present.has(key));
    if (missing.length > 0)
      throw new CsvFileError(
        `--outcomes: column "${column}" has no "${missing.join('", "')}". Its values: ${wordings.map((w) => w.text).join(', ')}${more ? ` and ${more} more` : ''}.`,
      );
  }
  const { accounts, rejected, partlyRead, leftOut } = readAccounts(
    table,
    mapping,
    0,
    table.rows.length,
    choices,
  );
  return {
    table,
    mapping,
    accounts,
    rejected: [...table.rejected, ...rejected].sort((a, b) => a.line - b.line),
    partlyRead,
    leftOut,
  };
}
