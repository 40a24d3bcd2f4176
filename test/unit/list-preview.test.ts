import { describe, expect, it } from 'vitest';
import { IcpLensDb } from '@/lib/db/index';
import { previewOnList } from '@/lib/db/list-preview';
import { saveProspect } from '@/lib/db/prospects';
import { unpackBlock } from '@/lib/db/verdict-store';
import type { CompanyFacts } from '@/lib/extract/schema';
import { DEFAULT_ICP, scoreCompany } from '@/lib/icp';
import { fact } from '../helpers/facts';
import { machineryIcp } from '../helpers/icps';

/** A company of 500 people in Germany, founded 2010, in the given industry. */
const company = (name: string, industry: string): CompanyFacts => ({
  name: fact(name),
  domain: fact(`${name.toLowerCase().replace(/\W+/g, '')}.example`),
  industry: fact(industry),
  employees: fact({ min: 500, max: 500 }),
  hqCountry: fact('DE'),
  foundedYear: fact(2010),
});

async function listOf(companies: CompanyFacts[]) {
  const db = new IcpLensDb(`preview-${Math.random()}`);
  for (const facts of companies)
    await saveProspect(db, {
      facts,
      result: scoreCompany(facts, DEFAULT_ICP),
      icp: DEFAULT_ICP,
      sourceUrls: [],
    });
  return db;
}

describe('previewing a draft ICP on the prospect list', () => {
  it('counts the list under both ICPs and names the companies that would move, writing nothing', async () => {
    const db = await listOf([
      company('Lumen Soft', 'Software Development'),
      company('Fern Maschinenbau', 'Industrial Machinery Manufacturing'),
      company('Ostwerk Maschinen', 'Industrial Machinery Manufacturing'),
      { name: fact('Ashgrove Studio'), domain: fact('ashgrove.example') },
    ]);
    const before = await db.verdictBlocks.toArray();
    const preview = await previewOnList(db, DEFAULT_ICP, machineryIcp(2));
    expect(preview.total).toBe(4);
    expect(preview.counts.tier_1).toEqual({ before: 1, after: 2 });
    expect(preview.counts.not_enough_known).toEqual({ before: 1, after: 1 });
    expect(preview.movedUp).toBe(2);
    expect(preview.movedDown).toBe(1);
    expect(preview.movers.map((m) => [m.name, m.before, m.after])).toEqual(
      expect.arrayContaining([
        ['Fern Maschinenbau', expect.not.stringMatching('tier_1'), 'tier_1'],
        ['Ostwerk Maschinen', expect.not.stringMatching('tier_1'), 'tier_1'],
        ['Lumen Soft', 'tier_1', expect.not.stringMatching('tier_1')],
      ]),
    );
    expect(preview.movers).toHaveLength(3);
    // The same ICP moves no one.
    const same = await previewOnList(db, DEFAULT_ICP, DEFAULT_ICP);
    expect(same.movers).toEqual([]);
    expect(same.counts.tier_1).toEqual({ before: 1, after: 1 });
    expect(await db.verdictBlocks.toArray()).toEqual(before);
    db.close();
  });

  it('counts a move between Not a fit and Not enough known apart from moves up and down', async () => {
    // The headquarters, outside the target regions, and an old founding year are known: Not a fit; a draft
    // without the location criterion knows too little of it to judge.
    const db = await listOf([
      {
        name: fact('Rio Logistica'),
        domain: fact('rio.example'),
        hqCountry: fact('BR'),
        foundedYear: fact(1985),
      },
    ]);
    const draft = { ...DEFAULT_ICP, criteria: DEFAULT_ICP.criteria.filter((c) => c.kind !== 'location') };
    const preview = await previewOnList(db, DEFAULT_ICP, draft);
    expect(preview.counts.not_a_fit).toEqual({ before: 1, after: 0 });
    expect(preview.counts.not_enough_known).toEqual({ before: 0, after: 1 });
    expect([preview.movedUp, preview.movedDown, preview.movedAcross]).toEqual([0, 0, 1]);
    expect(preview.movers.map((m) => [m.name, m.before, m.after])).toEqual([
      ['Rio Logistica', 'not_a_fit', 'not_enough_known'],
    ]);
    db.close();
  });

  it('reads a list of more than one step, and stops when asked to', async () => {
    const many = Array.from({ length: 2100 }, (_, i) =>
      company(`Maker ${i}`, 'Industrial Machinery Manufacturing'),
    );
    const db = await listOf(many);
    const preview = await previewOnList(db, DEFAULT_ICP, machineryIcp(2));
    expect(preview.total).toBe(2100);
    expect(preview.movedUp).toBe(2100);
    expect(preview.movers).toHaveLength(10);
    const stop = new AbortController();
    stop.abort();
    expect((await previewOnList(db, DEFAULT_ICP, machineryIcp(2), stop.signal)).total).toBe(0);
    // Asked to stop after the first step (a signal read once per step): what that step scored.
    let asked = 0;
    const afterOneStep = {
      get aborted() {
        return ++asked > 1;
      },
    } as AbortSignal;
    const firstStep = (await db.verdictBlocks.limit(64).toArray()).flatMap(unpackBlock).length;
    expect(firstStep).toBeLessThan(2100);
    expect((await previewOnList(db, DEFAULT_ICP, machineryIcp(2), afterOneStep)).total).toBe(firstStep);
    db.close();
  });
});
