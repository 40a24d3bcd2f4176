/**
 * Bringing a saved company's facts up to date with a page's. Kept apart from merge.ts, whose readers (the
 * public-suffix list, the country names) the prospect list's pages need not load.
 */
import type { CompanyFacts } from './schema';

/** Facts computed from another (see `deriveFacts` in merge.ts): each goes with the fact it comes from. */
export const DERIVED_FROM = {
  industryId: 'industry',
  revenueUsd: 'revenue',
  fundingTotalUsd: 'fundingTotal',
} as const;
/** The parts of one headquarters address: a page showing any of them replaces them all. */
export const HQ_PARTS = ['hqCity', 'hqRegion', 'hqCountry'] as const;

/** The facts a company record shows (derived ones go with their source): what `updateFacts` can keep. */
export function shownFactCount(facts: CompanyFacts): number {
  return Object.keys(facts).filter((key) => !(key in DERIVED_FROM)).length;
}

/**
 * A saved company's facts brought up to date with a page's: each fact the page shows replaces the saved one,
 * and what the page does not show is kept, so that a thin page (a blog post, once the richer pages were
 * forgotten) does not erase what an earlier one showed. A derived fact goes with the fact it comes from, and
 * the headquarters' city, region and country go together.
 */
export function updateFacts(saved: CompanyFacts, page: CompanyFacts): CompanyFacts {
  const out: Record<string, unknown> = { ...saved };
  for (const [derived, from] of Object.entries(DERIVED_FROM)) if (page[from]) delete out[derived];
  // "Lisbon" from the page and the saved "Bavaria, DE" would make an address nowhere.
  if (HQ_PARTS.some((part) => page[part])) for (const part of HQ_PARTS) delete out[part];
  for (const [key, fact] of Object.entries(page)) if (fact !== undefined) out[key] = fact;
  return out as CompanyFacts;
}
