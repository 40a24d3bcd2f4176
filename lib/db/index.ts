/**
 * The extension's IndexedDB database (Dexie), versioned from the start. With lib/settings, the only part of
 * lib/ that touches storage. Every version bump adds an upgrade and a test that opens a saved database of
 * the older version with data in it (test/unit/db-upgrade.test.ts).
 */
import Dexie, { type EntityTable } from 'dexie';
import { z } from 'zod';
import { CompanyFactsSchema, PageRoleSchema } from '../extract/schema';

/** A company page the rep has seen: what it said, kept to enrich the company's profile from other pages. */
export const SeenPageSchema = z.object({
  /** The page address without its fragment. */
  url: z.string().max(4000),
  /** The company's registrable domain, if the page names it. */
  domain: z.string().nullable(),
  /** The company's LinkedIn slug (`/company/<slug>`), if the page names it. */
  linkedinSlug: z.string().nullable(),
  title: z.string(),
  pageRole: PageRoleSchema,
  /** This page's own facts (not merged with other pages). */
  facts: CompanyFactsSchema,
  /** When the page was last read, ms since the epoch. */
  seenAt: z.number(),
});
export type SeenPage = z.infer<typeof SeenPageSchema>;

/** The database. */
export class IcpLensDb extends Dexie {
  pages!: EntityTable<SeenPage, 'url'>;

  constructor(name = 'icp-lens') {
    super(name);
    // v1: pages the rep has seen, by company.
    this.version(1).stores({ pages: '&url, domain, linkedinSlug, seenAt' });
  }
}

let shared: IcpLensDb | undefined;

/** The extension's database, opened once per context. */
export function getDb(): IcpLensDb {
  shared ??= new IcpLensDb();
  return shared;
}
