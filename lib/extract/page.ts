/**
 * The page extractor: reads every company fact a page states, with its evidence, and says what kind of page
 * it is. Pure DOM code with no dependencies, so the content script that runs it stays small.
 */
import { extractLinkedIn } from './adapters/linkedin';
import { extractJsonLd, hasJsonLdType, readJsonLdDocuments } from './jsonld';
import { extractMeta } from './meta';
import { platformOf } from './platforms';
import type { FactCandidate, PageExtract, PageRole } from './schema';
import { cleanText } from './text';

/** Paths of a company site that present the company itself. */
const PROFILE_PATH =
  /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(?:about(?:-us)?|company|who-we-are|team|impressum|imprint|legal-notice|ueber-uns|uber-uns|unternehmen|kontakt|contact(?:-us)?)?\/?$/i;
const ARTICLE_TYPE = /^(?:NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle)$/;

interface PageClass {
  role: PageRole;
  reason: string;
  /** True when the page belongs to the company's own site (its domain, footer and publisher are the company's). */
  ownSite: boolean;
}

/** Decides what kind of page this is, from its address and structure. */
export function classifyPage(doc: Document, url: URL, jsonLd: unknown[]): PageClass {
  const platform = platformOf(url.hostname);
  const path = url.pathname;
  switch (platform) {
    case 'linkedin':
      return /^\/company\/[^/]+/.test(path)
        ? { role: 'profile', reason: 'LinkedIn company page', ownSite: false }
        : { role: 'negative', reason: 'LinkedIn page that is not a company page', ownSite: false };
    case 'wikipedia': {
      const infobox = cleanText(doc.querySelector('table.infobox')?.textContent, 4000);
      return /\b(?:Industry|Founded|Headquarters)\b/.test(infobox)
        ? { role: 'profile', reason: 'Wikipedia article with a company infobox', ownSite: false }
        : { role: 'negative', reason: 'Wikipedia article that is not about a company', ownSite: false };
    }
    case 'crunchbase':
      return /^\/organization\//.test(path)
        ? { role: 'profile', reason: 'Crunchbase organization page', ownSite: false }
        : { role: 'negative', reason: 'Crunchbase page that is not an organization', ownSite: false };
    case 'directory':
      return { role: 'profile', reason: 'Company profile on a directory site', ownSite: false };
    case undefined:
      break;
    default:
      return {
        role: 'negative',
        reason: `A ${platform} site: its pages are about other companies`,
        ownSite: false,
      };
  }
  if (hasJsonLdType(jsonLd, ARTICLE_TYPE)) {
    return {
      role: 'negative',
      reason: 'News article: its facts are about the companies it covers',
      ownSite: false,
    };
  }
  return PROFILE_PATH.test(path)
    ? { role: 'profile', reason: 'Company website', ownSite: true }
    : { role: 'company-site', reason: 'A page of the company website', ownSite: true };
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
      ...extractJsonLd(jsonLd, url, page.ownSite),
      ...(platformOf(url.hostname) === 'linkedin' ? extractLinkedIn(doc, url) : []),
      ...extractMeta(doc, url, onPlatform),
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
