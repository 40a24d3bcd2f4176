/**
 * CSV exports of the prospect list for the CRM: a HubSpot company import and a Salesforce account import.
 * Written with papaparse (quoting, separators, line breaks); page text is untrusted, so every text cell a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is neutralised.
 */
import Papa from 'papaparse';
import { CSV_OPTIONS, inertCell } from '../csv-options';
import { type Prospect, STATUS_LABEL } from '../db/schema';
import { type ProspectSummary, summarize } from '../db/verdicts';
import { bandOf, EMPLOYEE_BANDS } from '../icp/bands';
import { industryById } from '../icp/industries';
import { countryName } from '../icp/regions';
import { COMPANY_TYPE_LABEL, type Tier } from '../icp/schema';
import { describeRange, NOTHING_KNOWN_LABEL, tierLabel } from '../icp/scorer';

/** HubSpot's "Industry" company property values, where one fits the taxonomy industry. */
const HUBSPOT_INDUSTRY: Record<string, string> = {
  software: 'COMPUTER_SOFTWARE',
  'it-services': 'INFORMATION_TECHNOLOGY_AND_SERVICES',
  internet: 'INTERNET',
  'computer-security': 'COMPUTER_NETWORK_SECURITY',
  'data-infrastructure': 'INFORMATION_TECHNOLOGY_AND_SERVICES',
  'computer-hardware': 'COMPUTER_HARDWARE',
  telecommunications: 'TELECOMMUNICATIONS',
  media: 'ONLINE_MEDIA',
  advertising: 'MARKETING_AND_ADVERTISING',
  design: 'DESIGN',
  consulting: 'MANAGEMENT_CONSULTING',
  legal: 'LAW_PRACTICE',
  accounting: 'ACCOUNTING',
  engineering: 'MECHANICAL_OR_INDUSTRIAL_ENGINEERING',
  staffing: 'STAFFING_AND_RECRUITING',
  'financial-services': 'FINANCIAL_SERVICES',
  banking: 'BANKING',
  insurance: 'INSURANCE',
  'hospitals-health-care': 'HOSPITAL_HEALTH_CARE',
  'pharma-biotech': 'PHARMACEUTICALS',
  'medical-devices': 'MEDICAL_DEVICES',
  automotive: 'AUTOMOTIVE',
  'industrial-machinery': 'MACHINERY',
  'food-beverage': 'FOOD_BEVERAGES',
  retail: 'RETAIL',
  wholesale: 'WHOLESALE',
  'transportation-logistics': 'LOGISTICS_AND_SUPPLY_CHAIN',
  construction: 'CONSTRUCTION',
  'real-estate': 'REAL_ESTATE',
  'energy-utilities': 'UTILITIES',
  'oil-gas-mining': 'OIL_ENERGY',
  education: 'EDUCATION_MANAGEMENT',
  government: 'GOVERNMENT_ADMINISTRATION',
  nonprofit: 'NON_PROFIT_ORGANIZATION_MANAGEMENT',
  hospitality: 'HOSPITALITY',
  entertainment: 'ENTERTAINMENT',
  agriculture: 'FARMING',
  'consumer-services': 'CONSUMER_SERVICES',
};

/** Salesforce's standard Account "Industry" picklist values, where one fits. */
const SALESFORCE_INDUSTRY: Record<string, string> = {
  software: 'Technology',
  'it-services': 'Technology',
  internet: 'Technology',
  'computer-security': 'Technology',
  'data-infrastructure': 'Technology',
  'computer-hardware': 'Electronics',
  telecommunications: 'Telecommunications',
  media: 'Media',
  advertising: 'Media',
  consulting: 'Consulting',
  engineering: 'Engineering',
  'financial-services': 'Finance',
  banking: 'Banking',
  insurance: 'Insurance',
  'hospitals-health-care': 'Healthcare',
  'pharma-biotech': 'Biotechnology',
  'medical-devices': 'Healthcare',
  'industrial-machinery': 'Machinery',
  manufacturing: 'Manufacturing',
  automotive: 'Manufacturing',
  'food-beverage': 'Food & Beverage',
  retail: 'Retail',
  'transportation-logistics': 'Transportation',
  construction: 'Construction',
  'energy-utilities': 'Utilities',
  'oil-gas-mining': 'Energy',
  education: 'Education',
  government: 'Government',
  nonprofit: 'Not For Profit',
  hospitality: 'Hospitality',
  entertainment: 'Entertainment',
  agriculture: 'Agriculture',
};

/** HubSpot's "Ideal Customer Profile Tier" values; "not a fit" has none, so the cell stays empty. */
const HUBSPOT_TIER: Record<Tier, string> = {
  tier_1: 'tier_1',
  tier_2: 'tier_2',
  tier_3: 'tier_3',
  not_a_fit: '',
};

/** The tier in words, or "Not enough known" for a verdict that rests on too little known. */
function tierText(p: ProspectSummary): string {
  return p.nothingKnown ? NOTHING_KNOWN_LABEL : tierLabel(p.tier);
}

/** A number of employees for the CRM: the band's lower end (what a band guarantees; the band has a column). */
function employeeCount(p: ProspectSummary): number | '' {
  return p.values.employees?.min ?? '';
}

/**
 * The company's size as a band: a range as the page gave it ("201–500"), an exact count as the band it falls in
 * ("140" → "51–200"), so that the column maps to a CRM's dropdown; the count is in "Number of employees".
 */
function employeeRange(p: ProspectSummary): string {
  const employees = p.values.employees;
  if (!employees) return '';
  const band = employees.min === employees.max ? bandOf(employees, EMPLOYEE_BANDS) : undefined;
  return describeRange(band ?? employees);
}

/** The technologies detected on the company's site, as one cell ("HubSpot; Shopify"). */
function technologies(p: ProspectSummary): string {
  return (p.values.technologies ?? []).join('; ');
}

function revenueUsd(p: ProspectSummary): number | '' {
  return p.values.revenueUsd?.min ?? '';
}

/** One row of an export, by column. */
export type CsvRow = Record<string, string | number>;

/** An export's column: its header, and its cell for a prospect. */
type Column = readonly [header: string, cell: (p: ProspectSummary) => string | number];

/**
 * How much of the profile the score rests on, in percent as the panel says it (82, a bare number a CRM can
 * filter on): a score of 100 on the one fact a page showed is not one of 100 on most of the profile.
 */
const profileKnown = (p: ProspectSummary) => Math.round(p.coverage * 100);

/**
 * The score as a CRM sorts and filters on it: empty where nothing is known (a 0 would read as a real zero), 0
 * where a disqualifier sets the company aside (the panel's "100 (set aside: disqualified)" has no room for its
 * note in a number column, and a 100 would top every "best fit first" view).
 */
const icpScore = (p: ProspectSummary) => (p.nothingKnown ? '' : p.disqualifiedBy.length > 0 ? 0 : p.score);
/** The criteria met, or what disqualifies the company: what a rep reads in the CRM before calling. */
const matchingCriteria = (p: ProspectSummary) =>
  p.disqualifiedBy.length > 0 ? `Disqualified: ${p.disqualifiedBy.join('; ')}` : p.met.join('; ');

/** The founding year, for HubSpot's standard "Year Founded" property and a Salesforce field of that name. */
const foundedYear = (p: ProspectSummary) => p.values.foundedYear ?? '';
/** The company type as the panel says it ("Non-profit organization"), which a calibration reads back. */
const companyType = (p: ProspectSummary) =>
  p.values.companyType
    ? (COMPANY_TYPE_LABEL[p.values.companyType as keyof typeof COMPANY_TYPE_LABEL] ?? '')
    : '';
/** Salesforce's standard Account "Ownership" picklist (Public, Private, Subsidiary, Other), where one fits. */
const ownership = (p: ProspectSummary) =>
  p.values.companyType === 'public' ? 'Public' : p.values.companyType === 'private' ? 'Private' : '';

/** The HubSpot company import. */
const HUBSPOT: readonly Column[] = [
  ['Company name', (p) => p.name],
  ['Company domain name', (p) => p.domain ?? ''],
  ['Industry', (p) => HUBSPOT_INDUSTRY[p.industryId ?? ''] ?? ''],
  ['Industry (as the company states it)', (p) => p.values.industry ?? ''],
  ['Number of employees', employeeCount],
  ['Employee range', employeeRange],
  ['Annual revenue', revenueUsd],
  ['City', (p) => p.values.hqCity ?? ''],
  ['State/Region', (p) => p.values.hqRegion ?? ''],
  ['Country/Region', (p) => (p.hqCountry ? countryName(p.hqCountry) : '')],
  ['Year Founded', foundedYear],
  ['Company type', companyType],
  ['Ideal Customer Profile Tier', (p) => HUBSPOT_TIER[p.tier]],
  ['ICP tier', tierText],
  // Empty where nothing is known: a 0 would read as a real zero in the CRM.
  ['ICP score', icpScore],
  ['ICP profile known (%)', profileKnown],
  ['ICP matching criteria', matchingCriteria],
  ['ICP version', (p) => `${p.icpName} v${p.icpVersion}`],
  // In the words the list shows ("Contacted"), which HubSpot's import matches to a dropdown's labels.
  ['Prospect status', (p) => STATUS_LABEL[p.status]],
  ['Notes', (p) => p.notes],
  ['Tags', (p) => p.tags.join('; ')],
  ['LinkedIn company page', (p) => p.values.linkedinUrl ?? ''],
  ['Technologies (detected)', technologies],
];

/** The Salesforce account import (Data Import Wizard field names). */
const SALESFORCE: readonly Column[] = [
  ['Account Name', (p) => p.name],
  ['Website', (p) => (p.domain ? `https://${p.domain}` : '')],
  ['Industry', (p) => SALESFORCE_INDUSTRY[p.industryId ?? ''] ?? ''],
  [
    'Industry (as the company states it)',
    (p) => p.values.industry ?? industryById(p.industryId ?? '')?.label ?? '',
  ],
  ['Employees', employeeCount],
  // No standard Account field: the band the count is the lower end of, for a custom field.
  ['Employee Range', employeeRange],
  ['Annual Revenue', revenueUsd],
  ['Billing City', (p) => p.values.hqCity ?? ''],
  ['Billing State/Province', (p) => p.values.hqRegion ?? ''],
  ['Billing Country', (p) => (p.hqCountry ? countryName(p.hqCountry) : '')],
  ['Ownership', ownership],
  ['Description', (p) => p.values.description ?? ''],
  ['ICP Tier', tierText],
  ['ICP Score', icpScore],
  ['ICP Profile Known (%)', profileKnown],
  ['ICP Matching Criteria', matchingCriteria],
  ['ICP Version', (p) => `${p.icpName} v${p.icpVersion}`],
  ['Prospect Status', (p) => STATUS_LABEL[p.status]],
  ['Notes', (p) => p.notes],
  // No standard Account fields: the import wizard maps them to custom fields, or leaves them out.
  ['Tags', (p) => p.tags.join('; ')],
  ['Year Founded', foundedYear],
  // Ownership has no value for a non-profit, a government body or a school.
  ['Company Type', companyType],
  ['LinkedIn Company Page', (p) => p.values.linkedinUrl ?? ''],
  ['Technologies (detected)', technologies],
];

/** The CRM imports there are, by name. */
export type ExportKind = 'hubspot' | 'salesforce';
const COLUMNS: Record<ExportKind, readonly Column[]> = { hubspot: HUBSPOT, salesforce: SALESFORCE };

/** One prospect as a row of an export. */
export function exportRow(kind: ExportKind, p: ProspectSummary): CsvRow {
  return Object.fromEntries(COLUMNS[kind].map(([header, cell]) => [header, inertCell(cell(p))]));
}

/** Rows already mapped (by {@link hubspotRow} or {@link salesforceRow}) as CSV, formulas neutralised. */
export function toCsv(rows: CsvRow[]): string {
  return Papa.unparse(rows, CSV_OPTIONS);
}

const LINE_OPTIONS = { ...CSV_OPTIONS, header: false };
const NEWLINE = new TextEncoder().encode(CSV_OPTIONS.newline);
/** The size of the buffers a long export's lines are written into. */
const BUFFER_BYTES = 1 << 20;

/**
 * A long export, written as each prospect is read, in whatever order they are read, and put in the list's
 * order at the end. Each line is written as UTF-8 into large buffers at once: the lines of 100,000 prospects
 * held as strings until the end were 30 to 60 MB of the page's heap (60 where a line holds one character
 * beyond Latin-1, such as the dash of "201–500"), which every garbage collection in between went through.
 * @param rows how many positions the file has (the length of the list exported)
 */
export function csvFile(kind: ExportKind, rows: number) {
  const columns = COLUMNS[kind];
  const encoder = new TextEncoder();
  const buffers: Uint8Array[] = [];
  let buffer = new Uint8Array(BUFFER_BYTES);
  let used = 0;
  // Where each position's line is: its buffer (-1: none), offset and length.
  const bufferOf = new Int32Array(rows).fill(-1);
  const offset = new Uint32Array(rows);
  const length = new Uint32Array(rows);
  let count = 0;
  return {
    /** Writes the prospect's line at this position of the file. */
    put(position: number, p: ProspectSummary): void {
      const line = Papa.unparse([columns.map(([, cell]) => inertCell(cell(p)))], LINE_OPTIONS);
      // UTF-8 takes at most three bytes for each UTF-16 code unit.
      if (used + line.length * 3 > buffer.length) {
        buffers.push(buffer.subarray(0, used));
        buffer = new Uint8Array(Math.max(BUFFER_BYTES, line.length * 3));
        used = 0;
      }
      const { written } = encoder.encodeInto(line, buffer.subarray(used));
      if (bufferOf[position] === -1) count++;
      bufferOf[position] = buffers.length;
      offset[position] = used;
      length[position] = written;
      used += written;
    },
    /** How many lines were written. */
    get count(): number {
      return count;
    },
    /**
     * The file as UTF-8: the header and the lines in position order, separated by CRLF (the text
     * {@link toCsv} writes for the same rows), or nothing at all without a line.
     */
    bytes(): Uint8Array<ArrayBuffer> {
      if (count === 0) return new Uint8Array(0);
      const all = [...buffers, buffer.subarray(0, used)];
      const header = encoder.encode(Papa.unparse([columns.map(([header]) => header)], LINE_OPTIONS));
      let size = header.length;
      for (let at = 0; at < rows; at++)
        if (bufferOf[at] !== -1) size += NEWLINE.length + (length[at] as number);
      const file = new Uint8Array(size);
      file.set(header);
      let end = header.length;
      for (let at = 0; at < rows; at++) {
        const from = all[bufferOf[at] as number];
        if (!from) continue;
        file.set(NEWLINE, end);
        end += NEWLINE.length;
        const start = offset[at] as number;
        file.set(from.subarray(start, start + (length[at] as number)), end);
        end += length[at] as number;
      }
      return file;
    },
  };
}

/** The prospects as a HubSpot company import. */
export function hubspotCsv(prospects: Prospect[]): string {
  return toCsv(prospects.map(hubspotRow));
}

/** One prospect as a row of {@link hubspotCsv}. */
export function hubspotRow(p: Prospect): CsvRow {
  return exportRow('hubspot', summarize(p));
}

/** The prospects as a Salesforce account import (Data Import Wizard field names). */
export function salesforceCsv(prospects: Prospect[]): string {
  return toCsv(prospects.map(salesforceRow));
}

/** One prospect as a row of {@link salesforceCsv}. */
export function salesforceRow(p: Prospect): CsvRow {
  return exportRow('salesforce', summarize(p));
}
