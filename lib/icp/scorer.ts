/**
 * The scorer: company facts + ICP in, an explained verdict out. Pure and deterministic; the extension, the
 * command line and the tests all run this same code.
 *
 * Arithmetic: each scoring criterion earns `credit × weight` (credit 1 for a match, a band's credit for a
 * partial, 0 for a miss). The score is the earned weight over the weight in play: the known criteria's weight
 * under the `ignore` policy, all of it under `miss`. Contributions are that share in points, rounded to tenths so
 * that they add up exactly to the (rounded) score.
 */
import type { CompanyFacts, Range } from '../extract/schema';
import { classifyIndustry, industryById } from './industries';
import { countryName, REGION_OPTIONS, regionCountries } from './regions';
import type { CriterionResult, CriterionStatus, Evidence, ScoreResult } from './result-schema';
import type { Band, Criterion, Icp, Tier } from './schema';

interface Judgement {
  /** 0..1, or null when the page does not show the field. */
  credit: number | null;
  detail: string;
  evidence: Evidence | null;
}

type FactKey = keyof CompanyFacts;

function evidenceOf(facts: CompanyFacts, field: FactKey, value: string): Evidence | null {
  const fact = facts[field];
  return fact ? { field, value, source: fact.source, snippet: fact.snippet } : null;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** A range as people read it ("51–200 employees", "2000 or later" for years). */
export function describeRange(range: Range | Band, unit = ''): string {
  if (unit === 'year') {
    if (range.min !== null && range.max === null) return `${range.min} or later`;
    if (range.min === null && range.max !== null) return `${range.max} or earlier`;
    if (range.min !== null && range.max !== null)
      return range.min === range.max ? `${range.min}` : `${range.min}–${range.max}`;
  }
  const u = unit ? ` ${unit}` : '';
  if (range.min === null && range.max === null) return 'any';
  if (range.min === null) return `up to ${fmt(range.max as number)}${u}`;
  if (range.max === null) return `${fmt(range.min)}+${u}`;
  if (range.min === range.max) return `${fmt(range.min)}${u}`;
  return `${fmt(range.min)}–${fmt(range.max)}${u}`;
}

function inside(fact: Range, band: Band): boolean {
  const lo = band.min ?? Number.NEGATIVE_INFINITY;
  const hi = band.max ?? Number.POSITIVE_INFINITY;
  return fact.min >= lo && (fact.max ?? Number.POSITIVE_INFINITY) <= hi;
}

function overlaps(fact: Range, band: Band): boolean {
  const lo = band.min ?? Number.NEGATIVE_INFINITY;
  const hi = band.max ?? Number.POSITIVE_INFINITY;
  return fact.min <= hi && (fact.max ?? Number.POSITIVE_INFINITY) >= lo;
}

/** Range criteria: inside the ideal band is a match; inside an acceptable band, or straddling the ideal, a partial. */
function judgeRange(
  criterion: Extract<Criterion, { kind: 'employees' | 'revenue' | 'founded' }>,
  facts: CompanyFacts,
): Judgement {
  const field: FactKey =
    criterion.kind === 'employees'
      ? 'employees'
      : criterion.kind === 'revenue'
        ? 'revenueUsd'
        : 'foundedYear';
  const unit = criterion.kind === 'employees' ? 'employees' : criterion.kind === 'revenue' ? 'USD' : 'year';
  let range: Range | undefined;
  if (criterion.kind === 'founded') {
    const year = facts.foundedYear?.value;
    range = year === undefined ? undefined : { min: year, max: year };
  } else {
    range = (criterion.kind === 'employees' ? facts.employees : facts.revenueUsd)?.value;
  }
  if (!range)
    return {
      credit: null,
      detail: `${criterion.kind === 'founded' ? 'Founding year' : criterion.kind === 'employees' ? 'Company size' : 'Revenue'} not stated on this page`,
      evidence: null,
    };
  const shown = criterion.kind === 'founded' ? `founded ${range.min}` : describeRange(range, unit);
  const evidence = evidenceOf(facts, field, shown);
  const ideal = describeRange(criterion.ideal, unit);
  if (inside(range, criterion.ideal))
    return { credit: 1, detail: `${shown}: within the ideal ${ideal}`, evidence };
  let best: { credit: number; why: string } | undefined;
  for (const band of criterion.acceptable) {
    if (inside(range, band) && (!best || band.credit > best.credit)) {
      best = { credit: band.credit, why: `within the acceptable ${describeRange(band, unit)}` };
    }
  }
  if (!best && overlaps(range, criterion.ideal))
    best = { credit: 0.5, why: `partly within the ideal ${ideal}` };
  if (best && best.credit > 0) return { credit: best.credit, detail: `${shown}: ${best.why}`, evidence };
  return { credit: 0, detail: `${shown}: outside ${ideal}`, evidence };
}

function lower(list: readonly string[]): Set<string> {
  return new Set(list.map((x) => x.toLowerCase()));
}

function judge(criterion: Criterion, facts: CompanyFacts): Judgement {
  switch (criterion.kind) {
    case 'industry': {
      const text = facts.industry?.value;
      if (!text) return { credit: null, detail: 'Industry not stated on this page', evidence: null };
      const evidence = evidenceOf(facts, 'industry', text);
      const normalised = classifyIndustry(text);
      const wording = criterion.wording.find((w) => text.toLowerCase().includes(w.toLowerCase()));
      if (normalised && criterion.industries.includes(normalised.id)) {
        return { credit: 1, detail: `"${text}" is ${normalised.label}`, evidence };
      }
      if (wording) return { credit: 1, detail: `"${text}" mentions "${wording}"`, evidence };
      const wanted = criterion.industries
        .map((id) => industryById(id)?.label ?? id)
        .concat(criterion.wording);
      return {
        credit: 0,
        detail: `"${text}"${normalised ? ` (${normalised.label})` : ''} is not ${wanted.slice(0, 4).join(', ')}${wanted.length > 4 ? '…' : ''}`,
        evidence,
      };
    }
    case 'employees':
    case 'revenue':
    case 'founded':
      return judgeRange(criterion, facts);
    case 'location': {
      const country = facts.hqCountry?.value;
      if (!country)
        return { credit: null, detail: 'Headquarters country not stated on this page', evidence: null };
      const evidence = evidenceOf(facts, 'hqCountry', country);
      const region = criterion.regions.find((r) => regionCountries(r).includes(country));
      if (criterion.countries.includes(country) || region) {
        const label = REGION_OPTIONS.find((o) => o.id === region)?.label;
        return {
          credit: 1,
          detail: `Headquartered in ${countryName(country)}${label ? ` (${label})` : ''}`,
          evidence,
        };
      }
      return {
        credit: 0,
        detail: `Headquartered in ${countryName(country)}, outside the target locations`,
        evidence,
      };
    }
    case 'technologies': {
      const used = facts.technologies?.value;
      if (!used) return { credit: null, detail: 'Technologies not detected on this page', evidence: null };
      const have = lower(used);
      const hits = criterion.technologies.filter((t) => have.has(t.toLowerCase()));
      const evidence = evidenceOf(facts, 'technologies', used.join(', ') || 'none detected');
      if (criterion.match === 'none') {
        return hits.length === 0
          ? { credit: 1, detail: `None of ${criterion.technologies.join(', ')} detected`, evidence }
          : { credit: 0, detail: `Uses ${hits.join(', ')}`, evidence };
      }
      if (criterion.match === 'all') {
        const credit = hits.length / criterion.technologies.length;
        return {
          credit,
          detail: hits.length
            ? `Uses ${hits.join(', ')} of ${criterion.technologies.join(', ')}`
            : `Uses none of ${criterion.technologies.join(', ')}`,
          evidence,
        };
      }
      return hits.length > 0
        ? { credit: 1, detail: `Uses ${hits.join(', ')}`, evidence }
        : { credit: 0, detail: `None of ${criterion.technologies.join(', ')} detected`, evidence };
    }
    case 'keywords': {
      const description = facts.description?.value ?? '';
      const keywords = facts.keywords?.value ?? [];
      if (!description && keywords.length === 0)
        return { credit: null, detail: 'No description or specialties on this page', evidence: null };
      const haystack = `${description} ${keywords.join(' ')}`.toLowerCase();
      const hits = criterion.keywords.filter((k) => haystack.includes(k.toLowerCase()));
      const field: FactKey = keywords.some((k) => hits.some((h) => k.toLowerCase().includes(h.toLowerCase())))
        ? 'keywords'
        : 'description';
      const evidence =
        hits.length > 0
          ? evidenceOf(facts, field, hits.join(', '))
          : evidenceOf(facts, description ? 'description' : 'keywords', 'no keyword found');
      return hits.length > 0
        ? { credit: 1, detail: `Mentions ${hits.map((h) => `"${h}"`).join(', ')}`, evidence }
        : { credit: 0, detail: `Mentions none of ${criterion.keywords.slice(0, 5).join(', ')}`, evidence };
    }
    case 'companyType': {
      const type = facts.companyType?.value;
      if (!type) return { credit: null, detail: 'Company type not stated on this page', evidence: null };
      const evidence = evidenceOf(facts, 'companyType', type);
      return (criterion.types as string[]).includes(type)
        ? { credit: 1, detail: `A ${type} organization`, evidence }
        : { credit: 0, detail: `A ${type} organization, not ${criterion.types.join(' or ')}`, evidence };
    }
    case 'fundingStage': {
      const stage = facts.fundingStage?.value;
      if (!stage) return { credit: null, detail: 'Funding stage not stated on this page', evidence: null };
      const evidence = evidenceOf(facts, 'fundingStage', stage);
      return (criterion.stages as string[]).includes(stage)
        ? { credit: 1, detail: `Funding stage ${stage}`, evidence }
        : { credit: 0, detail: `Funding stage ${stage}, not ${criterion.stages.join(', ')}`, evidence };
    }
    case 'domains': {
      const domain = facts.domain?.value;
      if (!domain) return { credit: null, detail: 'Company domain unknown', evidence: null };
      const evidence = evidenceOf(facts, 'domain', domain);
      return lower(criterion.domains).has(domain.toLowerCase())
        ? { credit: 1, detail: `${domain} is on the list`, evidence }
        : { credit: 0, detail: `${domain} is not on the list`, evidence };
    }
  }
}

/** Rounds shares to tenths so that they add up exactly to the rounded total (largest remainder). */
function apportion(shares: number[], total: number): number[] {
  const target = Math.round(total * 10);
  const floors = shares.map((s) => Math.floor(s * 10 + 1e-9));
  let left = target - floors.reduce((a, b) => a + b, 0);
  const order = shares
    .map((s, i) => ({ i, rem: s * 10 - (floors[i] ?? 0) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors.map((f) => f / 10);
}

const TIER_RANK: Record<Tier, number> = { tier_1: 3, tier_2: 2, tier_3: 1, not_a_fit: 0 };
const TIER_LABEL: Record<Tier, string> = {
  tier_1: 'Tier 1',
  tier_2: 'Tier 2',
  tier_3: 'Tier 3',
  not_a_fit: 'Not a fit',
};

/** "Tier 1", "Not a fit". */
export function tierLabel(tier: Tier): string {
  return TIER_LABEL[tier];
}

function capTier(tier: Tier, cap: Tier): Tier {
  return TIER_RANK[tier] > TIER_RANK[cap] ? cap : tier;
}

function listLabels(labels: string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

type Judged = Judgement & { criterion: Criterion };

function statusOf(criterion: Criterion, credit: number | null): CriterionStatus {
  if (criterion.rule === 'disqualifier')
    return credit === null ? 'unknown' : credit >= 1 ? 'disqualified' : 'match';
  return credit === null ? 'unknown' : credit >= 1 ? 'match' : credit > 0 ? 'partial' : 'miss';
}

/** Score, coverage and tier (with the reasons it was capped) of judged criteria. */
function settle(judged: Judged[], icp: Icp) {
  const scoring = judged.filter((j) => j.criterion.rule !== 'disqualifier');
  const totalWeight = scoring.reduce((sum, j) => sum + j.criterion.weight, 0);
  const knownWeight = scoring.reduce((sum, j) => sum + (j.credit === null ? 0 : j.criterion.weight), 0);
  const inPlay = icp.unknownPolicy === 'miss' ? totalWeight : knownWeight;
  const earned = scoring.reduce((sum, j) => sum + (j.credit ?? 0) * j.criterion.weight, 0);
  const score = Math.round((inPlay > 0 ? (100 * earned) / inPlay : 0) * 10) / 10;
  const coverage = totalWeight > 0 ? knownWeight / totalWeight : 0;
  const labelsWhere = (test: (j: Judged, status: CriterionStatus) => boolean) =>
    judged.filter((j) => test(j, statusOf(j.criterion, j.credit))).map((j) => j.criterion.label);

  let tier: Tier =
    score >= icp.tiers.tier1
      ? 'tier_1'
      : score >= icp.tiers.tier2
        ? 'tier_2'
        : score >= icp.tiers.tier3
          ? 'tier_3'
          : 'not_a_fit';
  const caps: string[] = [];
  if (knownWeight === 0) {
    tier = 'not_a_fit';
    caps.push('Nothing the ICP asks about is shown on this page');
  }
  const disqualifiers = labelsWhere((_, status) => status === 'disqualified');
  if (disqualifiers.length > 0) {
    tier = 'not_a_fit';
    caps.push(`Disqualified: ${listLabels(disqualifiers)}`);
  }
  const failedMustHaves = labelsWhere(
    (j, status) =>
      j.criterion.rule === 'must-have' &&
      (status === 'miss' || (status === 'unknown' && icp.unknownPolicy === 'miss')),
  );
  if (failedMustHaves.length > 0 && TIER_RANK[tier] > TIER_RANK[icp.mustHaveFailTier]) {
    tier = capTier(tier, icp.mustHaveFailTier);
    caps.push(`Must-have not met: ${listLabels(failedMustHaves)}`);
  }
  const unknownMustHaves = labelsWhere(
    (j, status) => j.criterion.rule === 'must-have' && status === 'unknown',
  );
  if (tier === 'tier_1' && unknownMustHaves.length > 0) {
    tier = 'tier_2';
    caps.push(`Tier 1 needs must-haves confirmed: ${listLabels(unknownMustHaves)} unknown`);
  }
  if (tier === 'tier_1' && coverage < icp.minCoverageForTier1) {
    tier = 'tier_2';
    caps.push(
      `Tier 1 needs ${Math.round(icp.minCoverageForTier1 * 100)}% of the profile known; this page shows ${Math.round(coverage * 100)}%`,
    );
  }
  return { scoring, inPlay, score, coverage, tier, caps };
}

/** Scores a company's facts against an ICP and explains every criterion. */
export function scoreCompany(facts: CompanyFacts, icp: Icp): ScoreResult {
  const judged: Judged[] = icp.criteria.map((criterion) => ({ criterion, ...judge(criterion, facts) }));
  const { scoring, inPlay, score, coverage, tier, caps } = settle(judged, icp);

  const shares = scoring.map((j) => (inPlay > 0 ? (100 * (j.credit ?? 0) * j.criterion.weight) / inPlay : 0));
  const contributions = apportion(shares, score);
  const contributionOf = new Map(scoring.map((j, i) => [j.criterion.id, contributions[i] ?? 0]));

  const criteria: CriterionResult[] = judged.map(({ criterion, credit, detail, evidence }) => {
    const counts = criterion.rule !== 'disqualifier' && (credit !== null || icp.unknownPolicy === 'miss');
    return {
      id: criterion.id,
      label: criterion.label,
      kind: criterion.kind,
      rule: criterion.rule,
      status: statusOf(criterion, credit),
      contribution: contributionOf.get(criterion.id) ?? 0,
      possible: counts && inPlay > 0 ? Math.round((1000 * criterion.weight) / inPlay) / 10 : 0,
      detail,
      evidence,
    };
  });

  // What would change the tier: each criterion not fully met, had it matched, on its own.
  const upgrades: ScoreResult['upgrades'] = [];
  if (tier !== 'tier_1') {
    judged.forEach((j, i) => {
      if (j.criterion.rule === 'disqualifier' || j.credit === 1 || j.criterion.weight === 0) return;
      const better = settle(
        judged.map((other, k) => (k === i ? { ...other, credit: 1 } : other)),
        icp,
      ).tier;
      if (TIER_RANK[better] > TIER_RANK[tier]) {
        upgrades.push({
          id: j.criterion.id,
          label: j.criterion.label,
          status: statusOf(j.criterion, j.credit),
          tier: better,
        });
      }
    });
  }

  const matched = criteria
    .filter((c) => c.rule !== 'disqualifier' && (c.status === 'match' || c.status === 'partial'))
    .map((c) => c.label);
  const missed = criteria.filter((c) => c.rule !== 'disqualifier' && c.status === 'miss').map((c) => c.label);
  const unknown = criteria.filter((c) => c.status === 'unknown').map((c) => c.label);
  const parts: string[] = [];
  if (caps.length > 0) parts.push(`${caps.join('. ')}.`);
  if (matched.length > 0) parts.push(`Fits ${listLabels(matched)}.`);
  if (missed.length > 0) parts.push(`Misses ${listLabels(missed)}.`);
  if (unknown.length > 0) parts.push(`Unknown: ${listLabels(unknown)}.`);
  return {
    score,
    tier,
    coverage: Math.round(coverage * 1000) / 1000,
    criteria,
    summary: parts.join(' '),
    caps,
    upgrades,
  };
}
