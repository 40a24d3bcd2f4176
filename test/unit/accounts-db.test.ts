import { describe, expect, it } from 'vitest';
import type { ImportedAccount } from '@/lib/calibrate';
import {
  AccountsDb,
  deleteAccounts,
  isCustomer,
  loadAccounts,
  replaceAccounts,
  storageErrorMessage,
} from '@/lib/db/accounts';
import { IcpLensDb } from '@/lib/db/index';

const fresh = () => new AccountsDb(`accounts-${Math.random()}`);

function account(domain: string, outcome: ImportedAccount['outcome'], line = 2): ImportedAccount {
  return {
    line,
    domain,
    name: domain,
    industry: 'Software Development',
    employees: { min: 100, max: 100 },
    revenueUsd: null,
    country: 'DE',
    technologies: ['HubSpot'],
    outcome,
    dealValue: 1000,
  };
}

const info = (rows: number): Parameters<typeof replaceAccounts>[2] => ({
  fileName: 'accounts.csv',
  importedAt: 1,
  encoding: 'utf-8',
  // As imports stored it before the founding year and the company type were read: no entry for either.
  mapping: {
    domain: 'Domain',
    name: null,
    industry: null,
    employees: null,
    revenue: null,
    country: null,
    technologies: null,
    outcome: 'Stage',
    dealValue: null,
  },
  rows,
  rejectedCount: 0,
  rejected: [],
});

describe('the imported accounts database', () => {
  it('is its own database, apart from the prospect list', () => {
    expect(new AccountsDb().name).toBe('icp-lens-accounts');
    expect(new AccountsDb().name).not.toBe(new IcpLensDb().name);
  });

  it('an import replaces the previous one and reads back validated', async () => {
    const db = fresh();
    await replaceAccounts(db, [account('old.com', 'won')], info(1));
    await replaceAccounts(db, [account('acme.com', 'won'), account('beta.io', 'lost', 3)], info(2));
    const loaded = await loadAccounts(db);
    expect(loaded.accounts.map((a) => a.domain)).toEqual(['acme.com', 'beta.io']);
    expect(loaded.info).toMatchObject({ fileName: 'accounts.csv', rows: 2 });
    expect(loaded.invalid).toBe(0);
  });

  it('a failed import leaves the earlier one untouched (one transaction)', async () => {
    const db = fresh();
    await replaceAccounts(db, [account('acme.com', 'won')], info(1));
    const clash = [
      { ...account('x.com', 'won'), id: 7 },
      { ...account('y.com', 'won'), id: 7 },
    ];
    await expect(replaceAccounts(db, clash, info(2))).rejects.toThrow();
    expect((await loadAccounts(db)).accounts.map((a) => a.domain)).toEqual(['acme.com']);
  });

  it('knows a won account as a customer, not a lost or open one', async () => {
    const db = fresh();
    await replaceAccounts(
      db,
      [account('acme.com', 'won'), account('beta.io', 'lost'), account('gamma.de', 'open')],
      info(3),
    );
    expect(await isCustomer(db, 'acme.com')).toBe(true);
    expect(await isCustomer(db, 'ACME.com')).toBe(true);
    expect(await isCustomer(db, 'beta.io')).toBe(false);
    expect(await isCustomer(db, 'gamma.de')).toBe(false);
    expect(await isCustomer(db, 'nobody.org')).toBe(false);
  });

  it('deletes every imported account in one call', async () => {
    const db = fresh();
    await replaceAccounts(db, [account('acme.com', 'won')], info(1));
    await deleteAccounts(db);
    expect(await loadAccounts(db)).toEqual({ info: null, accounts: [], invalid: 0 });
    expect(await isCustomer(db, 'acme.com')).toBe(false);
  });

  it('leaves out a stored record that no longer matches the schema, and counts it', async () => {
    const db = fresh();
    await replaceAccounts(db, [account('acme.com', 'won')], info(1));
    await db.accounts.add({ ...account('bad.com', 'won'), outcome: 'maybe' } as unknown as ImportedAccount);
    const loaded = await loadAccounts(db);
    expect(loaded.accounts).toHaveLength(1);
    expect(loaded.invalid).toBe(1);
  });

  it('reads an import stored before the founding year and company type were read, both unknown', async () => {
    const db = fresh();
    // The records as version 0.2.0 wrote them, straight into the database: no such fields, no such columns.
    const { foundedYear: _f, companyType: _c, ...old } = account('acme.com', 'won');
    await db.accounts.add(old as ImportedAccount);
    const { mapping, ...rest } = info(1);
    const { founded: _founded, companyType: _type, ...oldMapping } = mapping as Record<string, unknown>;
    await db.imports.put({ ...rest, mapping: oldMapping, id: 'current' } as never);
    const loaded = await loadAccounts(db);
    expect(loaded.invalid).toBe(0);
    expect(loaded.accounts[0]).toMatchObject({ domain: 'acme.com' });
    expect(loaded.accounts[0]?.foundedYear ?? null).toBeNull();
    expect(loaded.info?.mapping).toMatchObject({ domain: 'Domain', founded: null, companyType: null });
  });

  it('explains a full storage quota', () => {
    const quota = Object.assign(new Error('x'), { name: 'QuotaExceededError' });
    expect(storageErrorMessage(quota)).toMatch(/no room left.*earlier import is unchanged/);
    expect(storageErrorMessage({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toMatch(
      /no room left/,
    );
  });
});
