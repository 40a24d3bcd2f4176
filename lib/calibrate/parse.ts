/**
 * Reading an accounts CSV: bytes to text (UTF-8, or Windows-1252 where a line is not valid UTF-8), text to a
 * table with papaparse (any of the usual delimiters), and each row to a validated account with zod. A row that
 * does not validate is reported with its line number and the reason; it never fails the file.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import { countryCode } from '../extract/countries';
import { currencyOf, parseMoney, toUsd, USD_PER_UNIT } from '../extract/currency';
import { registrableDomain } from '../extract/merge';
import type { RangeSchema } from '../extract/schema';
import { decodeWindows1252 } from '../icp/file-text';
import type { CompanyTypeSchema } from '../icp/schema';
import { formatIssues } from '../icp/schema';
import { type OutcomeChoices, outcomeOf, wordingKey } from './columns';
import {
  AccountFieldSchema,
  type ColumnMapping,
  type ImportedAccount,
  type Outcome,
  type RejectedRow,
} from './schema';

/** The largest file an import reads: refused with a clear message before any parsing. */
export const MAX_CSV_BYTES = 50 * 1024 * 1024;

/** A problem with the file as a whole: the import stops, nothing is saved. */
export class CsvFileError extends Error {}

/** The message for a file over {@link MAX_CSV_BYTES}, or null when its size is fine. */
export function sizeProblem(name: string, bytes: number): string | null {
  if (bytes <= MAX_CSV_BYTES) return null;
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return `${name} is ${mb(bytes)}; an accounts file can be at most ${mb(MAX_CSV_BYTES)}. Export fewer columns or split it.`;
}

/**
 * Whether bytes without a byte-order mark are UTF-16, and which order: NULs in the first 200 bytes (at least 8),
 * mostly on odd bytes (little-endian, as Windows writes it) or on even ones.
 */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 200) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  // Text in UTF-8 or Windows-1252 has no NUL at all; UTF-16 has one beside every Latin character, on the side
  // its byte order puts it (a line of Cyrillic or Greek has fewer, but a CSV's first line is mostly Latin).
  if (oddNul + evenNul < (n / 2) * 0.2) return null;
  return oddNul > evenNul ? 'utf-16le' : 'utf-16be';
}

/** How the file's text was decoded. */
export type CsvEncoding = 'utf-8' | 'utf-16' | 'windows-1252' | 'mixed';

/**
 * What spreadsheet file the bytes are, when they are one rather than text: an Excel workbook (`.xlsx`, and
 * `.ods` and `.numbers` alike, are zip archives; `.xls` is an OLE compound file). Read as text they would only
 * give one column of garbage.
 */
function workbookKind(bytes: Uint8Array): string | undefined {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'an Excel workbook (.xlsx) or another zipped file';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'an Excel 97–2003 workbook (.xls)';
  return undefined;
}

/**
 * Decodes a CSV file's bytes. UTF-8 (byte-order mark stripped) when valid; UTF-16 when its byte-order mark says
 * so; otherwise line by line, each line as UTF-8 when it is valid and as Windows-1252 (what Excel writes on
 * Windows) when not, so a file pasted together from both keeps its umlauts either way. Throws
 * {@link CsvFileError} for a spreadsheet workbook, which is no text at all.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const workbook = workbookKind(bytes);
  if (workbook)
    throw new CsvFileError(
      `This is ${workbook}, not a CSV file. In Excel, choose File › Save As › "CSV UTF-8 (Comma delimited)" and import that file; in HubSpot or Salesforce, export as CSV.`,
    );
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      text: new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes),
      encoding: 'utf-16',
    };
  }
  // UTF-16 without a byte-order mark: a NUL beside most characters of the first line, which UTF-8 text lacks.
  const unmarked = utf16WithoutMark(bytes);
  if (unmarked) return { text: new TextDecoder(unmarked).decode(bytes), encoding: 'utf-16' };
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8 throughout: decide line by line.
  }
  const parts: string[] = [];
  let sawUtf8 = false;
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const line = bytes.subarray(start, end);
    try {
      parts.push(utf8.decode(line));
      if (line.some((b) => b >= 0x80)) sawUtf8 = true;
    } catch {
      parts.push(decodeWindows1252(line));
    }
    start = end + 1;
  }
  return { text: parts.join('\n'), encoding: sawUtf8 ? 'mixed' : 'windows-1252' };
}

/** The file as a table: header names, rows of cells, and the line each row starts on. */
export interface CsvTable {
  headers: string[];
  rows: string[][];
  lines: number[];
  delimiter: string;
  /** Rows papaparse could not read as the header's number of cells. */
  rejected: RejectedRow[];
}

const DELIMITER_NAME: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'bar' };

/**
 * The lines a Salesforce report export ends with, each in a cell of its own: its total ("Grand Totals (240
 * records)"), its confidentiality notice and its copyright. They are no account, so they are left out rather
 * than listed as broken rows.
 */
const REPORT_FOOTER =
  /^(?:grand totals? \(\d[\d,.]* records?\)|confidential information - do not distribute|copyright \(c\) \d{4}(?:-\d{4})? salesforce(?:\.com)?, inc\..*)$/i;

/** Collects papaparse's rows into a table, counting lines (a quoted cell may span several). */
function tableBuilder(text: string) {
  const rows: string[][] = [];
  const lines: number[] = [];
  const rejected: RejectedRow[] = [];
  let headers: string[] | null = null;
  let delimiter = ',';
  let line = 1;
  let cursor = 0;
  return {
    /** Takes one row; `offset` is where papaparse resumed (its cursor restarts from 0 after a pause). */
    step(result: Papa.ParseStepResult<string[]>, offset = 0): void {
      // The row started after any blank lines that precede it; count the lines the cursor passed.
      const leading = countLeadingBreaks(text, cursor);
      const startLine = line + leading;
      const end = offset + result.meta.cursor;
      let breaks = 0;
      for (let i = cursor; i < end; i++) if (text.charCodeAt(i) === 10) breaks++;
      line += breaks;
      const endLine = startLine + breaks - leading - (text.charCodeAt(end - 1) === 10 ? 1 : 0);
      cursor = end;
      delimiter = result.meta.delimiter;
      const cells = result.data;
      // A blank line papaparse passes on after a resume.
      if (cells.length === 1 && cells[0] === '') return;
      if (headers && cells.length === 1 && REPORT_FOOTER.test((cells[0] as string).trim())) return;
      if (!headers) {
        headers = cells.map((h, i) => h.trim() || `Column ${i + 1}`);
        return;
      }
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        const span = endLine > startLine ? `: lines ${startLine}–${endLine} read as one row` : '';
        rejected.push({ line: startLine, reason: `unbalanced quotes${span} (${quoteError.message})` });
      } else if (cells.length !== headers.length) {
        rejected.push({
          line: startLine,
          reason: `${cells.length} cells where the header has ${headers.length} (a stray ${DELIMITER_NAME[delimiter] ?? delimiter} or quote?)`,
        });
      } else {
        rows.push(cells);
        lines.push(startLine);
      }
    },
    /** Where reading stands in the text. */
    cursor: () => cursor,
    finish(): CsvTable {
      if (!headers) throw new CsvFileError('The file has no header row.');
      const header: string[] = headers;
      if (header.length < 2) {
        throw new CsvFileError(
          `Only one column found ("${clip(header[0] ?? '', 60)}"): the file is not comma, semicolon, tab or bar separated.`,
        );
      }
      return { headers: header, rows, lines, delimiter, rejected };
    },
  };
}

const PARSE_CONFIG = { skipEmptyLines: 'greedy' as const, delimitersToGuess: [',', ';', '\t', '|'] };

function textOf(input: string): string {
  let text = input.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new CsvFileError('The file is empty.');
  // Lines ended by a carriage return alone (classic Mac, some exports): as line feeds, so lines count right.
  if (!text.includes('\n') && text.includes('\r')) text = text.replaceAll('\r', '\n');
  // Excel's delimiter line ("sep=;") is no header: left blank, so the lines after it keep their numbers.
  return text.replace(/^sep=.\r?\n/i, '\n');
}

/** Splits CSV text into a table (papaparse guesses the delimiter). Throws {@link CsvFileError} for an unusable file. */
export function parseCsvTable(input: string): CsvTable {
  const text = textOf(input);
  const builder = tableBuilder(text);
  Papa.parse<string[]>(text, { ...PARSE_CONFIG, step: (result) => builder.step(result) });
  return builder.finish();
}

/**
 * {@link parseCsvTable} in slices of `slice` rows, yielding to the page between them (so tens of thousands of
 * rows never freeze it) and reporting the share read. Rejects with {@link CsvFileError} for an unusable file.
 */
export function parseCsvTableInSlices(
  input: string,
  onProgress: (share: number) => void = () => {},
  slice = 2000,
): Promise<CsvTable> {
  return new Promise((resolve, reject) => {
    let text: string;
    try {
      text = textOf(input);
    } catch (error) {
      reject(error);
      return;
    }
    const builder = tableBuilder(text);
    let n = 0;
    let offset = 0;
    Papa.parse<string[]>(text, {
      ...PARSE_CONFIG,
      step: (result, parser) => {
        builder.step(result, offset);
        if (++n % slice === 0) {
          parser.pause();
          offset = builder.cursor();
          onProgress(offset / text.length);
          setTimeout(() => parser.resume(), 0);
        }
      },
      complete: () => {
        try {
          resolve(builder.finish());
        } catch (error) {
          reject(error);
        }
      },
    });
  });
}

function countLeadingBreaks(text: string, from: number): number {
  let n = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c !== 13 && c !== 32 && c !== 9) break;
  }
  return n;
}

function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const WORDS_IN_AMOUNTS = new Set([
  'usd',
  'us',
  'eur',
  'euro',
  'euros',
  'gbp',
  'chf',
  'fr',
  'cad',
  'ca',
  'c',
  'aud',
  'a',
  'jpy',
  'yen',
  'inr',
  'sek',
  'kr',
  'dollars',
  'k',
  'm',
  'b',
  'bn',
  'mn',
  'mio',
  'mrd',
  'million',
  'millions',
  'billion',
  'billions',
  'thousand',
  'tsd',
  't',
  'tn',
  'trillion',
]);

/** An amount in US dollars: "$20M", "20000000", "€12 Mio.", "5–10 million" (no currency: US dollars). */
export function parseAmountUsd(text: string): z.infer<typeof RangeSchema> | undefined {
  // Most CRM exports write plain numbers: no need for the money reader's patterns. Not groups of three digits
  // after dots: "500.000" and "1.500.000" are how German exports write thousands (the money reader reads them
  // so); "7.5000" and "3.14159" are decimals.
  if (/^\d+(?:\.\d+)?$/.test(text) && !/^\d{1,3}(?:\.\d{3})+$/.test(text)) {
    const n = Number(text);
    return { min: n, max: n };
  }
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.some((w) => !WORDS_IN_AMOUNTS.has(w))) return undefined;
  if (!/\d/.test(text)) return undefined;
  const money = parseMoney(currencyOf(text) ? text : `USD ${text}`);
  return money ? toUsd(money) : undefined;
}

/** A number of employees: "1200", "1,200", "51-200", "51 – 200", "10,001+", "5k". */
export function parseEmployees(text: string): z.infer<typeof RangeSchema> | undefined {
  // The words around a figure ("1001-5000 Mitarbeiter", "ca. 500", "approx. 1,200 employees") say no more.
  const t = text
    .toLowerCase()
    .replace(/\b(?:employees|people|staff|to|mitarbeiter(?:innen)?|bis)\b/g, ' ')
    .replace(/^\s*(?:ca\.?|circa|approx\.?|about|around|~)\s*/, '');
  if (/[^\d\s.,'+kK–—-]/.test(t)) return undefined;
  const numbers = [...t.matchAll(/(\d{1,3}(?:[,.' ]\d{3})+|\d+(?:\.\d+)?)\s*(k)?/g)].map(
    ([, digits = '', k]) =>
      (/^\d{1,3}(?:[,.' ]\d{3})+$/.test(digits) ? Number(digits.replace(/[,.' ]/g, '')) : Number(digits)) *
      (k ? 1000 : 1),
  );
  const [a, b] = numbers;
  if (a === undefined || numbers.length > 2 || !Number.isFinite(a)) return undefined;
  if (b !== undefined) return a <= b ? { min: a, max: b } : undefined;
  return { min: Math.round(a), max: t.includes('+') ? null : Math.round(a) };
}

const countries = new Map<string, string | undefined>();
/** {@link countryCode}, remembered: an export names the same few countries thousands of times. */
function cachedCountryCode(text: string): string | undefined {
  if (!countries.has(text)) {
    if (countries.size > 2000) countries.clear();
    countries.set(text, countryCode(text));
  }
  return countries.get(text);
}

/** "COMPUTER_SOFTWARE" (HubSpot's industry values) → "Computer Software"; other wordings stay as written. */
function industryText(text: string): string {
  if (!/^[A-Z0-9_&]+$/.test(text) || !text.includes('_')) return text;
  return text
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

const cell = z.string().trim().max(2000, 'longer than 2,000 characters');

/** What exports write for "no value" ("N/A", "-", "#N/A", "null"): read as an empty cell, not as a mistake. */
const NO_VALUE = new Set(['-', '–', '—', 'n/a', 'na', '#n/a', 'null', 'none', 'unknown', '?']);

/**
 * An optional cell read by `read`; a cell that does not read is an issue naming what was expected, and one that
 * reads but `check` finds impossible an issue naming why.
 */
function optional<T>(
  read: (text: string) => T | undefined,
  expected: string,
  check: (value: T, text: string) => string | null = () => null,
) {
  return cell.optional().transform((text, ctx): T | null => {
    if (!text || NO_VALUE.has(text.toLowerCase())) return null;
    const value = read(text);
    const problem = value === undefined ? `is not ${expected}` : check(value, text);
    if (problem !== null) {
      ctx.addIssue({ code: 'custom', message: `"${clip(text)}" ${problem}` });
      return z.NEVER;
    }
    return value as T;
  });
}

/**
 * A minus sign or an accountant's parentheses around the number, before or after a currency symbol or code:
 * "-50", "$-1,000", "USD -1000", "EUR -5M", "(1,000)"; or a minus after it, as some ledgers write it ("1000-").
 */
const NEGATIVE = /^\s*(?:[A-Za-z]{3}\s*)?(?:[$€£¥]\s*)?(?:[-−–]|\()\s*(?:[$€£¥]\s*)?\d|\d\s*[-−]\s*$/;
/** More than the largest employers (about two million people) could have. */
const MAX_EMPLOYEES = 10_000_000;
/** More than any company's yearly revenue (the largest are under a trillion dollars). */
const MAX_REVENUE_USD = 10e12;
/** More than any deal. */
const MAX_DEAL_USD = 1e12;

/** Refuses a negative number or one beyond `max` (a typo, or a figure in the wrong column). */
function plausible(max: number, beyond: string) {
  return (value: { min: number; max: number | null } | number, text: string): string | null => {
    if (NEGATIVE.test(text)) return 'is negative';
    const [low, high] = typeof value === 'number' ? [value, value] : [value.min, value.max ?? value.min];
    return Number.isFinite(low) && Number.isFinite(high) && high <= max ? null : `is more than ${beyond}`;
  };
}

type CompanyType = z.infer<typeof CompanyTypeSchema>;

/** The earliest founding year read as one (older "years" in the column are more likely typos or ids). */
const EARLIEST_FOUNDED = 1600;

/**
 * A founding year: the cell's four-digit year ("1998", "1998-05-01", "05/01/1998", "01.05.1998", "est. 1998"),
 * never one after this year. Undefined when the cell has none, or two different ones.
 */
export function parseFoundedYear(text: string, now = new Date()): number | undefined {
  const years = [...text.matchAll(/(?<!\d)(\d{4})(?!\d)/g)].map((m) => Number(m[1]));
  const year = years[0];
  if (year === undefined || years.some((y) => y !== year)) return undefined;
  return year >= EARLIEST_FOUNDED && year <= now.getUTCFullYear() ? year : undefined;
}

/**
 * Company-type wordings → ICP Lens's types, most specific first: Salesforce's Ownership picklist, LinkedIn's
 * company types ("Privately Held", "Government Agency", and its API's `PRIVATELY_HELD`), Crunchbase's
 * ("Non-profit"), ICP Lens's own labels ("Non-profit organization", as its exports write them) and German.
 * A space in a wording stands for any run of spaces, hyphens or underscores, or none: "Non Profit",
 * "non-profit", "NON_PROFIT" and "nonprofit" are one wording. A non-governmental organisation is a non-profit,
 * checked before "government" finds its word in it.
 */
const COMPANY_TYPE_WORDS: ReadonlyArray<readonly [CompanyType, RegExp]> = (
  [
    [
      'nonprofit',
      [
        'non profit',
        'not for profit',
        'npo',
        'ngo',
        'non governmental',
        'non government',
        'charity',
        'charitable',
        'gemeinnützig',
        'gemeinnützige',
        'verein',
      ],
    ],
    ['government', ['government', 'government agency', 'public sector', 'public administration', 'behörde']],
    [
      'educational',
      [
        'educational',
        'education',
        'university',
        'school',
        'college',
        'universität',
        'schule',
        'hochschule',
        'bildungseinrichtung',
      ],
    ],
    [
      'public',
      ['public', 'publicly traded', 'publicly held', 'publicly listed', 'listed company', 'börsennotiert'],
    ],
    [
      'private',
      [
        'private',
        'privately held',
        'privat',
        'partnership',
        'self owned',
        'self employed',
        'sole proprietorship',
      ],
    ],
  ] as Array<[CompanyType, string[]]>
).map(([type, words]) => [
  type,
  // Whole words only, in any script: "Public university" is a university, "Publicity" is nothing.
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${words.map((w) => w.split(' ').join('[\\s_-]*')).join('|')})(?![\\p{L}\\p{N}])`,
    'iu',
  ),
]);

/**
 * Wordings of the column that name no type: Salesforce's "Subsidiary" and "Other", and Crunchbase's "For Profit"
 * (a business, public or private). Read as unknown, and no mistake.
 */
const NO_COMPANY_TYPE =
  /^\s*(?:subsidiary|other|others|sonstige|tochtergesellschaft|for[\s_-]*profit(?:[\s_-]*(?:company|organi[sz]ation))?)\s*$/i;

/**
 * A company type from its wording, or undefined for none it knows. The wordings that name no type ("Subsidiary",
 * "Other") are set aside before, by the row reader (see `NO_COMPANY_TYPE`), so they are no error.
 */
export function parseCompanyType(text: string): CompanyType | undefined {
  const squeezed = text.trim();
  return COMPANY_TYPE_WORDS.find(([, pattern]) => pattern.test(squeezed))?.[0];
}

/**
 * A row's cells by field (strings as the file has them) → an account, or issues naming the bad cells.
 * @param choices what the manager chose for outcome wordings (see {@link OutcomeChoices})
 */
export function accountRowSchema(choices?: OutcomeChoices) {
  return z
    .object({
      domain: optional(registrableDomain, 'a domain or web address'),
      name: cell
        .max(300, 'longer than 300 characters')
        .optional()
        .transform((t) => t || null),
      industry: optional((t) => industryText(t.slice(0, 300)), 'an industry'),
      employees: optional(
        parseEmployees,
        'a number of employees or a range such as 51-200',
        plausible(MAX_EMPLOYEES, 'any company employs (10,000,000)'),
      ),
      revenue: optional(
        parseAmountUsd,
        'an amount such as 20000000, $20M or €15 Mio.',
        plausible(MAX_REVENUE_USD, 'any company earns ($10 trillion)'),
      ),
      country: optional(cachedCountryCode, 'a country name or ISO code'),
      technologies: cell.optional().transform((t) => {
        const seen = new Map<string, string>();
        for (const tech of (t ?? '').split(/[;,|\n]/)) {
          const name = tech.trim().slice(0, 80);
          if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
        }
        return [...seen.values()].slice(0, 100);
      }),
      outcome: cell.transform((text, ctx) => {
        const outcome = text ? outcomeOf(text, choices) : undefined;
        if (!outcome) {
          ctx.addIssue({
            code: 'custom',
            message: !text
              ? 'empty (won, lost, open or a deal stage)'
              : choices?.get(wordingKey(text)) === null
                ? `"${clip(text)}" is set not to be imported`
                : `"${clip(text)}" is not won, lost, open or a known deal stage`,
          });
          return z.NEVER;
        }
        return outcome;
      }),
      founded: optional(
        (t) => parseFoundedYear(t),
        `a founding year from ${EARLIEST_FOUNDED} to this year, such as 1998`,
      ),
      companyType: optional(
        (t) => (NO_COMPANY_TYPE.test(t) ? null : parseCompanyType(t)),
        'a company type (public, private, non-profit, government or educational)',
      ),
      dealValue: optional(
        (t) => parseAmountUsd(t)?.min,
        'an amount',
        plausible(MAX_DEAL_USD, 'any deal is worth ($1 trillion)'),
      ),
    })
    .refine((row) => row.domain !== null || row.name !== null, {
      message: 'no domain and no company name',
      path: ['domain'],
    });
}

/** {@link accountRowSchema} with every outcome wording read as guessed. */
export const AccountRowSchema = accountRowSchema();

/** One wording of the outcome column: as first written, on how many rows, and what it is read as unchosen. */
export interface OutcomeWording {
  text: string;
  rows: number;
  guess: Outcome | undefined;
}

/**
 * The distinct wordings of an outcome column (by {@link wordingKey}), most rows first, at most `max` of them
 * (`more`: how many other wordings there are, on `moreRows` rows), for the mapping step to show what each will be
 * read as.
 */
export function outcomeWordings(
  table: CsvTable,
  header: string,
  max = 50,
): { wordings: OutcomeWording[]; more: number; moreRows: number; moreReadRows: number } {
  const index = table.headers.indexOf(header);
  if (index < 0) return { wordings: [], more: 0, moreRows: 0, moreReadRows: 0 };
  const byKey = new Map<string, { text: string; rows: number }>();
  for (const row of table.rows) {
    const text = (row[index] ?? '').trim();
    if (!text) continue;
    const key = wordingKey(text);
    const seen = byKey.get(key);
    if (seen) seen.rows++;
    else byKey.set(key, { text, rows: 1 });
  }
  const all = [...byKey.values()].sort((a, b) => b.rows - a.rows || a.text.localeCompare(b.text));
  const rest = all.slice(max);
  return {
    wordings: all.slice(0, max).map((w) => ({ ...w, guess: outcomeOf(w.text) })),
    more: rest.length,
    // The rows of the wordings not listed, and of those the ones read as won, lost or open all the same.
    moreRows: rest.reduce((sum, w) => sum + w.rows, 0),
    moreReadRows: rest.reduce((sum, w) => sum + (outcomeOf(w.text) ? w.rows : 0), 0),
  };
}

/** Field names as the reasons print them: words a manager reads on the page, as the docs name the fields. */
const REASON_FIELD: Record<string, string> = {
  revenue: 'revenue',
  dealValue: 'deal value',
  companyType: 'company type',
};

/** A column's outcome wordings as the mapping step shows them (see {@link outcomeWordings}). */
export type OutcomeWordings = ReturnType<typeof outcomeWordings>;

/** What a wording is read as: the manager's choice, else the guess; null for "Not imported". */
export function outcomeReadAs(
  choices: OutcomeChoices | undefined,
  text: string,
  guess: Outcome | undefined,
): Outcome | null {
  const chosen = choices?.get(wordingKey(text));
  return chosen === undefined ? (guess ?? null) : chosen;
}

/**
 * The choices an import runs with: the manager's, and "Not imported" for every wording read as nothing (listed or
 * not: the mapping step says the others are left out unless they read), so that its rows count as left out by
 * choice, as the import button says, not as errors.
 * @param all every wording of the column (`outcomeWordings(table, column, Infinity)`)
 */
export function choicesForImport(all: OutcomeWordings, choices: OutcomeChoices | undefined): OutcomeChoices {
  const out = new Map(choices);
  for (const w of all.wordings)
    if (outcomeReadAs(choices, w.text, w.guess) === null) out.set(wordingKey(w.text), null);
  return out;
}

/**
 * How many rows an import would read (an outcome won, lost or open) and leave out, by the wordings alone: what
 * the import button says before the rows are validated (a row read here can still be rejected for another cell).
 */
export function outcomeRowCounts(
  wordings: OutcomeWordings,
  choices: OutcomeChoices | undefined,
): { read: number; leftOut: number } {
  let read = wordings.moreReadRows;
  let leftOut = wordings.moreRows - wordings.moreReadRows;
  for (const w of wordings.wordings)
    if (outcomeReadAs(choices, w.text, w.guess) === null) leftOut += w.rows;
    else read += w.rows;
  return { read, leftOut };
}

const SYMBOL_CURRENCY: Record<string, string> = { '€': 'EUR', '£': 'GBP', '¥': 'JPY', $: 'USD' };
const squeeze = (header: string) => header.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
/** Columns that give the currency of every amount in their row (Salesforce's multi-currency exports). */
const ROW_CURRENCY_HEADERS = new Set([
  'currency',
  'currencyisocode',
  'currencycode',
  'accountcurrency',
  'währung',
]);

/** A currency code ICP Lens converts, from a cell or a header's word ("EUR", "eur", "€"). */
function currencyCode(text: string): string | undefined {
  const code = SYMBOL_CURRENCY[text] ?? text.toUpperCase();
  return USD_PER_UNIT[code] !== undefined ? code : undefined;
}

/**
 * Where the currency of an amount column's plain numbers is given, when not in the cells themselves, most
 * specific first: a column of its own beside it, row by row ("Annual Revenue Currency"); its header ("Annual
 * Revenue (EUR)", "Umsatz in Tsd. €"); a column giving the currency of every amount in its row ("Currency"),
 * except for a column Salesforce has already converted to one currency ("Annual Revenue (converted)"). Without
 * any of them, plain numbers are US dollars.
 */
function amountCurrency(
  headers: readonly string[],
  header: string,
): { fixed?: string; column?: number; scale: number } | undefined {
  const own = headers.findIndex((h) => {
    const key = squeeze(h);
    return key === `${squeeze(header)}currency` || key === `${squeeze(header)}currencycode`;
  });
  // Each word of the header that is a currency (the separators around it looked at, not taken).
  const named = [...header.matchAll(/(?<=^|[\s([/.])([A-Za-z]{3}|[€£¥$])(?=$|[\s)\]/.])/g)];
  const fixed = named.map((m) => currencyCode(m[1] as string)).find((c) => c !== undefined);
  const shared =
    fixed || /converted/i.test(header) ? -1 : headers.findIndex((h) => ROW_CURRENCY_HEADERS.has(squeeze(h)));
  const column = own >= 0 ? own : shared >= 0 ? shared : undefined;
  const scale = headerScale(header);
  return column !== undefined || fixed || scale !== 1 ? { fixed, column, scale } : undefined;
}

/** The unit a header gives its amounts in: "Umsatz (Tsd. €)", "Revenue ($M)", "ARR in millions". */
function headerScale(header: string): number {
  const words = header.toLowerCase();
  if (/(?<![\p{L}])(?:tsd|tausend|thousands?)(?![\p{L}])|[€£$]\s?k(?![\p{L}])/u.test(words)) return 1e3;
  if (/(?<![\p{L}])(?:mio|mn|millions?|millionen)(?![\p{L}])|[€£$]\s?m(?![\p{L}])/u.test(words)) return 1e6;
  if (/(?<![\p{L}])(?:mrd|bn|billions?|milliarden)(?![\p{L}])|[€£$]\s?b(?![\p{L}])/u.test(words)) return 1e9;
  return 1;
}

/**
 * A plain number in a column whose currency or unit is given elsewhere (see {@link amountCurrency}), as US
 * dollars written out ("150000" of euros → "169500"; "1.5" under "Revenue ($M)" → "1500000"); any other cell as
 * it is (one that names its own currency or unit keeps it).
 */
function inDollars(text: string, currency: string | undefined, scale: number): string {
  if ((!currency || currency === 'USD') && scale === 1) return text;
  if (currencyOf(text) || /\p{L}/u.test(text)) return text;
  const amount = parseAmountUsd(text.trim());
  const rate = USD_PER_UNIT[currency ?? 'USD'];
  if (!amount || amount.max !== amount.min || rate === undefined) return text;
  return String(Math.round(amount.min * scale * rate));
}

/**
 * Validates rows `from` to `to` (exclusive) of a table under a column mapping. Valid rows become accounts,
 * the others rejected rows with their reasons. Called in slices by the options page to show progress.
 */
export function readAccounts(
  table: CsvTable,
  mapping: ColumnMapping,
  from = 0,
  to = table.rows.length,
  choices?: OutcomeChoices,
): { accounts: ImportedAccount[]; rejected: RejectedRow[]; partlyRead: RejectedRow[]; leftOut: number } {
  const schema = choices && choices.size > 0 ? accountRowSchema(choices) : AccountRowSchema;
  const columns = Object.entries(mapping)
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([field, header]) => [field, table.headers.indexOf(header)] as const)
    .filter(([, index]) => index >= 0);
  const currencies = (['revenue', 'dealValue'] as const).flatMap((field) => {
    const header = mapping[field];
    const where = header ? amountCurrency(table.headers, header) : undefined;
    return where ? [{ field, ...where }] : [];
  });
  const accounts: ImportedAccount[] = [];
  const rejected: RejectedRow[] = [];
  const partlyRead: RejectedRow[] = [];
  let leftOut = 0;
  for (let r = from; r < Math.min(to, table.rows.length); r++) {
    const cells = table.rows[r] as string[];
    const line = table.lines[r] as number;
    const raw: Record<string, string> = {};
    for (const [field, index] of columns) raw[field] = cells[index] ?? '';
    for (const { field, fixed, column, scale } of currencies) {
      const given = column === undefined ? undefined : currencyCode((cells[column] ?? '').trim());
      if (raw[field]) raw[field] = inDollars(raw[field], given ?? fixed, scale);
    }
    let parsed = schema.safeParse(raw);
    if (!parsed.success) {
      // Left out as the manager chose (its outcome set "Not imported"): no error, whatever else the row holds.
      if (choices?.get(wordingKey(raw.outcome ?? '')) === null) {
        leftOut++;
        continue;
      }
      const reason = reasonOf(parsed.error);
      // A fact the row gives in a form no reader knows ("Atlantis", "lots") is left unknown, as if the cell
      // were empty: the account, its outcome above all, still counts. Its identity and outcome must read.
      const unread = parsed.error.issues.map((issue) => String(issue.path[0]));
      const retry = unread.every((field) => FACT_FIELDS.has(field))
        ? schema.safeParse({ ...raw, ...Object.fromEntries(unread.map((field) => [field, ''])) })
        : undefined;
      if (!retry?.success) {
        // What the row lacks beyond those cells (no domain and no name) shows only once they are set aside.
        rejected.push({ line, reason: retry ? `${reason}; ${reasonOf(retry.error)}` : reason });
        continue;
      }
      partlyRead.push({ line, reason });
      parsed = retry;
    }
    const { revenue, founded, ...rest } = parsed.data;
    accounts.push({ line, ...rest, revenueUsd: revenue, foundedYear: founded });
  }
  return { accounts, rejected, partlyRead, leftOut };
}

/**
 * The cells of a row that are facts about the account, each of which it can do without: every field but the
 * account's identity and its outcome.
 */
const FACT_FIELDS: ReadonlySet<string> = new Set(
  AccountFieldSchema.options.filter((f) => f !== 'domain' && f !== 'name' && f !== 'outcome'),
);

/** What a row's cells fail on, by column ("country: "Atlantis" is not a country name or ISO code"). */
function reasonOf(error: z.ZodError): string {
  return formatIssues(error)
    .map((p) => p.replace(/^(\w+):/, (_, f: string) => `${REASON_FIELD[f] ?? f}:`))
    .join('; ');
}

/** What a mapping lacks before an import can run (the outcome, and a domain or a name). */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  if (!mapping.outcome) problems.push('Choose the column with the outcome or deal stage.');
  if (!mapping.domain && !mapping.name)
    problems.push('Choose the column with the domain or the company name.');
  return problems;
}
