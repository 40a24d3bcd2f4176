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
import { technologyKey } from '../techno/aliases';
import { classifyIndustry, industryById } from './industries';
import { countryName, REGION_OPTIONS, regionCountries } from './regions';
import type { CriterionResult, CriterionStatus, Evidence, ScoreResult } from './result-schema';
import {
  type Band,
  COMPANY_TYPE_LABEL,
  type Criterion,
  FUNDING_STAGE_LABEL,
  type Icp,
  type Tier,
} from './schema';

interface Judgement {
  /** 0..1, or null when the page does not show the field. */
  credit: number | null;
  /** What the page shows and how it compares; written on demand. */
  explain(): { detail: string; evidence: Evidence | null };
}

type FactKey = keyof CompanyFacts;

function evidenceOf(facts: CompanyFacts, field: FactKey, value: string): Evidence | null {
  const fact = facts[field];
  return fact ? { field, value, source: fact.source, snippet: fact.snippet } : null;
}

/** 1234567 → "1,234,567" (Intl's formatter is far slower, and the scorer runs over whole prospect lists). */
const fmt = (n: number) => {
  const [whole = '', fraction] = String(Math.round(n * 100) / 100).split('.');
  let grouped = whole;
  for (let i = whole.length - 3; i > (whole[0] === '-' ? 1 : 0); i -= 3)
    grouped = `${grouped.slice(0, i)},${grouped.slice(i)}`;
  return fraction ? `${grouped}.${fraction}` : grouped;
};

/**
 * Dollars as people read them: 20000000 → "$20M", 1406850000 → "$1.4B" (one decimal at most; written out by
 * hand, as `fmt` is, for the scorer's speed).
 */
const dollars = (n: number) => {
  const [size, letter] =
    Math.abs(n) >= 1e12
      ? [1e12, 'T']
      : Math.abs(n) >= 1e9
        ? [1e9, 'B']
        : Math.abs(n) >= 1e6
          ? [1e6, 'M']
          : Math.abs(n) >= 1e3
            ? [1e3, 'K']
            : [1, ''];
  return `$${fmt(Math.round((n / size) * 10) / 10)}${letter}`;
};

/** A range as people read it ("51–200 employees", "$20M–$500M", "2000 or later" for years). */
export function describeRange(range: Range | Band, unit = ''): string {
  if (unit === 'year') {
    if (range.min !== null && range.max === null) return `${range.min} or later`;
    if (range.min === null && range.max !== null) return `${range.max} or earlier`;
    if (range.min !== null && range.max !== null)
      return range.min === range.max ? `${range.min}` : `${range.min}–${range.max}`;
  }
  // Dollars carry their sign instead of a unit.
  const u = unit && unit !== 'USD' ? ` ${unit}` : '';
  const f = unit === 'USD' ? dollars : fmt;
  if (range.min === null && range.max === null) return 'any';
  if (range.min === null) return `up to ${f(range.max as number)}${u}`;
  if (range.max === null) return `${f(range.min)}+${u}`;
  if (range.min === range.max) return `${f(range.min)}${u}`;
  return `${f(range.min)}–${f(range.max)}${u}`;
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

/** A judgement whose explanation is only written when someone reads it (bulk re-scoring never does). */
function verdict(
  credit: number | null,
  detail: () => string,
  evidence: () => Evidence | null = () => null,
): Judgement {
  return { credit, explain: () => ({ detail: detail(), evidence: evidence() }) };
}

/** Range criteria: inside the ideal band is a match; inside an acceptable band, or straddling the ideal, a partial. */
function judgeRange(
  criterion: Extract<Criterion, { kind: 'employees' | 'revenue' | 'founded' }>,
  facts: CompanyFacts,
  place: Place,
): Judgement {
  const kind = criterion.kind;
  const field: FactKey =
    kind === 'employees' ? 'employees' : kind === 'revenue' ? 'revenueUsd' : 'foundedYear';
  const unit = kind === 'employees' ? 'employees' : kind === 'revenue' ? 'USD' : 'year';
  let range: Range | undefined;
  if (kind === 'founded') {
    const year = facts.foundedYear?.value;
    range = year === undefined ? undefined : { min: year, max: year };
  } else {
    range = (kind === 'employees' ? facts.employees : facts.revenueUsd)?.value;
  }
  if (!range) {
    const what = kind === 'founded' ? 'Founding year' : kind === 'employees' ? 'Company size' : 'Revenue';
    return verdict(null, () => `${what} not stated ${place.on}`);
  }
  const fact = range;
  const shown = () => (kind === 'founded' ? `founded ${fact.min}` : describeRange(fact, unit));
  const evidence = () => evidenceOf(facts, field, shown());
  const ideal = () => describeRange(criterion.ideal, unit);
  if (inside(fact, criterion.ideal))
    return verdict(1, () => `${shown()}: within the ideal ${ideal()}`, evidence);
  let best: { credit: number; band: Band | null } | undefined;
  for (const band of criterion.acceptable) {
    if (inside(fact, band) && (!best || band.credit > best.credit)) best = { credit: band.credit, band };
  }
  if (!best && overlaps(fact, criterion.ideal)) best = { credit: 0.5, band: null };
  if (best && best.credit > 0) {
    const { band } = best;
    const why = () =>
      band ? `within the acceptable ${describeRange(band, unit)}` : `partly within the ideal ${ideal()}`;
    return verdict(best.credit, () => `${shown()}: ${why()}`, evidence);
  }
  return verdict(0, () => `${shown()}: outside ${ideal()}`, evidence);
}

function lower(list: readonly string[]): Set<string> {
  return new Set(list.map((x) => x.toLowerCase()));
}

// Per-criterion lookups, built once per ICP object rather than once per company scored.
const lowerLists = new WeakMap<readonly string[], Set<string>>();
function lowerCached(list: readonly string[]): Set<string> {
  let set = lowerLists.get(list);
  if (!set) {
    set = lower(list);
    lowerLists.set(list, set);
  }
  return set;
}

const locationTargets = new WeakMap<object, Set<string>>();
/** Every country a location criterion accepts, its regions resolved. */
function targetCountries(criterion: Extract<Criterion, { kind: 'location' }>): Set<string> {
  let set = locationTargets.get(criterion);
  if (!set) {
    set = new Set([...criterion.countries, ...criterion.regions.flatMap((r) => regionCountries(r))]);
    locationTargets.set(criterion, set);
  }
  return set;
}

function judge(criterion: Criterion, facts: CompanyFacts, place: Place): Judgement {
  switch (criterion.kind) {
    case 'industry': {
      const text = facts.industry?.value;
      if (!text) return verdict(null, () => `Industry not stated ${place.on}`);
      const evidence = () => evidenceOf(facts, 'industry', text);
      const normalised = classifyIndustry(text);
      if (normalised && criterion.industries.includes(normalised.id)) {
        return verdict(1, () => `"${text}" is ${normalised.label}`, evidence);
      }
      const lowered = text.toLowerCase();
      const wording = criterion.wording.find((w) => lowered.includes(w.toLowerCase()));
      if (wording) return verdict(1, () => `"${text}" mentions "${wording}"`, evidence);
      return verdict(
        0,
        () => {
          const wanted = criterion.industries
            .map((id) => industryById(id)?.label ?? id)
            .concat(criterion.wording);
          const list = `${wanted.slice(0, 4).join(', ')}${wanted.length > 4 ? '…' : ''}`;
          // The industry it reads as, unless that is what the page says ("Advertising Services" twice).
          const readAs =
            normalised && normalised.label.toLowerCase() !== text.toLowerCase()
              ? ` (${normalised.label})`
              : '';
          return `"${text}"${readAs} is not ${list}`;
        },
        evidence,
      );
    }
    case 'employees':
    case 'revenue':
    case 'founded':
      return judgeRange(criterion, facts, place);
    case 'location': {
      const country = facts.hqCountry?.value;
      if (!country) return verdict(null, () => `Headquarters country not stated ${place.on}`);
      const evidence = () => evidenceOf(facts, 'hqCountry', country);
      if (targetCountries(criterion).has(country)) {
        const region = criterion.regions.find((r) => regionCountries(r).includes(country));
        return verdict(
          1,
          () => {
            const label = REGION_OPTIONS.find((o) => o.id === region)?.label;
            return `Headquartered in ${countryName(country)}${label ? ` (${label})` : ''}`;
          },
          evidence,
        );
      }
      return verdict(
        0,
        () => `Headquartered in ${countryName(country)}, outside the target locations`,
        evidence,
      );
    }
    case 'technologies': {
      const used = facts.technologies?.value;
      if (!used) return verdict(null, () => `Technologies not detected ${place.on}`);
      // Any name a technology goes by counts ("Account Engagement" is the "Pardot" detection reported).
      const have = new Set(used.map(technologyKey));
      const hits = criterion.technologies.filter((t) => have.has(technologyKey(t)));
      const evidence = () => evidenceOf(facts, 'technologies', used.join(', ') || 'none detected');
      const all = () => criterion.technologies.join(', ');
      if (criterion.match === 'none') {
        return hits.length === 0
          ? verdict(1, () => `None of ${all()} detected`, evidence)
          : verdict(0, () => `Uses ${hits.join(', ')}`, evidence);
      }
      if (criterion.match === 'all') {
        const detail = () => (hits.length ? `Uses ${hits.join(', ')} of ${all()}` : `Uses none of ${all()}`);
        return verdict(hits.length / criterion.technologies.length, detail, evidence);
      }
      return hits.length > 0
        ? verdict(1, () => `Uses ${hits.join(', ')}`, evidence)
        : verdict(0, () => `None of ${all()} detected`, evidence);
    }
    case 'keywords': {
      const description = facts.description?.value ?? '';
      const keywords = facts.keywords?.value ?? [];
      if (!description && keywords.length === 0)
        return verdict(null, () => `No description or specialties ${place.on}`);
      const haystack = `${description} ${keywords.join(' ')}`.toLowerCase();
      const hits = criterion.keywords.filter((k) => haystack.includes(k.toLowerCase()));
      if (hits.length === 0) {
        return verdict(
          0,
          () => `Mentions none of ${criterion.keywords.slice(0, 5).join(', ')}`,
          () => evidenceOf(facts, description ? 'description' : 'keywords', 'no keyword found'),
        );
      }
      const inKeywords = keywords.some((k) => hits.some((h) => k.toLowerCase().includes(h.toLowerCase())));
      return verdict(
        1,
        () => `Mentions ${hits.map((h) => `"${h}"`).join(', ')}`,
        () => evidenceOf(facts, inKeywords ? 'keywords' : 'description', hits.join(', ')),
      );
    }
    case 'companyType': {
      const type = facts.companyType?.value;
      if (!type) return verdict(null, () => `Company type not stated ${place.on}`);
      const evidence = () => evidenceOf(facts, 'companyType', type);
      const named = (id: string) => COMPANY_TYPE_LABEL[id as keyof typeof COMPANY_TYPE_LABEL] ?? id;
      return (criterion.types as string[]).includes(type)
        ? verdict(1, () => named(type), evidence)
        : verdict(0, () => `${named(type)}, not ${criterion.types.map(named).join(' or ')}`, evidence);
    }
    case 'fundingStage': {
      const stage = facts.fundingStage?.value;
      if (!stage) return verdict(null, () => `Funding stage not stated ${place.on}`);
      const evidence = () => evidenceOf(facts, 'fundingStage', stage);
      const named = (id: string) => FUNDING_STAGE_LABEL[id as keyof typeof FUNDING_STAGE_LABEL] ?? id;
      return (criterion.stages as string[]).includes(stage)
        ? verdict(1, () => `Funding stage ${named(stage)}`, evidence)
        : verdict(
            0,
            () => `Funding stage ${named(stage)}, not ${criterion.stages.map(named).join(', ')}`,
            evidence,
          );
    }
    case 'domains': {
      const domain = facts.domain?.value;
      if (!domain) return verdict(null, () => 'Company domain unknown');
      const evidence = () => evidenceOf(facts, 'domain', domain);
      return lowerCached(criterion.domains).has(domain.toLowerCase())
        ? verdict(1, () => `${domain} is on the list`, evidence)
        : verdict(0, () => `${domain} is not on the list`, evidence);
    }
  }
}

/** Rounds shares to tenths so that they add up exactly to the rounded total (largest remainder; ties go first). */
function apportion(shares: number[], total: number): number[] {
  const tenths = new Array<number>(shares.length);
  let left = Math.round(total * 10);
  for (let i = 0; i < shares.length; i++) {
    tenths[i] = Math.floor((shares[i] as number) * 10 + 1e-9);
    left -= tenths[i] as number;
  }
  // `left` is at most the number of shares: hand out the missing tenths to the largest remainders.
  const taken = new Array<boolean>(shares.length).fill(false);
  for (; left > 0; left--) {
    let best = -1;
    let bestRemainder = -1;
    for (let i = 0; i < shares.length; i++) {
      const remainder = (shares[i] as number) * 10 - (tenths[i] as number);
      if (!taken[i] && remainder > bestRemainder + 1e-12) {
        best = i;
        bestRemainder = remainder;
      }
    }
    if (best < 0) break;
    taken[best] = true;
    tenths[best] = (tenths[best] as number) + 1;
  }
  return tenths.map((t) => t / 10);
}

/** Tiers from best to worst as numbers: a move up is a higher rank. */
export const TIER_RANK: Readonly<Record<Tier, number>> = { tier_1: 3, tier_2: 2, tier_3: 1, not_a_fit: 0 };
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

/** How a verdict that rests on too little (see {@link nothingKnown}) is named wherever it is shown. */
export const NOTHING_KNOWN_LABEL = 'Not enough known';

/**
 * The share of the profile's weight that must be known before a company is judged at all. Below it, whatever
 * tier the few known facts would give is no verdict: a footer's country alone scored "Tier 3, 100 of 100", and
 * a founding year alone "Not a fit, 0", each on a tenth or a fifth of the built-in ICP. Only a disqualifier, or
 * a must-have the company misses, decides on its own. It applies whatever the ICP's own floors for Tier 1 and
 * Tier 2 (an ICP may set them lower) and whatever its policy for unknown facts.
 */
export const MIN_COVERAGE_TO_JUDGE = 0.25;

/**
 * Whether a verdict rests on too little to be one: less than {@link MIN_COVERAGE_TO_JUDGE} of the profile is
 * known (nothing at all, often), nothing disqualifies the company and it misses no must-have (either decides
 * on its own). Its "Not a fit" then says that the page says too little, not that the company does not fit,
 * and it is shown as "Not enough known".
 */
export function nothingKnown(result: {
  tier: Tier;
  coverage: number;
  criteria: ReadonlyArray<{ status: CriterionStatus; rule?: Criterion['rule'] }>;
}): boolean {
  return (
    result.tier === 'not_a_fit' &&
    result.coverage < MIN_COVERAGE_TO_JUDGE &&
    !result.criteria.some(
      (c) => c.status === 'disqualified' || (c.rule === 'must-have' && c.status === 'miss'),
    )
  );
}

function capTier(tier: Tier, cap: Tier): Tier {
  return TIER_RANK[tier] > TIER_RANK[cap] ? cap : tier;
}

function listLabels(labels: string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/**
 * The summary's lists of criteria, each label quoted ("Fits “Software, IT or internet” and “200–2,000
 * employees”"): labels hold commas of their own, and a list of them would otherwise run together.
 */
const listQuoted = (labels: string[]) => listLabels(labels.map((label) => `“${label}”`));

function statusOf(criterion: Criterion, credit: number | null): CriterionStatus {
  if (criterion.rule === 'disqualifier')
    return credit === null ? 'unknown' : credit >= 1 ? 'disqualified' : 'match';
  return credit === null ? 'unknown' : credit >= 1 ? 'match' : credit > 0 ? 'partial' : 'miss';
}

/**
 * Score, coverage and tier of judged criteria, with the reasons the tier was capped when `explain` is set.
 * `upgraded` scores criterion number `upgraded` as a full match (for "what would change the tier"). Written as
 * plain loops: it runs once per criterion for every company scored.
 */
function settle(judged: Judgement[], icp: Icp, explain: boolean, place: Place, upgraded = -1) {
  const criteria = icp.criteria;
  let totalWeight = 0;
  let knownWeight = 0;
  let earned = 0;
  let disqualified = false;
  let mustHaveFailed = false;
  let mustHaveMissed = false;
  let mustHaveUnknown = false;
  for (let i = 0; i < judged.length; i++) {
    const criterion = criteria[i] as Criterion;
    const credit = i === upgraded ? 1 : (judged[i] as Judgement).credit;
    if (criterion.rule === 'disqualifier') {
      if (credit !== null && credit >= 1) disqualified = true;
      continue;
    }
    totalWeight += criterion.weight;
    if (credit !== null) knownWeight += criterion.weight;
    earned += (credit ?? 0) * criterion.weight;
    if (criterion.rule === 'must-have') {
      if (credit !== null && credit <= 0) mustHaveMissed = true;
      if ((credit !== null && credit < 1 && credit <= 0) || (credit === null && icp.unknownPolicy === 'miss'))
        mustHaveFailed = true;
      if (credit === null) mustHaveUnknown = true;
    }
  }
  const inPlay = icp.unknownPolicy === 'miss' ? totalWeight : knownWeight;
  const score = Math.round((inPlay > 0 ? (100 * earned) / inPlay : 0) * 10) / 10;
  const coverage = totalWeight > 0 ? knownWeight / totalWeight : 0;

  let tier: Tier =
    score >= icp.tiers.tier1
      ? 'tier_1'
      : score >= icp.tiers.tier2
        ? 'tier_2'
        : score >= icp.tiers.tier3
          ? 'tier_3'
          : 'not_a_fit';
  const caps: string[] = [];
  const labelsWhere = (test: (criterion: Criterion, status: CriterionStatus) => boolean) =>
    criteria.filter((c, i) => test(c, statusOf(c, (judged[i] as Judgement).credit))).map((c) => c.label);
  if (knownWeight === 0) {
    tier = 'not_a_fit';
    // A disqualifier that decided says so below: the page did show what the ICP asks about.
    if (explain && !disqualified) caps.push(`Nothing the ICP asks about is shown ${place.on}`);
  } else if (Math.round(coverage * 1000) / 1000 < MIN_COVERAGE_TO_JUDGE && !disqualified && !mustHaveMissed) {
    // (Coverage as the result keeps it, rounded: `nothingKnown` reads that.)
    tier = 'not_a_fit';
    if (explain)
      caps.push(
        `Too little known to judge: ${Math.round(MIN_COVERAGE_TO_JUDGE * 100)}% of the profile is needed; ${place.shows} ${Math.round(coverage * 100)}%`,
      );
  }
  if (disqualified) {
    tier = 'not_a_fit';
    // What the page showed, then the rule it breaks: a disqualifier is labelled as what a company must not be.
    if (explain) {
      const reasons = criteria.flatMap((c, i) => {
        const { credit, explain: explainCriterion } = judged[i] as Judgement;
        return statusOf(c, credit) === 'disqualified' ? [`${explainCriterion().detail} (“${c.label}”)`] : [];
      });
      caps.push(`Disqualified: ${listLabels(reasons)}`);
    }
  }
  if (mustHaveFailed && TIER_RANK[tier] > TIER_RANK[icp.mustHaveFailTier]) {
    tier = capTier(tier, icp.mustHaveFailTier);
    if (explain) {
      const failed = labelsWhere(
        (c, status) =>
          c.rule === 'must-have' &&
          (status === 'miss' || (status === 'unknown' && icp.unknownPolicy === 'miss')),
      );
      caps.push(`Must-have not met: ${listLabels(failed)}`);
    }
  }
  if (tier === 'tier_1' && mustHaveUnknown) {
    tier = 'tier_2';
    if (explain) {
      const unknown = labelsWhere((c, status) => c.rule === 'must-have' && status === 'unknown');
      caps.push(`Tier 1 needs must-haves confirmed: ${listLabels(unknown)} unknown`);
    }
  }
  const tier2Floor = Math.min(icp.minCoverageForTier2, icp.minCoverageForTier1);
  if (TIER_RANK[tier] >= TIER_RANK.tier_2 && coverage < tier2Floor) {
    tier = 'tier_3';
    if (explain) {
      caps.push(
        `Tier 2 needs ${Math.round(tier2Floor * 100)}% of the profile known; ${place.shows} ${Math.round(coverage * 100)}%`,
      );
    }
  }
  if (tier === 'tier_1' && coverage < icp.minCoverageForTier1) {
    tier = 'tier_2';
    if (explain) {
      caps.push(
        `Tier 1 needs ${Math.round(icp.minCoverageForTier1 * 100)}% of the profile known; ${place.shows} ${Math.round(coverage * 100)}%`,
      );
    }
  }
  return { inPlay, score, coverage, tier, caps };
}

/** Options of {@link scoreCompany}. */
export interface ScoreOptions {
  /**
   * Write the explanations (each criterion's detail and evidence, the summary, what would change the tier).
   * Default true; bulk re-scoring of a prospect list turns it off and keeps status, contributions and tier.
   */
  explain?: boolean;
  /**
   * Where the facts come from, as the explanations say it: the page in view ("not stated on this page", the
   * default) or a saved company's facts ("not stated in the saved facts", the prospect list).
   */
  facts?: 'page' | 'saved';
}

/** How the explanations name where the facts come from (see {@link ScoreOptions.facts}). */
interface Place {
  on: string;
  shows: string;
}
const PLACES: Record<NonNullable<ScoreOptions['facts']>, Place> = {
  page: { on: 'on this page', shows: 'this page shows' },
  saved: { on: 'in the saved facts', shows: 'the saved facts show' },
};

/** Scores a company's facts against an ICP and explains every criterion. */
export function scoreCompany(facts: CompanyFacts, icp: Icp, options: ScoreOptions = {}): ScoreResult {
  const explain = options.explain ?? true;
  const place = PLACES[options.facts ?? 'page'];
  const judged = icp.criteria.map((criterion) => judge(criterion, facts, place));
  const { inPlay, score, coverage, tier, caps } = settle(judged, icp, explain, place);
  // Disqualifiers earn nothing; everything else its share of the weight in play.
  const shares = icp.criteria.map((criterion, i) =>
    criterion.rule === 'disqualifier' || inPlay === 0
      ? 0
      : (100 * ((judged[i] as Judgement).credit ?? 0) * criterion.weight) / inPlay,
  );
  const contributions = apportion(shares, score);

  const criteria: CriterionResult[] = icp.criteria.map((criterion, index) => {
    const { credit, explain: explainCriterion } = judged[index] as Judgement;
    const { detail, evidence } = explain ? explainCriterion() : { detail: '', evidence: null };
    const counts = criterion.rule !== 'disqualifier' && (credit !== null || icp.unknownPolicy === 'miss');
    return {
      id: criterion.id,
      label: criterion.label,
      kind: criterion.kind,
      rule: criterion.rule,
      status: statusOf(criterion, credit),
      contribution: contributions[index] ?? 0,
      possible: counts && inPlay > 0 ? Math.round((1000 * criterion.weight) / inPlay) / 10 : 0,
      detail,
      evidence,
    };
  });

  // What would change the tier: each criterion not fully met, had it matched, on its own.
  const upgrades: ScoreResult['upgrades'] = [];
  if (explain && tier !== 'tier_1') {
    icp.criteria.forEach((criterion, i) => {
      const { credit } = judged[i] as Judgement;
      if (criterion.rule === 'disqualifier' || credit === 1 || criterion.weight === 0) return;
      const better = settle(judged, icp, false, place, i).tier;
      if (TIER_RANK[better] > TIER_RANK[tier]) {
        upgrades.push({
          id: criterion.id,
          label: criterion.label,
          status: statusOf(criterion, credit),
          tier: better,
        });
      }
    });
  }

  let summary = '';
  if (explain) {
    const labelled = (status: CriterionStatus) =>
      criteria.filter((c) => c.rule !== 'disqualifier' && c.status === status).map((c) => c.label);
    const matched = labelled('match');
    const partly = labelled('partial');
    const missed = labelled('miss');
    const unknown = criteria.filter((c) => c.status === 'unknown').map((c) => c.label);
    const parts: string[] = [];
    if (caps.length > 0) parts.push(`${caps.join('. ')}.`);
    if (matched.length > 0) parts.push(`Fits ${listQuoted(matched)}.`);
    if (partly.length > 0) parts.push(`Partly fits ${listQuoted(partly)}.`);
    if (missed.length > 0) parts.push(`Misses ${listQuoted(missed)}.`);
    if (unknown.length > 0) parts.push(`Unknown: ${listQuoted(unknown)}.`);
    summary = parts.join(' ');
  }
  return {
    score,
    tier,
    coverage: Math.round(coverage * 1000) / 1000,
    criteria,
    summary,
    caps,
    upgrades,
  };
}
