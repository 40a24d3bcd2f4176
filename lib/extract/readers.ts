/**
 * Which readers a page gets. The content scripts are split by site so that the one injected into every page
 * stays small: platform pages (LinkedIn, Wikipedia, Crunchbase, directories) get their site adapter, every
 * other site the readers of a company's own website. Both sides gather the same raw inputs besides (page.ts), and
 * the background reads them the same way.
 */
import type { FactCandidate } from './schema';
import type { PageText } from './text-visible';

/** A site-specific reader for one platform. */
export interface SiteAdapter {
  /** Whether this page of the platform shows one company's profile. */
  isProfile(doc: Document, url: URL): boolean;
  extract(doc: Document, url: URL): FactCandidate[];
}

/** The readers a page is read with. */
export interface Readers {
  /** The platform's adapter, on a platform that has one. */
  adapter?: SiteAdapter;
  /** Readers of the company's own website (its profile links), on any other site. */
  ownSite?: (doc: Document, url: URL) => FactCandidate[];
  /** Collects the company site's visible text for the text readers, which run in the background. */
  ownSiteText?: (doc: Document) => PageText;
}
