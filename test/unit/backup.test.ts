import { describe, expect, it } from 'vitest';
import { createBackup, restoreBackup } from '@/lib/db/backup';
import { IcpLensDb } from '@/lib/db/index';
import { saveProspect, updateProspect } from '@/lib/db/prospects';
import type { CompanyFacts } from '@/lib/extract/schema';
import { DEFAULT_ICP, scoreCompany } from '@/lib/icp';
import { fact } from '../helpers/facts';

const input = (domain: string) => {
  const facts: CompanyFacts = { name: fact(domain), domain: fact(domain), industry: fact('Software') };
  return {
    facts,
    result: scoreCompany(facts, DEFAULT_ICP),
    icp: DEFAULT_ICP,
    sourceUrls: [`https://${domain}/`],
  };
};
const fresh = () => new IcpLensDb(`backup-${Math.random()}`);

describe('backup and restore', () => {
  it('restores a backup into an empty list exactly', async () => {
    const source = fresh();
    await saveProspect(source, input('a.com'), 1);
    await saveProspect(source, input('b.com'), 2);
    const backup = JSON.parse(JSON.stringify(await createBackup(source, 3)));
    const target = fresh();
    expect(await restoreBackup(target, backup)).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect((await target.prospects.toArray()).map((p) => p.domain).sort()).toEqual(['a.com', 'b.com']);
  });

  it('merges without duplicates, keeps the newer record and unites tags, never deletes', async () => {
    const db = fresh();
    const { prospect } = await saveProspect(db, input('a.com'), 1);
    await saveProspect(db, input('only-here.com'), 1);
    const backup = await createBackup(db, 2);
    await updateProspect(db, prospect.id as number, { notes: 'newer', tags: ['mine'] }, 5);
    const old = backup.prospects.find((p) => p.domain === 'a.com');
    if (old) old.tags = ['from-backup'];
    backup.prospects = backup.prospects.filter((p) => p.domain === 'a.com');
    expect(await restoreBackup(db, backup)).toEqual({ added: 0, updated: 1, unchanged: 0 });
    const after = await db.prospects.where('domain').equals('a.com').toArray();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ notes: 'newer', tags: ['mine', 'from-backup'] });
    expect(await db.prospects.where('domain').equals('only-here.com').count()).toBe(1);
  });

  it('refuses a document that is not a valid backup, writing nothing', async () => {
    const db = fresh();
    await expect(
      restoreBackup(db, { format: 'icp-lens-backup', version: 1, exportedAt: 1, prospects: [{ name: 42 }] }),
    ).rejects.toThrow(/Not an ICP Lens backup: prospects\[0\]\./);
    await expect(restoreBackup(db, 'nonsense')).rejects.toThrow(
      'Not an ICP Lens backup: it has no "format": "icp-lens-backup".',
    );
    // An ICP file picked by mistake is named as one.
    await expect(restoreBackup(db, DEFAULT_ICP)).rejects.toThrow(
      'Not an ICP Lens backup: this is an ICP file; import it in the options page (Import JSON…).',
    );
    expect(await db.prospects.count()).toBe(0);
  });
});
