/**
 * The extension's IndexedDB database (Dexie), versioned from the start. With lib/settings, the only part of
 * lib/ that touches storage. Every version bump adds an upgrade and a test that opens a saved database of
 * the older version with data in it (test/unit/db.test.ts, test/unit/upgrade.test.ts).
 */
import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import type {
  Prospect,
  ProspectEvidence,
  ProspectRecord,
  RankBlock,
  SeenPage,
  StoredVerdict,
  Verdict,
  VerdictBlock,
} from './schema';
import { nameSortKey, nameTails } from './search';
import { blockOf, encodeVerdict, packBlock, rankBlock } from './verdict-store';
import { splitProspect } from './verdicts';

export * from './schema';

/** The database. */
export class IcpLensDb extends Dexie {
  pages!: EntityTable<SeenPage, 'url'>;
  prospects!: EntityTable<ProspectRecord, 'id'>;
  verdictBlocks!: EntityTable<VerdictBlock, 'id'>;
  ranks!: EntityTable<RankBlock, 'id'>;
  evidence!: EntityTable<ProspectEvidence, 'id'>;

  /** @param options Dexie's options, e.g. an in-memory IndexedDB for command-line tools. */
  constructor(name = 'icp-lens', options?: DexieOptions) {
    super(name, options);
    // v1: pages the rep has seen, by company.
    this.version(1).stores({ pages: '&url, domain, linkedinSlug, seenAt' });
    // v2: the prospect list. Adds a table; v1's pages are kept as they are.
    this.version(2).stores({
      pages: '&url, domain, linkedinSlug, seenAt',
      prospects:
        '++id, domain, linkedinSlug, tier, status, score, savedAt, updatedAt, nameLower, industryId, hqCountry, *tags',
    });
    // v3: a prospect becomes three records with one id (lib/db/verdicts.ts): the company (`prospects`), the
    // ICP's verdict (`verdicts`: tier, score, result, history) and the facts with their evidence (`evidence`),
    // so that re-scoring rewrites small records with two indexes instead of whole prospects with eleven, and
    // filters and exports read no evidence.
    this.version(3)
      .stores({
        pages: '&url, domain, linkedinSlug, seenAt',
        prospects:
          '++id, domain, linkedinSlug, status, savedAt, updatedAt, nameLower, industryId, hqCountry, *tags',
        verdicts: 'id, [tier+score], score',
        evidence: 'id',
      })
      .upgrade(async (tx) => {
        const verdicts = tx.table<Verdict, number>('verdicts');
        const evidence = tx.table<ProspectEvidence, number>('evidence');
        const prospects = tx.table<Prospect, number>('prospects');
        // In chunks of primary keys, so that 100,000 prospects never sit in memory at once.
        for (let last = -Infinity; ; ) {
          const chunk = await prospects.where(':id').above(last).limit(2000).toArray();
          if (chunk.length === 0) break;
          const split = chunk.map((p) => splitProspect(p as Prospect & { id: number }));
          await prospects.bulkPut(split.map(([record]) => record as Prospect));
          await verdicts.bulkAdd(split.map(([, verdict]) => verdict));
          await evidence.bulkAdd(split.map(([, , facts]) => facts));
          last = chunk[chunk.length - 1]?.id as number;
        }
      });
    // v4: verdicts move into blocks of 32 prospects (lib/db/verdict-store.ts), each with a small rank record
    // indexed per prospect (tier, score, id), so that a re-score writes one record per 32 prospects.
    this.version(4)
      .stores({
        pages: '&url, domain, linkedinSlug, seenAt',
        prospects:
          '++id, domain, linkedinSlug, status, savedAt, updatedAt, nameLower, industryId, hqCountry, *tags',
        verdicts: null,
        verdictBlocks: 'id',
        ranks: 'id, *rank',
        evidence: 'id',
      })
      .upgrade(async (tx) => {
        const verdicts = tx.table<Verdict, number>('verdicts');
        const blocks = tx.table<VerdictBlock, number>('verdictBlocks');
        const ranks = tx.table<RankBlock, number>('ranks');
        for (let last = -Infinity; ; ) {
          const chunk = await verdicts.where(':id').above(last).limit(2048).toArray();
          if (chunk.length === 0) break;
          // A full chunk may end inside a block: that block waits for the next chunk (2,048 ids span at
          // least 64 blocks, so some are always whole).
          const end = blockOf(chunk[chunk.length - 1]?.id as number);
          const whole = chunk.length < 2048 ? chunk : chunk.filter((v) => blockOf(v.id) < end);
          const grouped = new Map<number, StoredVerdict[]>();
          for (const v of whole)
            grouped.set(blockOf(v.id), [...(grouped.get(blockOf(v.id)) ?? []), encodeVerdict(v)]);
          const written = [...grouped].map(([id, list]) => packBlock(id, list));
          await blocks.bulkPut(written);
          await ranks.bulkPut(written.map(rankBlock));
          last = whole[whole.length - 1]?.id as number;
        }
      });
    // v5: the name from each later word on, indexed (`*nameTails`), so that a search finds a company from any word
    // of its name, not only from its start (lib/db/search.ts).
    this.version(5)
      .stores({
        pages: '&url, domain, linkedinSlug, seenAt',
        prospects:
          '++id, domain, linkedinSlug, status, savedAt, updatedAt, nameLower, *nameTails, industryId, hqCountry, *tags',
        verdictBlocks: 'id',
        ranks: 'id, *rank',
        evidence: 'id',
      })
      .upgrade((tx) =>
        tx
          .table<ProspectRecord, number>('prospects')
          .toCollection()
          .modify((p) => {
            p.nameTails = nameTails(p.nameLower);
            // v6's name sort key too, while the record is rewritten anyway: v6 then indexes it as it is, and
            // a database older than v5 is rewritten once, not twice.
            p.nameSort = nameSortKey(p.nameLower);
          }),
      );
    // v6: the name as a rep sorts it, indexed (`nameSort`: accents folded, see lib/db/search.ts), so that "Sort
    // by Name" puts "Äpfel & Co" among the a's; by `nameLower` it came after "Zürich Data". `nameLower` stays
    // indexed for searching from a name's start.
    this.version(6)
      .stores({
        pages: '&url, domain, linkedinSlug, seenAt',
        prospects:
          '++id, domain, linkedinSlug, status, savedAt, updatedAt, nameLower, *nameTails, nameSort, industryId, hqCountry, *tags',
        verdictBlocks: 'id',
        ranks: 'id, *rank',
        evidence: 'id',
      })
      .upgrade(async (tx) => {
        const prospects = tx.table<ProspectRecord, number>('prospects');
        // In chunks of primary keys, and only the records without their key: rewriting a record re-indexes
        // all its fields (100,000 took 14 s in Chromium, see docs/PERFORMANCE.md), and a database older than
        // v5 got the key in v5's upgrade (or v3's, whose splitProspect sets it).
        for (let last = -Infinity; ; ) {
          const chunk = await prospects.where(':id').above(last).limit(2000).toArray();
          if (chunk.length === 0) break;
          const stale = chunk.filter((p) => p.nameSort !== nameSortKey(p.nameLower));
          if (stale.length > 0)
            await prospects.bulkPut(stale.map((p) => ({ ...p, nameSort: nameSortKey(p.nameLower) })));
          last = chunk[chunk.length - 1]?.id as number;
        }
      });
  }
}

let shared: IcpLensDb | undefined;

/** The extension's database, opened once per context. */
export function getDb(): IcpLensDb {
  shared ??= new IcpLensDb();
  return shared;
}

/** A write the browser's storage refused (full disk, quota, a failing database), in words a rep can act on. */
export class StorageError extends Error {
  override name = 'StorageError';
}

/** The names of an error and of the errors it wraps (Dexie wraps the browser's own). */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  for (let e = error as { name?: unknown; inner?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.name === 'string') names.push(e.name);
    e = e.inner as typeof e;
  }
  return names;
}

/**
 * A storage failure as a {@link StorageError} that says what happened and that nothing was written; any other
 * error as it is.
 * @param kept what the rep still has, for the message
 */
export function explainStorageError(error: unknown, kept = 'everything saved before is intact'): unknown {
  const names = errorNames(error);
  if (names.includes('QuotaExceededError')) {
    return new StorageError(
      `The browser has no room left for ICP Lens, so nothing was saved; ${kept}. ` +
        'Free disk space, or export and delete what you no longer need, and try again.',
    );
  }
  const failure = names.find((n) =>
    ['DatabaseClosedError', 'OpenFailedError', 'UnknownError', 'AbortError', 'DataError'].includes(n),
  );
  if (failure) {
    return new StorageError(
      `The browser's storage refused the change (${failure}), so nothing was saved; ${kept}.`,
    );
  }
  return error;
}

/**
 * Runs `work` as one read-write transaction on the prospect list (companies, verdicts with their ranks, and
 * evidence, or the given tables of it): all of it is written or none of it, and a
 * storage failure comes out as a {@link StorageError}.
 */
export async function writeProspects<T>(
  db: IcpLensDb,
  work: () => Promise<T>,
  tables: Table[] = [db.prospects, db.verdictBlocks, db.ranks, db.evidence],
): Promise<T> {
  try {
    return await db.transaction('rw', tables, work);
  } catch (error) {
    throw explainStorageError(error);
  }
}
