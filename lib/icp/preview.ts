/** The editor's live preview: how a draft ICP would tier a set of companies, compared with the ICP in force. */
import type { CompanyFacts } from '../extract/schema';
import type { Icp, Tier } from './schema';
import { nothingKnown, scoreCompany } from './scorer';

/**
 * A company's verdict as the panel and the list name it: its tier, or `not_enough_known` where too little of
 * the profile is known to judge it (a "Not a fit" that says the page shows too little, not that it does not fit).
 */
export type PreviewTier = Tier | 'not_enough_known';

/** One company's tier before and after. */
export interface PreviewRow {
  name: string;
  before: PreviewTier;
  after: PreviewTier;
  scoreBefore: number;
  scoreAfter: number;
}

/** Counts per tier under both ICPs, and every company whose tier changes. */
export interface Preview {
  counts: Record<PreviewTier, { before: number; after: number }>;
  moved: PreviewRow[];
  rows: PreviewRow[];
}

/** The preview's tiers in the order it shows them (the prospect list's). */
export const PREVIEW_TIERS: readonly PreviewTier[] = [
  'tier_1',
  'tier_2',
  'tier_3',
  'not_a_fit',
  'not_enough_known',
];

const verdictOf = (result: ReturnType<typeof scoreCompany>): PreviewTier =>
  nothingKnown(result) ? 'not_enough_known' : result.tier;

/** Tiers every company under the current and the draft ICP. */
export function previewIcp(
  current: Icp,
  draft: Icp,
  companies: ReadonlyArray<{ name: string; facts: CompanyFacts }>,
): Preview {
  const counts = Object.fromEntries(
    PREVIEW_TIERS.map((t) => [t, { before: 0, after: 0 }]),
  ) as Preview['counts'];
  const rows = companies.map(({ name, facts }) => {
    const before = scoreCompany(facts, current, { explain: false });
    const after = scoreCompany(facts, draft, { explain: false });
    const row = {
      name,
      before: verdictOf(before),
      after: verdictOf(after),
      scoreBefore: before.score,
      scoreAfter: after.score,
    };
    counts[row.before].before++;
    counts[row.after].after++;
    return row;
  });
  return { counts, rows, moved: rows.filter((r) => r.before !== r.after) };
}
