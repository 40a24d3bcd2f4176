/**
 * How well an ICP separates the accounts a team won from the ones it lost: every imported account tiered by
 * the scorer, then counted per tier, summed into one headline (Tier 1's win rate against the rest, the AUC),
 * and per criterion. Pure; the options page and `npm run -s icp -- calibrate` run this same code.
 */
import type { CriterionStatus, ScoreResult } from '../icp/result-schema';
import type { Criterion, Icp, Tier } from '../icp/schema';
import { nothingKnown, scoreCompany, TIER_RANK } from '../icp/scorer';
import { accountFacts } from './facts';
import type { ImportedAccount, Outcome } from './schema';

/**
 * The tiers as the prospect list files companies: an account whose file shows too little of what the ICP
 * weighs (see `nothingKnown`) is "Not enough known", counted apart from Not a fit (the ICP could not judge it),
 * as in the side panel and the list.
 */
export type CalibrationTier = Tier | 'not_enough_known';

/** The tiers, best first, then the accounts the ICP could not judge. */
export const TIERS: readonly CalibrationTier[] = [
  'tier_1',
  'tier_2',
  'tier_3',
  'not_a_fit',
  'not_enough_known',
];

/**
 * The criteria an import can know (see accountFacts), with whether an account has the field each reads: the
 * other kinds it never shows, however many accounts.
 */
const IMPORTED_KINDS: Partial<Record<Criterion['kind'], (account: ImportedAccount) => boolean>> = {
  industry: (a) => a.industry !== null,
  employees: (a) => a.employees !== null,
  revenue: (a) => a.revenueUsd !== null,
  location: (a) => a.country !== null,
  technologies: (a) => a.technologies.length > 0,
  founded: (a) => a.foundedYear != null,
  companyType: (a) => a.companyType != null,
  domains: (a) => a.domain !== null,
};

/** Won, lost and open accounts of one tier. */
export interface TierStats {
  won: number;
  lost: number;
  open: number;
  /** won / (won + lost); null when the tier has no closed account. */
  winRate: number | null;
  /** Deal value of the tier's accounts (all outcomes), US dollars. */
  dealValue: number;
  /** The tier's share of the deal value of all accounts; null when no account has a deal value. */
  valueShare: number | null;
  /** The tier's share of the deal value won; null when nothing won has a deal value. */
  wonValueShare: number | null;
}

/** How often one criterion matches among won and among lost accounts. */
export interface CriterionStats {
  id: string;
  label: string;
  kind: Criterion['kind'];
  rule: Criterion['rule'];
  /** Won accounts: matches (a partial counts half), and how many showed the criterion's fact. */
  won: { matched: number; known: number; rate: number | null };
  lost: { matched: number; known: number; rate: number | null };
  /**
   * `separates`: matches clearly more among wins (for a disqualifier: hits losses more);
   * `weak`: about as often among both; `misleading`: the wrong way round; `too-few`: under 5 known on a side;
   * `not-imported`: the import shows it for no account (funding stage and keywords never; the others when
   * their column was not chosen or is empty).
   */
  verdict: 'separates' | 'weak' | 'misleading' | 'too-few' | 'not-imported';
}

/** The whole report for one ICP on one set of accounts. */
export interface CalibrationReport {
  accounts: number;
  won: number;
  lost: number;
  open: number;
  tiers: Record<CalibrationTier, TierStats>;
  /**
   * Win rate of Tier 1, of Tiers 2, 3 and Not a fit together (not of the accounts the ICP could not judge), and
   * of all closed accounts.
   */
  headline: { tier1WinRate: number | null; restWinRate: number | null; winRate: number | null };
  /**
   * Area under the ROC curve of the ranking (tier, then score) for won against lost: the chance that a won
   * account ranks above a lost one, ties counted half. 0.5 is a coin toss; null without both outcomes. Over
   * the accounts the ICP could judge: "Not enough known" ones have no place in its order.
   */
  auc: number | null;
  /** Share of accounts with enough data: at least the ICP's `minCoverageForTier1` of its weight known. */
  coverage: number;
  criteria: CriterionStats[];
}

/** Every account's verdict under an ICP (no explanations: thousands of accounts). */
export function scoreAccounts(accounts: readonly ImportedAccount[], icp: Icp): ScoreResult[] {
  return accounts.map((account) => scoreCompany(accountFacts(account), icp, { explain: false }));
}

/**
 * Mann–Whitney AUC: the share of (positive, negative) pairs where the positive scores higher, ties counted
 * half. Null when either side is empty.
 */
export function aucOf(positives: readonly number[], negatives: readonly number[]): number | null {
  if (positives.length === 0 || negatives.length === 0) return null;
  const all = [
    ...positives.map((value) => ({ value, positive: true })),
    ...negatives.map((value) => ({ value, positive: false })),
  ].sort((a, b) => a.value - b.value);
  // Ranks from 1, tied values sharing the average of their ranks.
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (
      j + 1 < all.length &&
      (all[j + 1] as { value: number }).value === (all[i] as { value: number }).value
    )
      j++;
    const averageRank = (i + 1 + j + 1) / 2;
    for (let k = i; k <= j; k++) if ((all[k] as { positive: boolean }).positive) rankSum += averageRank;
    i = j + 1;
  }
  const p = positives.length;
  return (rankSum - (p * (p + 1)) / 2) / (p * negatives.length);
}

const rate = (a: number, b: number): number | null => (a + b > 0 ? a / (a + b) : null);

/** The share of a criterion's credit an account earns, by its status (a disqualifier "matches" when it hits). */
function matchedOf(criterion: Criterion, status: CriterionStatus): number {
  if (criterion.rule === 'disqualifier') return status === 'disqualified' ? 1 : 0;
  return status === 'match' ? 1 : status === 'partial' ? 0.5 : 0;
}

/** Calibrates an ICP on accounts whose verdicts are already computed (`results[i]` is `accounts[i]`'s). */
export function reportOf(
  accounts: readonly ImportedAccount[],
  results: readonly ScoreResult[],
  icp: Icp,
): CalibrationReport {
  const tiers = Object.fromEntries(
    TIERS.map((t) => [
      t,
      {
        won: 0,
        lost: 0,
        open: 0,
        winRate: null,
        dealValue: 0,
        wonValue: 0,
        valueShare: null,
        wonValueShare: null,
      },
    ]),
  ) as Record<CalibrationTier, TierStats & { wonValue: number }>;
  const ranksWon: number[] = [];
  const ranksLost: number[] = [];
  let enough = 0;
  const perCriterion = icp.criteria.map(() => ({
    won: { matched: 0, known: 0 },
    lost: { matched: 0, known: 0 },
  }));
  accounts.forEach((account, i) => {
    const result = results[i] as ScoreResult;
    const unjudged = nothingKnown(result);
    const tier = tiers[unjudged ? 'not_enough_known' : result.tier];
    const outcome: Outcome = account.outcome;
    tier[outcome]++;
    tier.dealValue += account.dealValue ?? 0;
    if (outcome === 'won') tier.wonValue += account.dealValue ?? 0;
    if (result.coverage >= icp.minCoverageForTier1 && result.coverage > 0) enough++;
    if (outcome === 'open') return;
    // The list's order: tier first, then score within the tier.
    if (!unjudged)
      (outcome === 'won' ? ranksWon : ranksLost).push(TIER_RANK[result.tier] * 1000 + result.score);
    result.criteria.forEach((c, k) => {
      if (c.status === 'unknown') return;
      const side = (perCriterion[k] as (typeof perCriterion)[number])[outcome];
      side.known++;
      side.matched += matchedOf(icp.criteria[k] as Criterion, c.status);
    });
  });
  const totalValue = TIERS.reduce((s, t) => s + tiers[t].dealValue, 0);
  const totalWon = TIERS.reduce((s, t) => s + tiers[t].wonValue, 0);
  const out = {} as Record<CalibrationTier, TierStats>;
  for (const t of TIERS) {
    const { wonValue, ...stats } = tiers[t];
    out[t] = {
      ...stats,
      winRate: rate(stats.won, stats.lost),
      valueShare: totalValue > 0 ? stats.dealValue / totalValue : null,
      wonValueShare: totalWon > 0 ? wonValue / totalWon : null,
    };
  }
  const sum = (key: Outcome, which: readonly CalibrationTier[]) => which.reduce((s, t) => s + out[t][key], 0);
  const rest: CalibrationTier[] = ['tier_2', 'tier_3', 'not_a_fit'];
  const won = sum('won', TIERS);
  const lost = sum('lost', TIERS);
  return {
    accounts: accounts.length,
    won,
    lost,
    open: sum('open', TIERS),
    tiers: out,
    headline: {
      tier1WinRate: out.tier_1.winRate,
      restWinRate: rate(sum('won', rest), sum('lost', rest)),
      winRate: rate(won, lost),
    },
    auc: aucOf(ranksWon, ranksLost),
    coverage: accounts.length > 0 ? enough / accounts.length : 0,
    criteria: icp.criteria.map((criterion, k) => {
      const { won: w, lost: l } = perCriterion[k] as (typeof perCriterion)[number];
      const wonRate = w.known > 0 ? w.matched / w.known : null;
      const lostRate = l.known > 0 ? l.matched / l.known : null;
      // Not in the import: a kind no import shows, or one whose column was not chosen (or is empty throughout).
      const shows = IMPORTED_KINDS[criterion.kind];
      let verdict: CriterionStats['verdict'] = shows && accounts.some(shows) ? 'too-few' : 'not-imported';
      if (w.known >= 5 && l.known >= 5 && wonRate !== null && lostRate !== null) {
        // For a disqualifier, hitting losses is what it is for.
        const gap = criterion.rule === 'disqualifier' ? lostRate - wonRate : wonRate - lostRate;
        verdict = gap >= 0.1 ? 'separates' : gap <= -0.05 ? 'misleading' : 'weak';
      }
      return {
        id: criterion.id,
        label: criterion.label,
        kind: criterion.kind,
        rule: criterion.rule,
        won: { ...w, rate: wonRate },
        lost: { ...l, rate: lostRate },
        verdict,
      };
    }),
  };
}

/** Scores the accounts under an ICP and calibrates it. */
export function calibrate(accounts: readonly ImportedAccount[], icp: Icp): CalibrationReport {
  return reportOf(accounts, scoreAccounts(accounts, icp), icp);
}

/** Two ICPs on the same accounts: both reports, and how many accounts change tier between them. */
export interface Comparison {
  a: CalibrationReport;
  b: CalibrationReport;
  movedUp: number;
  movedDown: number;
  /** Accounts that go from Not a fit to Not enough known or back (no move up or down: neither is a tier). */
  movedAcross: number;
}

/** Calibrates two ICP versions side by side (e.g. the one in force and a draft) on the same accounts. */
export function compareIcps(accounts: readonly ImportedAccount[], a: Icp, b: Icp): Comparison {
  return comparisonOf(accounts, scoreAccounts(accounts, a), a, scoreAccounts(accounts, b), b);
}

/** {@link compareIcps} on verdicts already computed (`ra` under `a`, `rb` under `b`). */
export function comparisonOf(
  accounts: readonly ImportedAccount[],
  ra: readonly ScoreResult[],
  a: Icp,
  rb: readonly ScoreResult[],
  b: Icp,
): Comparison {
  let movedUp = 0;
  let movedDown = 0;
  let movedAcross = 0;
  ra.forEach((r, i) => {
    const after = rb[i] as ScoreResult;
    const diff = TIER_RANK[after.tier] - TIER_RANK[r.tier];
    if (diff > 0) movedUp++;
    else if (diff < 0) movedDown++;
    else if (nothingKnown(r) !== nothingKnown(after)) movedAcross++;
  });
  return { a: reportOf(accounts, ra, a), b: reportOf(accounts, rb, b), movedUp, movedDown, movedAcross };
}
