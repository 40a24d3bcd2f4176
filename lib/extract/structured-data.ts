/**
 * Every schema.org encoding a page can carry (JSON-LD, microdata, RDFa), read by one organization reader.
 * Each encoding picks its subject on its own and its candidates keep their own `source`, so the merge can
 * weigh them and the rep can see which markup said what. Pure DOM code; runs in the content script.
 */
import { extractOrganization, readJsonLdDocuments } from './jsonld';
import { readMicrodata } from './microdata';
import { readRdfa } from './rdfa';
import type { FactCandidate } from './schema';

/**
 * Reads the organization facts a page states in JSON-LD, microdata and RDFa.
 * @param doc the page's document
 * @param pageUrl the page's address (relative URLs resolve against it; an organization at it is preferred)
 * @param ownSite true on the company's own site, where the page's publisher is the company
 * @param jsonLd the page's JSON-LD documents, when the caller has parsed them already (`readJsonLdDocuments`)
 */
export function extractStructuredData(
  doc: Document,
  pageUrl: URL,
  ownSite: boolean,
  jsonLd: unknown[] = readJsonLdDocuments(doc),
): FactCandidate[] {
  return [
    ...extractOrganization(jsonLd, pageUrl, ownSite, 'jsonld'),
    ...extractOrganization(readMicrodata(doc), pageUrl, ownSite, 'microdata'),
    ...extractOrganization(readRdfa(doc), pageUrl, ownSite, 'rdfa'),
  ];
}
