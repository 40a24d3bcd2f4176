/**
 * Criteria suggested from the won accounts: industries, size and revenue bands, countries and technologies
 * that are over-represented among wins compared with losses, each with the counts behind it. Nothing here
 * changes an ICP by itself: {@link applySuggestion} returns a new draft when the manager chooses one.
 */

import { bandOf, EMPLOYEE_BANDS, REVENUE_BANDS } from '../icp/bands';
import { classifyIndustry, industryById } from '../icp/industries';
import { countryName, regionCountries } from '../icp/regions';
import type { Band, Criterion, Icp } from '../icp/schema';
import { describeRange } from '../icp/scorer';
import { technologyKey } from '../techno/aliases';
import { technologyNameStatus } from '../techno/catalog';
import type { ImportedAccount } from './schema';

/** What a suggestion adds. */
export type SuggestionKind = 'industry' | 'country' | 'technology' | 'employees' | 'revenue';

/** One suggested criterion value and the numbers behind it. */
export interface Suggestion {
  /** Stable within a report: kind and value. */
  key: string;
  kind: SuggestionKind;
  /** Industry id, country code, technology name, or the band as text. */
  value: string;
  /** For employees and revenue: the band. */
  band: Band | null;
  label: string;
  /** Won and lost accounts that have this value. */
  won: number;
  lost: number;
  /** Share of all won accounts that have it, and of all lost ones. */
  wonShare: number;
  lostShare: number;
  /** Win rate of the accounts that have it. */
  winRate: number;
  /** That win rate over the win rate of all closed accounts (1.5 = wins half again as often). */
  lift: number;
}

/** Thresholds of {@link suggestCriteria}. */
export interface SuggestOptions {
  /** Fewest won accounts a value needs before it is suggested. Default 5. */
  minWon?: number;
  /** Smallest lift suggested. Default 1.2. */
  minLift?: number;
  /** Most suggestions per kind. Default 5. */
  perKind?: number;
}

function within(band: Band, outer: Band): boolean {
  return (
    (outer.min === null || (band.min !== null && band.min >= outer.min)) &&
    (outer.max === null || (band.max !== null && band.max <= outer.max))
  );
}

/** Whether the ICP already scores this value as a full match. */
function alreadyInIcp(icp: Icp, kind: SuggestionKind, value: string, band: Band | null): boolean {
  const scoring = icp.criteria.filter((c) => c.rule !== 'disqualifier' && c.weight > 0);
  return scoring.some((c) => {
    if (kind === 'industry' && c.kind === 'industry') return c.industries.includes(value);
    if (kind === 'country' && c.kind === 'location')
      return c.countries.includes(value) || c.regions.some((r) => regionCountries(r).includes(value));
    if (kind === 'technology' && c.kind === 'technologies')
      return c.match !== 'none' && c.technologies.some((t) => technologyKey(t) === technologyKey(value));
    if ((kind === 'employees' || kind === 'revenue') && c.kind === kind && band)
      return within(band, c.ideal) || c.acceptable.some((a) => a.credit >= 1 && within(band, a));
    return false;
  });
}

/**
 * The name detection reports for a technology an import names ("GTM" → Google Tag Manager), or null for one
 * ICP Lens does not detect on a page ("Snowflake"): a criterion naming it would never match a page, whatever
 * the accounts say. Memoised per report: an import repeats a few names over thousands of rows.
 */
function detectedName(): (tech: string) => string | null {
  const known = new Map<string, string | null>();
  return (tech) => {
    let name = known.get(tech);
    if (name === undefined) {
      const status = technologyNameStatus(tech);
      name = status.kind === 'unknown' ? null : status.option.name;
      known.set(tech, name);
    }
    return name;
  };
}

/** The values an account has for each kind (an account counts once per value). */
function valuesOf(
  account: ImportedAccount,
  detected: (tech: string) => string | null,
): Array<{ kind: SuggestionKind; value: string; band: Band | null }> {
  const out: Array<{ kind: SuggestionKind; value: string; band: Band | null }> = [];
  const industry = account.industry ? classifyIndustry(account.industry) : undefined;
  if (industry) out.push({ kind: 'industry', value: industry.id, band: null });
  if (account.country) out.push({ kind: 'country', value: account.country, band: null });
  const techs = new Set(account.technologies.map(detected).filter((t): t is string => t !== null));
  for (const tech of techs) out.push({ kind: 'technology', value: tech, band: null });
  const employees = account.employees && bandOf(account.employees, EMPLOYEE_BANDS);
  if (employees) out.push({ kind: 'employees', value: describeRange(employees), band: employees });
  const revenue = account.revenueUsd && bandOf(account.revenueUsd, REVENUE_BANDS);
  if (revenue) out.push({ kind: 'revenue', value: describeRange(revenue, 'USD'), band: revenue });
  return out;
}

function labelOf(kind: SuggestionKind, value: string): string {
  switch (kind) {
    case 'industry':
      return `Industry: ${industryById(value)?.label ?? value}`;
    case 'country':
      return `Country: ${countryName(value)}`;
    case 'technology':
      return `Uses ${value}`;
    case 'employees':
      return `${value} employees`;
    case 'revenue':
      return `Revenue ${value}`;
  }
}

/**
 * Values over-represented among won accounts: at least `minWon` wins, and a win rate at least `minLift` times
 * the overall one. Values the ICP already scores as a match are left out. Best lift first within each kind.
 */
export function suggestCriteria(
  accounts: readonly ImportedAccount[],
  icp: Icp,
  options: SuggestOptions = {},
): Suggestion[] {
  const minWon = options.minWon ?? 5;
  const minLift = options.minLift ?? 1.2;
  const perKind = options.perKind ?? 5;
  const counts = new Map<
    string,
    { kind: SuggestionKind; value: string; band: Band | null; won: number; lost: number }
  >();
  let won = 0;
  let lost = 0;
  const detected = detectedName();
  for (const account of accounts) {
    if (account.outcome === 'open') continue;
    if (account.outcome === 'won') won++;
    else lost++;
    for (const v of valuesOf(account, detected)) {
      // By the name detection reports for technologies (see detectedName), and case-insensitively for the rest.
      const key = `${v.kind}:${v.value.toLowerCase()}`;
      const entry = counts.get(key) ?? { ...v, won: 0, lost: 0 };
      entry[account.outcome]++;
      counts.set(key, entry);
    }
  }
  if (won === 0 || lost === 0) return [];
  const base = won / (won + lost);
  const all: Suggestion[] = [];
  for (const [key, c] of counts) {
    if (c.won < minWon) continue;
    const winRate = c.won / (c.won + c.lost);
    const lift = winRate / base;
    if (lift < minLift || alreadyInIcp(icp, c.kind, c.value, c.band)) continue;
    all.push({
      key,
      kind: c.kind,
      value: c.value,
      band: c.band,
      label: labelOf(c.kind, c.value),
      won: c.won,
      lost: c.lost,
      wonShare: c.won / won,
      lostShare: c.lost / lost,
      winRate,
      lift,
    });
  }
  all.sort((a, b) => b.lift - a.lift || b.won - a.won || a.key.localeCompare(b.key));
  const taken = new Map<SuggestionKind, number>();
  return all.filter((s) => {
    const n = taken.get(s.kind) ?? 0;
    taken.set(s.kind, n + 1);
    return n < perKind;
  });
}

function uniqueId(icp: Icp, base: string): string {
  const ids = new Set(icp.criteria.map((c) => c.id));
  if (!ids.has(base)) return base;
  for (let i = 2; ; i++) if (!ids.has(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * The ICP with a suggestion adopted: the value joins the first scoring criterion of its kind with a weight (a
 * band becomes an acceptable band at full credit), or a new criterion when there is none. Returns a new object; the input is
 * untouched, and nothing is saved.
 */
export function applySuggestion(icp: Icp, suggestion: Suggestion): Icp {
  const criteria = [...icp.criteria];
  // A criterion that scores: one at weight 0 is switched off, and a value added there would change nothing.
  const index = (test: (c: Criterion) => boolean) =>
    criteria.findIndex((c) => c.rule !== 'disqualifier' && c.weight > 0 && test(c));
  const replace = (i: number, c: Criterion) => {
    criteria[i] = c;
    return { ...icp, criteria };
  };
  const add = (c: Criterion) => ({ ...icp, criteria: [...criteria, c] });
  const base = { weight: 2, rule: 'score' as const };
  switch (suggestion.kind) {
    case 'industry': {
      const i = index((c) => c.kind === 'industry');
      const c = criteria[i];
      if (c?.kind === 'industry')
        return replace(i, { ...c, industries: [...c.industries, suggestion.value] });
      return add({
        ...base,
        id: uniqueId(icp, 'industry-won'),
        label: 'Industries that buy',
        kind: 'industry',
        industries: [suggestion.value],
        wording: [],
      });
    }
    case 'country': {
      const i = index((c) => c.kind === 'location');
      const c = criteria[i];
      if (c?.kind === 'location') return replace(i, { ...c, countries: [...c.countries, suggestion.value] });
      return add({
        ...base,
        id: uniqueId(icp, 'location-won'),
        label: 'Countries that buy',
        kind: 'location',
        countries: [suggestion.value],
        regions: [],
      });
    }
    case 'technology': {
      const i = index((c) => c.kind === 'technologies' && c.match === 'any');
      const c = criteria[i];
      if (c?.kind === 'technologies')
        return replace(i, { ...c, technologies: [...c.technologies, suggestion.value] });
      return add({
        ...base,
        id: uniqueId(icp, 'technologies-won'),
        label: 'Uses what our customers use',
        kind: 'technologies',
        match: 'any',
        technologies: [suggestion.value],
      });
    }
    case 'employees':
    case 'revenue': {
      const band = suggestion.band ?? { min: null, max: null };
      const kind = suggestion.kind;
      const i = index((c) => c.kind === kind && c.acceptable.length < 5);
      const c = criteria[i];
      if (c && (c.kind === 'employees' || c.kind === 'revenue'))
        return replace(i, { ...c, acceptable: [...c.acceptable, { ...band, credit: 1 }] });
      return add({
        ...base,
        id: uniqueId(icp, `${kind}-won`),
        label: suggestion.label,
        kind,
        ideal: band,
        acceptable: [],
      });
    }
  }
}
