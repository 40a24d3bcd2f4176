/**
 * What kind of page this is: a company's profile, another page of the company's own site, or a page that is no
 * company's own (news, press releases, search results, a person's article, a code repository). Only the first
 * two lend their facts to a company; on the last, every fact would belong to someone else.
 */
import { isSearchAddress, PROFILE_PATH, platformVerdict } from './gate';
import { hasJsonLdType } from './jsonld';
import { metaValue } from './meta';
import type { MetaTags } from './meta-keys';
import type { PageRole } from './schema';

/** The page's kind, why, and whether it belongs to the company's own site. */
export interface PageClass {
  role: PageRole;
  reason: string;
  /** True when the page belongs to the company's own site (its domain, footer and publisher are the company's). */
  ownSite: boolean;
}

const NEWS_ARTICLE_TYPE =
  /^(?:NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle)$/;
const NEWS_PUBLISHER_TYPE = /^NewsMediaOrganization$/;
const PERSON_PAGE_TYPE = /^(?:Person|ProfilePage)$/;
const ARTICLE_TYPE = /^(?:Article|BlogPosting|NewsArticle|Report|TechArticle)$/;
/** Words publishers put in their names; a company blog rarely calls itself this. */
const PUBLISHER_WORDS =
  /\b(?:news|times|post|journal|herald|tribune|gazette|daily|magazine|press|reporter|insider|wire|chronicle|observer|zeitung|nachrichten|today)\b/i;

const negative = (reason: string): PageClass => ({ role: 'negative', reason, ownSite: false });

/** Whether the page presents itself as an article (not a homepage or an about page). */
function isArticle(meta: MetaTags, jsonLd: unknown[]): boolean {
  return (
    metaValue(meta, 'og:type').toLowerCase() === 'article' ||
    metaValue(meta, 'article:published_time') !== '' ||
    hasJsonLdType(jsonLd, ARTICLE_TYPE)
  );
}

/**
 * Decides what kind of page this is, from what the content script gathered: its address, its JSON-LD and meta
 * tags, and on a platform the site adapter's verdict.
 * @param url the page's address
 * @param jsonLd the page's parsed JSON-LD documents
 * @param meta the page's meta tags (meta-keys.ts)
 * @param profile on a platform with a site adapter: whether the adapter sees one company's profile
 */
export function classifyPage(url: URL, jsonLd: unknown[], meta: MetaTags, profile?: boolean): PageClass {
  const verdict = platformVerdict(url, profile);
  if (verdict)
    return { role: verdict.negative ? 'negative' : 'profile', reason: verdict.reason, ownSite: false };
  const path = url.pathname;
  if (hasJsonLdType(jsonLd, NEWS_ARTICLE_TYPE))
    return negative('News article: its facts are about the companies it covers');
  if (isSearchAddress(url)) return negative('Search results');
  if (isArticle(meta, jsonLd)) {
    const siteName = `${metaValue(meta, 'og:site_name', 'application-name')} ${url.hostname.replace(/[.-]/g, ' ')}`;
    if (hasJsonLdType(jsonLd, NEWS_PUBLISHER_TYPE) || PUBLISHER_WORDS.test(siteName)) {
      return negative('Article on a news site: its facts are about the companies it covers');
    }
  }
  if (
    hasJsonLdType(jsonLd, PERSON_PAGE_TYPE) &&
    !hasJsonLdType(jsonLd, /Organization|Corporation|LocalBusiness/)
  ) {
    return negative("A person's page");
  }
  return PROFILE_PATH.test(path)
    ? { role: 'profile', reason: 'Company website', ownSite: true }
    : { role: 'company-site', reason: 'A page of the company website', ownSite: true };
}
