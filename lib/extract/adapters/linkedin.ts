/**
 * LinkedIn company pages. Both the logged-out ("guest") and logged-in layouts show the About facts as a
 * definition list of label → value, so the adapter reads `dt`/`dd` pairs by their visible label instead of
 * by class names, which LinkedIn renames often.
 */
import type { FactCandidate } from '../schema';
import { cleanText, parseCount, parseYear, snippet } from '../text';

const MAX_TERMS = 60;

/** Label → value pairs of the page's definition lists (`<dt>Industry</dt><dd>Internet</dd>`). */
export function readDefinitionPairs(root: ParentNode): Map<string, { text: string; el: Element }> {
  const pairs = new Map<string, { text: string; el: Element }>();
  const terms = root.querySelectorAll('dt');
  for (let i = 0; i < terms.length && i < MAX_TERMS; i++) {
    const dt = terms[i];
    if (!dt) continue;
    let dd = dt.nextElementSibling;
    // The guest layout wraps each pair in its own div; the logged-in layout interleaves them.
    if (!dd) dd = dt.parentElement?.querySelector('dd') ?? null;
    if (dd?.tagName !== 'DD') continue;
    const label = cleanText(dt.textContent, 60).toLowerCase();
    if (label && !pairs.has(label)) pairs.set(label, { text: cleanText(dd.textContent, 600), el: dd });
  }
  return pairs;
}

/** Parses "51-200 employees", "10,001+ employees", "2-10 Mitarbeiter". */
export function parseSizeBand(text: string): { min: number; max: number | null } | undefined {
  const band = /(\d[\d.,]*)\s*[-–]\s*(\d[\d.,]*)/.exec(text);
  if (band) {
    const min = parseCount(band[1]);
    const max = parseCount(band[2]);
    return Number.isFinite(min) && Number.isFinite(max) && min <= max ? { min, max } : undefined;
  }
  const open = /(\d[\d.,]*)\s*\+/.exec(text);
  if (open) {
    const min = parseCount(open[1]);
    return Number.isFinite(min) ? { min, max: null } : undefined;
  }
  return undefined;
}

/** Reads the About facts of a LinkedIn company page. */
export function extractLinkedIn(doc: Document, pageUrl: URL): FactCandidate[] {
  const out: FactCandidate[] = [];
  const pairs = readDefinitionPairs(doc);
  const add = (
    field: FactCandidate['field'],
    value: FactCandidate['value'],
    label: string,
    text: string,
    confidence = 0.9,
  ) =>
    out.push({ field, value, source: 'adapter:linkedin', snippet: snippet(`${label}: ${text}`), confidence });

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
  const specialties = pairs.get('specialties');
  if (specialties?.text) {
    const list = specialties.text
      .split(/,\s*|\s+and\s+/)
      .map((s) => cleanText(s, 80))
      .filter(Boolean)
      .slice(0, 50);
    add('keywords', list, 'Specialties', specialties.text, 0.8);
  }
  const slug = /\/company\/([^/?#]+)/.exec(pageUrl.pathname)?.[1];
  if (slug)
    add('linkedinUrl', `https://www.linkedin.com/company/${slug}`, 'Page address', pageUrl.href, 0.95);
  return out;
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
