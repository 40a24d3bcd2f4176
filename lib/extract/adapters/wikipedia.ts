/**
 * Wikipedia company articles. The facts sit in the infobox, a table of row label → value that has kept its
 * shape across MediaWiki versions (`<th>Industry</th><td>…</td>`), while its classes have changed
 * (`infobox vcard` in 2016, `infobox ib-company vcard` with `infobox-label`/`infobox-data` cells today). The
 * adapter therefore reads rows by their visible label and tells a company from a person by the labels too.
 */

import { candidateList } from '../candidate-list';
import { parseMoney } from '../currency';
import type { SiteAdapter } from '../readers';
import type { FactCandidate } from '../schema';
import { cleanText, parseYear } from '../text';
import { parseHeadcount } from './amounts';
import { visibleLines } from './dom-text';
import { linkUrl } from './links';
import { splitLocation } from './location';

const SOURCE = 'adapter:wikipedia';
const MAX_INFOBOXES = 5;
const MAX_ROWS = 80;

/** Row labels only an organisation's infobox has. */
const COMPANY_LABELS = new Set([
  'industry',
  'industries',
  'traded as',
  'number of employees',
  'employees',
  'revenue',
  'operating income',
  'net income',
  'total assets',
  'total equity',
  'key people',
  'products',
  'services',
  'subsidiaries',
  'parent',
  'divisions',
  'owner',
  'owners',
  'area served',
  'headquarters',
  'founders',
  'founder',
]);
/** Row labels of a person's infobox: an article with these is about someone, not a company. */
const PERSON_LABELS = new Set([
  'born',
  'died',
  'spouse',
  'spouses',
  'spouse(s)',
  'children',
  'parents',
  'occupation',
  'occupations',
  'nationality',
  'alma mater',
  'years active',
  'instruments',
  'genres',
  'resting place',
]);

/** One infobox row: the label as written and lower-cased, and the value cell. */
interface InfoboxRow {
  label: string;
  key: string;
  cell: Element;
}

/** The label → value rows of an infobox table (title and image rows have no label and are skipped). */
function infoboxRows(table: HTMLTableElement): InfoboxRow[] {
  const rows: InfoboxRow[] = [];
  const all = table.rows;
  for (let i = 0; i < all.length && i < MAX_ROWS; i++) {
    const row = all[i];
    if (!row) continue;
    let th: Element | undefined;
    let td: Element | undefined;
    for (const cell of row.cells) {
      if (cell.localName === 'th' && !th && !td) th = cell;
      else if (cell.localName === 'td' && !td) td = cell;
    }
    if (!th || !td) continue;
    const label = cleanText(visibleLines(th, 200).join(' '), 80);
    if (label) rows.push({ label, key: label.toLowerCase(), cell: td });
  }
  return rows;
}

/** The article's company infobox and its rows, or undefined when it has none (or describes a person). */
function companyInfobox(doc: Document): { table: HTMLTableElement; rows: InfoboxRow[] } | undefined {
  const tables = doc.querySelectorAll<HTMLTableElement>('table.infobox');
  for (let i = 0; i < tables.length && i < MAX_INFOBOXES; i++) {
    const table = tables[i];
    if (!table) continue;
    const rows = infoboxRows(table);
    if (table.classList.contains('biography') || rows.some((r) => PERSON_LABELS.has(r.key))) return undefined;
    const companyRows = rows.filter((r) => COMPANY_LABELS.has(r.key)).length;
    // A founding date alone is also a town's or a club's; with one company row it is a company's.
    const founded = rows.some((r) => r.key === 'founded' || r.key === 'formation');
    if (table.classList.contains('ib-company') || companyRows >= 2 || (companyRows === 1 && founded))
      return { table, rows };
  }
  return undefined;
}

/**
 * True when the Wikipedia article describes a company or organisation: its infobox has company rows
 * (Industry, Traded as, Number of employees, Key people ...) and no person rows (Born, Spouse ...).
 */
export function isWikipediaCompany(doc: Document): boolean {
  return companyInfobox(doc) !== undefined;
}

/** Maps an infobox "Type" ("Public", "Privately held company", "Nonprofit organization") to a company type. */
export function wikipediaCompanyType(text: string): { type: string; confidence: number } | undefined {
  const t = text.toLowerCase();
  if (/universit|college|school|academy|institute of technology/.test(t))
    return { type: 'educational', confidence: 0.85 };
  if (/non-?profit|not-for-profit|charit|foundation|501\(c\)/.test(t))
    return { type: 'nonprofit', confidence: 0.9 };
  if (/government|state-owned|state owned|crown corporation|public agency|statutory/.test(t))
    return { type: 'government', confidence: 0.85 };
  if (/\bpublic\b|publicly traded|listed/.test(t)) return { type: 'public', confidence: 0.9 };
  if (/private|privately/.test(t)) return { type: 'private', confidence: 0.9 };
  // A subsidiary is not listed itself: privately owned, by its parent.
  if (/subsidiary|division/.test(t)) return { type: 'private', confidence: 0.6 };
  return undefined;
}

/** The article's heading without the site suffix or a disambiguation ("Mozilla", not "Acme (company)"). */
function articleName(doc: Document): string {
  const heading = doc.querySelector('#firstHeading, h1.firstHeading, main h1, h1');
  const text = heading ? cleanText(visibleLines(heading, 100).join(' '), 200) : '';
  const name = text || cleanText(doc.title, 300).replace(/(?<!\s)\s+[-–—]\s+Wikipedia[\s\S]*$/i, '');
  return cleanText(
    name.replace(/(?<!\s)\s*\((?:company|corporation|firm|organi[sz]ation|brand|business)\)\s*$/i, ''),
    200,
  );
}

/** The infobox's own title: `<caption>` in old and new markup, or a spanning title row. */
function infoboxTitle(table: HTMLTableElement): string {
  const caption = table.querySelector(':scope > caption');
  if (caption) return cleanText(visibleLines(caption, 100).join(' '), 200);
  const above = table.querySelector('th.infobox-above, th[colspan]');
  return above ? cleanText(visibleLines(above, 100).join(' '), 200) : '';
}

/** Endings of registered names: an infobox title with one is the legal name ("Apple Inc.", "Brightwater N.V."). */
const LEGAL_SUFFIX =
  /\b(?:Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.|Ltd\.?|Limited|LLC|L\.L\.C\.|plc|PLC|GmbH|AG|SE|S\.A\.|SA|N\.V\.|NV|B\.V\.|BV|S\.p\.A\.|AB|ASA|Oyj|K\.K\.|Pty|LLP|LP)$/;

/** Reads the company facts of a Wikipedia article's infobox; nothing when the article is not a company's. */
export function extractWikipedia(doc: Document, pageUrl: URL): FactCandidate[] {
  const box = companyInfobox(doc);
  if (!box) return [];
  const { out, add } = candidateList(SOURCE, 0.9);
  const rowOf = (...keys: string[]) => {
    for (const key of keys) {
      const row = box.rows.find((r) => r.key === key);
      if (row) return { ...row, lines: visibleLines(row.cell, 800) };
    }
    return undefined;
  };

  const heading = articleName(doc);
  const title = infoboxTitle(box.table);
  if (heading) add('name', heading, `Article: ${heading}`, 0.9);
  if (title && LEGAL_SUFFIX.test(title)) add('legalName', title, `Infobox: ${title}`, 0.8);
  if (title && !heading) add('name', title, `Infobox: ${title}`, 0.85);

  const type = rowOf('type', 'company type');
  const typeText = type?.lines.join(', ') ?? '';
  const companyType = type && wikipediaCompanyType(typeText);
  if (type && companyType)
    add('companyType', companyType.type, `${type.label}: ${typeText}`, companyType.confidence);
  const traded = rowOf('traded as');
  if (traded && companyType?.type !== 'public')
    add('companyType', 'public', `${traded.label}: ${traded.lines.join(', ')}`, 0.85);

  const industry = rowOf('industry', 'industries');
  if (industry?.lines.length) {
    const text = cleanText([...new Set(industry.lines)].join(', '), 300);
    add('industry', text, `${industry.label}: ${text}`);
  }

  const founded = rowOf('founded', 'formation', 'established', 'founded in');
  const year = founded ? parseYear(founded.lines.join(' ')) : Number.NaN;
  if (founded && Number.isFinite(year))
    add('foundedYear', year, `${founded.label}: ${founded.lines.join(' ')}`);

  const hq = rowOf('headquarters', 'headquarters location', 'location');
  if (hq?.lines.length) {
    // Several sites ("(HQ1) … (HQ2)") are one per line: the first that reads as a place wins.
    const line = hq.lines.find((l) => l.includes(',')) ?? hq.lines[0] ?? '';
    const place = splitLocation(line);
    const evidence = `${hq.label}: ${hq.lines.join(', ')}`;
    const weight = hq.key === 'location' ? 0.75 : 0.9;
    if (place.city) add('hqCity', place.city, evidence, weight);
    if (place.region) add('hqRegion', place.region, evidence, weight - 0.05);
    if (place.country) add('hqCountry', place.country, evidence, weight);
  }

  const employees = rowOf('number of employees', 'employees', 'staff', 'number of staff');
  if (employees?.lines.length) {
    const range = parseHeadcount(employees.lines[0] ?? '');
    if (range) add('employees', range, `${employees.label}: ${employees.lines.join(', ')}`);
  }

  const revenue = rowOf('revenue', 'revenues');
  const money = revenue?.lines[0] ? parseMoney(revenue.lines[0]) : undefined;
  if (revenue && money) add('revenue', money, `${revenue.label}: ${revenue.lines.join(', ')}`, 0.85);

  const website = rowOf('website', 'url', 'web site');
  if (website) {
    const link = [...website.cell.querySelectorAll('a[href]')].find((a) => {
      const href = a.getAttribute('href') ?? '';
      return /^(?:https?:)?\/\//i.test(href) && !/wikipedia\.org|wikidata\.org|wikimedia\.org/i.test(href);
    });
    const value = (link && linkUrl(link, pageUrl)?.href) ?? cleanText(website.lines[0], 300);
    if (value) add('website', value, `${website.label}: ${website.lines.join(' ')}`);
  }
  return out;
}

/** The adapter for this site's pages (see lib/extract/readers.ts). */
export const wikipediaAdapter: SiteAdapter = {
  isProfile: (doc) => isWikipediaCompany(doc),
  extract: extractWikipedia,
};
