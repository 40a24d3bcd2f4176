/**
 * Finding prospects for the list page: filters and sort resolved to Dexie indexes where possible, the rest
 * checked per record, returning ids only (the list loads the rows it shows, so 100,000 prospects stay light).
 * The company's fields (status, industry, country, tags, name, dates) are indexed on `prospects`; the ICP's
 * verdict (tier, score, tier moves) is in the small rank records (`ranks`, see verdict-store.ts), whose
 * multi-entry index `rank` holds one [tier, score, id] key per prospect. A tier's count and a list's first rows
 * come from that index alone; a whole ordered list reads the rank records of the prospects it shows (a few
 * bytes each) and orders them by tier and score.
 */
import Dexie, { type Collection, type WhereClause } from 'dexie';
import type { IcpLensDb } from './index';
import type { ListTier, ProspectRecord, ProspectStatus, RankBlock } from './schema';
import { matchesSearch, nameSortKey, searchTerms } from './search';
import { allRankBlocks, getRanks, type RankEntry, rankEntries } from './verdict-store';

/** What the list shows. */
export interface ListQuery {
  tier?: ListTier;
  status?: ProspectStatus;
  industryId?: string;
  hqCountry?: string;
  tag?: string;
  /** Start of the name, of any word in it, or of the domain (see search.ts). */
  search?: string;
  /** Only prospects whose tier moved with the re-score to this ICP version. */
  movedWithVersion?: number;
  sort: 'tier' | 'score' | 'savedAt' | 'updatedAt' | 'name';
}

type RecordSort = 'savedAt' | 'updatedAt' | 'name';
const RECORD_INDEX = { savedAt: 'savedAt', updatedAt: 'updatedAt', name: 'nameSort' } as const;
/** The tiers the list files prospects under, in its order: those resting on too little known come last. */
export const LIST_TIERS: readonly ListTier[] = [
  'tier_1',
  'tier_2',
  'tier_3',
  'not_a_fit',
  'not_enough_known',
];
const TIER_RANK: Record<ListTier, number> = {
  tier_1: 0,
  tier_2: 1,
  tier_3: 2,
  not_a_fit: 3,
  not_enough_known: 4,
};
/**
 * The score sort's groups, before the score: the fits (Tiers 1–3), then Not a fit, then Not enough known. A
 * disqualified company or one that fails a must-have keeps its score (the panel shows it set aside), and
 * ordered by score alone it sat among the best.
 */
const SCORE_GROUP: Record<ListTier, number> = {
  tier_1: 2,
  tier_2: 2,
  tier_3: 2,
  not_a_fit: 1,
  not_enough_known: 0,
};

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
  if (q.tag && indexed !== 'tag' && !hasTag(p.tags, q.tag)) return false;
  if (q.search && indexed !== 'search' && !matchesSearch(p.nameLower, p.domain, q.search.toLowerCase()))
    return false;
  return true;
}

/** Whether a prospect's rank passes the verdict filters (tier, moved). */
function rankPasses(r: RankEntry | undefined, q: ListQuery): r is RankEntry {
  if (!r) return false;
  if (q.tier && r.tier !== q.tier) return false;
  if (q.movedWithVersion !== undefined && !r.movedIn.includes(q.movedWithVersion)) return false;
  return true;
}

/** The rank keys of one tier, on the multi-entry `rank` index (ascending score). */
function tierRange(db: IcpLensDb, tier: ListTier) {
  return db.ranks.where('rank').between([tier, Dexie.minKey], [tier, Dexie.maxKey]);
}

/** How many prospects have this tier (counted on the index). */
export function countTier(db: IcpLensDb, tier: ListTier): Promise<number> {
  return tierRange(db, tier).count();
}

/** How many prospects each tier has. */
export type TierCounts = Record<ListTier, number>;

function tally(blocks: readonly RankBlock[]): TierCounts {
  const counts: TierCounts = { tier_1: 0, tier_2: 0, tier_3: 0, not_a_fit: 0, not_enough_known: 0 };
  for (const block of blocks) for (const [tier] of block.rank) counts[tier]++;
  return counts;
}

/**
 * How many prospects each tier has, tallied from the rank records (3,125 for 100,000 prospects): counting on
 * the index walks each of its entries in the browser's storage (100,000), which held the database up for most
 * of a second, and a search typed meanwhile waited behind it.
 * @param signal stops the read between chunks (it then rejects with the signal's reason)
 */
export async function tierCounts(db: IcpLensDb, signal?: AbortSignal): Promise<TierCounts> {
  return tally(await allRankBlocks(db, signal));
}

/** Whether {@link queryProspectIds} reads every rank record for the whole of this query (and so tallies them). */
export function readsEveryRank(q: ListQuery): boolean {
  return (
    !filtersRecords(q) &&
    (q.tier !== undefined || q.movedWithVersion !== undefined || q.sort === 'tier' || q.sort === 'score')
  );
}

/** The first `limit` keys of a tier, highest score first, read from the index alone. */
async function topOfTier(db: IcpLensDb, tier: ListTier, limit: number): Promise<RankKey[]> {
  return (await tierRange(db, tier).reverse().limit(limit).keys()) as unknown as RankKey[];
}

/** The first `limit` ids grouped by tier (best first), highest score first within a tier. */
async function firstByTier(db: IcpLensDb, tiers: readonly ListTier[], limit: number): Promise<number[]> {
  const ids: number[] = [];
  for (const t of tiers) {
    if (ids.length >= limit) break;
    ids.push(...(await topOfTier(db, t, limit - ids.length)).map(([, , id]) => id));
  }
  return ids;
}

/** The first `limit` ids by score: each tier's index range is in score order, so its top rows merge. */
async function firstByScore(db: IcpLensDb, limit: number): Promise<number[]> {
  const tops = await Promise.all(LIST_TIERS.map((t) => topOfTier(db, t, limit)));
  return tops
    .flat()
    .sort(byRankKey('score'))
    .slice(0, limit)
    .map(([, , id]) => id);
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

/**
 * Orders rank entries as the sort says: by tier (best first) then score, or by score with the fits first (see
 * {@link SCORE_GROUP}) and the better tier first where scores tie; then by newest id.
 */
function byRank(sort: 'tier' | 'score') {
  return sort === 'tier'
    ? (a: RankEntry, b: RankEntry) =>
        TIER_RANK[a.tier] - TIER_RANK[b.tier] || b.score - a.score || b.id - a.id
    : (a: RankEntry, b: RankEntry) =>
        SCORE_GROUP[b.tier] - SCORE_GROUP[a.tier] ||
        b.score - a.score ||
        TIER_RANK[a.tier] - TIER_RANK[b.tier] ||
        b.id - a.id;
}

/** {@link byRank} for rank keys ([tier, score, id]). */
function byRankKey(sort: 'tier' | 'score') {
  return sort === 'tier'
    ? (a: RankKey, b: RankKey) => TIER_RANK[a[0]] - TIER_RANK[b[0]] || b[1] - a[1] || b[2] - a[2]
    : (a: RankKey, b: RankKey) =>
        SCORE_GROUP[b[0]] - SCORE_GROUP[a[0]] ||
        b[1] - a[1] ||
        TIER_RANK[a[0]] - TIER_RANK[b[0]] ||
        b[2] - a[2];
}

type RankKey = [ListTier, number, number];
const ID_SPAN = 2 ** 24;

/**
 * The ids of rank keys in the list's order (see {@link byRankKey}), sorted as numbers: each key composed into
 * one (tier or score group, score in tenths, id) where every score is in tenths from 0 to 100, as the scorer writes them, and
 * every id below 2^24; otherwise with the comparator. Sorting 100,000 keys with the comparator held the page's
 * main thread for about 160 ms, and a search typed meanwhile waited for it.
 */
export function orderRankKeys(keys: readonly RankKey[], sort: 'tier' | 'score'): number[] {
  const composed = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const [tier, score, id] = keys[i] as RankKey;
    const tenths = Math.round(score * 10);
    if (
      tenths / 10 !== score ||
      tenths < 0 ||
      tenths > 1000 ||
      !Number.isInteger(id) ||
      id < 0 ||
      id >= ID_SPAN
    )
      return [...keys].sort(byRankKey(sort)).map(([, , id]) => id);
    const better = LIST_TIERS.length - 1 - TIER_RANK[tier];
    // By tier then score; or by score group, score, then tier (a Tier 1 before a Tier 3 of the same score).
    const lead = sort === 'tier' ? better * 1024 + tenths : (SCORE_GROUP[tier] * 1024 + tenths) * 8 + better;
    composed[i] = lead * ID_SPAN + id;
  }
  composed.sort();
  const ids = new Array<number>(keys.length);
  for (let i = 0; i < keys.length; i++) ids[i] = (composed[keys.length - 1 - i] as number) % ID_SPAN;
  return ids;
}

/**
 * Orders records as a company-field sort says, in the order of the field's index, which answers the same sort
 * without a filter: names by the UTF-16 code units of their sort key (as IndexedDB orders strings; the key
 * folds accents and case, see `nameSortKey`) with ties by id, dates newest first with ties by newest id. A
 * filter that matches every row must not reorder the list, nor the export that follows it.
 */
function byRecord(sort: RecordSort) {
  const key = RECORD_INDEX[sort];
  const id = (p: ProspectRecord) => p.id as number;
  return key === 'nameSort'
    ? (a: ProspectRecord, b: ProspectRecord) => {
        const [x, y] = [a.nameSort ?? nameSortKey(a.nameLower), b.nameSort ?? nameSortKey(b.nameLower)];
        return x < y ? -1 : x > y ? 1 : id(a) - id(b);
      }
    : (a: ProspectRecord, b: ProspectRecord) => b[key] - a[key] || id(b) - id(a);
}

/** Whether a prospect carries a tag, in any case ("Q3" finds "q3": reps do not type tags alike). */
function hasTag(tags: readonly string[], tag: string): boolean {
  const wanted = tag.toLowerCase();
  return tags.some((t) => t.toLowerCase() === wanted);
}

const RECORD_FILTERS = ['search', 'tag', 'industryId', 'hqCountry', 'status'] as const;

/** An index's keys starting with any of the terms: one key range for one term (the usual search). */
function startingWith(where: WhereClause<ProspectRecord, number | undefined>, terms: string[]) {
  return terms.length === 1 ? where.startsWith(terms[0] as string) : where.startsWithAnyOf(terms);
}

/**
 * The ids of the prospects one company filter leaves, from its index's keys alone (no record is read): a search
 * asks the name's, its words' and the domain's indexes at once.
 */
async function indexedIds(db: IcpLensDb, q: ListQuery): Promise<number[]> {
  const keys = (collection: Collection<ProspectRecord, number | undefined>) =>
    collection.primaryKeys() as Promise<number[]>;
  let found: number[][];
  if (q.search) {
    const terms = searchTerms(q.search.toLowerCase());
    found = await Promise.all(
      (['nameLower', 'nameTails', 'domain'] as const).map((index) =>
        keys(startingWith(db.prospects.where(index), terms)),
      ),
    );
  } else if (q.tag) found = [await keys(db.prospects.where('tags').equalsIgnoreCase(q.tag))];
  else if (q.industryId) found = [await keys(db.prospects.where('industryId').equals(q.industryId))];
  else if (q.hqCountry) found = [await keys(db.prospects.where('hqCountry').equals(q.hqCountry))];
  else found = [await keys(db.prospects.where('status').equals(q.status as ProspectStatus))];
  return [...new Set(found.flat())];
}

/** The prospect records the company filters leave, found on the most selective index and checked per record. */
function recordCandidates(db: IcpLensDb, q: ListQuery): Collection<ProspectRecord, number | undefined> {
  let collection: Collection<ProspectRecord, number | undefined>;
  let indexed: keyof ListQuery;
  if (q.search) {
    const terms = searchTerms(q.search.toLowerCase());
    collection = startingWith(db.prospects.where('nameLower'), terms);
    for (const index of ['nameTails', 'domain']) collection = startingWith(collection.or(index), terms);
    // A name can have two tails that start alike ("acme labs acme"): each record once.
    collection = collection.distinct();
    indexed = 'search';
  } else if (q.tag) {
    collection = db.prospects.where('tags').equalsIgnoreCase(q.tag);
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
 * @param signal stops a long read (the whole list's ranks) between chunks, when the list asks something else
 * @param counted given the whole list's tier counts where the query read every rank record anyway
 *   ({@link readsEveryRank}), so that the list need not read them again to count
 */
export async function queryProspectIds(
  db: IcpLensDb,
  q: ListQuery,
  limit = Number.POSITIVE_INFINITY,
  signal?: AbortSignal,
  counted?: (counts: TierCounts) => void,
): Promise<number[]> {
  const everyRank = async () => {
    const blocks = await allRankBlocks(db, signal);
    counted?.(tally(blocks));
    return blocks;
  };
  const verdictFilter = q.tier !== undefined || q.movedWithVersion !== undefined;
  const verdictSort = q.sort === 'tier' || q.sort === 'score';

  if (!filtersRecords(q) && !verdictFilter && !verdictSort) {
    // A company-field order with no filter: the index gives it directly, without reading a record.
    const ordered = db.prospects.orderBy(RECORD_INDEX[q.sort as RecordSort]);
    const directed = q.sort === 'name' ? ordered : ordered.reverse();
    return (await (Number.isFinite(limit) ? directed.limit(limit) : directed).primaryKeys()) as number[];
  }
  if (!filtersRecords(q) && q.movedWithVersion === undefined && verdictSort && Number.isFinite(limit)) {
    // The first rows by tier or score: from the rank index's keys.
    if (q.tier) return firstByTier(db, [q.tier], limit);
    return q.sort === 'tier' ? firstByTier(db, LIST_TIERS, limit) : firstByScore(db, limit);
  }

  if (!filtersRecords(q) && q.movedWithVersion === undefined && verdictSort) {
    // The whole list by tier or score: every rank key (a few bytes each, no record read), ordered.
    const keys = (await everyRank()).flatMap((b) => b.rank);
    const kept = q.tier ? keys.filter(([tier]) => tier === q.tier) : keys;
    return orderRankKeys(kept, q.sort as 'tier' | 'score').slice(0, limit);
  }
  if (!filtersRecords(q)) {
    const kept = (await everyRank()).flatMap(rankEntries).filter((r) => rankPasses(r, q));
    if (verdictSort)
      return kept
        .sort(byRank(q.sort as 'tier' | 'score'))
        .slice(0, limit)
        .map((r) => r.id);
    return inRecordOrder(db, q.sort as RecordSort, new Set(kept.map((r) => r.id)), limit);
  }

  // Company filters first, on their indexes; then the ranks of the companies they leave. One filter ordered by
  // the verdict needs the index's keys only, not the records.
  if (verdictSort && RECORD_FILTERS.filter((k) => q[k]).length === 1) {
    const ranks = await getRanks(db, await indexedIds(db, q));
    return ranks
      .filter((r) => rankPasses(r, q))
      .sort(byRank(q.sort as 'tier' | 'score'))
      .slice(0, limit)
      .map((r) => r.id);
  }
  const records = await recordCandidates(db, q).toArray();
  if (!verdictFilter && !verdictSort)
    return records
      .sort(byRecord(q.sort as RecordSort))
      .slice(0, limit)
      .map((p) => p.id as number);
  const ranks = await getRanks(
    db,
    records.map((p) => p.id as number),
  );
  if (verdictSort)
    return ranks
      .filter((r) => rankPasses(r, q))
      .sort(byRank(q.sort as 'tier' | 'score'))
      .slice(0, limit)
      .map((r) => r.id);
  return records
    .filter((_, i) => rankPasses(ranks[i], q))
    .sort(byRecord(q.sort as RecordSort))
    .slice(0, limit)
    .map((p) => p.id as number);
}
