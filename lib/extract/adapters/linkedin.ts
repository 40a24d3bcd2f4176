/**
 * LinkedIn company pages, logged out ("guest") and logged in (Overview and About tabs). LinkedIn renames its
 * classes often, so the adapter leans on what each layout has kept: the About facts as a definition list
 * of visible label → value, the page's one `<h1>` with the top card's "industry · location · followers ·
 * employees" line around it, and a "Locations" section. Lists of other companies ("Similar pages",
 * "People also viewed") are recognised by their headings and attributes and never read.
 */
import { candidateList } from '../candidate-list';
import type { SiteAdapter } from '../readers';
import type { FactCandidate } from '../schema';
import { cleanText, parseYear } from '../text';
import { parseSizeBand } from './amounts';
import {
  hasText,
  inRelatedList,
  type LabeledValue,
  readLabeledValues,
  sectionTitled,
  visibleLines,
} from './dom-text';
import { isPageChrome } from './links';

/** Re-exported from its old home: callers and tests import the LinkedIn size-band parser from here. */
export { parseSizeBand } from './amounts';

const SOURCE = 'adapter:linkedin';
const MAX_TERMS = 60;

/** The About labels read, in the English variants LinkedIn has used. */
const ABOUT_LABELS = [
  'website',
  'industry',
  'industries',
  'company size',
  'headquarters',
  'founded',
  'type',
  'specialties',
  'specialities',
];

/** A label's value and the element holding it. */
type Pair = { text: string; el: Element };

/**
 * Label → value pairs of the page's definition lists (`<dt>Industry</dt><dd>Internet</dd>`), skipping lists
 * that describe other companies. Labels are lower-cased.
 */
export function readDefinitionPairs(root: ParentNode): Map<string, Pair> {
  const pairs = new Map<string, Pair>();
  const terms = root.querySelectorAll('dt');
  for (let i = 0; i < terms.length && i < MAX_TERMS; i++) {
    const dt = terms[i];
    if (!dt || inRelatedList(dt)) continue;
    let dd = dt.nextElementSibling;
    // The guest layout wraps each pair in its own div; the logged-in layout interleaves them.
    if (!dd) dd = dt.parentElement?.querySelector('dd') ?? null;
    if (dd?.tagName !== 'DD') continue;
    const label = cleanText(dt.textContent, 60).toLowerCase();
    const text = cleanText(visibleLines(dd, 400).join(', '), 600);
    if (label && text && !pairs.has(label)) pairs.set(label, { text, el: dd });
  }
  return pairs;
}

/** Labels every company's About list has; when the definition lists show none, the layout is a new one. */
const CORE_LABELS = ['website', 'industry', 'industries', 'company size', 'headquarters'];

/**
 * The About facts: the definition lists, or, in a layout without them, any visible "Label value" pair.
 * The text scan runs only then, since most lists lack some labels (Founded, Specialties) by design.
 */
function aboutPairs(doc: Document): Map<string, Pair> {
  const pairs = readDefinitionPairs(doc);
  if (CORE_LABELS.some((l) => pairs.has(l))) return pairs;
  const missing = ABOUT_LABELS.filter((l) => !pairs.has(l));
  const main = doc.querySelector('main') ?? doc.body;
  if (!main) return pairs;
  const labeled: Map<string, LabeledValue> = readLabeledValues(main, missing, {
    maxNodes: 8000,
    accept: (el) => !isPageChrome(el) && !inRelatedList(el) && !el.closest('h1, h2'),
  });
  for (const [label, value] of labeled) pairs.set(label, { text: value.text, el: value.el });
  return pairs;
}

/** The top card: the smallest container around the page's heading that holds its follower or size line. */
function topCard(doc: Document): { card: Element; name: string } | undefined {
  const headings = doc.querySelectorAll('h1');
  for (let i = 0; i < headings.length && i < 5; i++) {
    const h1 = headings[i];
    if (!h1 || isPageChrome(h1) || inRelatedList(h1)) continue;
    const name = cleanText(visibleLines(h1, 100).join(' '), 200);
    if (!name) continue;
    let card: Element | null = h1.parentElement;
    for (let depth = 0; card && depth < 7; depth++, card = card.parentElement) {
      if (hasText(card, /\bfollowers?\b|\bemployees\b/i)) return { card, name };
    }
    return { card: h1.parentElement ?? h1, name };
  }
  return undefined;
}

/** Buttons and links of the top card that are not facts. */
const TOP_CARD_ACTION =
  /^(?:follow|following|message|visit website|more|contact us|learn more|sign up|register|view jobs|see jobs|join now|sign in)$/i;
const FOLLOWERS = /(?<!\d)(?<!\d[.,])(\d(?:[.,]?\d)*(?:\s*[KkMm])?\+?\s+followers?)\b/;

/** What the top card's "industry · location · followers · employees" items say. */
export interface TopCardFacts {
  industry?: string;
  location?: string;
  employees?: { min: number; max: number | null };
  /** The item the employee band came from, as evidence. */
  employeesText?: string;
  /** The items read, as evidence. */
  evidence: string;
}

/**
 * Reads the top card's item line. The guest layout writes "Industry" then "City, Region · N followers";
 * the logged-in layout lists tagline, industry, "City, Region", "N followers", "51-200 employees". The
 * location is the "City, Region" item before the followers; the industry is the short item before that.
 */
export function readTopCard(card: Element, name: string): TopCardFacts {
  const items: string[] = [];
  for (const line of visibleLines(card, 1500)) {
    for (const part of line.split(/(?<!\s)\s+[·•]\s+|(?<!\s)\s*[·•]\s*(?=\d)|(?<=\s)[·•]\s*(?=\d)/)) {
      // "London, London 5,750 followers": the guest layout's dot is a CSS pseudo-element.
      const followers = FOLLOWERS.exec(part);
      const before = followers ? cleanText(part.slice(0, followers.index), 200) : '';
      if (before) items.push(before);
      items.push(cleanText(followers ? part.slice(followers.index) : part, 300));
    }
    if (items.length > 40) break;
  }
  const start = items.indexOf(name);
  const facts = items
    .slice(start + 1)
    .filter((item) => item && item !== name && !TOP_CARD_ACTION.test(item) && !/^view all\b/i.test(item));
  const result: TopCardFacts = { evidence: '' };
  const used: string[] = [];
  const sizeItem = facts.find((item) => /\bemployees\b/i.test(item) && parseSizeBand(item));
  if (sizeItem) {
    result.employees = parseSizeBand(sizeItem);
    result.employeesText = sizeItem;
  }
  const followersAt = facts.findIndex((item) => FOLLOWERS.test(item));
  if (followersAt > 0) {
    let at = followersAt - 1;
    const candidate = facts[at] ?? '';
    if (candidate.includes(',') && !/\d/.test(candidate) && candidate.length <= 80) {
      result.location = candidate;
      used.push(candidate);
      at--;
    }
    const industry = facts[at];
    // Industries are short names; a tagline is a sentence.
    if (industry && industry.length <= 60 && industry.split(' ').length <= 7 && !/[.!?]/.test(industry)) {
      result.industry = industry;
      used.unshift(industry);
    }
  }
  result.evidence = cleanText([...used, ...(sizeItem ? [sizeItem] : [])].join(' · '), 200);
  return result;
}

/** The company's description: the About section's text above its facts. */
function aboutDescription(doc: Document): string {
  const marked = doc.querySelector('[data-test-id="about-us__description"]');
  if (marked) return cleanText(marked.textContent, 2000);
  const section = sectionTitled(doc, /^(?:overview|about(?: us)?)$/i);
  if (!section || inRelatedList(section)) return '';
  const paragraphs = section.querySelectorAll('p');
  for (let i = 0; i < paragraphs.length && i < 20; i++) {
    const text = cleanText(paragraphs[i]?.textContent, 2000);
    if (text.length >= 40) return text;
  }
  return '';
}

/** The ISO code closing the primary (or first) address of the "Locations" section ("…, London EC1V2NX, GB"). */
function primaryLocationCountry(doc: Document): { code: string; line: string } | undefined {
  const section = sectionTitled(doc, /^locations(?:\s*\(\d+\))?$/i);
  if (!section || inRelatedList(section)) return undefined;
  const lines = visibleLines(section, 1500).slice(0, 80);
  const primary = lines.findIndex((l) => /^primary$/i.test(l));
  for (const line of lines.slice(Math.max(0, primary))) {
    const code = /,\s*([A-Z]{2})$/.exec(line)?.[1];
    if (code) return { code, line };
  }
  return undefined;
}

/** True when the address is a LinkedIn company page (any of its tabs), as opposed to people, jobs or posts. */
export function isLinkedInCompany(pageUrl: URL): boolean {
  return /(?:^|\.)linkedin\.com$/i.test(pageUrl.hostname) && /^\/company\/[^/]+/.test(pageUrl.pathname);
}

/** Reads the facts of a LinkedIn company page: About list, top card, description and primary location. */
export function extractLinkedIn(doc: Document, pageUrl: URL): FactCandidate[] {
  const pairs = aboutPairs(doc);
  const list = candidateList(SOURCE, 0.9);
  const add = (
    field: FactCandidate['field'],
    value: FactCandidate['value'],
    label: string,
    text: string,
    confidence?: number,
  ) => list.add(field, value, `${label}: ${text}`, confidence);

  const website = pairs.get('website');
  if (website) {
    const href = website.el.querySelector('a[href]')?.getAttribute('href') ?? website.text;
    add('website', unwrapRedirect(href), 'Website', website.text);
  }
  const industry = pairs.get('industry') ?? pairs.get('industries');
  if (industry?.text) add('industry', industry.text, 'Industry', industry.text);
  const size = pairs.get('company size');
  const band = size && parseSizeBand(size.text);
  if (size && band) add('employees', band, 'Company size', size.text);
  const hq = pairs.get('headquarters');
  if (hq?.text) {
    const [city, region] = hq.text.split(',').map((s) => cleanText(s, 80));
    if (city) add('hqCity', city, 'Headquarters', hq.text);
    if (region) add('hqRegion', region, 'Headquarters', hq.text, 0.8);
  }
  const founded = pairs.get('founded');
  const year = founded ? parseYear(founded.text) : Number.NaN;
  if (founded && Number.isFinite(year)) add('foundedYear', year, 'Founded', founded.text);
  const type = pairs.get('type');
  const companyType = type ? companyTypeOf(type.text) : undefined;
  if (type && companyType) add('companyType', companyType, 'Type', type.text);
  const specialties = pairs.get('specialties') ?? pairs.get('specialities');
  if (specialties?.text) {
    const list = specialties.text
      .split(/,\s*(?:and\s+)?|(?<!\s)\s+and\s+/)
      .map((s) => cleanText(s, 80))
      .filter(Boolean)
      .slice(0, 50);
    add('keywords', list, 'Specialties', specialties.text, 0.8);
  }

  const top = topCard(doc);
  if (top) {
    add('name', top.name, 'Page heading', top.name, 0.85);
    const card = readTopCard(top.card, top.name);
    // The About list is the surer reading; the top card fills only what it lacks.
    if (card.industry && !industry?.text) add('industry', card.industry, 'Top card', card.evidence, 0.75);
    if (card.employees && !band) add('employees', card.employees, 'Top card', card.employeesText ?? '', 0.75);
    if (card.location && !hq?.text) {
      const [city, region] = card.location.split(',').map((s) => cleanText(s, 80));
      if (city) add('hqCity', city, 'Top card', card.location, 0.7);
      if (region) add('hqRegion', region, 'Top card', card.location, 0.65);
    }
  }
  const description = aboutDescription(doc);
  if (description) add('description', description, 'About', description, 0.8);
  const country = primaryLocationCountry(doc);
  if (country) add('hqCountry', country.code, 'Locations', country.line, 0.85);

  const slug = /\/company\/([^/?#]+)/.exec(pageUrl.pathname)?.[1];
  if (slug)
    add('linkedinUrl', `https://www.linkedin.com/company/${slug}`, 'Page address', pageUrl.href, 0.95);
  return list.out;
}

/** LinkedIn wraps outbound links in a redirect (`/redir/redirect?url=...`). */
function unwrapRedirect(href: string): string {
  try {
    const url = new URL(href, 'https://www.linkedin.com');
    const target = url.hostname.endsWith('linkedin.com') ? url.searchParams.get('url') : null;
    return cleanText(target ?? url.href, 500);
  } catch {
    return cleanText(href, 500);
  }
}

/** Maps LinkedIn's organization types to ICP Lens company types. */
function companyTypeOf(text: string): string | undefined {
  const t = text.toLowerCase();
  if (t.includes('public')) return 'public';
  if (t.includes('nonprofit') || t.includes('non-profit')) return 'nonprofit';
  if (t.includes('government')) return 'government';
  if (t.includes('educational')) return 'educational';
  if (
    t.includes('privately') ||
    t.includes('partnership') ||
    t.includes('self-owned') ||
    t.includes('self-employed')
  )
    return 'private';
  return undefined;
}

/** The adapter for this site's pages (see lib/extract/readers.ts). */
export const linkedinAdapter: SiteAdapter = {
  isProfile: (_doc, url) => isLinkedInCompany(url),
  extract: extractLinkedIn,
};
