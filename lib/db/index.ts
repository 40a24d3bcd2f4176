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
