/**
 * The page extractor: reads every company fact a page states, with its evidence, and says what kind of page
 * it is. Pure DOM code with no dependencies, so the content script that runs it stays small.
 */
import { readJsonLdDocuments } from './jsonld';
import { extractMeta } from './meta';
import { classifyPage } from './page-role';
import type { Readers } from './readers';
import type { FactCandidate, PageExtract } from './schema';
import { extractStructuredData } from './structured-data';
import { cleanText } from './text';

/**
 * Extracts the company facts of a page.
 * @param doc the page's document (a live page, or one parsed in Node)
 * @param href the page's address
 * @param readers the platform adapter or the own-site readers this page gets (see readers.ts)
 * @param now a millisecond clock, to measure the extraction itself
 */
export function extractPage(
  doc: Document,
  href: string,
  readers: Readers,
  now: () => number = () => Date.now(),
): PageExtract {
  const started = now();
  const url = new URL(href);
  const jsonLd = readJsonLdDocuments(doc);
  const page = classifyPage(doc, url, jsonLd, readers.adapter);
  let candidates: FactCandidate[] = [];
  let ownSiteText: PageExtract['ownSiteText'];
  // A page that is no company's own (news, search, a person's article) lends its facts to nobody.
  if (page.role !== 'negative') {
    const onPlatform = !page.ownSite;
    candidates = [
      ...extractStructuredData(doc, url, page.ownSite, jsonLd),
      ...(readers.adapter?.extract(doc, url) ?? []),
      ...extractMeta(doc, url, onPlatform),
      ...(page.ownSite && readers.ownSite ? readers.ownSite(doc, url, page.role) : []),
    ];
    if (page.ownSite && readers.ownSiteText) ownSiteText = readers.ownSiteText(doc);
  }
  return {
    url: url.href,
    title: cleanText(doc.title, 300),
    pageRole: page.role,
    pageRoleReason: page.reason,
    candidates: candidates.slice(0, 500),
    ...(ownSiteText ? { ownSiteText } : {}),
    ms: Math.max(0, now() - started),
  };
}
