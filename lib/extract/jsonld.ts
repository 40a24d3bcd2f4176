/**
 * schema.org JSON-LD: finds the Organization a page is about and reads its facts.
 * Pure DOM code; runs in the content script, so it stays dependency-free and bounded.
 */
import type { FactCandidate } from './schema';
import { cleanText, parseCount, parseYear, snippet } from './text';

type JsonObject = Record<string, unknown>;

/** Caps that keep hostile pages from costing more than a few milliseconds. */
const MAX_SCRIPTS = 40;
const MAX_SCRIPT_CHARS = 400_000;
const MAX_NODES = 3000;
const MAX_DEPTH = 8;

/** schema.org Organization and the subtypes companies actually use (plus their LocalBusiness kin). */
const ORG_TYPE =
  /^(?:Organization|Corporation|LocalBusiness|OnlineBusiness|OnlineStore|NGO|NewsMediaOrganization|EducationalOrganization|GovernmentOrganization|ProfessionalService|SportsOrganization|MedicalOrganization|PerformingGroup|Airline|Consortium|FundingScheme|LibrarySystem|ResearchOrganization|WorkersUnion|Project|FundingAgency|ResearchProject|.*(?:Organization|Business|Store|Agency|Company|Firm|Service|Restaurant|Office|Clinic|Bank|Hotel|Shop))$/;

/** Nested keys under which an organization is *related* to the subject rather than being it. */
const RELATED_KEYS = new Set([
  'author',
  'creator',
  'funder',
  'sponsor',
  'member',
  'memberOf',
  'parentOrganization',
  'subOrganization',
  'alumniOf',
  'worksFor',
  'affiliation',
  'brand',
  'manufacturer',
  'seller',
  'offers',
  'itemListElement',
  'review',
  'competitor',
  'knows',
]);

interface FoundNode {
  node: JsonObject;
  depth: number;
  /** The key the node hung from ('' at top level). */
  via: string;
}

/** Parses JSON-LD text the way browsers and crawlers tolerate it: CDATA, comments, trailing commas. */
export function parseJsonLd(raw: string): unknown {
  const text = raw
    .slice(0, MAX_SCRIPT_CHARS)
    .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|\/\/\s*\]\]>\s*$|\]\]>\s*$/g, '')
    .replace(/^\s*<!--|-->\s*$/g, '')
    .trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Common breakage in the wild: trailing commas and raw control characters inside strings.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters are what breaks the JSON.
    const repaired = text.replace(/,\s*([}\]])/g, '$1').replace(/[\u0000-\u001f]+/g, ' ');
    try {
      return JSON.parse(repaired);
    } catch {
      return undefined;
    }
  }
}

function types(node: JsonObject): string[] {
  const t = node['@type'] ?? node.type;
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''));
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object node in the documents, with how deep and under which key it was found. */
function collectNodes(docs: unknown[]): FoundNode[] {
  const found: FoundNode[] = [];
  const stack: Array<{ value: unknown; depth: number; via: string }> = docs.map((value) => ({
    value,
    depth: 0,
    via: '',
  }));
  while (stack.length > 0 && found.length < MAX_NODES) {
    const item = stack.pop();
    if (!item || item.depth > MAX_DEPTH) continue;
    const { value, depth, via } = item;
    if (Array.isArray(value)) {
      for (const v of value) stack.push({ value: v, depth, via });
      continue;
    }
    if (!isObject(value)) continue;
    found.push({ node: value, depth, via });
    for (const [key, child] of Object.entries(value)) {
      if (key === '@graph') stack.push({ value: child, depth, via });
      else if (typeof child === 'object' && child !== null)
        stack.push({ value: child, depth: depth + 1, via: key });
    }
  }
  return found;
}

/** Reads every JSON-LD block of the document (bounded). */
export function readJsonLdDocuments(doc: Document): unknown[] {
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  const docs: unknown[] = [];
  for (let i = 0; i < scripts.length && i < MAX_SCRIPTS; i++) {
    const parsed = parseJsonLd(scripts[i]?.textContent ?? '');
    if (parsed !== undefined) docs.push(parsed);
  }
  return docs;
}

/** True when any JSON-LD node's type matches. */
export function hasJsonLdType(docs: unknown[], pattern: RegExp): boolean {
  return collectNodes(docs).some(({ node }) => types(node).some((t) => pattern.test(t)));
}

function hostOf(url: unknown): string {
  if (typeof url !== 'string') return '';
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * Picks the organization the page is about: top-level nodes first, nodes whose `url` is this site next;
 * organizations hanging off another entity (an author, a brand, a parent company) never qualify.
 */
function pickSubject(nodes: FoundNode[], pageHost: string, ownSite: boolean): JsonObject | undefined {
  let best: { node: JsonObject; score: number } | undefined;
  for (const { node, depth, via } of nodes) {
    if (!types(node).some((t) => ORG_TYPE.test(t))) continue;
    if (RELATED_KEYS.has(via)) continue;
    const nodeHost = hostOf(node.url);
    let score = depth === 0 ? 3 : 1;
    // A page's publisher is the site owner on the company's own site, but not on a platform.
    if (via === 'publisher' && !ownSite) continue;
    if (
      nodeHost &&
      pageHost &&
      (nodeHost === pageHost || pageHost.endsWith(`.${nodeHost}`) || nodeHost.endsWith(`.${pageHost}`))
    )
      score += 3;
    for (const key of ['address', 'numberOfEmployees', 'foundingDate', 'legalName', 'sameAs'])
      if (key in node) score += 0.5;
    if (!best || score > best.score) best = { node, score };
  }
  return best?.node;
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function textOf(value: unknown): string {
  const v = first(value);
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'number') return String(v);
  if (isObject(v)) return textOf(v.name ?? v['@value'] ?? v.value);
  return '';
}

/** Reads the JSON-LD organization facts of the page, as candidates with evidence. */
export function extractJsonLd(docs: unknown[], pageUrl: URL, ownSite: boolean): FactCandidate[] {
  const nodes = collectNodes(docs);
  const byId = new Map<string, JsonObject>();
  // References ({"@id": "#x"} alone) point at the node that describes it; only that one is indexed.
  for (const { node } of nodes) {
    if (typeof node['@id'] === 'string' && Object.keys(node).length > 1) byId.set(node['@id'], node);
  }
  const resolve = (value: unknown): unknown => {
    const v = first(value);
    return isObject(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1
      ? (byId.get(v['@id']) ?? v)
      : v;
  };

  const pageHost = pageUrl.hostname.replace(/^www\./, '');
  const subject = pickSubject(nodes, pageHost, ownSite);
  if (!subject) return [];
  const out: FactCandidate[] = [];
  const add = (
    field: FactCandidate['field'],
    value: FactCandidate['value'],
    evidence: string,
    confidence = 0.9,
  ) => {
    if (value === '' || (typeof value === 'number' && !Number.isFinite(value))) return;
    out.push({ field, value, source: 'jsonld', snippet: snippet(evidence), confidence });
  };

  const name = textOf(subject.name);
  add('name', name, `name: ${name}`);
  const legalName = textOf(subject.legalName);
  add('legalName', legalName, `legalName: ${legalName}`);

  const urls = [subject.url, ...(Array.isArray(subject.sameAs) ? subject.sameAs : [subject.sameAs])]
    .filter((u): u is string => typeof u === 'string')
    .slice(0, 30);
  for (const u of urls) {
    const key = u === subject.url ? 'url' : 'sameAs';
    if (/linkedin\.com\/company\//i.test(u)) add('linkedinUrl', cleanText(u), `${key}: ${u}`);
    else add('website', cleanText(u), `${key}: ${u}`, key === 'url' ? 0.85 : 0.7);
  }

  const address = resolve(
    subject.address ??
      (isObject(resolve(subject.location)) ? (resolve(subject.location) as JsonObject).address : undefined),
  );
  if (isObject(address)) {
    const city = textOf(address.addressLocality);
    add('hqCity', city, `addressLocality: ${city}`, 0.85);
    const region = textOf(address.addressRegion);
    add('hqRegion', region, `addressRegion: ${region}`, 0.85);
    const country = textOf(address.addressCountry);
    add('hqCountry', country, `addressCountry: ${country}`, 0.85);
  }

  const employees = resolve(subject.numberOfEmployees);
  if (employees !== undefined) {
    const e = isObject(employees) ? employees : { value: employees };
    const min = parseCount(e.minValue ?? e.value);
    const max = parseCount(e.maxValue ?? e.value);
    if (Number.isFinite(min)) {
      const range = { min, max: Number.isFinite(max) && max >= min ? max : null };
      const shown = range.max === null || range.max === min ? `${min}` : `${min}–${range.max}`;
      add('employees', range, `numberOfEmployees: ${shown}`, 0.8);
    }
  }

  const founded = parseYear(textOf(subject.foundingDate));
  add('foundedYear', founded, `foundingDate: ${textOf(subject.foundingDate)}`, 0.9);

  const description = textOf(subject.description);
  add('description', description, description, 0.8);

  const industry = textOf(subject.industry);
  add('industry', industry, `industry: ${industry}`, 0.8);

  const keywords = subject.keywords ?? subject.knowsAbout;
  const list = (Array.isArray(keywords) ? keywords.map(textOf) : textOf(keywords).split(','))
    .map((k) => cleanText(k, 80))
    .filter(Boolean)
    .slice(0, 50);
  if (list.length > 0) add('keywords', list, list.join(', '), 0.7);

  const typeNames = types(subject);
  if (typeNames.includes('NGO')) add('companyType', 'nonprofit', '@type: NGO', 0.8);
  else if (typeNames.includes('GovernmentOrganization'))
    add('companyType', 'government', '@type: GovernmentOrganization', 0.8);
  else if (
    typeNames.includes('EducationalOrganization') ||
    typeNames.some((t) => /School|University|College/.test(t))
  )
    add('companyType', 'educational', `@type: ${typeNames.join(', ')}`, 0.8);
  else if (typeof subject.tickerSymbol === 'string')
    add('companyType', 'public', `tickerSymbol: ${subject.tickerSymbol}`, 0.8);

  return out;
}
