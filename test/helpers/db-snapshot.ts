import Dexie from 'dexie';
import { IcpLensDb } from '@/lib/db/index';

/** A database as an earlier version of ICP Lens left it: its schema and the rows of each table. */
export interface SavedDatabase {
  version: number;
  stores: Record<string, string>;
  tables: Record<string, unknown[]>;
}

/**
 * Writes a saved database under a fresh name with its own schema, then opens it with today's code, which
 * upgrades it as a rep's browser would.
 */
export async function openUpgraded(saved: SavedDatabase, prefix: string): Promise<IcpLensDb> {
  const name = `${prefix}-${Math.random()}`;
  const old = new Dexie(name);
  old.version(saved.version).stores(saved.stores);
  for (const [table, rows] of Object.entries(saved.tables)) await old.table(table).bulkAdd(rows);
  old.close();
  const db = new IcpLensDb(name);
  await db.open();
  return db;
}
