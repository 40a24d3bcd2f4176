/**
 * What kind of page this is: a company's profile, another page of the company's own site, or a page that is no
 * company's own (news, press releases, search results, a person's article, a code repository). Only the first
 * two lend their facts to a company; on the last, every fact would belong to someone else.
 */
import { hasJsonLdType } from './jsonld';
import { metaContent } from './meta';
import { platformOf } from './platforms';
import type { SiteAdapter } from './readers';
import type { PageRole } from './schema';

/** The page's kind, why, and whether it belongs to the company's own site. */
export interface PageClass {
  role: PageRole;
  reason: string;
  /** True when the page belongs to the company's own site (its domain, footer and publisher are the company's). */
  ownSite: boolean;
}

/** Paths of a company site that present the company itself. */
const PROFILE_PATH =
  /^\/(?:[a-z]{2}(?:[-_][a-z]{2})?\/)?(?:about(?:-us)?|company|who-we-are|team|impressum|imprint|legal-notice|legal|ueber-uns|uber-uns|über-uns|unternehmen|kontakt|contact(?:-us)?|careers|jobs|karriere)?(?:\.html?|\.php)?\/?$/i;
const NEWS_ARTICLE_TYPE =
  /^(?:NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle)$/;
const NEWS_PUBLISHER_TYPE = /^NewsMediaOrganization$/;
const PERSON_PAGE_TYPE = /^(?:Person|ProfilePage)$/;
const ARTICLE_TYPE = /^(?:Article|BlogPosting|NewsArticle|Report|TechArticle)$/;
/** Words publishers put in their names; a company blog rarely calls itself this. */
const PUBLISHER_WORDS =
  /\b(?:news|times|post|journal|herald|tribune|gazette|daily|magazine|press|reporter|insider|wire|chronicle|observer|zeitung|nachrichten|today)\b/i;

const negative = (reason: string): PageClass => ({ role: 'negative', reason, ownSite: false });
const profile = (reason: string): PageClass => ({ role: 'profile', reason, ownSite: false });

/** Whether the page presents itself as an article (not a homepage or an about page). */
function isArticle(doc: Document, jsonLd: unknown[]): boolean {
  return (
    metaContent(doc, 'og:type').toLowerCase() === 'article' ||
    metaContent(doc, 'article:published_time') !== '' ||
    hasJsonLdType(jsonLd, ARTICLE_TYPE)
  );
}

/** Decides what kind of page this is, from its address and structure. */
export function classifyPage(doc: Document, url: URL, jsonLd: unknown[], adapter?: SiteAdapter): PageClass {
  // A platform page without its adapter (not expected: the content scripts pair them) shows nobody's profile.
  const showsProfile = () => adapter?.isProfile(doc, url) ?? false;
  const platform = platformOf(url.hostname);
  const path = url.pathname;
  switch (platform) {
    case 'linkedin':
      return showsProfile()
        ? profile('LinkedIn company page')
        : negative('LinkedIn page that is not a company page');
    case 'wikipedia':
      return showsProfile()
        ? profile('Wikipedia article with a company infobox')
        : negative('Wikipedia article that is not about a company');
    case 'crunchbase':
      return showsProfile()
        ? profile('Crunchbase organization page')
        : negative('Crunchbase page that is not an organization profile');
    case 'directory':
      return showsProfile()
        ? profile('Company profile on a directory site')
        : negative('Directory page that is not one company’s profile');
    case undefined:
      break;
    default:
      return negative(`A ${platform} site: its pages are about other companies`);
  }
  if (hasJsonLdType(jsonLd, NEWS_ARTICLE_TYPE))
    return negative('News article: its facts are about the companies it covers');
  if (/\/search\b|[?&](?:q|query|search)=/.test(`${path}${url.search}`) && !PROFILE_PATH.test(path)) {
    return negative('Search results');
  }
  if (isArticle(doc, jsonLd)) {
    const siteName = `${metaContent(doc, 'og:site_name', 'application-name')} ${url.hostname.replace(/[.-]/g, ' ')}`;
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
