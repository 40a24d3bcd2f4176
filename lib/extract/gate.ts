/**
 * The part of a page's classification that needs no parsing: its address and, on a platform, the site adapter's
 * verdict. The content script uses it to skip reading the body of a page that is certainly nobody's profile;
 * `classifyPage` (page-role.ts, in the background) starts from the same answer. Pure and tiny: it runs in every
 * page.
 */
import { platformOf } from './platforms';

/** Paths of a company site that present the company itself. */
export const PROFILE_PATH =
  /^\/(?:[a-z]{2}(?:[-_][a-z]{2})?\/)?(?:about(?:-us)?|company|who-we-are|team|impressum|imprint|legal-notice|legal|ueber-uns|uber-uns|über-uns|unternehmen|kontakt|contact(?:-us)?|careers|jobs|karriere)?(?:\.html?|\.php)?\/?$/i;

/** A page's role decided from its address alone, and why; undefined when the page's content must decide. */
export interface AddressVerdict {
  negative: boolean;
  reason: string;
}

/**
 * What the address (and the adapter, on a platform that has one) says about a page.
 * @param url the page's address
 * @param profile on a platform with an adapter: whether the adapter sees one company's profile there
 * @returns a profile or negative verdict for platform pages; undefined for any other site's pages
 */
export function platformVerdict(url: URL, profile: boolean | undefined): AddressVerdict | undefined {
  const platform = platformOf(url.hostname);
  // A platform page without its adapter (not expected: the content scripts pair them) shows nobody's profile.
  const shows = profile === true;
  switch (platform) {
    case 'linkedin':
      return shows
        ? { negative: false, reason: 'LinkedIn company page' }
        : { negative: true, reason: 'LinkedIn page that is not a company page' };
    case 'wikipedia':
      return shows
        ? { negative: false, reason: 'Wikipedia article with a company infobox' }
        : { negative: true, reason: 'Wikipedia article that is not about a company' };
    case 'crunchbase':
      return shows
        ? { negative: false, reason: 'Crunchbase organization page' }
        : { negative: true, reason: 'Crunchbase page that is not an organization profile' };
    case 'directory':
      return shows
        ? { negative: false, reason: 'Company profile on a directory site' }
        : { negative: true, reason: 'Directory page that is not one company’s profile' };
    case undefined:
      return undefined;
    default:
      return { negative: true, reason: `A ${platform} site: its pages are about other companies` };
  }
}

/** Whether a company site's page is a search results page, by its address. */
export function isSearchAddress(url: URL): boolean {
  return (
    /\/search\b|[?&](?:q|query|search)=/.test(`${url.pathname}${url.search}`) &&
    !PROFILE_PATH.test(url.pathname)
  );
}

/**
 * Whether the content script should read the page's body (its markup, links, text or adapter facts): not on a
 * page whose address or adapter already makes it nobody's profile. Pages that only their content shows to be
 * nobody's (a news article on an unlisted site, a person's page) are read, and the background drops what
 * they said.
 */
export function mayShowCompany(url: URL, profile: boolean | undefined): boolean {
  const verdict = platformVerdict(url, profile);
  return verdict ? !verdict.negative : !isSearchAddress(url);
}
