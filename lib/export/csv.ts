/**
 * CSV exports of the prospect list for the CRM: a HubSpot company import and a Salesforce account import.
 * Written with papaparse (quoting, separators, line breaks); page text is untrusted, so every text cell a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is neutralised.
 */
import Papa from 'papaparse';
import type { Prospect } from '../db/schema';
import { industryById } from '../icp/industries';
import { countryName } from '../icp/regions';
import type { Tier } from '../icp/schema';
import { describeRange } from '../icp/scorer';

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
const TIER_TEXT: Record<Tier, string> = {
  tier_1: 'Tier 1',
  tier_2: 'Tier 2',
  tier_3: 'Tier 3',
  not_a_fit: 'Not a fit',
};

/** A number of employees for the CRM: the band's lower end (what a band guarantees). */
function employeeCount(p: Prospect): number | '' {
  return p.facts.employees?.value.min ?? '';
}

function matching(p: Prospect): string {
  return p.result.criteria
    .filter((c) => c.rule !== 'disqualifier' && (c.status === 'match' || c.status === 'partial'))
    .map((c) => c.label)
    .join('; ');
}

/** The technologies detected on the company's site, as one cell ("HubSpot; Shopify"). */
function technologies(p: Prospect): string {
  return (p.facts.technologies?.value ?? []).join('; ');
}

function revenueUsd(p: Prospect): number | '' {
  return p.facts.revenueUsd?.value.min ?? '';
}

/** One row of an export, by column. */
export type CsvRow = Record<string, string | number>;

const CSV_OPTIONS = { escapeFormulae: /^[=+\-@\t\r]/, newline: '\r\n' };

/** Rows already mapped (by {@link hubspotRow} or {@link salesforceRow}) as CSV, formulas neutralised. */
export function toCsv(rows: CsvRow[]): string {
  return Papa.unparse(rows, CSV_OPTIONS);
}

/**
 * A long export as its header and one line of CSV per row, each written as soon as its row is mapped: 100,000
 * lines of text held until the file is written cost far less memory, and garbage collection, than 100,000
 * rows of cells.
 */
export interface CsvLines {
  fields: string[];
  lines: string[];
}

const LINE_OPTIONS = { ...CSV_OPTIONS, header: false };

/** Maps rows one by one (in any order of calls) to lines of a {@link CsvLines}: `line` per row. */
export function csvLines(map: (p: Prospect) => CsvRow) {
  const table: CsvLines = { fields: [], lines: [] };
  return {
    table,
    line(p: Prospect): string {
      const row = map(p);
      if (table.fields.length === 0) table.fields = Object.keys(row);
      const line = Papa.unparse([Object.values(row)], LINE_OPTIONS);
      // Papa builds the line by concatenation, which V8 keeps as a tree of pieces until the text is read:
      // reading one character makes it flat. 100,000 lines held as trees took three times the memory, and the
      // garbage collector walked every piece of every line each time it ran (measured in Node: 191 MB and
      // 113 ms per full collection, against 65 MB and 12 ms).
      line.charCodeAt(0);
      return line;
    },
  };
}

/** A {@link CsvLines} as CSV, formulas neutralised: the same text {@link toCsv} writes for the same rows. */
export function linesCsv(table: CsvLines): string {
  if (table.lines.length === 0) return '';
  return [Papa.unparse([table.fields], LINE_OPTIONS), ...table.lines].join(CSV_OPTIONS.newline);
}

/** The prospects as a HubSpot company import. */
export function hubspotCsv(prospects: Prospect[]): string {
  return toCsv(prospects.map(hubspotRow));
}

/** One prospect as a row of {@link hubspotCsv}. */
export function hubspotRow(p: Prospect): CsvRow {
  return {
    'Company name': p.name,
    'Company domain name': p.domain ?? '',
    Industry: HUBSPOT_INDUSTRY[p.industryId ?? ''] ?? '',
    'Industry (as the company states it)': p.facts.industry?.value ?? '',
    'Number of employees': employeeCount(p),
    'Employee range': p.facts.employees ? describeRange(p.facts.employees.value) : '',
    'Annual revenue': revenueUsd(p),
    City: p.facts.hqCity?.value ?? '',
    'State/Region': p.facts.hqRegion?.value ?? '',
    'Country/Region': p.hqCountry ? countryName(p.hqCountry) : '',
    'Ideal Customer Profile Tier': HUBSPOT_TIER[p.tier],
    'ICP tier': TIER_TEXT[p.tier],
    'ICP score': p.score,
    'ICP matching criteria': matching(p),
    'ICP version': `${p.icpName} v${p.icpVersion}`,
    'Prospect status': p.status,
    Notes: p.notes,
    Tags: p.tags.join('; '),
    'LinkedIn company page': p.facts.linkedinUrl?.value ?? '',
    'Technologies (detected)': technologies(p),
  };
}

/** The prospects as a Salesforce account import (Data Import Wizard field names). */
export function salesforceCsv(prospects: Prospect[]): string {
  return toCsv(prospects.map(salesforceRow));
}

/** One prospect as a row of {@link salesforceCsv}. */
export function salesforceRow(p: Prospect): CsvRow {
  return {
    'Account Name': p.name,
    Website: p.domain ? `https://${p.domain}` : '',
    Industry: SALESFORCE_INDUSTRY[p.industryId ?? ''] ?? '',
    'Industry (as the company states it)':
      p.facts.industry?.value ?? industryById(p.industryId ?? '')?.label ?? '',
    Employees: employeeCount(p),
    'Annual Revenue': revenueUsd(p),
    'Billing City': p.facts.hqCity?.value ?? '',
    'Billing State/Province': p.facts.hqRegion?.value ?? '',
    'Billing Country': p.hqCountry ? countryName(p.hqCountry) : '',
    Description: p.facts.description?.value ?? '',
    'ICP Tier': TIER_TEXT[p.tier],
    'ICP Score': p.score,
    'ICP Matching Criteria': matching(p),
    'Prospect Status': p.status,
    Notes: p.notes,
    'Technologies (detected)': technologies(p),
  };
}
