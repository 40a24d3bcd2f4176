/**
 * The technologies ICP Lens can detect, as the ICP editor offers them: each name with its category and other
 * names, a search over them, and what the editor says about a name a manager typed. Pure.
 */
import { slipDistance } from '../closest-name';
import { canonicalTechnology, normalizeTechnologyName, TECHNOLOGY_ALIASES } from './aliases';
import { FINGERPRINTS } from './fingerprints';
import { TECH_CATEGORIES, type TechCategory } from './types';

/** One detectable technology. */
export interface TechnologyOption {
  /** The name detection reports. */
  name: string;
  category: TechCategory;
  /** The category in words ("Marketing automation"). */
  categoryLabel: string;
  /** Other names it goes by. */
  aliases: readonly string[];
}

/** A search result: the technology, and the other name the query found it by, if it was not its own name. */
export interface TechnologyMatch extends TechnologyOption {
  alias?: string;
}

let catalog: TechnologyOption[] | undefined;

/** Every detectable technology, by name. */
export function technologyCatalog(): readonly TechnologyOption[] {
  catalog ??= FINGERPRINTS.map((f) => ({
    name: f.name,
    category: f.category,
    categoryLabel: TECH_CATEGORIES[f.category],
    aliases: TECHNOLOGY_ALIASES[f.name] ?? [],
  })).sort((a, b) => a.name.localeCompare(b.name));
  return catalog;
}

/**
 * Technologies whose name or other name contains the query (spelling-insensitive: "hub spot" finds HubSpot),
 * or whose category does ("chat"): names that start with it first, then names that contain it, then
 * categories. An empty query lists nothing.
 */
export function searchTechnologies(query: string, limit = 12): TechnologyMatch[] {
  const q = normalizeTechnologyName(query);
  const words = query.trim().toLowerCase();
  if (!words) return [];
  const ranked: Array<{ rank: number; match: TechnologyMatch }> = [];
  for (const option of technologyCatalog()) {
    const name = normalizeTechnologyName(option.name);
    if (name.startsWith(q)) ranked.push({ rank: 0, match: option });
    else if (name.includes(q)) ranked.push({ rank: 1, match: option });
    else {
      const alias = option.aliases.find((a) => normalizeTechnologyName(a).includes(q));
      if (alias) ranked.push({ rank: 2, match: { ...option, alias } });
      else if (option.categoryLabel.toLowerCase().includes(words)) ranked.push({ rank: 3, match: option });
    }
  }
  // Stable: within a rank, the catalog's alphabetical order.
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((r) => r.match);
}

/** What a typed technology name is to ICP Lens: a name it detects, another name of one, or neither. */
export type TechnologyNameStatus =
  | { kind: 'detected'; option: TechnologyOption }
  | { kind: 'alias'; option: TechnologyOption }
  | { kind: 'unknown' };

/** Tells the editor whether ICP Lens can detect the technology a criterion names. */
export function technologyNameStatus(name: string): TechnologyNameStatus {
  const key = normalizeTechnologyName(name);
  const own = technologyCatalog().find((o) => normalizeTechnologyName(o.name) === key);
  if (own) return { kind: 'detected', option: own };
  const canonical = canonicalTechnology(name);
  const option = technologyCatalog().find((o) => o.name === canonical);
  return option ? { kind: 'alias', option } : { kind: 'unknown' };
}

/**
 * The detectable technology a name ICP Lens does not know is most likely a misspelling of ("Salesfroce" →
 * Salesforce), by its name or another name, or null when none is that close (see `slipDistance`: "SAP" is not
 * "GSAP").
 */
export function closestTechnology(name: string): TechnologyOption | null {
  const key = normalizeTechnologyName(name);
  let best: { option: TechnologyOption; distance: number } | null = null;
  for (const option of technologyCatalog())
    for (const known of [option.name, ...option.aliases]) {
      const distance = slipDistance(key, normalizeTechnologyName(known));
      if (distance !== null && (!best || distance < best.distance)) best = { option, distance };
    }
  return best?.option ?? null;
}
