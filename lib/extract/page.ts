/**
 * The page extractor: reads every company fact a page states, with its evidence, and says what kind of page
 * it is. Pure DOM code with no dependencies, so the content script that runs it stays small.
 */
import { extractCrunchbase } from './adapters/crunchbase';
import { extractDirectory } from './adapters/directory';
import { extractLinkedIn } from './adapters/linkedin';
import { extractWikipedia } from './adapters/wikipedia';
import { readJsonLdDocuments } from './jsonld';
import { extractProfileLinks } from './links';
import { extractMeta } from './meta';
import { classifyPage } from './page-role';
import { platformOf } from './platforms';
import type { FactCandidate, PageExtract } from './schema';
import { extractStructuredData } from './structured-data';
import { cleanText } from './text';
import { extractTextFacts } from './text-facts';

/** The site-specific reader for a platform page, if the site has one. */
function siteAdapter(doc: Document, url: URL): FactCandidate[] {
  switch (platformOf(url.hostname)) {
    case 'linkedin':
      return extractLinkedIn(doc, url);
    case 'wikipedia':
      return extractWikipedia(doc, url);
    case 'crunchbase':
      return extractCrunchbase(doc, url);
    case 'directory':
      return extractDirectory(doc, url);
    default:
      return [];
  }
}

/**
 * Extracts the company facts of a page.
 * @param doc the page's document (a live page, or one parsed in Node)
 * @param href the page's address
 * @param now a millisecond clock, to measure the extraction itself
 */
export function extractPage(doc: Document, href: string, now: () => number = () => Date.now()): PageExtract {
  const started = now();
  const url = new URL(href);
  const jsonLd = readJsonLdDocuments(doc);
  const page = classifyPage(doc, url, jsonLd);
  let candidates: FactCandidate[] = [];
  // A page that is no company's own (news, search, a person's article) lends its facts to nobody.
  if (page.role !== 'negative') {
    const onPlatform = !page.ownSite;
    candidates = [
      ...extractStructuredData(doc, url, page.ownSite, jsonLd),
      ...siteAdapter(doc, url),
      ...extractMeta(doc, url, onPlatform),
      ...(page.ownSite ? extractProfileLinks(doc, url) : []),
      ...(page.ownSite ? extractTextFacts(doc, url, page.role) : []),
    ];
  }
  return {
    url: url.href,
    title: cleanText(doc.title, 300),
    pageRole: page.role,
    pageRoleReason: page.reason,
    candidates: candidates.slice(0, 500),
    ms: Math.max(0, now() - started),
  };
}
