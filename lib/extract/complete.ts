/**
 * Finishes a page's extraction in the background: runs the text readers over the visible text the page sent
 * and folds their candidates in, so what is stored and merged is small and complete.
 */
import type { PageExtract } from './schema';
import { textFactsFrom } from './text-facts';

/** The extract with its own-site text read into candidates (and the text itself dropped). */
export function completeExtract(extract: PageExtract): PageExtract {
  const { ownSiteText, ...rest } = extract;
  if (!ownSiteText || extract.pageRole === 'negative') return rest;
  const textFacts = textFactsFrom(ownSiteText, new URL(extract.url), extract.pageRole);
  return { ...rest, candidates: [...extract.candidates, ...textFacts].slice(0, 500) };
}
