/** The readers of a company's own website that run in the page: the profiles it links to, and its text. */
import { extractProfileLinks } from './links';
import type { Readers } from './readers';
import { readOwnSiteText } from './text-visible';

/** What the content script for company websites reads (the text readers themselves run in the background). */
export const OWN_SITE_READERS: Readers = {
  ownSite: (doc, url) => extractProfileLinks(doc, url),
  ownSiteText: readOwnSiteText,
};
