/**
 * The extension's IndexedDB database (Dexie), versioned from the start. With lib/settings, the only part of
 * lib/ that touches storage. Every version bump adds an upgrade and a test that opens a saved database of
 * the older version with data in it (test/unit/db-upgrade.test.ts).
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Prospect, SeenPage } from './schema';

export * from './schema';

/** The database. */
export class IcpLensDb extends Dexie {
  pages!: EntityTable<SeenPage, 'url'>;
  prospects!: EntityTable<Prospect, 'id'>;

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
 * Runs `work` as one read-write transaction on the prospect list: all of it is written or none of it, and a
 * storage failure comes out as a {@link StorageError}.
 */
export async function writeProspects<T>(db: IcpLensDb, work: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction('rw', db.prospects, work);
  } catch (error) {
    throw explainStorageError(error);
  }
}
