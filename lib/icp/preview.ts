/** The editor's live preview: how a draft ICP would tier a set of companies, compared with the ICP in force. */
import type { CompanyFacts } from '../extract/schema';
import type { Icp, Tier } from './schema';
import { scoreCompany } from './scorer';

/** One company's tier before and after. */
export interface PreviewRow {
  name: string;
  before: Tier;
  after: Tier;
  scoreBefore: number;
  scoreAfter: number;
}

/** Counts per tier under both ICPs, and every company whose tier changes. */
export interface Preview {
  counts: Record<Tier, { before: number; after: number }>;
  moved: PreviewRow[];
  rows: PreviewRow[];
}

const ORDER: Tier[] = ['tier_1', 'tier_2', 'tier_3', 'not_a_fit'];

/** Tiers every company under the current and the draft ICP. */
export function previewIcp(
  current: Icp,
  draft: Icp,
  companies: ReadonlyArray<{ name: string; facts: CompanyFacts }>,
): Preview {
  const counts = Object.fromEntries(ORDER.map((t) => [t, { before: 0, after: 0 }])) as Preview['counts'];
  const rows = companies.map(({ name, facts }) => {
    const before = scoreCompany(facts, current, { explain: false });
    const after = scoreCompany(facts, draft, { explain: false });
    counts[before.tier].before++;
    counts[after.tier].after++;
    return {
      name,
      before: before.tier,
      after: after.tier,
      scoreBefore: before.score,
      scoreAfter: after.score,
    };
  });
  return { counts, rows, moved: rows.filter((r) => r.before !== r.after) };
}
