/**
 * Finding prospects for the list page: filters and sort resolved to Dexie indexes where possible, the rest
 * checked per record, returning ids only (the list loads the rows it shows, so 100,000 prospects stay light).
 * The company's fields (status, industry, country, tags, name, dates) are indexed on `prospects`, the ICP's
 * verdict (tier, score, tier history) on `verdicts`; a query that needs both reads the narrow verdicts of the
 * prospects its company filters leave.
 */
import Dexie, { type Collection } from 'dexie';
import type { Tier } from '../icp/schema';
import type { IcpLensDb } from './index';
import { movedWith } from './rescore';
import type { ProspectRecord, ProspectStatus, Verdict } from './schema';

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

type RecordSort = 'savedAt' | 'updatedAt' | 'name';
const RECORD_INDEX = { savedAt: 'savedAt', updatedAt: 'updatedAt', name: 'nameLower' } as const;
const TIER_ORDER: Tier[] = ['tier_1', 'tier_2', 'tier_3', 'not_a_fit'];
const TIER_RANK: Record<Tier, number> = { tier_1: 0, tier_2: 1, tier_3: 2, not_a_fit: 3 };

/** Whether the query is answered in index order without reading records, so its first rows come cheaply. */
export function readsInIndexOrder(q: ListQuery): boolean {
  return Object.entries(q).every(([k, v]) => k === 'sort' || v === undefined);
}

/** Whether the query filters on the company's own fields (indexed on `prospects`). */
function filtersRecords(q: ListQuery): boolean {
  return Boolean(q.status || q.industryId || q.hqCountry || q.tag || q.search);
}

/** Whether a prospect record passes the company filters the index did not already apply. */
function passes(p: ProspectRecord, q: ListQuery, indexed: keyof ListQuery): boolean {
  if (q.status && indexed !== 'status' && p.status !== q.status) return false;
  if (q.industryId && indexed !== 'industryId' && p.industryId !== q.industryId) return false;
  if (q.hqCountry && indexed !== 'hqCountry' && p.hqCountry !== q.hqCountry) return false;
  if (q.tag && indexed !== 'tag' && !p.tags.includes(q.tag)) return false;
  if (q.search && indexed !== 'search') {
    const s = q.search.toLowerCase();
    if (!p.nameLower.startsWith(s) && !(p.domain ?? '').startsWith(s)) return false;
  }
  return true;
}

/** Whether a verdict passes the verdict filters (tier, moved). */
function verdictPasses(v: Verdict | undefined, q: ListQuery): v is Verdict {
  if (!v) return false;
  if (q.tier && v.tier !== q.tier) return false;
  if (q.movedWithVersion !== undefined && !movedWith(v.tierHistory, q.movedWithVersion)) return false;
  return true;
}

/** The verdicts of one tier, on the [tier+score] index (ascending score). */
function tierRange(db: IcpLensDb, tier: Tier) {
  return db.verdicts.where('[tier+score]').between([tier, Dexie.minKey], [tier, Dexie.maxKey]);
}

/** How many prospects have this tier (counted on the index). */
export function countTier(db: IcpLensDb, tier: Tier): Promise<number> {
  return tierRange(db, tier).count();
}

/** Ids grouped by tier, best first, highest score first within a tier, straight from the index. */
async function tierOrderedIds(db: IcpLensDb, tiers: Tier[], limit: number): Promise<number[]> {
  const ids: number[] = [];
  for (const t of tiers) {
    if (ids.length >= limit) break;
    const range = tierRange(db, t).reverse();
    const left = limit - ids.length;
    ids.push(...((await (Number.isFinite(left) ? range.limit(left) : range).primaryKeys()) as number[]));
  }
  return ids;
}

/** The ids in `keep`, in the order of a company-field index (reads the index's keys, not the records). */
async function inRecordOrder(
  db: IcpLensDb,
  sort: RecordSort,
  keep: ReadonlySet<number>,
  limit: number,
): Promise<number[]> {
  const ordered = db.prospects.orderBy(RECORD_INDEX[sort]);
  const all = (await (sort === 'name' ? ordered : ordered.reverse()).primaryKeys()) as number[];
  const ids: number[] = [];
  for (const id of all) {
    if (keep.has(id)) ids.push(id);
    if (ids.length >= limit) break;
  }
  return ids;
}

function byVerdict(sort: ListQuery['sort']) {
  return sort === 'tier'
    ? (a: Verdict, b: Verdict) => TIER_RANK[a.tier] - TIER_RANK[b.tier] || b.score - a.score
    : (a: Verdict, b: Verdict) => b.score - a.score;
}

/** The prospect records the company filters leave, found on the most selective index and checked per record. */
function recordCandidates(db: IcpLensDb, q: ListQuery): Collection<ProspectRecord, number | undefined> {
  let collection: Collection<ProspectRecord, number | undefined>;
  let indexed: keyof ListQuery;
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
  } else {
    collection = db.prospects.where('status').equals(q.status as ProspectStatus);
    indexed = 'status';
  }
  const rest = [
    q.search && 'search',
    q.tag && 'tag',
    q.industryId && 'industryId',
    q.hqCountry && 'hqCountry',
  ]
    .concat(q.status ? ['status'] : [])
    .filter((k) => k && k !== indexed);
  return rest.length > 0 ? collection.filter((p) => passes(p, q, indexed)) : collection;
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
  const verdictFilter = q.tier !== undefined || q.movedWithVersion !== undefined;
  const verdictSort = q.sort === 'tier' || q.sort === 'score';

  if (!filtersRecords(q)) {
    if (!verdictFilter) {
      // No filter: an index gives the order directly, without reading a single record.
      if (q.sort === 'tier') return tierOrderedIds(db, TIER_ORDER, limit);
      if (q.sort === 'score') {
        const ordered = db.verdicts.orderBy('score').reverse();
        return (await (Number.isFinite(limit) ? ordered.limit(limit) : ordered).primaryKeys()) as number[];
      }
      const ordered = db.prospects.orderBy(RECORD_INDEX[q.sort]);
      const directed = q.sort === 'name' ? ordered : ordered.reverse();
      return (await (Number.isFinite(limit) ? directed.limit(limit) : directed).primaryKeys()) as number[];
    }
    if (q.movedWithVersion === undefined && q.tier) {
      // One tier: its index range is already in score order.
      if (verdictSort) return tierOrderedIds(db, [q.tier], limit);
      const keep = new Set((await tierRange(db, q.tier).primaryKeys()) as number[]);
      return inRecordOrder(db, q.sort as RecordSort, keep, limit);
    }
    // The movers of a re-score (of one tier, perhaps): a pass over the narrow verdicts.
    const source = q.tier ? tierRange(db, q.tier) : db.verdicts.toCollection();
    const movers = await source.filter((v) => verdictPasses(v, q)).toArray();
    if (verdictSort)
      return movers
        .sort(byVerdict(q.sort))
        .slice(0, limit)
        .map((v) => v.id);
    return inRecordOrder(db, q.sort as RecordSort, new Set(movers.map((v) => v.id)), limit);
  }

  const records = await recordCandidates(db, q).toArray();
  if (!verdictFilter && !verdictSort) {
    const key = RECORD_INDEX[q.sort as RecordSort];
    records.sort((a, b) => (key === 'nameLower' ? a.nameLower.localeCompare(b.nameLower) : b[key] - a[key]));
    return records.slice(0, limit).map((p) => p.id as number);
  }
  const verdicts = await db.verdicts.bulkGet(records.map((p) => p.id as number));
  if (verdictSort) {
    const kept = verdicts.filter((v): v is Verdict =>
      verdictFilter ? verdictPasses(v, q) : v !== undefined,
    );
    return kept
      .sort(byVerdict(q.sort))
      .slice(0, limit)
      .map((v) => v.id);
  }
  const key = RECORD_INDEX[q.sort as RecordSort];
  const kept = records.filter((_, i) => verdictPasses(verdicts[i], q));
  kept.sort((a, b) => (key === 'nameLower' ? a.nameLower.localeCompare(b.nameLower) : b[key] - a[key]));
  return kept.slice(0, limit).map((p) => p.id as number);
}
