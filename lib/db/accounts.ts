/**
 * The imported CRM accounts (issue 8's calibration), in their own IndexedDB database `icp-lens-accounts`: kept
 * apart from the rep's prospect list (`icp-lens`), versioned on its own, deleted in one click. An import
 * replaces the previous one in a single transaction, so a failure (a full disk, a quota) leaves the earlier
 * import as it was.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import { z } from 'zod';
import { ColumnMappingSchema, ImportedAccountSchema, RejectedRowSchema } from '../calibrate/schema';
import { explainStorageError, StorageError } from './index';

/** A stored account: an imported account with its key. */
export type StoredAccount = z.infer<typeof ImportedAccountSchema> & { id?: number };

/** What the last import was (one record, id `current`). */
export const AccountsImportInfoSchema = z.object({
  id: z.literal('current'),
  fileName: z.string().max(500),
  importedAt: z.number(),
  encoding: z.string().max(20),
  mapping: ColumnMappingSchema,
  /** Rows read, and rows rejected (the first 500 with their reasons). */
  rows: z.number().int().nonnegative(),
  rejectedCount: z.number().int().nonnegative(),
  rejected: z.array(RejectedRowSchema).max(500),
  /** Rows left out by the manager's choice: an outcome set "Not imported" (none in an import before 0.3). */
  leftOutCount: z.number().int().nonnegative().default(0),
  /**
   * Rows imported with a fact cell that could not be read, left unknown (the first 500 with what it said; none
   * in an import before 0.3, when such a row was rejected).
   */
  partlyReadCount: z.number().int().nonnegative().default(0),
  partlyRead: z.array(RejectedRowSchema).max(500).default([]),
});
export type AccountsImportInfo = z.infer<typeof AccountsImportInfoSchema>;

/** The accounts database. */
export class AccountsDb extends Dexie {
  accounts!: EntityTable<StoredAccount, 'id'>;
  imports!: EntityTable<AccountsImportInfo, 'id'>;

  constructor(name = 'icp-lens-accounts', options?: DexieOptions) {
    super(name, options);
    // v1: accounts by domain (the "already a customer" look-up) and outcome; the last import's summary.
    this.version(1).stores({ accounts: '++id, domain, outcome', imports: '&id' });
  }
}

let shared: AccountsDb | undefined;

/** The accounts database, opened once per context. */
export function getAccountsDb(): AccountsDb {
  shared ??= new AccountsDb();
  return shared;
}

/** Replaces the stored accounts with a new import, all or nothing. */
export async function replaceAccounts(
  db: AccountsDb,
  accounts: ReadonlyArray<z.infer<typeof ImportedAccountSchema>>,
  info: Omit<z.input<typeof AccountsImportInfoSchema>, 'id'>,
): Promise<void> {
  const record = AccountsImportInfoSchema.parse({
    ...info,
    id: 'current',
    rejected: info.rejected.slice(0, 500),
    partlyRead: info.partlyRead?.slice(0, 500),
  });
  await db.transaction('rw', db.accounts, db.imports, async () => {
    await db.accounts.clear();
    await db.imports.clear();
    // In slices: each put is cloned on the page's thread, and 20,000 at once would block it for a second.
    for (let from = 0; from < accounts.length; from += 2000)
      await db.accounts.bulkAdd(accounts.slice(from, from + 2000).map((a) => ({ ...a })));
    await db.imports.put(record);
  });
}

/** Deletes every imported account and the import's summary. */
export async function deleteAccounts(db: AccountsDb): Promise<void> {
  await db.transaction('rw', db.accounts, db.imports, async () => {
    await db.accounts.clear();
    await db.imports.clear();
  });
}

/**
 * The stored import: its summary and accounts, each checked against the schema (a record that does not match
 * is left out and counted, never shown as if it were valid).
 */
export async function loadAccounts(db: AccountsDb): Promise<{
  info: AccountsImportInfo | null;
  accounts: Array<z.infer<typeof ImportedAccountSchema>>;
  invalid: number;
}> {
  const [info, stored] = await db.transaction('r', db.accounts, db.imports, () =>
    Promise.all([db.imports.get('current'), db.accounts.toArray()]),
  );
  const accounts: Array<z.infer<typeof ImportedAccountSchema>> = [];
  let invalid = 0;
  for (const { id: _id, ...record } of stored) {
    const parsed = ImportedAccountSchema.safeParse(record);
    if (parsed.success) accounts.push(parsed.data);
    else invalid++;
  }
  const parsedInfo = info ? AccountsImportInfoSchema.safeParse(info) : null;
  return { info: parsedInfo?.success ? parsedInfo.data : null, accounts, invalid };
}

/** Whether an imported account with this registrable domain was won: the company is already a customer. */
export async function isCustomer(db: AccountsDb, domain: string): Promise<boolean> {
  const hit = await db.accounts
    .where('domain')
    .equals(domain.toLowerCase())
    .filter((a) => a.outcome === 'won')
    .first();
  return hit !== undefined;
}

/** A storage failure in words a manager can act on (a full quota above all). */
export function storageErrorMessage(error: unknown): string {
  const explained = explainStorageError(error, 'the earlier import is unchanged');
  if (explained instanceof StorageError) return explained.message;
  return `Could not save the accounts: ${error instanceof Error ? error.message : String(error)}. The earlier import is unchanged.`;
}
