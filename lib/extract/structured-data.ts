/**
 * Every schema.org encoding a page can carry (JSON-LD, microdata, RDFa), read by one organization reader.
 * Each encoding picks its subject on its own and its candidates keep their own `source`, so the merge can
 * weigh them and the rep can see which markup said what. The content script sends the JSON-LD text and the
 * markup converted into plain trees (page.ts, markup.ts); the organization is read here, in the background.
 */
import { extractOrganization, readJsonLdDocuments } from './jsonld';
import { readMarkup } from './markup';
import type { FactCandidate } from './schema';

/** A page's structured data, as the background has it: parsed JSON-LD documents and converted markup trees. */
export interface StructuredInputs {
  jsonLd: unknown[];
  microdata: unknown[];
  rdfa: unknown[];
}

/**
 * Reads the organization facts the page's JSON-LD, microdata and RDFa state.
 * @param inputs the parsed JSON-LD and the converted markup
 * @param pageUrl the page's address (relative URLs resolve against it; an organization at it is preferred)
 * @param ownSite true on the company's own site, where the page's publisher is the company
 */
export function structuredFacts(inputs: StructuredInputs, pageUrl: URL, ownSite: boolean): FactCandidate[] {
  return [
    ...extractOrganization(inputs.jsonLd, pageUrl, ownSite, 'jsonld'),
    ...extractOrganization(inputs.microdata, pageUrl, ownSite, 'microdata'),
    ...extractOrganization(inputs.rdfa, pageUrl, ownSite, 'rdfa'),
  ];
}

/**
 * Reads the organization facts a document states in JSON-LD, microdata and RDFa, through the same two halves
 * as the extension (the page's conversion, the background's reading): for Node (tests, tools).
 * @param doc the page's document
 * @param pageUrl the page's address
 * @param ownSite true on the company's own site
 * @param jsonLd the page's JSON-LD documents, when the caller has parsed them already (`readJsonLdDocuments`)
 */
export function extractStructuredData(
  doc: Document,
  pageUrl: URL,
  ownSite: boolean,
  jsonLd: unknown[] = readJsonLdDocuments(doc),
): FactCandidate[] {
  // Through JSON, as a message carries it.
  const markup = JSON.parse(JSON.stringify(readMarkup(doc)));
  return structuredFacts({ jsonLd, ...markup }, pageUrl, ownSite);
}
