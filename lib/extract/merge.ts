/**
 * Turns a page's raw fact candidates into normalised company facts: one winning value per field with its
 * evidence, the other readings kept as alternatives. Runs in the background and in Node, never in the page
 * (it needs the public-suffix list and the country names, which are too big for a content script).
 */
import { getDomain } from 'tldts';
import { classifyIndustry } from '../icp/industries';
import { countryCode } from './countries';
import { toUsd } from './currency';
import { platformOf } from './platforms';
import type { CompanyFacts, FactCandidate, FactField, PageExtract, Range } from './schema';

/** Source order used to break confidence ties: the more structured, the more trusted. */
const SOURCE_RANK: Record<FactCandidate['source'], number> = {
  'adapter:linkedin': 9,
  'adapter:wikipedia': 9,
  'adapter:crunchbase': 9,
  'adapter:directory': 8,
  techno: 8,
  jsonld: 7,
  microdata: 6,
  rdfa: 6,
  meta: 4,
  title: 3,
  text: 2,
  url: 1,
  import: 10,
};

/** The registrable domain of a URL or bare hostname ("https://www.acme.co.uk/x" → "acme.co.uk"). */
export function registrableDomain(urlOrHost: string): string | undefined {
  const text = urlOrHost.trim();
  if (!text || /\s/.test(text)) return undefined;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^:/]+:\d/.test(text);
  if (hasScheme && !/^https?:\/\//i.test(text)) return undefined;
  try {
    const url = new URL(hasScheme ? text : `https://${text}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return getDomain(url.hostname) ?? undefined;
  } catch {
    return undefined;
  }
}

type Normalised = FactCandidate['value'] | undefined;

/** Normalises one candidate's value for its field; undefined drops it. */
function normalise(field: FactField, value: FactCandidate['value'], pageHost: string): Normalised {
  switch (field) {
    case 'website': {
      if (typeof value !== 'string') return undefined;
      const domain = registrableDomain(value);
      // A platform's own address (LinkedIn's, Wikipedia's) is never the company's website.
      if (!domain || (domain === getDomain(pageHost) && platformOf(pageHost))) return undefined;
      return domain;
    }
    case 'hqCountry':
      return typeof value === 'string' ? countryCode(value) : undefined;
    case 'employees':
      return typeof value === 'object' && !Array.isArray(value) && !('currency' in value) ? value : undefined;
    case 'revenue':
    case 'fundingTotal':
      return typeof value === 'object' && !Array.isArray(value) && 'currency' in value ? value : undefined;
    case 'socialProfiles':
      return Array.isArray(value) && value.length > 0 ? value : undefined;
    case 'foundedYear':
      return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
    case 'keywords':
    case 'technologies':
      return Array.isArray(value) && value.length > 0 ? value : undefined;
    case 'linkedinUrl': {
      if (typeof value !== 'string') return undefined;
      const slug = /linkedin\.com\/company\/([^/?#\s]+)/i.exec(value)?.[1];
      return slug ? `https://www.linkedin.com/company/${slug.toLowerCase()}` : undefined;
    }
    default:
      return typeof value === 'string' && value ? value : undefined;
  }
}

/** The key under which a field is merged (website candidates become the `domain` fact). */
const FACT_KEY: Record<FactField, keyof CompanyFacts> = {
  name: 'name',
  legalName: 'legalName',
  website: 'domain',
  industry: 'industry',
  employees: 'employees',
  revenue: 'revenue',
  hqCity: 'hqCity',
  hqRegion: 'hqRegion',
  hqCountry: 'hqCountry',
  foundedYear: 'foundedYear',
  linkedinUrl: 'linkedinUrl',
  description: 'description',
  keywords: 'keywords',
  companyType: 'companyType',
  fundingStage: 'fundingStage',
  fundingTotal: 'fundingTotal',
  socialProfiles: 'socialProfiles',
  technologies: 'technologies',
};

function sameValue(a: Normalised, b: Normalised): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === 'object' && typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/**
 * Merges a page's candidates into company facts. The most confident reading of each field wins (ties go to
 * the more structured source); differing readings stay visible as alternatives.
 */
export function mergeCandidates(extract: Pick<PageExtract, 'url' | 'candidates'>): CompanyFacts {
  const pageHost = new URL(extract.url).hostname;
  const grouped = new Map<keyof CompanyFacts, Array<FactCandidate & { value: NonNullable<Normalised> }>>();
  for (const candidate of extract.candidates) {
    const value = normalise(candidate.field, candidate.value, pageHost);
    if (value === undefined) continue;
    const key = FACT_KEY[candidate.field];
    const list = grouped.get(key) ?? [];
    list.push({ ...candidate, value });
    grouped.set(key, list);
  }
  const facts: Record<string, unknown> = {};
  for (const [key, list] of grouped) {
    list.sort((a, b) => b.confidence - a.confidence || SOURCE_RANK[b.source] - SOURCE_RANK[a.source]);
    const [winner, ...rest] = list;
    if (!winner) continue;
    const alternatives: typeof rest = [];
    for (const alt of rest) {
      if (!sameValue(alt.value, winner.value) && !alternatives.some((a) => sameValue(a.value, alt.value)))
        alternatives.push(alt);
    }
    const strip = ({ value, source, snippet, confidence }: (typeof list)[number]) => ({
      value,
      source,
      snippet,
      confidence,
    });
    facts[key] = { ...strip(winner), alternatives: alternatives.slice(0, 5).map(strip) };
  }
  return deriveFacts(facts as CompanyFacts);
}

/** Facts computed from others: the taxonomy industry, and money in US dollars. Each keeps its evidence. */
function deriveFacts(facts: CompanyFacts): CompanyFacts {
  const out: CompanyFacts = { ...facts };
  if (facts.industry) {
    const industry = classifyIndustry(facts.industry.value);
    if (industry) out.industryId = { ...facts.industry, value: industry.id, alternatives: [] };
  }
  const usd = (money: CompanyFacts['revenue']) => {
    const value = money && toUsd(money.value);
    return money && value ? { ...money, value, alternatives: [] } : undefined;
  };
  const revenueUsd = usd(facts.revenue);
  if (revenueUsd) out.revenueUsd = revenueUsd;
  const fundingTotalUsd = usd(facts.fundingTotal);
  if (fundingTotalUsd) out.fundingTotalUsd = fundingTotalUsd;
  return out;
}

/** Formats a range for people: "51–200", "10,001+", "69". */
export function formatRange(range: Range, unit = ''): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const suffix = unit ? ` ${unit}` : '';
  if (range.max === null) return `${n(range.min)}+${suffix}`;
  if (range.max === range.min) return `${n(range.min)}${suffix}`;
  return `${n(range.min)}–${n(range.max)}${suffix}`;
}
