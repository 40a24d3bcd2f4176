import { describe, expect, it, vi } from 'vitest';
import {
  createBackup,
  MAX_BACKUP_BYTES,
  notesKeptMessage,
  readBackupFile,
  restoreBackup,
} from '@/lib/db/backup';
import { IcpLensDb } from '@/lib/db/index';
import { leftOutMessage, mergeNotes } from '@/lib/db/merge-prospects';
import { allProspects, saveProspect, updateProspect } from '@/lib/db/prospects';
import type { Prospect } from '@/lib/db/schema';
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
/** A company known by its domain, its LinkedIn page, or both. */
const known = (domain: string | null, slug: string | null, more: CompanyFacts = {}) => {
  const facts: CompanyFacts = { name: fact('Acme Robotics'), industry: fact('Software'), ...more };
  if (domain) facts.domain = fact(domain);
  if (slug) facts.linkedinUrl = fact(`https://www.linkedin.com/company/${slug}`);
  return {
    facts,
    result: scoreCompany(facts, DEFAULT_ICP),
    icp: DEFAULT_ICP,
    sourceUrls: ['https://example.test/'],
  };
};
const roundTrip = async (db: IcpLensDb, now: number) =>
  JSON.parse(JSON.stringify(await createBackup(db, now)));

describe('backup and restore', () => {
  it('restores a backup into an empty list exactly', async () => {
    const source = fresh();
    await saveProspect(source, input('a.com'), 1);
    await saveProspect(source, input('b.com'), 2);
    const backup = JSON.parse(JSON.stringify(await createBackup(source, 3)));
    const target = fresh();
    expect(await restoreBackup(target, backup)).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      notesKept: [],
      leftOut: [],
    });
    expect((await target.prospects.toArray()).map((p) => p.domain).sort()).toEqual(['a.com', 'b.com']);
  });

  it('restores whole a list saved by 0.2.0, whose notes and tags went past the list’s own limits', async () => {
    const source = fresh();
    const { id } = (await saveProspect(source, input('a.com'), 1)).prospect;
    // 0.2.0 wrote what its fields were given (no length on the note field, no count of tags).
    const long = { notes: 'n'.repeat(25_000), tags: Array.from({ length: 60 }, (_, i) => `tag ${i}`) };
    await updateProspect(source, id as number, long);
    const target = fresh();
    expect(await restoreBackup(target, await roundTrip(source, 2))).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
      notesKept: [],
      leftOut: [],
    });
    expect((await allProspects(target))[0]).toMatchObject(long);
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
    expect(await restoreBackup(db, backup)).toEqual({
      added: 0,
      updated: 1,
      unchanged: 0,
      notesKept: [],
      leftOut: [],
    });
    const after = await db.prospects.where('domain').equals('a.com').toArray();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ notes: 'newer', tags: ['mine', 'from-backup'] });
    expect(await db.prospects.where('domain').equals('only-here.com').count()).toBe(1);
  });

  it('keeps the list’s tags and source pages first where a company would pass the limits, and names what the backup’s were left out', async () => {
    const db = fresh();
    const { prospect } = await saveProspect(db, input('a.com'), 1);
    const listTags = Array.from({ length: 48 }, (_, i) => `list ${i}`);
    await updateProspect(db, prospect.id as number, { tags: listTags }, 2);
    const backup = await roundTrip(db, 3);
    const sources = (n: number, site: string) => Array.from({ length: n }, (_, i) => `https://${site}/${i}`);
    await db.prospects.update(prospect.id as number, { sourceUrls: sources(50, 'a.com') });
    // The backup's: two tags the list has (in another case), five it does not, and two pages it does not.
    backup.prospects[0].tags = ['LIST 0', 'list 1', 'q3', 'event', 'expo', 'board', 'renewal'];
    backup.prospects[0].sourceUrls = ['https://a.com/0', ...sources(2, 'news.test')];
    const report = await restoreBackup(db, backup);
    expect(report.leftOut).toEqual([{ name: 'a.com', tags: ['expo', 'board', 'renewal'], sources: 2 }]);
    const after = (await allProspects(db))[0];
    expect(after?.tags).toEqual([...listTags, 'q3', 'event']);
    expect(after?.sourceUrls).toEqual(sources(50, 'a.com'));
    expect(leftOutMessage(report.leftOut, 'backup.json')).toBe(
      'Left out, as a company holds at most 50 tags and 50 source pages (those already on the list were kept): a.com: 3 tags (expo, board, renewal) and 2 source pages. They are still in backup.json.',
    );
  });

  it('names at most three companies a merge left tags or pages out of, and counts the rest', () => {
    const leftOut = ['A', 'B', 'C', 'D', 'E'].map((name) => ({ name, tags: ['x'], sources: 0 }));
    expect(leftOutMessage(leftOut)).toMatch(
      /: A: 1 tag \(x\); B: 1 tag \(x\); C: 1 tag \(x\); and 2 more companies\.$/,
    );
    expect(leftOutMessage([])).toBe('');
  });

  it('keeps what the rep wrote when the other record is newer for another reason, in either direction', async () => {
    // On the list: a note and a status. In the backup, newer (saved again later), neither.
    const db = fresh();
    const { prospect } = await saveProspect(db, input('a.com'), 1);
    await updateProspect(db, prospect.id as number, { notes: 'Spoke to the CFO', status: 'contacted' }, 2);
    const other = fresh();
    await saveProspect(other, input('a.com'), 10);
    expect(await restoreBackup(db, await roundTrip(other, 11))).toMatchObject({ updated: 1 });
    expect((await allProspects(db))[0]).toMatchObject({ notes: 'Spoke to the CFO', status: 'contacted' });

    // The other way round: the backup has them, the list's record is newer and has neither.
    const list = fresh();
    await saveProspect(list, input('a.com'), 20);
    expect(await restoreBackup(list, await roundTrip(db, 12))).toMatchObject({ updated: 1 });
    expect((await allProspects(list))[0]).toMatchObject({ notes: 'Spoke to the CFO', status: 'contacted' });

    // Two different notes: both are kept, the newer first; a newer status stands.
    const third = fresh();
    const saved = await saveProspect(third, input('a.com'), 30);
    await updateProspect(
      third,
      saved.prospect.id as number,
      { notes: 'Send the deck', status: 'qualified' },
      31,
    );
    await restoreBackup(third, await roundTrip(db, 12));
    expect((await allProspects(third))[0]).toMatchObject({
      notes: 'Send the deck\n\nSpoke to the CFO',
      status: 'qualified',
    });
  });

  it.each([
    ['Send the deck', '', 'Send the deck'],
    ['', 'Spoke to the CFO', 'Spoke to the CFO'],
    ['Spoke to the CFO. Send the deck', 'Spoke to the CFO', 'Spoke to the CFO. Send the deck'],
    ['Spoke', 'Spoke to the CFO', 'Spoke to the CFO'],
    // A short older note inside a word of the newer one is still another note.
    ['Not now, call in Q3', 'no', 'Not now, call in Q3\n\nno'],
    ['same', 'same', 'same'],
    // Notes a restore already merged hold the other one as a paragraph: it is not added again.
    ['Send the deck\n\nSpoke to the CFO', 'Spoke to the CFO', 'Send the deck\n\nSpoke to the CFO'],
    [
      'Call back\n\nSpoke to the CFO\n\nMet at SaaStr',
      'Spoke to the CFO',
      'Call back\n\nSpoke to the CFO\n\nMet at SaaStr',
    ],
    ['Spoke to the CFO', 'Send the deck\n\nSpoke to the CFO', 'Send the deck\n\nSpoke to the CFO'],
    // Within a paragraph it is still another note.
    [
      'Send the deck. Spoke to the CFO',
      'Spoke to the CFO',
      'Send the deck. Spoke to the CFO\n\nSpoke to the CFO',
    ],
  ])('merges the notes "%s" (newer) and "%s" (older) into "%s"', (newer, older, merged) =>
    expect(mergeNotes(newer, older)).toBe(merged),
  );

  it('keeps the domain, the LinkedIn page and the facts only the older record has', async () => {
    // On the list from the site; in the backup, newer, from LinkedIn alone (no domain).
    const db = fresh();
    await saveProspect(db, known('acme.com', 'acme', { hqCountry: fact('DE') }), 1);
    const other = fresh();
    await saveProspect(other, known(null, 'acme', { employees: fact({ min: 51, max: 200 }) }), 10);
    expect(await restoreBackup(db, await roundTrip(other, 11))).toMatchObject({ updated: 1 });
    const [p] = await allProspects(db);
    expect(p).toMatchObject({ domain: 'acme.com', linkedinSlug: 'acme', hqCountry: 'DE' });
    expect(p?.facts).toMatchObject({
      domain: { value: 'acme.com' },
      employees: { value: { min: 51, max: 200 } },
    });
    // Saving from the site again finds that record, not a second one.
    await saveProspect(db, known('acme.com', null), 12);
    expect(await db.prospects.count()).toBe(1);

    // The other way round: the list's record is the newer, the backup's has the domain.
    const site = fresh();
    await saveProspect(site, known('acme.com', 'acme'), 1);
    const linkedin = fresh();
    await saveProspect(linkedin, known(null, 'acme'), 10);
    await restoreBackup(linkedin, await roundTrip(site, 11));
    expect((await allProspects(linkedin))[0]).toMatchObject({ domain: 'acme.com', linkedinSlug: 'acme' });
  });

  it('unites tags once whatever their case and within the limit, so the next backup still restores', async () => {
    const db = fresh();
    const { prospect } = await saveProspect(db, known('acme.com', null), 1);
    await updateProspect(
      db,
      prospect.id as number,
      { tags: ['Q3', ...Array.from({ length: 29 }, (_, i) => `mine-${i}`)] },
      2,
    );
    const other = fresh();
    const { prospect: theirs } = await saveProspect(other, known('acme.com', null), 1);
    await updateProspect(
      other,
      theirs.id as number,
      { tags: ['q3', ...Array.from({ length: 29 }, (_, i) => `theirs-${i}`)] },
      3,
    );
    await restoreBackup(db, await roundTrip(other, 4));
    const { tags } = (await allProspects(db))[0] as { tags: string[] };
    expect(tags).toHaveLength(50);
    expect(tags.filter((t) => t.toLowerCase() === 'q3')).toEqual(['Q3']);
    const target = fresh();
    expect(await restoreBackup(target, await roundTrip(db, 5))).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
      notesKept: [],
      leftOut: [],
    });
  });

  it('restoring the same backup again after its notes were merged changes nothing', async () => {
    const db = fresh();
    const { prospect } = await saveProspect(db, input('a.com'), 1);
    await updateProspect(db, prospect.id as number, { notes: 'Spoke to the CFO' }, 2);
    const backup = await roundTrip(db, 3);
    await updateProspect(db, prospect.id as number, { notes: 'Send the deck' }, 4);
    expect(await restoreBackup(db, backup)).toMatchObject({ updated: 1 });
    expect(await restoreBackup(db, backup)).toEqual({
      added: 0,
      updated: 0,
      unchanged: 1,
      notesKept: [],
      leftOut: [],
    });
    expect(await restoreBackup(db, backup)).toEqual({
      added: 0,
      updated: 0,
      unchanged: 1,
      notesKept: [],
      leftOut: [],
    });
    expect((await allProspects(db))[0]?.notes).toBe('Send the deck\n\nSpoke to the CFO');
  });

  it('keeps the list’s note whole where the backup’s is different and both would pass the limit, and names the company', async () => {
    const db = fresh();
    const saved = await saveProspect(db, input('a.com'), 1);
    await saveProspect(db, input('b.com'), 1);
    const listNote = `Met at SaaStr. ${'l'.repeat(12_000)} Call back in May.`;
    await updateProspect(db, saved.prospect.id as number, { notes: listNote }, 2);
    const backup = await roundTrip(db, 3);
    // The backup's notes, newer: a different one for a.com that with the list's passes 20,000 characters, and
    // one for b.com that fits beside the list's (none).
    backup.prospects[0].notes = `Sent the deck. ${'b'.repeat(12_000)} Budget in Q3.`;
    backup.prospects[0].updatedAt = 10;
    backup.prospects[1].notes = 'Short note';
    backup.prospects[1].updatedAt = 10;
    const report = await restoreBackup(db, backup);
    expect(report).toMatchObject({ updated: 2, notesKept: ['a.com'] });
    const after = await allProspects(db);
    expect(after.find((p) => p.domain === 'a.com')?.notes).toBe(listNote);
    expect(after.find((p) => p.domain === 'b.com')?.notes).toBe('Short note');
    expect(notesKeptMessage(report, 'backup.json')).toBe(
      "a.com keeps its note as it was: joined with the backup's (a different one), it would pass the 20,000 characters a note holds. The backup's note is still in backup.json.",
    );
  });

  it('names at most three companies whose notes a restore kept, and counts the rest', () => {
    const report = { added: 0, updated: 5, unchanged: 0, notesKept: ['A', 'B', 'C', 'D', 'E'], leftOut: [] };
    expect(notesKeptMessage(report, 'b.json')).toMatch(
      /^5 companies \(A, B, C and 2 more\) keep their notes as they were: .* The backup's notes are still in b\.json\.$/,
    );
    expect(notesKeptMessage({ ...report, notesKept: [] }, 'b.json')).toBe('');
  });

  it('restoring the list’s own backup changes nothing and says so, whatever the order of its facts', async () => {
    const db = fresh();
    // The address before the other facts: merging facts rebuilds them in another order.
    await saveProspect(db, known('acme.com', 'acme', { hqCity: fact('Berlin'), hqCountry: fact('DE') }), 1);
    await saveProspect(db, known('other.com', null), 1);
    const before = await allProspects(db);
    expect(await restoreBackup(db, await roundTrip(db, 2))).toEqual({
      added: 0,
      updated: 0,
      unchanged: 2,
      notesKept: [],
      leftOut: [],
    });
    expect(await allProspects(db)).toEqual(before);
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

  it('says a backup made by a newer ICP Lens is one, to update ICP Lens to restore it, and writes nothing', async () => {
    const db = fresh();
    const source = fresh();
    await saveProspect(source, input('a.com'), 1);
    const newer = { ...(await roundTrip(source, 2)), version: 2 };
    await expect(restoreBackup(db, newer)).rejects.toThrow(
      'This backup was made by a newer version of ICP Lens (backup format 2; this version reads format 1). Update ICP Lens to restore it; nothing was changed.',
    );
    expect(await db.prospects.count()).toBe(0);
  });

  type Edit = (p: Prospect, facts: Required<CompanyFacts>) => void;
  /** A backup of one company whose first record `change` has edited (a hand-edited or crafted file). */
  const edited = async (change: Edit) => {
    const source = fresh();
    await saveProspect(
      source,
      known('acme.com', 'acme', { keywords: fact(['robots']), industryId: fact('software') }),
      1,
    );
    const backup = await roundTrip(source, 2);
    const [prospect] = backup.prospects as Prospect[];
    if (prospect) change(prospect, prospect.facts as Required<CompanyFacts>);
    return backup;
  };
  const long = (n: number) => 'x'.repeat(n);

  it.each<[string, Edit, RegExp]>([
    [
      'a domain with a path',
      (p) => {
        p.domain = 'evil.example/login?next=';
      },
      /prospects\[0\]\.domain: must be a bare domain/,
    ],
    [
      'a domain with a scheme',
      (p) => {
        p.domain = 'https://acme.com';
      },
      /prospects\[0\]\.domain/,
    ],
    [
      'a domain with a user',
      (p) => {
        p.domain = 'acme.com@evil.example';
      },
      /prospects\[0\]\.domain/,
    ],
    [
      'a javascript: source',
      (p) => {
        p.sourceUrls = ['javascript:alert(1)'];
      },
      /prospects\[0\]\.sourceUrls\[0\]: must be an http/,
    ],
    [
      'a source that is not an address',
      (p) => {
        p.sourceUrls = ['acme.com'];
      },
      /prospects\[0\]\.sourceUrls\[0\]/,
    ],
    [
      'a LinkedIn slug with a path',
      (p) => {
        p.linkedinSlug = 'acme/../../x';
      },
      /prospects\[0\]\.linkedinSlug/,
    ],
    [
      'an endless name',
      (p) => {
        p.name = long(2001);
      },
      /prospects\[0\]\.name:/,
    ],
    [
      'an endless lower-case name',
      (p) => {
        p.nameLower = long(4001);
      },
      /prospects\[0\]\.nameLower:/,
    ],
    [
      'an endless ICP name',
      (p) => {
        p.icpName = long(2001);
      },
      /prospects\[0\]\.icpName:/,
    ],
    [
      'an endless industry',
      (p) => {
        p.industryId = long(2001);
      },
      /prospects\[0\]\.industryId:/,
    ],
    [
      'a country that is not a code',
      (p) => {
        p.hqCountry = 'Germany';
      },
      /prospects\[0\]\.hqCountry:/,
    ],
    [
      'a fact with endless alternatives',
      (_p, facts) => {
        facts.name.alternatives = Array(9).fill({ ...facts.name, alternatives: undefined });
      },
      /prospects\[0\]\.facts\.name\.alternatives:/,
    ],
    [
      'an endless list fact',
      (_p, facts) => {
        facts.keywords.value = Array(201).fill('robots');
      },
      /prospects\[0\]\.facts\.keywords\.value:/,
    ],
    [
      'endless criteria',
      (p) => {
        p.result.criteria = Array(51).fill(p.result.criteria[0]);
      },
      /prospects\[0\]\.result\.criteria:/,
    ],
    [
      'an endless criterion label',
      (p) => {
        p.result.criteria = [
          { ...p.result.criteria[0], label: long(2001) },
        ] as Prospect['result']['criteria'];
      },
      /prospects\[0\]\.result\.criteria\[0\]\.label:/,
    ],
    [
      'endless tier caps',
      (p) => {
        p.result.caps = Array(51).fill('Must-have not met');
      },
      /prospects\[0\]\.result\.caps:/,
    ],
  ])('refuses a backup with %s, naming it, and keeps what is saved', async (_what, change, problem) => {
    const db = fresh();
    await saveProspect(db, known('saved.com', null), 1);
    const before = await allProspects(db);
    const backup = await edited(change);
    await expect(restoreBackup(db, backup)).rejects.toThrow(/^Not an ICP Lens backup: /);
    await expect(restoreBackup(db, backup)).rejects.toThrow(problem);
    expect(await allProspects(db)).toEqual(before);
  });

  it('restores real domains and sources: a country-code suffix, punycode, an underscore, plain http', async () => {
    const backup = await edited((p) => {
      p.sourceUrls = ['http://acme.co.uk/about', 'https://www.linkedin.com/company/acme/'];
    });
    const one = backup.prospects[0];
    backup.prospects = ['acme.co.uk', 'xn--mnchen-3ya.de', 'my_shop.com', 'shop.xn--p1ai'].map(
      (domain, i) => ({ ...one, domain, linkedinSlug: `acme-${i}` }),
    );
    const db = fresh();
    expect(await restoreBackup(db, backup)).toEqual({
      added: 4,
      updated: 0,
      unchanged: 0,
      notesKept: [],
      leftOut: [],
    });
  });
});

describe('reading a backup file', () => {
  const file = (text: string, size = text.length) => ({
    size,
    text: vi.fn(async () => text),
  });

  it('refuses a file over the size limit before reading it, saying what to choose instead', async () => {
    const big = file('{}', MAX_BACKUP_BYTES + 1);
    expect(await readBackupFile(big)).toEqual({
      ok: false,
      problem:
        'is 513 MB; a backup is at most 512 MB, about the most text a browser can read at once. Choose the .json file "Back up" saved.',
    });
    expect(big.text).not.toHaveBeenCalled();
  });

  it('reads a file within the limit, and names one that is not JSON', async () => {
    expect(await readBackupFile(file('{"format":"icp-lens-backup"}', MAX_BACKUP_BYTES))).toEqual({
      ok: true,
      json: { format: 'icp-lens-backup' },
    });
    expect(await readBackupFile(file('not json'))).toEqual({
      ok: false,
      problem: 'is not a JSON file (a backup is the .json "Back up" saves).',
    });
  });
});
