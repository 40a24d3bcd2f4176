/** The readers of a company's own website: its visible text and the profiles it links to. */
import { extractProfileLinks } from './links';
import type { FactCandidate, PageRole } from './schema';
import { extractTextFacts } from './text-facts';

/** Facts from the visible text and links of a page of the company's own site. */
export function readOwnSite(doc: Document, url: URL, role: Exclude<PageRole, 'negative'>): FactCandidate[] {
  return [...extractProfileLinks(doc, url), ...extractTextFacts(doc, url, role)];
}
