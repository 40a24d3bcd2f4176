/**
 * OpenGraph, Twitter and plain meta tags, the title and the page's address. `extractMeta` reads the tags the
 * content script sent (meta-keys.ts) and runs in the background; `metaContent` reads a live document, for the
 * site adapters.
 */
import type { MetaKey, MetaTags } from './meta-keys';
import type { FactCandidate } from './schema';
import { cleanText, snippet } from './text';

/** The content of the first meta tag with one of the given `property`/`name` keys, in a document. */
export function metaContent(doc: Document, ...keys: string[]): string {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}" i], meta[name="${key}" i]`);
    const content = cleanText(el?.getAttribute('content'));
    if (content) return content;
  }
  return '';
}

/** The first non-empty cleaned content among the given keys of the tags a content script sent. */
export function metaValue(tags: MetaTags, ...keys: MetaKey[]): string {
  for (const key of keys) {
    const content = cleanText(tags[key]);
    if (content) return content;
  }
  return '';
}

/** Suffixes platforms append to the company name in titles. */
const PLATFORM_TITLE_SUFFIX =
  /(?<!\s)\s*[|\-–—:]\s*(?:LinkedIn|Wikipedia|Crunchbase|Y Combinator|G2|Dribbble)\s*$/i;
/** Site sections that sites append to their name in og:site_name. */
const SECTION_SUFFIX =
  /(?<!\s)\s*(?:[|\-–—:]\s*)?\b(?:Blog|News|Newsroom|Press|Careers|Jobs|Help Center|Support|Docs|Documentation|Engineering|Magazin|Karriere)\s*$/i;
/** Separators sites put between page name and site name. */
const TITLE_SEPARATOR = /(?<!\s)\s+[|\-–—·•:]\s+/;

/**
 * Guesses the company name from the title: on a platform, the title minus the platform's suffix; on the
 * company's own site, the title segment that looks like the site name (matching og:site_name or the domain).
 */
export function nameFromTitle(title: string, hostname: string, onPlatform: boolean): string {
  if (onPlatform) {
    if (!PLATFORM_TITLE_SUFFIX.test(title)) return '';
    return cleanText(title.replace(PLATFORM_TITLE_SUFFIX, '').replace(/(?<!\s)\s*\(company\)\s*$/i, ''), 120);
  }
  // Every label but the top-level domain: on blog.acme.co.uk the company's name may match "acme".
  const labels = hostname
    .replace(/^www\./, '')
    .split('.')
    .slice(0, -1)
    .map((l) => l.replace(/-/g, ''))
    .filter((l) => l.length > 2);
  const segments = title
    .split(TITLE_SEPARATOR)
    .map((s) => cleanText(s, 120))
    .filter(Boolean);
  const squash = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
  const matches = (segment: string) => {
    const squashed = squash(segment);
    return squashed.length > 2 && labels.some((l) => squashed.includes(l) || l.includes(squashed));
  };
  return segments.find(matches) ?? '';
}

/** The last part of an address that names a page about the company itself (home, about us, company). */
const OVERVIEW_PAGE =
  /^(?:index(?:\.\w+)?|home|about(?:-us)?|company|who-we-are|our-story|ueber-uns|uber-uns|über-uns|unternehmen|a-propos|qui-sommes-nous|chi-siamo|quienes-somos|sobre-nosotros|over-ons)$/i;
/** A language part leading an address ("/de/", "/en-us/"). */
const LANGUAGE_PART = /^[a-z]{2}(?:[-_][a-z]{2})?$/i;

/**
 * Whether a site's page describes the company in its meta description: its home page or its "about" page. A
 * blog post's or a product's description (and keywords) are about the post or the product ("How we scaled
 * NSQ"), and would reach the CRM's Description field and the ICP's keyword criteria as the company's.
 */
export function describesCompany(pageUrl: URL): boolean {
  let parts: string[];
  try {
    parts = pageUrl.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return false;
  }
  if (parts.length > 0 && LANGUAGE_PART.test(parts[0] as string)) parts = parts.slice(1);
  return parts.length === 0 || (parts.length === 1 && OVERVIEW_PAGE.test(parts[0] as string));
}

/**
 * Reads name, description, keywords and the site's own address from meta tags and the title.
 * @param tags the page's meta tags, as the content script sent them
 * @param rawTitle the page's `document.title`
 * @param pageUrl the page's address
 * @param onPlatform true on a platform page (LinkedIn ...), whose tags describe the platform's page, not a site
 */
export function extractMeta(
  tags: MetaTags,
  rawTitle: string,
  pageUrl: URL,
  onPlatform: boolean,
): FactCandidate[] {
  const out: FactCandidate[] = [];
  // "Acme Blog", "Acme Newsroom": the section's name, not the company's.
  const siteName = metaValue(tags, 'og:site_name', 'application-name', 'apple-mobile-web-app-title').replace(
    SECTION_SUFFIX,
    '',
  );
  if (siteName && !onPlatform) {
    out.push({
      field: 'name',
      value: siteName,
      source: 'meta',
      snippet: snippet(`og:site_name: ${siteName}`),
      confidence: 0.7,
    });
  }
  const title = cleanText(rawTitle, 300);
  const fromTitle = nameFromTitle(title, pageUrl.hostname, onPlatform);
  if (fromTitle) {
    out.push({
      field: 'name',
      value: fromTitle,
      source: 'title',
      snippet: snippet(title),
      confidence: onPlatform ? 0.75 : 0.5,
    });
  }
  const description = metaValue(tags, 'og:description', 'description', 'twitter:description');
  if (description && !onPlatform && describesCompany(pageUrl)) {
    out.push({
      field: 'description',
      value: description,
      source: 'meta',
      snippet: snippet(description),
      confidence: 0.6,
    });
  }
  const keywords = metaValue(tags, 'keywords')
    .split(',')
    .map((k) => cleanText(k, 80))
    .filter(Boolean)
    .slice(0, 50);
  if (keywords.length > 0 && !onPlatform && describesCompany(pageUrl)) {
    out.push({
      field: 'keywords',
      value: keywords,
      source: 'meta',
      snippet: snippet(keywords.join(', ')),
      confidence: 0.5,
    });
  }
  if (!onPlatform) {
    out.push({
      field: 'website',
      value: pageUrl.origin,
      source: 'url',
      snippet: snippet(pageUrl.href),
      confidence: 0.6,
    });
  }
  return out;
}
