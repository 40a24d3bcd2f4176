/**
 * Finding prospects for the list page: filters and sort resolved to one Dexie index where possible, the rest
 * checked per record, returning ids only (the list loads the rows it shows, so 100,000 prospects stay light).
 */
import type { Collection } from 'dexie';
import type { Tier } from '../icp/schema';
import type { IcpLensDb } from './index';
import type { Prospect, ProspectStatus } from './schema';

/** What the list shows. */
export interface ListQuery {
  tier?: Tier;
  status?: ProspectStatus;
  industryId?: string;
  hqCountry?: string;
  tag?: string;
  /** Start of the name or domain. */
  search?: string;
  /** Only prospects whose tier moved with the re-score to this ICP version. */
  movedWithVersion?: number;
  sort: 'tier' | 'score' | 'savedAt' | 'updatedAt' | 'name';
}

const SORT_INDEX = { score: 'score', savedAt: 'savedAt', updatedAt: 'updatedAt', name: 'nameLower' } as const;
const TIER_ORDER: Tier[] = ['tier_1', 'tier_2', 'tier_3', 'not_a_fit'];
const TIER_RANK: Record<Tier, number> = { tier_1: 0, tier_2: 1, tier_3: 2, not_a_fit: 3 };

/** Whether the query is answered in index order without reading records, so its first rows come cheaply. */
export function readsInIndexOrder(q: ListQuery): boolean {
  return Object.entries(q).every(([k, v]) => k === 'sort' || v === undefined);
}

/** Whether a prospect passes the filters the index did not already apply. */
function passes(p: Prospect, q: ListQuery, indexed: keyof ListQuery | null): boolean {
  if (q.tier && indexed !== 'tier' && p.tier !== q.tier) return false;
  if (q.status && indexed !== 'status' && p.status !== q.status) return false;
  if (q.industryId && indexed !== 'industryId' && p.industryId !== q.industryId) return false;
  if (q.hqCountry && indexed !== 'hqCountry' && p.hqCountry !== q.hqCountry) return false;
  if (q.tag && indexed !== 'tag' && !p.tags.includes(q.tag)) return false;
  if (
    q.movedWithVersion !== undefined &&
    !p.tierHistory.some((h) => h.icpVersion === q.movedWithVersion && h.from !== null)
  )
    return false;
  if (q.search && indexed !== 'search') {
    const s = q.search.toLowerCase();
    if (!p.nameLower.startsWith(s) && !(p.domain ?? '').startsWith(s)) return false;
  }
  return true;
}

/**
 * The ids of the prospects the query shows, in its order.
 * @param limit at most this many (the first rows to paint). Honoured on the index-ordered paths (no filter),
 *   where the first rows come without reading the rest; a filtered query is read whole and then cut.
 */
export async function queryProspectIds(
  db: IcpLensDb,
  q: ListQuery,
  limit = Number.POSITIVE_INFINITY,
): Promise<number[]> {
  // The most selective filter that has an index narrows the candidates; the rest is checked per record.
  let collection: Collection<Prospect, number | undefined>;
  let indexed: keyof ListQuery | null = null;
  if (q.search) {
    const s = q.search.toLowerCase();
    collection = db.prospects.where('nameLower').startsWith(s).or('domain').startsWith(s);
    indexed = 'search';
  } else if (q.tag) {
    collection = db.prospects.where('tags').equals(q.tag);
    indexed = 'tag';
  } else if (q.industryId) {
    collection = db.prospects.where('industryId').equals(q.industryId);
    indexed = 'industryId';
  } else if (q.hqCountry) {
    collection = db.prospects.where('hqCountry').equals(q.hqCountry);
    indexed = 'hqCountry';
  } else if (q.status) {
    collection = db.prospects.where('status').equals(q.status);
    indexed = 'status';
  } else if (q.tier) {
    collection = db.prospects.where('tier').equals(q.tier);
    indexed = 'tier';
  } else if (q.sort === 'tier' && q.movedWithVersion === undefined) {
    // Grouped by tier: one index range per tier, best first, without reading a record.
    if (Number.isFinite(limit)) {
      const ids: number[] = [];
      for (const t of TIER_ORDER) {
        if (ids.length >= limit) break;
        ids.push(
          ...((await db.prospects
            .where('tier')
            .equals(t)
            .limit(limit - ids.length)
            .primaryKeys()) as number[]),
        );
      }
      return ids;
    }
    const groups = await Promise.all(
      TIER_ORDER.map((t) => db.prospects.where('tier').equals(t).primaryKeys()),
    );
    return groups.flat() as number[];
  } else {
    // No filter: the sort index gives the order directly, without reading a single record.
    const ordered = db.prospects.orderBy(q.sort === 'tier' ? 'score' : SORT_INDEX[q.sort]);
    const directed = q.sort === 'name' ? ordered : ordered.reverse();
    if (q.movedWithVersion === undefined) {
      return (await (Number.isFinite(limit) ? directed.limit(limit) : directed).primaryKeys()) as number[];
    }
    collection = db.prospects.toCollection();
  }
  const needsCheck = Object.entries(q).some(([k, v]) => v !== undefined && k !== 'sort' && k !== indexed);
  const matching = needsCheck ? collection.filter((p) => passes(p, q, indexed)) : collection;
  const rows = await matching.toArray();
  if (q.sort === 'tier') {
    rows.sort((a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier] || b.score - a.score);
  } else {
    const key = SORT_INDEX[q.sort];
    rows.sort((a, b) =>
      key === 'nameLower' ? a.nameLower.localeCompare(b.nameLower) : (b[key] as number) - (a[key] as number),
    );
  }
  return rows.slice(0, limit).map((p) => p.id as number);
}
