/**
 * The background's half of a page's extraction: turns the raw inputs a content script gathered (page.ts) into
 * the page's role and its fact candidates with their evidence. Parses the JSON-LD, reads the organization out of
 * JSON-LD, microdata and RDFa, classifies the page and reads its meta tags and title. Pure; runs in the
 * background (and in Node: tests, tools), never in the page.
 */
import { parseJsonLdScripts } from './jsonld';
import { extractMeta } from './meta';
import { readPageInputs } from './page';
import { classifyPage } from './page-role';
import type { Readers } from './readers';
import type { FactCandidate, PageExtract, PageInputs } from './schema';
import { structuredFacts } from './structured-data';
import { cleanText } from './text';
import { ownSiteTextOf } from './text-visible';

/** Most candidates kept per page. */
const MAX_CANDIDATES = 500;

/**
 * The page's extract from the inputs its content script sent: its role, and on a page that shows a company,
 * every candidate the inputs hold. The own-site text stays attached for `completeExtract` (complete.ts).
 */
export function interpretPage(inputs: PageInputs): PageExtract {
  const url = new URL(inputs.url);
  const jsonLd = parseJsonLdScripts(inputs.jsonLd);
  const page = classifyPage(url, jsonLd, inputs.meta, inputs.profile);
  let candidates: FactCandidate[] = [];
  let ownSiteText: PageExtract['ownSiteText'];
  // A page that is no company's own (news, search, a person's article) lends its facts to nobody.
  if (page.role !== 'negative' && inputs.body) {
    const { body } = inputs;
    const structured = structuredFacts(
      { jsonLd, microdata: body.microdata, rdfa: body.rdfa },
      url,
      page.ownSite,
    );
    const meta = extractMeta(inputs.meta, inputs.title, url, !page.ownSite);
    // In the order the merge has always seen them: the adapter's facts before the meta tags' (on a platform, where
    // `profile` is set), the profile links after them (on a company site).
    candidates =
      inputs.profile === undefined
        ? [...structured, ...meta, ...body.candidates]
        : [...structured, ...body.candidates, ...meta];
    if (page.ownSite && body.ownSiteText) ownSiteText = ownSiteTextOf(body.ownSiteText);
  }
  return {
    url: url.href,
    title: cleanText(inputs.title, 300),
    pageRole: page.role,
    pageRoleReason: page.reason,
    candidates: candidates.slice(0, MAX_CANDIDATES),
    ...(ownSiteText ? { ownSiteText } : {}),
    ms: inputs.ms,
  };
}

/**
 * Both halves in one call, for Node (tests, tools): what the background makes of a page read with these readers.
 * @param doc the page's document
 * @param href the page's address
 * @param readers the platform adapter or the own-site readers the page gets (see readers.ts)
 * @param now a millisecond clock, to measure the in-page half
 */
export function extractPage(
  doc: Document,
  href: string,
  readers: Readers,
  now: () => number = () => Date.now(),
): PageExtract {
  return interpretPage(readPageInputs(doc, href, readers, now));
}
