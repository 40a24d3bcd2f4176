/**
 * How every CSV ICP Lens writes is written. Cells come from web pages and imported files, so none may become a
 * spreadsheet formula when the file is opened:
 * - a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'` (papaparse's
 *   `escapeFormulae`);
 * - so is such a character after a semicolon or a tab inside a cell ({@link inertCell}): a spreadsheet that splits
 *   on semicolons (Excel in German, French and other locales) or tabs would start a cell there
 *   (`Acme;=HYPERLINK(…)`), also behind a quote (`Acme;"=HYPERLINK(…)`, written `Acme;""=HYPERLINK(…)`): there
 *   the quotes open and close an empty quoted part, and the cell goes on with the formula.
 */
export const CSV_OPTIONS = { escapeFormulae: /^[=+\-@\t\r]/, newline: '\r\n' } as const;

/** A formula character after a semicolon or a tab (and any spaces, and any quotes and spaces after a quote). */
const INNER_FORMULA = /([;\t] *)(?="[ "]*[=+\-@]|[=+\-@])/g;

/** A cell with every formula that a semicolon- or tab-splitting spreadsheet would find inside it made text. */
export function inertCell<T extends string | number>(value: T): T {
  return (typeof value === 'string' ? value.replace(INNER_FORMULA, "$1'") : value) as T;
}
