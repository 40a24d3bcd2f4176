/** Wording shared by the panel and the options page. */
import {
  type CriterionStatus,
  NOTHING_KNOWN_LABEL,
  nothingKnown,
  type ScoreResult,
  TIER_RANK,
  type Tier,
  tierLabel,
} from '@/lib/icp';

/** Source names as reps read them. */
export const SOURCE_LABEL: Record<string, string> = {
  jsonld: 'structured data',
  microdata: 'structured data',
  rdfa: 'structured data',
  meta: 'meta tags',
  title: 'page title',
  url: 'page address',
  text: 'page text',
  'adapter:linkedin': 'LinkedIn',
  'adapter:wikipedia': 'Wikipedia',
  'adapter:crunchbase': 'Crunchbase',
  'adapter:directory': 'directory profile',
  import: 'imported file',
  techno: "site's code",
};

export { STATUS_LABEL } from '@/lib/db/schema';

/** Status words; a disqualifier that did not hit "passed". */
export function statusLabel(status: CriterionStatus, disqualifier: boolean): string {
  if (disqualifier)
    return status === 'disqualified' ? 'Disqualified' : status === 'unknown' ? 'Unknown' : 'Passed';
  return {
    match: 'Matched',
    partial: 'Partly matched',
    miss: 'Missed',
    unknown: 'Unknown',
    disqualified: 'Disqualified',
  }[status];
}

/**
 * A one-character status mark (decorative; the word is always shown to screen readers). Text symbols that
 * common fonts carry: an emoji (⛔) shows as an empty box where no emoji font is installed (many Linux desktops).
 */
export function statusMark(status: CriterionStatus): string {
  return { match: '✓', partial: '◐', miss: '✗', unknown: '?', disqualified: '⊘' }[status];
}

/** "Tier 1", "Not a fit". */
export const tierName: (tier: Tier) => string = tierLabel;

/** A tier the prospect list files under (see `ListTier`): "Tier 1" … "Not a fit", "Not enough known". */
export function listTierName(tier: Tier | 'not_enough_known'): string {
  return tier === 'not_enough_known' ? NOTHING_KNOWN_LABEL : tierName(tier);
}

/** The class that colours a verdict: its tier's (`tier-tier_2`), or the neutral `tier-unknown` where it rests on nothing. */
export function verdictClass(result: Parameters<typeof nothingKnown>[0]): string {
  return nothingKnown(result) ? 'tier-unknown' : `tier-${result.tier}`;
}

/** The verdict's name: its tier's ("Tier 2"), or "Not enough known" where it rests on nothing. */
export function verdictName(result: Parameters<typeof nothingKnown>[0]): string {
  return nothingKnown(result) ? NOTHING_KNOWN_LABEL : tierName(result.tier);
}

/**
 * What to say where a saved verdict is not what the saved facts give now: scored under another ICP (the list's
 * re-score has not reached the company yet), or under the same one by an older ICP Lens. Null when they agree.
 */
export function verdictNote(
  saved: { result: Parameters<typeof nothingKnown>[0]; icpName: string; icpVersion: number },
  now: Parameters<typeof nothingKnown>[0],
  icp: { name: string; version: number },
): string | null {
  const sameIcp = saved.icpName === icp.name && saved.icpVersion === icp.version;
  const before = verdictName(saved.result);
  const after = verdictName(now);
  if (sameIcp)
    return before === after
      ? null
      : `The list shows ${before}, as scored when the company was saved; read again now, it is ${after}.`;
  return `The list shows ${before} from ${saved.icpName} v${saved.icpVersion}; under ${icp.name} v${icp.version}, in force now, it is ${after}. The list catches up when its re-score reaches this company.`;
}

/** Where a rep can usually find what a page did not say, by criterion kind. */
export const WHERE_TO_FIND: Record<string, string> = {
  industry: "The company's LinkedIn page states its industry.",
  employees: "The company's LinkedIn page shows its size band.",
  revenue: 'Wikipedia (for larger companies) or Crunchbase often state revenue.',
  founded: "The company's LinkedIn, Crunchbase or about page usually says when it was founded.",
  location: "The company's imprint, contact page or LinkedIn page names its headquarters.",
  technologies: "Open the company's own website: its technology is detected there.",
  keywords: "The company's LinkedIn page lists its specialties.",
  companyType: "The company's LinkedIn or Wikipedia page states its type.",
  fundingStage: "The company's Crunchbase page shows its last funding round.",
  domains: "The company's website address is on its LinkedIn page.",
};

/**
 * A moment as a footer says it: "at 14:05" today, "on 21 Nov, 14:05" another day (a check three days old must
 * not look like this afternoon's).
 */
export function shortWhen(ms: number, now = Date.now()): string {
  const at = new Date(ms);
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (at.toDateString() === new Date(now).toDateString()) return `at ${time}`;
  return `on ${at.toLocaleDateString([], { day: 'numeric', month: 'short' })}, ${time}`;
}

/** "a", "a or b", "a, b or c". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/**
 * What would raise the tier, one clause per tier it would reach, highest first: "Would be Tier 2 if “A”
 * matched or “B” or “C” turns out to match; Tier 3 if …" rather than a tier named once per criterion.
 */
export function upgradesText(upgrades: ScoreResult['upgrades']): string {
  const byTier = new Map<Tier, { missed: string[]; unknown: string[] }>();
  for (const u of upgrades) {
    const group = byTier.get(u.tier) ?? { missed: [], unknown: [] };
    (u.status === 'unknown' ? group.unknown : group.missed).push(`“${u.label}”`);
    byTier.set(u.tier, group);
  }
  const clauses = [...byTier]
    .sort(([a], [b]) => TIER_RANK[b] - TIER_RANK[a])
    .slice(0, 3)
    .map(([tier, { missed, unknown }]) => {
      const parts = [
        ...(missed.length > 0 ? [`${orList(missed)} matched`] : []),
        ...(unknown.length > 0 ? [`${orList(unknown)} turns out to match`] : []),
      ];
      return `${tierName(tier)} if ${parts.join(' or ')}`;
    });
  return clauses.length > 0 ? `Would be ${clauses.join('; ')}.` : '';
}
