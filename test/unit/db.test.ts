import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { IcpLensDb, type Prospect, type SeenPage, StorageError, writeProspects } from '@/lib/db/index';
import {
  allProspects,
  deleteProspects,
  findProspectFor,
  getProspect,
  mapProspects,
  notPutBackMessage,
  ProspectGoneError,
  restoreProspects,
  saveProspect,
  updateProspect,
  visitSummaries,
} from '@/lib/db/prospects';
import { countVerdicts, VERDICT_BLOCK } from '@/lib/db/verdict-store';
import { factValues, type ProspectSummary, summarize } from '@/lib/db/verdicts';
import { mergeCandidates } from '@/lib/extract/merge';
import { updateFacts } from '@/lib/extract/update-facts';
import { DEFAULT_ICP, type Icp, nothingKnown, scoreCompany } from '@/lib/icp';
import { openUpgraded } from '../helpers/db-snapshot';
import { fixturePath, loadFixture, readPage, SAMPLES } from '../helpers/dom';

/** A database of schema v1 (before the prospect list) with remembered pages, saved in test/fixtures/db. */
async function v1Database(name: string): Promise<SeenPage[]> {
  const saved = JSON.parse(readFileSync(fixturePath('db/v1-with-pages.json'), 'utf8')) as {
    tables: { pages: SeenPage[] };
  };
  const old = new Dexie(name);
  old.version(1).stores({ pages: '&url, domain, linkedinSlug, seenAt' });
  await old.table('pages').bulkAdd(saved.tables.pages);
  old.close();
  return saved.tables.pages;
}

/**
 * A database of schema v5 (names indexed from each word, no name sort key), saved in test/fixtures/db: made by
 * the v5 code with fake-indexeddb, eight companies whose names start with accents and capitals or without.
 */
function v5Snapshot() {
  return JSON.parse(readFileSync(fixturePath('db/v5-names.json'), 'utf8')) as {
    database: { version: number; stores: Record<string, string>; tables: Record<string, unknown[]> };
    prospects: Prospect[];
  };
}

describe('database upgrades', () => {
  it('v1 → current keeps every remembered page and adds an empty prospect list', async () => {
    const name = `upgrade-${Math.random()}`;
    const pages = await v1Database(name);
    const db = new IcpLensDb(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.pages.orderBy('url').toArray()).toEqual(
      [...pages].sort((a, b) => a.url.localeCompare(b.url)),
    );
    expect(await db.prospects.count()).toBe(0);
    expect(await countVerdicts(db)).toBe(0);
    db.close();
  });

  it('v5 → v6 keeps every prospect as it was and sorts the old records by name as a rep reads them', async () => {
    const snapshot = v5Snapshot();
    expect(snapshot.database.version).toBe(5);
    const db = await openUpgraded(snapshot.database, 'upgrade-v5');
    expect(db.verno).toBe(6);
    expect(await allProspects(db)).toEqual(snapshot.prospects);
    const nameOf = new Map(snapshot.prospects.map((p) => [p.id, p.name]));
    const byName = (await db.prospects.orderBy('nameSort').primaryKeys()).map((id) => nameOf.get(id));
    expect(byName).toEqual([
      'ACME Robotics',
      'Apex Labs',
      'Äpfel & Co',
      'bravo GmbH',
      'émile SA',
      'Ökoplan GmbH',
      'Ørsted A/S',
      'Zürich Data',
    ]);
    // The search index of v5 is kept: a later word still finds its company.
    expect(await db.prospects.where('nameTails').startsWith('data').primaryKeys()).toHaveLength(1);
    db.close();
  });
});

function company(file: string, icp: Icp = DEFAULT_ICP) {
  const sample = SAMPLES.find((s) => s.file === file);
  if (!sample) throw new Error(file);
  const facts = mergeCandidates(readPage(loadFixture(`samples/${file}`, sample.url), sample.url));
  return {
    facts,
    result: scoreCompany(facts, icp),
    icp: { name: icp.name, version: icp.version },
    sourceUrls: [sample.url],
  };
}

describe('the prospect list', () => {
  const fresh = () => new IcpLensDb(`prospects-${Math.random()}`);

  /**
   * A storage layer under Dexie that refuses writes to the tables `refuses` names (none at first), with the
   * browser's error of that name, as a full disk or a failing database does.
   */
  function failingWrites(db: IcpLensDb, error: string) {
    const state = { refuses: (_table: string) => false };
    db.use({
      stack: 'dbcore',
      name: 'failing-writes',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req) =>
              state.refuses(name)
                ? Promise.reject(new DOMException('The write was refused.', error))
                : table.mutate(req),
          };
        },
      }),
    });
    return state;
  }

  it('a full disk says so, writes nothing, and keeps what was saved before', async () => {
    const db = fresh();
    const disk = failingWrites(db, 'QuotaExceededError');
    const { prospect } = await saveProspect(db, company('lumenfold-home.html'), 1000);
    await updateProspect(db, prospect.id as number, { notes: 'Call Ana' }, 1100);
    const before = await allProspects(db);
    // The quota is used up: the browser refuses every write.
    disk.refuses = () => true;
    await expect(saveProspect(db, company('fernbridge-impressum.html'), 2000)).rejects.toThrow(
      /no room left.*nothing was saved/,
    );
    await expect(updateProspect(db, prospect.id as number, { notes: 'lost?' })).rejects.toBeInstanceOf(
      StorageError,
    );
    await expect(deleteProspects(db, [prospect.id as number])).rejects.toBeInstanceOf(StorageError);
    disk.refuses = () => false;
    expect(await allProspects(db)).toEqual(before);
  });

  it('a prospect and its verdict are written together or not at all', async () => {
    const db = fresh();
    const storage = failingWrites(db, 'UnknownError');
    const { prospect } = await saveProspect(db, company('lumenfold-home.html'), 1000);
    // Only the rank records refuse writes (written last, after the company, its evidence and its verdict's
    // block): none of those may stay behind alone.
    storage.refuses = (table) => table === 'ranks';
    await expect(saveProspect(db, company('fernbridge-impressum.html'), 2000)).rejects.toBeInstanceOf(
      StorageError,
    );
    await expect(
      saveProspect(db, company('lumenfold-home.html', { ...DEFAULT_ICP, version: 9 }), 3000),
    ).rejects.toBeInstanceOf(StorageError);
    storage.refuses = () => false;
    expect(await db.prospects.count()).toBe(1);
    expect(await db.evidence.count()).toBe(1);
    expect(await countVerdicts(db)).toBe(1);
    expect((await db.verdictBlocks.toArray()).flatMap((b) => b.verdicts)).toHaveLength(1);
    expect(await allProspects(db)).toEqual([prospect]);
  });

  it('maps a long list in id ranges across verdict blocks, in the order asked, leaving out deleted ones', async () => {
    const db = fresh();
    const base = company('lumenfold-home.html');
    const domain = base.facts.domain;
    if (!domain) throw new Error('the sample has a domain');
    const ids: number[] = [];
    for (let i = 0; i < 3 * VERDICT_BLOCK + 5; i++) {
      const facts = { ...base.facts, domain: { ...domain, value: `c${i}.example` } };
      ids.push((await saveProspect(db, { ...base, facts }, 1000 + i)).prospect.id as number);
    }
    const gone = [ids[3], ids[VERDICT_BLOCK], ids[ids.length - 1]] as number[];
    await deleteProspects(db, gone);
    // An order of the list's own (every third first), as the list page asks for it.
    const wanted = [...ids.filter((_, i) => i % 3 === 0), ...ids.filter((_, i) => i % 3 !== 0)];
    const expected = wanted.filter((id) => !gone.includes(id));
    const byIds = await mapProspects(db, wanted, (p) => p, {}, wanted.length);
    expect(byIds.map((p) => p.id)).toEqual(expected);
    // Chunks of 10: the ids are read in ranges of whole verdict blocks, several of them.
    for (const options of [{}, { evidence: false }]) {
      const byRanges = await mapProspects(db, wanted, (p) => p, options, 10);
      expect(byRanges.map((p) => p.id)).toEqual(expected);
      if (!('evidence' in options)) expect(byRanges).toEqual(byIds);
      else expect(byRanges.map((p) => p.score)).toEqual(byIds.map((p) => p.score));
    }
  });

  it('maps prospects in the order asked, by ids or in key ranges, leaving out deleted ones', async () => {
    const db = fresh();
    const saved = new Set<number>();
    for (const { file } of SAMPLES) {
      const found = company(file);
      if (!found.facts.domain && !found.facts.linkedinUrl) continue;
      const { prospect } = await saveProspect(db, found, 1000);
      saved.add(prospect.id as number);
    }
    const ids = [...saved];
    expect(ids.length).toBeGreaterThanOrEqual(4);
    const wanted = [...ids].reverse().slice(0, -1);
    await deleteProspects(db, [wanted[1] as number]);
    const expected = wanted.filter((_, i) => i !== 1);
    const byIds = await mapProspects(db, wanted, (p) => p);
    // A chunk of 2 reads the tables in several key ranges.
    const byRanges = await mapProspects(db, wanted, (p) => p, {}, 2);
    expect(byIds.map((p) => p.id)).toEqual(expected);
    expect(byRanges).toEqual(byIds);
    for (const p of byIds) expect(await getProspect(db, p.id as number)).toEqual(p);
    // Without evidence: the same prospects, each fact reduced to its value.
    for (const light of [
      await mapProspects(db, wanted, (p) => p, { evidence: false }),
      await mapProspects(db, wanted, (p) => p, { evidence: false }, 2),
    ]) {
      expect(light.map((p) => p.id)).toEqual(expected);
      light.forEach((p, i) => {
        const full = byIds[i] as Prospect;
        expect({ ...p, facts: null }).toEqual({ ...full, facts: null });
        expect(factValues(p.facts)).toEqual(factValues(full.facts));
      });
    }
  });

  it('summarises prospects for exports straight from their records, as it summarises whole prospects', async () => {
    const db = fresh();
    const ids: number[] = [];
    for (const { file } of SAMPLES) {
      const found = company(file);
      if (!found.facts.domain && !found.facts.linkedinUrl) continue;
      ids.push((await saveProspect(db, found, 1000)).prospect.id as number);
    }
    const first = ids[0] as number;
    await updateProspect(db, first, { status: 'contacted', notes: 'Call back', tags: ['q3'] });
    const wanted = [...ids].reverse();
    const whole = await mapProspects(db, wanted, summarize);
    // Some sample meets criteria, and some misses one: the labels are the ones met, not all of them.
    expect(whole.some((s) => s.met.length > 0)).toBe(true);
    expect(whole.find((s) => s.status === 'contacted')).toMatchObject({ notes: 'Call back', tags: ['q3'] });
    for (const chunk of [wanted.length, 2]) {
      const visited: ProspectSummary[] = [];
      await visitSummaries(
        db,
        [...wanted, 9999],
        (at, s) => {
          visited[at] = s;
        },
        chunk,
      );
      expect(visited).toEqual(whole);
    }
    const prospects = await mapProspects(db, wanted, (p) => p);
    expect(whole.some((s, i) => s.met.length < (prospects[i]?.result.criteria.length ?? 0))).toBe(true);
    prospects.forEach((p, i) => {
      const met = p.result.criteria.filter((c) => c.status === 'match' || c.status === 'partial');
      expect(whole[i]?.met).toEqual(
        met
          .filter((c) => c.rule !== 'disqualifier')
          .map((c) => (c.status === 'partial' ? `${c.label} (partly)` : c.label)),
      );
    });
    // A partial match says so (Fernbridge's 140 employees are in an acceptable band, not the ideal one).
    expect(whole.flatMap((s) => s.met)).toContain('200–2,000 employees (partly)');
  });

  it('saves a company once, with its facts, tier, score and the ICP version used', async () => {
    const db = fresh();
    const { prospect, created } = await saveProspect(db, company('lumenfold-home.html'), 1000);
    expect(created).toBe(true);
    expect(prospect).toMatchObject({
      name: 'Lumenfold',
      domain: 'lumenfold.io',
      tier: 'tier_1',
      score: 100,
      status: 'new',
      icpVersion: 1,
      savedAt: 1000,
    });
    expect(prospect.tierHistory).toEqual([{ from: null, to: 'tier_1', icpVersion: 1, at: 1000 }]);
  });

  it('saving the same company again (from its LinkedIn page) updates the one record and keeps the rep’s notes', async () => {
    const db = fresh();
    const site = company('lumenfold-home.html');
    const { prospect } = await saveProspect(db, site, 1000);
    await updateProspect(
      db,
      prospect.id as number,
      { status: 'researching', notes: 'Met at SaaStr', tags: ['event'] },
      1500,
    );
    // The LinkedIn page shares no domain text with the site here, but names the same LinkedIn slug.
    const linkedin = {
      ...site,
      facts: { ...site.facts, domain: undefined },
      sourceUrls: ['https://www.linkedin.com/company/lumenfold'],
    };
    const again = await saveProspect(db, linkedin, 2000);
    expect(again.created).toBe(false);
    expect(await db.prospects.count()).toBe(1);
    expect(again.prospect).toMatchObject({
      domain: 'lumenfold.io',
      status: 'researching',
      notes: 'Met at SaaStr',
      tags: ['event'],
      updatedAt: 2000,
    });
    expect(again.prospect.sourceUrls).toEqual([
      'https://www.linkedin.com/company/lumenfold',
      'https://www.lumenfold.io/',
    ]);
  });

  it('an update from a thin page keeps the saved facts it does not show, and files the company by them', async () => {
    const db = fresh();
    const site = company('lumenfold-home.html');
    expect(site.facts.employees && site.facts.industryId && site.facts.hqCountry).toBeTruthy();
    await saveProspect(db, { ...site, score: (f) => scoreCompany(f, DEFAULT_ICP) }, 1000);
    // A blog post of the same site, once the richer pages were forgotten: its name, domain and a new city.
    const thinFacts = {
      name: site.facts.name,
      domain: site.facts.domain,
      hqCity: { ...(site.facts.hqCity ?? site.facts.name), value: 'Lisbon' },
    } as typeof site.facts;
    const thin = { ...site, facts: thinFacts, result: scoreCompany(thinFacts, DEFAULT_ICP) };
    expect(nothingKnown(thin.result)).toBe(true);
    const again = await saveProspect(db, { ...thin, score: (f) => scoreCompany(f, DEFAULT_ICP) }, 2000);
    // Counted as the facts table shows them (the industry's taxonomy id goes with the industry), and the
    // saved country and region went with the city the page shows: one address, not two mixed.
    const notKept = ['hqCity', 'hqRegion', 'hqCountry', 'industryId', 'revenueUsd', 'fundingTotalUsd'];
    expect(again.kept).toBe(
      Object.keys(site.facts).filter((key) => !(key in thinFacts) && !notKept.includes(key)).length,
    );
    expect(again.kept).toBeGreaterThan(3);
    expect(again.prospect.facts.hqCountry).toBeUndefined();
    expect(again.prospect.facts.employees).toEqual(site.facts.employees);
    expect(again.prospect.facts.industryId).toEqual(site.facts.industryId);
    // What the page shows replaces what was saved.
    expect(again.prospect.facts.hqCity?.value).toBe('Lisbon');
    expect(again.prospect).toMatchObject({ tier: 'tier_1', score: site.result.score });
    expect(again.result.tier).toBe('tier_1');
    expect(again.prospect.tierHistory).toHaveLength(1);
    expect((await getProspect(db, again.prospect.id as number))?.facts.employees).toEqual(
      site.facts.employees,
    );
  });

  it('an update from a page that shows no name keeps the saved name', async () => {
    const db = fresh();
    const site = company('lumenfold-home.html');
    await saveProspect(db, site, 1000);
    const nameless = { ...site.facts };
    delete nameless.name;
    for (const score of [undefined, (f: typeof nameless) => scoreCompany(f, DEFAULT_ICP)]) {
      const again = await saveProspect(
        db,
        { ...site, facts: nameless, result: scoreCompany(nameless, DEFAULT_ICP), score },
        2000,
      );
      expect(again.prospect.name).toBe(site.facts.name?.value);
    }
  });

  it('a fact a page shows takes the facts derived from the saved one with it (the industry and its id)', () => {
    const saved = company('lumenfold-home.html').facts;
    expect(saved.industryId).toBeDefined();
    const industry = { ...(saved.industry as NonNullable<typeof saved.industry>), value: 'Bakery' };
    const updated = updateFacts(saved, { industry });
    expect(updated.industry?.value).toBe('Bakery');
    expect(updated.industryId).toBeUndefined();
    expect(updated.employees).toEqual(saved.employees);
  });

  it('records a tier change in the history', async () => {
    const db = fresh();
    const { prospect } = await saveProspect(db, company('fernbridge-impressum.html'), 1);
    const stricter: Icp = { ...DEFAULT_ICP, version: 2, tiers: { tier1: 95, tier2: 90, tier3: 85 } };
    const again = await saveProspect(db, company('fernbridge-impressum.html', stricter), 2);
    expect(prospect.tier).toBe('tier_3');
    expect(again.prospect.tierHistory.at(-1)).toEqual({
      from: 'tier_3',
      to: 'not_a_fit',
      icpVersion: 2,
      at: 2,
    });
  });

  it('finds the saved record from facts, by domain or LinkedIn slug', async () => {
    const db = fresh();
    await saveProspect(db, company('quarry-peak-linkedin.html'));
    expect((await findProspectFor(db, company('quarry-peak-linkedin.html').facts))?.name).toBe(
      'Quarry Peak Logistics',
    );
    expect(await findProspectFor(db, company('lumenfold-home.html').facts)).toBeUndefined();
  });

  it('refuses a company it could not find again, without writing anything', async () => {
    const db = fresh();
    const nameless = {
      ...company('lumenfold-home.html'),
      facts: { name: company('lumenfold-home.html').facts.name },
    };
    await expect(saveProspect(db, nameless)).rejects.toThrow(/neither a website domain nor a LinkedIn page/);
    expect(await db.prospects.count()).toBe(0);
  });

  it('a change to a prospect deleted meanwhile says so, and one caught in a transaction does not undo the others', async () => {
    const db = fresh();
    const { prospect } = await saveProspect(db, company('lumenfold-home.html'), 1);
    const kept = (await saveProspect(db, company('fernbridge-impressum.html'), 1)).prospect;
    await deleteProspects(db, [prospect.id as number]);
    await expect(updateProspect(db, prospect.id as number, { notes: 'Call Ana' })).rejects.toThrow(
      new ProspectGoneError(),
    );
    expect(await db.prospects.count()).toBe(1);

    await writeProspects(db, () =>
      Promise.all(
        [prospect.id, kept.id].map((id) =>
          updateProspect(db, id as number, { status: 'contacted' }).catch((error: unknown) => {
            if (!(error instanceof ProspectGoneError)) throw error;
          }),
        ),
      ),
    );
    expect((await allProspects(db)).map((p) => [p.id, p.status])).toEqual([[kept.id, 'contacted']]);
  });

  it('deletes with undo', async () => {
    const db = fresh();
    const { prospect } = await saveProspect(db, company('lumenfold-home.html'));
    const gone = await deleteProspects(db, [prospect.id as number]);
    expect(await db.prospects.count()).toBe(0);
    expect(await db.verdictBlocks.count()).toBe(0);
    expect(await db.ranks.count()).toBe(0);
    await restoreProspects(db, gone);
    expect(await getProspect(db, prospect.id as number)).toEqual(prospect);
  });

  it('an undo after the company was saved again keeps one record, with the note and status of the deleted one', async () => {
    const db = fresh();
    const { prospect } = await saveProspect(db, company('lumenfold-home.html'), 1);
    await updateProspect(
      db,
      prospect.id as number,
      { notes: 'Spoke to the CFO', status: 'contacted', tags: ['q3'] },
      2,
    );
    await saveProspect(db, company('fernbridge-impressum.html'), 3);
    const gone = await deleteProspects(db, [prospect.id as number]);
    // Saved again from its page before the undo: a new record.
    const again = (await saveProspect(db, company('lumenfold-home.html'), 4)).prospect;
    await restoreProspects(db, gone);
    const lumenfold = (await allProspects(db)).filter((p) => p.domain === 'lumenfold.io');
    expect(lumenfold).toHaveLength(1);
    expect(lumenfold[0]).toMatchObject({
      id: again.id,
      notes: 'Spoke to the CFO',
      status: 'contacted',
      tags: ['q3'],
      savedAt: 1,
    });
    expect(await db.prospects.count()).toBe(2);
  });

  it('an undo does not cut the deleted note where it and the note of the record saved again since would pass the limit together', async () => {
    const db = fresh();
    const { prospect } = await saveProspect(db, company('lumenfold-home.html'), 1);
    const id = prospect.id as number;
    const deletedNote = `Met at SaaStr. ${'d'.repeat(12_000)} Call back in May.`;
    await updateProspect(db, id, { notes: deletedNote, status: 'contacted', tags: ['q3'] }, 2);
    const gone = await deleteProspects(db, [id]);
    const again = (await saveProspect(db, company('lumenfold-home.html'), 3)).prospect;
    const newNote = `Sent the deck. ${'n'.repeat(12_000)} Budget in Q3.`;
    await updateProspect(db, again.id as number, { notes: newNote }, 4);

    const { notPutBack } = await restoreProspects(db, gone);
    // Nothing joined and cut: the list's record stays as it was, and the Undo still holds the deleted one whole.
    expect(await allProspects(db)).toMatchObject([{ id: again.id, notes: newNote, status: 'new', tags: [] }]);
    expect(notPutBack).toEqual(gone);
    expect(notPutBackMessage(notPutBack)).toBe(
      'Lumenfold was not put back: with the note written since it was saved again, its deleted note would pass the 20,000 characters a note holds, and the end of one would be cut. Undo still holds it whole: shorten the note on the list, then press Undo again.',
    );

    // Once the rep has made room, the same Undo puts it back with both notes whole.
    await updateProspect(db, again.id as number, { notes: 'Sent the deck.' }, 5);
    expect(await restoreProspects(db, notPutBack)).toEqual({ notPutBack: [], leftOut: [] });
    expect(await allProspects(db)).toMatchObject([
      { id: again.id, notes: `Sent the deck.\n\n${deletedNote}`, status: 'contacted', tags: ['q3'] },
    ]);
  });

  it('an undo that merges into the record saved again since reports the deleted tags there was no room for', async () => {
    const db = fresh();
    const { prospect } = await saveProspect(db, company('lumenfold-home.html'), 1);
    await updateProspect(db, prospect.id as number, { tags: ['q3', 'event', 'expo'] }, 2);
    const gone = await deleteProspects(db, [prospect.id as number]);
    const again = (await saveProspect(db, company('lumenfold-home.html'), 3)).prospect;
    const newTags = Array.from({ length: 49 }, (_, i) => `new ${i}`);
    await updateProspect(db, again.id as number, { tags: newTags }, 4);

    const { notPutBack, leftOut } = await restoreProspects(db, gone);
    expect(notPutBack).toEqual([]);
    expect(leftOut).toEqual([{ name: 'Lumenfold', tags: ['event', 'expo'], sources: 0 }]);
    expect((await allProspects(db))[0]?.tags).toEqual([...newTags, 'q3']);
  });

  it('names at most three companies an undo did not put back, and counts the rest', () => {
    const deleted = ['A', 'B', 'C', 'D', 'E'].map((name) => ({ name }) as Prospect);
    expect(notPutBackMessage(deleted)).toMatch(
      /^5 companies \(A, B, C and 2 more\) were not put back: with the notes written since they were saved again, their deleted notes would pass .* Undo still holds them whole: shorten the notes on the list, then press Undo again\.$/,
    );
    expect(notPutBackMessage([])).toBe('');
  });
});
