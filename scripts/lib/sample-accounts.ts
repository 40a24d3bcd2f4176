/**
 * Fictional CRM accounts for the calibration demo, tests and benchmark: a HubSpot-style company export whose
 * outcomes follow a known "true" profile plus noise. Seeded, so the same seed always writes the same file.
 *
 * The true profile: software, IT and security companies of 200–2,000 people in North America or Europe win
 * more often, and so do companies using Segment or Snowflake (a signal the built-in ICP does not have, so the
 * suggestions should find it). Names and domains are made up; any likeness to a real company is accidental.
 */
import Papa from 'papaparse';

/** A small, fast, seeded random generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIT_INDUSTRIES = [
  'Computer Software',
  'COMPUTER_SOFTWARE',
  'Information Technology and Services',
  'Internet',
  'Computer & Network Security',
];
const OTHER_INDUSTRIES = [
  'Financial Services',
  'Hospital & Health Care',
  'Retail',
  'Machinery',
  'Logistics and Supply Chain',
  'Marketing and Advertising',
  'Construction',
  'Food & Beverages',
  'Education Management',
  'Insurance',
];
const COUNTRIES: Array<[string, string, number]> = [
  // [as the CRM writes it, top-level domain, weight]
  ['United States', 'com', 30],
  ['Germany', 'de', 12],
  ['United Kingdom', 'co.uk', 10],
  ['France', 'fr', 6],
  ['Canada', 'ca', 6],
  ['Netherlands', 'nl', 5],
  ['Sweden', 'se', 4],
  ['Spain', 'es', 3],
  ['India', 'in', 8],
  ['Brazil', 'com.br', 5],
  ['Japan', 'jp', 4],
  ['Australia', 'com.au', 4],
  ['Singapore', 'sg', 3],
];
const FIT_COUNTRIES = new Set([
  'United States',
  'Germany',
  'United Kingdom',
  'France',
  'Canada',
  'Netherlands',
  'Sweden',
  'Spain',
]);
const TECHNOLOGIES = [
  'HubSpot',
  'Salesforce',
  'Google Analytics',
  'WordPress',
  'Shopify',
  'Zendesk',
  'Intercom',
  'Stripe',
  'AWS',
  'Marketo',
  'Segment',
  'Snowflake',
];
const SIGNAL_TECH = new Set(['Segment', 'Snowflake']);
const WON_STAGES = ['closedwon', 'Closed Won', 'Won'];
const LOST_STAGES = ['closedlost', 'Closed Lost', 'Lost'];
const OPEN_STAGES = ['appointmentscheduled', 'qualifiedtobuy', 'contractsent', 'Negotiation/Review', 'Open'];
const SYLLABLES = [
  'lum',
  'en',
  'fold',
  'quar',
  'ry',
  'peak',
  'fern',
  'bridge',
  'tal',
  'low',
  'mere',
  'kes',
  'trel',
  'sab',
  'le',
  'or',
  'bit',
  'al',
  'north',
  'wind',
  'mer',
  'id',
  'ian',
  'har',
  'bor',
  'pine',
  'vel',
  'ox',
  'tri',
  'dent',
  'cas',
  'cade',
  'ny',
  'lo',
  'zen',
  'ith',
  'ar',
  'gent',
  'sol',
  'stice',
];
const SUFFIXES = [
  'Labs',
  'Systems',
  'Group',
  'Software',
  'Analytics',
  'Works',
  'Solutions',
  'Industries',
  'AG',
  'Ltd',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function weighted<T>(random: () => number, list: ReadonlyArray<[...unknown[], number]>): T {
  const total = list.reduce((s, e) => s + (e[e.length - 1] as number), 0);
  let r = random() * total;
  for (const e of list) {
    r -= e[e.length - 1] as number;
    if (r <= 0) return e as T;
  }
  return list[list.length - 1] as T;
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random() || 1e-9)) * Math.cos(2 * Math.PI * random());
}

/** Header of the generated file (HubSpot's company and deal export names). */
export const SAMPLE_HEADERS = [
  'Company name',
  'Company Domain Name',
  'Industry',
  'Number of Employees',
  'Annual Revenue',
  'Country/Region',
  'Technologies',
  'Deal Stage',
  'Amount',
];

/**
 * `count` accounts as CSV text. About 1 row in 100 carries a mistake a real export has (an unknown deal stage,
 * text in a number column), and one name is a spreadsheet formula, so rejection and neutralising show.
 */
export function makeSampleAccountsCsv(count: number, seed = 8): string {
  const random = seededRandom(seed);
  const used = new Set<string>();
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    let base = '';
    do {
      base = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(random, SYLLABLES)).join('');
    } while (used.has(base) || base.length < 5);
    used.add(base);
    const fitIndustry = random() < 0.4;
    const industry = fitIndustry ? pick(random, FIT_INDUSTRIES) : pick(random, OTHER_INDUSTRIES);
    const [country, tld] = weighted<[string, string, number]>(random, COUNTRIES);
    const employees = Math.max(2, Math.round(Math.exp(3 + random() * 6.5)));
    const revenue = Math.round(employees * (80_000 + random() * 220_000));
    const techs = TECHNOLOGIES.filter(() => random() < 0.18);
    let fit = -2.6 + normal(random) * 0.8;
    if (fitIndustry) fit += 1.5;
    if (employees >= 200 && employees <= 2000) fit += 1.2;
    else if (employees >= 50 && employees <= 5000) fit += 0.4;
    if (FIT_COUNTRIES.has(country)) fit += 0.6;
    if (techs.some((t) => SIGNAL_TECH.has(t))) fit += 1.3;
    const closed = random() < 0.75;
    const won = random() < 1 / (1 + Math.exp(-fit));
    const stage = !closed
      ? pick(random, OPEN_STAGES)
      : won
        ? pick(random, WON_STAGES)
        : pick(random, LOST_STAGES);
    const amount = Math.round((5_000 + Math.sqrt(employees) * 900 * (0.5 + random())) / 100) * 100;
    const name = `${base.charAt(0).toUpperCase()}${base.slice(1)} ${pick(random, SUFFIXES)}`;
    const row = [
      name,
      `${base}.${tld}`,
      random() < 0.05 ? '' : industry,
      random() < 0.05 ? '' : String(employees),
      random() < 0.25 ? '' : String(revenue),
      country,
      techs.join(';'),
      stage,
      String(amount),
    ];
    // The mistakes a real export carries.
    const mistake = random();
    if (mistake < 0.004) row[7] = 'maybe later';
    else if (mistake < 0.008) row[3] = 'lots';
    else if (mistake < 0.01) row[1] = 'not a domain';
    rows.push(row);
  }
  if (rows[3]) rows[3][0] = '=HYPERLINK("https://example.com/x","Click me")';
  return `${Papa.unparse({ fields: SAMPLE_HEADERS, data: rows }, { newline: '\n' })}\n`;
}
